"""
For the migrations that move a fact from the site record to a statement (0017 the developer,
0018 the status): the site's history of that fact becomes the statement's, one record for
each change, with its date, its editor and its reason, and the statement's sites and sources
as they are now. Those migrations depend on it as it is: change it only with them in mind.
"""


def copy_site_history(apps, site, statement, values_of):
    """
    Write a historical record of `statement` for each record of `site`'s history whose
    `values_of(record)` (the fact, as the statement's fields) differs from the one before.
    """
    HistoricalSite = apps.get_model("zones", "HistoricalSite")
    HistoricalStatement = apps.get_model("zones", "HistoricalStatement")
    HistoricalSites = apps.get_model("zones", "HistoricalStatement_sites")
    HistoricalSources = apps.get_model("zones", "HistoricalStatement_sources")
    Statement = apps.get_model("zones", "Statement")
    # The history leaves some columns out (the search text).
    kept = {field.attname for field in HistoricalStatement._meta.concrete_fields}
    now = {
        field.attname: getattr(statement, field.attname)
        for field in Statement._meta.concrete_fields
        if field.attname in kept
    }
    # Each m2m history row names the row of the relation it copies.
    site_rows = list(Statement.sites.through.objects.filter(statement_id=statement.pk))
    source_rows = list(Statement.sources.through.objects.filter(statement_id=statement.pk))
    previous = None
    for record in HistoricalSite.objects.filter(id=site.pk).order_by("history_date", "history_id"):
        values = values_of(record)
        if values == previous:
            continue
        recorded = {**now, **(values or {})}
        history = HistoricalStatement.objects.create(
            **{name: value for name, value in recorded.items() if name in kept},
            history_date=record.history_date,
            history_user_id=record.history_user_id,
            history_change_reason=record.history_change_reason,
            history_type="+" if previous is None else "~",
        )
        HistoricalSites.objects.bulk_create(
            HistoricalSites(
                history=history, id=row.pk, statement_id=row.statement_id, site_id=row.site_id
            )
            for row in site_rows
        )
        HistoricalSources.objects.bulk_create(
            HistoricalSources(
                history=history, id=row.pk, statement_id=row.statement_id, source_id=row.source_id
            )
            for row in source_rows
        )
        previous = values
