"""
Shared helpers below the apps: the page cache, HTTP decorators, pagination, spreadsheets,
text folding, number and date formatting, model signals, the stale-edit guard, geometry checks,
charts, login limits and footnotes.

Nothing here knows a model of ours: `zones` and `investments` import from `common`, never the
reverse. It is a plain package, not a Django app: it has no models, templates or commands.
"""
