"""The reader's language, for code that reads translated columns as plain rows."""

from django.utils.translation import get_language


def reader_language():
    """ "vi" or "en": the language of the request being answered (Vietnamese by default)."""
    return (get_language() or "vi")[:2]


def in_language(row, field, language=None):
    """
    A translated column of a plain row (``row["name_en"]``) in the reader's language, falling
    back to Vietnamese as the pages do (django-modeltranslation's fallback), then to "".
    Pass `language` when calling it for thousands of rows.
    """
    language = language or reader_language()
    return row.get(f"{field}_{language}") or row.get(f"{field}_vi") or ""
