"""
Editors cannot silently undo each other's work.

A form remembers the record's `updated_at` when it was opened (a hidden `version` field); saving
it after someone else has saved the record is refused with a message that names who changed it
and asks the editor to reload. In the admin's list, where editors change statuses row by row,
each row also remembers the values it showed (Django's hidden initial values), so only the rows
the editor actually changed are saved, and a stale row among them is refused on its own.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.forms.models import BaseModelFormSet
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _


class StaleEditGuardForm(forms.ModelForm):
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    # Fields whose shown value travels with the form (see remember_shown_values()); set on the
    # instance because the admin builds its list's form classes anew from the model's fields.
    shown_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.shown_fields:
            if name in self.fields:
                self.fields[name].show_hidden_initial = True
        # A reader's form (view permission only) shows every field read-only, this one too.
        if "version" in self.fields and self.instance.pk and self.instance.updated_at:
            self.fields["version"].initial = self.instance.updated_at.isoformat()

    @property
    def changed_data(self):
        # The version is bookkeeping, not an edit: a stale version alone changes nothing.
        return [name for name in super().changed_data if name != "version"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.has_changed() and self.changed_since_shown():
            latest = self.instance.history.order_by("-history_date").first()
            who = latest.history_user if latest and latest.history_user else _("another editor")
            raise ValidationError(
                _(
                    "%(record)s was changed by %(who)s at %(when)s, after you opened it. Your "
                    "change was not saved: reload the page to see theirs, then make yours again."
                ),
                code="stale",
                params={
                    "record": self.instance,
                    "who": who,
                    "when": date_format(localtime(self.instance.updated_at), "DATETIME_FORMAT"),
                },
            )
        return cleaned

    def changed_since_shown(self):
        """
        True when the record was saved by someone else after this form was shown: the change
        form carries the version it was opened at; a list row carries the values it showed.
        """
        if self.add_prefix("version") in self.data:
            return self.data[self.add_prefix("version")] != self.fields["version"].initial
        return any(
            field.has_changed(self.initial.get(name), self.data[self.add_initial_prefix(name)])
            for name, field in self.fields.items()
            if field.show_hidden_initial and self.add_initial_prefix(name) in self.data
        )


def remember_shown_values(form_class, field_names):
    """
    A list row form that compares what is posted with what the row showed, not with the record
    as it is now: a row someone else changed meanwhile then counts as unchanged (and is not
    saved) unless this editor changed it too.
    """
    return type(form_class.__name__, (form_class,), {"shown_fields": tuple(field_names)})


class RowsLockedWhileSaving(BaseModelFormSet):
    """The admin list's formset: the rows being saved are read FOR UPDATE (see below)."""

    def __init__(self, data=None, files=None, queryset=None, **kwargs):
        if data is not None and queryset is not None:
            queryset = queryset.select_for_update(of=("self",))
        super().__init__(data, files, queryset=queryset, **kwargs)


class LockedWhileSaving:
    """
    A ModelAdmin mixin: a record being saved from its change form, or rows being saved from
    the list, are read with SELECT … FOR UPDATE inside one transaction. Two saves of the same
    record at the same instant are then checked one after the other: the second waits for the
    first to commit, reads the new version (or the new values) and is refused by
    StaleEditGuardForm, instead of both passing the check and the second overwriting the
    first. (PostgreSQL locks the rows; SQLite, which Django does not lock this way, writes one
    transaction at a time.)
    """

    def get_changelist_formset(self, request, **kwargs):
        kwargs.setdefault("formset", RowsLockedWhileSaving)
        return super().get_changelist_formset(request, **kwargs)

    def changelist_view(self, request, extra_context=None):
        # Django checks the list's rows before its own save transaction opens: the check and
        # the save must be one transaction for the lock to hold between them.
        if request.method == "POST" and "_save" in request.POST:
            with transaction.atomic(using=router.db_for_write(self.model)):
                return super().changelist_view(request, extra_context)
        return super().changelist_view(request, extra_context)

    def get_object(self, request, object_id, from_field=None):
        if request.method != "POST":
            return super().get_object(request, object_id, from_field)
        model = self.model
        field = model._meta.pk if from_field is None else model._meta.get_field(from_field)
        try:
            value = field.to_python(object_id)
            return (
                self.get_queryset(request)
                .select_for_update(of=("self",))
                .get(**{field.name: value})
            )
        except (model.DoesNotExist, ValidationError, ValueError):
            return None
