"""
Spreadsheet columns for projects (django-import-export).

`ProjectResource` is the admin's import/export: stable codes for the site, investor, sector and
sources, so that a file exported, corrected and imported again updates the same projects.
The public list's download, with names a reader understands, is in exports.py.
"""

from collections import Counter
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets
from import_export.instance_loaders import CachedInstanceLoader
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from common.caching import bump_data_version
from common.signals import fill_search_text
from common.spreadsheets import unescape_formulas
from common.text import fold
from zones.models import DatePrecision, Organisation, Qualifier, Sector, Site, Source, Unit

from .exports import cited_sources
from .models import FDI_LABELS, IS_FDI, ORIGIN_OF_FDI, Project, ProjectCitation, ProjectStatement


def folded_in_both_languages(lazy_text):
    """A translatable label as an editor may type it, in Vietnamese or English, folded."""
    folded = set()
    for language in ("vi", "en"):
        with translation.override(language):
            folded.add(fold(str(lazy_text)))
    return folded


class CodeWidget(widgets.ForeignKeyWidget):
    """A related record given by its code (slug); an unknown code is a clear row error."""

    def clean(self, value, row=None, **kwargs):
        code = str(value or "").strip()
        if not code:
            return None
        # One query per code per file, not per row: a file of 3,000 rows names few sites.
        known = self.__dict__.setdefault("_known", {})
        if code not in known:
            known[code] = self.get_queryset(value, row, **kwargs).filter(**{self.field: code})
            known[code] = known[code].first()
        if known[code] is None:
            raise ValueError(
                _("no %(thing)s has the code “%(code)s”")
                % {"thing": self.model._meta.verbose_name, "code": code}
            )
        return known[code]


class AreaWidget(widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, int | float | Decimal):
            area = Decimal(str(value))
        else:
            text = str(value).strip().replace(" ", "").replace(",", ".")
            try:
                area = Decimal(text)
            except InvalidOperation:
                raise ValueError(_("“%(value)s” is not a number") % {"value": value}) from None
        if not area.is_finite():
            raise ValueError(_("“%(value)s” is not a number") % {"value": value})
        if area < 0:
            raise ValueError(_("An area cannot be negative."))
        return area


class MoneyWidget(widgets.IntegerWidget):
    """Whole đồng; accepts 2921000000000, 2.921.000.000.000 or 2,921,000,000,000."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, float) and value.is_integer():
            dong = int(value)
        elif isinstance(value, int):
            dong = value
        else:
            text = str(value).strip().replace(" ", "").replace(".", "").replace(",", "")
            digits = text.removeprefix("-")
            if not (digits.isascii() and digits.isdecimal()):  # isdigit() takes "²", int() not
                message = _("“%(value)s” is not a whole number of đồng")
                raise ValueError(message % {"value": value})
            dong = int(text)
        if dong < 0:
            raise ValueError(_("A capital cannot be negative."))
        return dong


class FdiWidget(widgets.Widget):
    TRUE = {"co", "yes", "true", "1", "fdi", "x"}
    FALSE = {"khong", "no", "false", "0", "trong nuoc", "domestic"}
    UNKNOWN = {"", "khong neu", "not stated"}

    def clean(self, value, row=None, **kwargs):
        text = fold(str(value)) if value is not None else ""
        if text in self.UNKNOWN:
            return None
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(
            _("write “có”, “không” or leave empty, not “%(value)s”") % {"value": value}
        )

    def render(self, value, obj=None, **kwargs):
        # The portal's own words (clean() reads them back); an unknown value stays empty.
        return "" if value is None else str(FDI_LABELS[value])


class StatusWidget(widgets.Widget):
    """A project status given by its code or by its label in either language."""

    def clean(self, value, row=None, **kwargs):
        text = fold(str(value or ""))
        if not hasattr(self, "_statuses"):  # once per file: labels in both languages, folded
            self._statuses = {
                name: status.value
                for status in Project.Status
                for name in {status.value, *folded_in_both_languages(status.label)}
            }
        if text in self._statuses:
            return self._statuses[text]
        codes = ", ".join(Project.Status.values)
        raise ValueError(
            _("unknown status “%(value)s”; use one of: %(codes)s")
            % {"value": value, "codes": codes}
        )

    def render(self, value, obj=None, **kwargs):
        return value or ""


class DateWidget(widgets.DateWidget):
    """
    A date cell, or text as editors type it (28/11/2023) or as a .csv export writes it
    (2023-11-28): a file exported from here imports back unchanged.
    """

    FORMATS = ("%d/%m/%Y", "%Y-%m-%d")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime):
            # An .xlsx date cell reads back as a datetime, which never equals the stored date:
            # every dated row of the admin's own export looked changed.
            return value.date()
        if isinstance(value, str) and value.strip():
            for date_format in self.FORMATS:
                try:
                    return datetime.strptime(value.strip(), date_format).date()  # noqa: DTZ007 (a date, no time)
                except ValueError:
                    continue
        return super().clean(value, row, **kwargs)


# Native values on export (coerce_to_string=False), so .xlsx cells are real dates and numbers.
DATE = DateWidget(format="%d/%m/%Y", coerce_to_string=False)


class ProjectResource(resources.ModelResource):
    slug = fields.Field("slug", gettext_lazy("Project code"))
    name_vi = fields.Field("name_vi", gettext_lazy("Name (Vietnamese)"))
    name_en = fields.Field("name_en", gettext_lazy("Name (English)"))
    site = fields.Field("site", gettext_lazy("Site code"), CodeWidget(Site, "slug"))
    investor = fields.Field(
        "investor", gettext_lazy("Investor code"), CodeWidget(Organisation, "slug")
    )
    sector = fields.Field("sector", gettext_lazy("Sector code"), CodeWidget(Sector, "slug"))
    # The project's first area in hectares and capital in đồng, read from its figures (see
    # ProjectQuerySet.with_first_amounts) and written back to them (_keep_figures).
    area_ha = fields.Field("area_ha", gettext_lazy("Area (ha)"), AreaWidget(coerce_to_string=False))
    # The first capital in đồng, whatever kind its source gives (registered, invested,
    # planned): the figure's label says which, and a column never calls them all registered.
    capital_vnd = fields.Field(
        "capital_vnd",
        gettext_lazy("Capital (VND)"),
        MoneyWidget(coerce_to_string=False),
    )
    is_fdi = fields.Field("is_fdi", gettext_lazy("FDI (có/không)"), FdiWidget())
    approval_date = fields.Field("approval_date", gettext_lazy("Approval date"), DATE)
    status = fields.Field("status", gettext_lazy("Status"), StatusWidget())
    status_date = fields.Field("status_date", gettext_lazy("Status as of"), DATE)
    sources = fields.Field(None, gettext_lazy("Sources (codes)"), readonly=False)

    # How each column's cells are written, for the import template's second sheet.
    FORMATS = {
        "slug": gettext_lazy(
            "Required. Unique code of lowercase letters, digits and hyphens, "
            "e.g. nha-may-giay; the same code updates the same project."
        ),
        "name_vi": gettext_lazy("Required. The project's name in Vietnamese."),
        "name_en": gettext_lazy("Optional. The project's name in English."),
        "site": gettext_lazy(
            "Optional. Code of the industrial zone or cluster, as in the "
            "address of its page (e.g. quang-chu)."
        ),
        "investor": gettext_lazy(
            "Optional. Code of the investor, as in the address of its "
            "page; add a new investor in the admin first. An empty cell leaves the investor "
            "the sources named as it is."
        ),
        "sector": gettext_lazy("Optional. Code of the sector (see the Sectors list)."),
        "area_ha": gettext_lazy("Optional. Hectares, a number not below 0, e.g. 12,5."),
        "capital_vnd": gettext_lazy(
            "Optional. Whole đồng, not billions, not below 0, e.g. 150000000000."
        ),
        "is_fdi": gettext_lazy(
            "Optional. “có” for an FDI project, “không” for a domestic "
            "one, empty when the source does not say."
        ),
        "approval_date": gettext_lazy("Optional. A date cell or dd/mm/yyyy."),
        "status": gettext_lazy(
            "Required. One of: registering, approved, preparing, under_construction, "
            "trial_operation, operating, stalled, stopped, abandoned (or their names)."
        ),
        "status_date": gettext_lazy("Optional. A date cell or dd/mm/yyyy."),
        "sources": gettext_lazy(
            "Required. Codes of the sources, separated by commas, e.g. S1; "
            "add a new source in the admin first."
        ),
    }

    class Meta:
        model = Project
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "name_vi",
            "name_en",
            "site",
            "investor",
            "sector",
            "area_ha",
            "capital_vnd",
            "is_fdi",
            "approval_date",
            "status",
            "status_date",
            "sources",
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        # Rows are checked one by one but written in batches, and existing projects are read
        # in one query: a file of PROJECT_IMPORT_MAX_ROWS rows imports within seconds.
        use_bulk = True
        batch_size = 500
        instance_loader_class = CachedInstanceLoader

    def get_queryset(self):
        return Project.objects.for_list()

    def template_columns(self):
        """(name, heading, how to write it) per column, in the order the import page lists."""
        names = {id(field): name for name, field in self.fields.items()}
        return [
            (names[id(field)], str(field.column_name), str(self.FORMATS[names[id(field)]]))
            for field in self.get_user_visible_fields()
        ]

    def dehydrate_site(self, project):
        return project.site.slug if project.site else ""

    def dehydrate_investor(self, project):
        return project.investor.slug if project.investor else ""

    def dehydrate_sector(self, project):
        return project.sector.slug if project.sector else ""

    def before_export(self, queryset, **kwargs):
        # Every source the project's page cites (its citations' and its statements'), for all
        # the rows in one query: a project's sector, status or investor may be cited only
        # through its statement.
        self._cited = cited_sources(queryset)

    def dehydrate_sources(self, project):
        cited = getattr(self, "_cited", None)
        if cited is None:
            cited = cited_sources(Project.objects.filter(pk=project.pk))
        return ", ".join(cited.get(project.pk, []))

    def before_import(self, dataset, **kwargs):
        """Refuse a file whose columns are not this resource's, or that repeats a project."""
        self._sources_by_key = {source.key: source for source in Source.objects.all()}
        self._user = kwargs.get("user")
        self._rows_saved = []
        # A .csv written by csv_text() escaped formula-like text with a "'": take it off.
        for number, row in enumerate(dataset):
            dataset[number] = tuple(unescape_formulas(value) for value in row)
        problem = self._recognise_headers(dataset) or self._repeated_codes(dataset)
        if problem:
            # A problem with the whole file: no row is looked at, so none reports noise.
            del dataset[0 : len(dataset)]
            raise ValueError(problem)

    def _repeated_codes(self, dataset):
        codes = [str(code or "").strip() for code in dataset[str(self.fields["slug"].column_name)]]
        repeated = sorted(code for code, count in Counter(codes).items() if code and count > 1)
        if repeated:
            return _("The file lists these project codes more than once: %(codes)s.") % {
                "codes": ", ".join(repeated)
            }
        return None

    def _recognise_headers(self, dataset):
        """
        Accept each column under its code or its heading in either language; return what is
        wrong with the columns, if anything.
        """
        aliases = {}
        for name, field in self.fields.items():
            for label in {fold(name), *folded_in_both_languages(field.column_name)}:
                aliases[label] = str(field.column_name)
        headers = [str(header or "").strip() for header in dataset.headers or []]
        recognised = [aliases.get(fold(header)) for header in headers]
        unknown = [header for header, known in zip(headers, recognised, strict=True) if not known]
        missing = [
            str(field.column_name)
            for field in self.fields.values()
            if str(field.column_name) not in recognised
        ]
        problems = []
        if missing:
            problems.append(_("missing columns: %(columns)s") % {"columns": ", ".join(missing)})
        if unknown:
            problems.append(_("unknown columns: %(columns)s") % {"columns": ", ".join(unknown)})
        if problems:
            return _("The file's columns do not match the template (%(problems)s).") % {
                "problems": "; ".join(problems)
            }
        dataset.headers = recognised
        return None

    def before_import_row(self, row, **kwargs):
        keys = self._source_keys(row)
        unknown = [key for key in keys if key not in self._sources_by_key]
        column = str(self.fields["sources"].column_name)
        if not keys:
            raise ValidationError(
                {"sources": _("%(column)s: name at least one source.") % {"column": column}}
            )
        if unknown:
            raise ValidationError(
                {
                    "sources": _("%(column)s: unknown source %(keys)s.")
                    % {
                        "column": column,
                        "keys": ", ".join(unknown),
                    }
                }
            )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """
        The model's own rules, without a query per row: the codes were resolved by the widgets
        (one query per code per file), and repeated project codes by before_import().
        """
        errors = dict(import_validation_errors or {})
        try:
            # Check constraints cost a query each; the fields' validators say the same (no
            # negative area or capital) with a message, and the database refuses the rest.
            instance.full_clean(
                exclude=[*errors, "site", "investor", "sector"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        # Saved in bulk, without save()'s signals: keep what they would have kept.
        fill_search_text(Project, instance)
        instance.updated_at = timezone.now()
        self._rows_saved.append((instance, self._source_keys(row)))

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """New projects in one go, with their history, citations and figures."""
        self._write_in_bulk(self.create_instances, dry_run, result, raise_errors, created=True)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        self._write_in_bulk(self.update_instances, dry_run, result, raise_errors, created=False)

    def get_bulk_update_fields(self):
        # Sources, capital and area are written as citations and figures, not as columns.
        not_columns = {"sources", "capital_vnd", "area_ha"}
        return [
            *(name for name in super().get_bulk_update_fields() if name not in not_columns),
            "search_text",
            "updated_at",
        ]

    def _write_in_bulk(self, instances, dry_run, result, raise_errors, created):
        """
        Projects, then what follows from each row: its citations, and its capital and area
        as sourced figures (so the project's page shows them with their sources, as every
        figure). A preview (dry run) writes nothing.
        """
        if not instances:
            return
        try:
            if not dry_run:
                history = {"default_user": self._user, "default_change_reason": _("Import")}
                if created:
                    bulk_create_with_history(instances, Project, batch_size=500, **history)
                else:
                    bulk_update_with_history(
                        instances, Project, self.get_bulk_update_fields(), 500, **history
                    )
                self._cite_and_figure(instances, history)
        except Exception as error:
            self.handle_import_error(result, error, raise_errors)
        finally:
            instances.clear()

    def _cite_and_figure(self, instances, history):
        keys = {id(instance): keys for instance, keys in self._rows_saved}
        saved = {instance.slug: instance for instance in instances}
        projects = Project.objects.filter(slug__in=saved).in_bulk(field_name="slug")
        existing = set(
            ProjectCitation.objects.filter(project__in=projects.values()).values_list(
                "project_id", "source_id"
            )
        )
        citations = []
        for slug, project in projects.items():
            for key in keys.get(id(saved[slug]), []):
                source = self._sources_by_key[key]
                if (project.pk, source.pk) not in existing:
                    citations.append(ProjectCitation(project=project, source=source))
                    existing.add((project.pk, source.pk))
        ProjectCitation.objects.bulk_create(citations, batch_size=1000)
        rows_by_project = {
            project: (
                saved[slug],
                [self._sources_by_key[key] for key in keys.get(id(saved[slug]), [])],
            )
            for slug, project in projects.items()
        }
        self._keep_figures(rows_by_project, history)
        self._keep_statuses(rows_by_project, history)
        self._keep_approvals(rows_by_project, history)
        for kind, given, named, copy in self.NAMED:
            self._keep_named(rows_by_project, history, kind, given, named, copy)

    def _keep_figures(self, rows_by_project, history):
        """
        Each row's capital (đồng) and area (ha) as the project's figures in those units, with
        the row's sources. A figure in another unit (a capital a source gives in US dollars)
        is another figure and stays as it is. A handful of queries for the whole batch.
        """
        kinds = {ProjectStatement.Kind.CAPITAL: Unit.VND, ProjectStatement.Kind.AREA: Unit.HECTARES}
        existing = {}
        for figure in ProjectStatement.objects.filter(
            project__in=rows_by_project, kind__in=kinds
        ).order_by("position"):
            existing.setdefault((figure.project_id, figure.kind), []).append(figure)
        new, changed = [], []
        for project, (row, sources) in rows_by_project.items():
            given = {
                ProjectStatement.Kind.CAPITAL: row.capital_vnd,
                ProjectStatement.Kind.AREA: row.area_ha,
            }
            for kind, amount in given.items():
                if amount is None:
                    continue
                figures = existing.get((project.pk, kind), [])
                same_unit = [figure for figure in figures if figure.unit == kinds[kind]]
                if not same_unit:
                    figure = ProjectStatement(
                        project=project,
                        kind=kind,
                        unit=kinds[kind],
                        position=max((figure.position for figure in figures), default=-1) + 1,
                        label_vi=str(ProjectStatement.Kind(kind).label),
                        amount=amount,
                    )
                    new.append((figure, sources))
                elif same_unit[0].amount != amount or same_unit[0].qualifier != Qualifier.EXACT:
                    figure = same_unit[0]
                    figure.amount, figure.qualifier = amount, Qualifier.EXACT
                    changed.append((figure, sources))
        self._write_statements(new, changed, ["amount", "qualifier"], history)

    def _keep_statuses(self, rows_by_project, history):
        """
        Each row's status and its date as the project's current status statement, with the
        row's sources: a new project's first, or its current one changed in place (its
        history keeps what it said before), as an editor would in the project's form. A
        changed status drops the words and the period that described the one before.
        """
        current, _positions = self._current_statements(
            rows_by_project, ProjectStatement.Kind.STATUS
        )
        new, changed = [], []
        for project, (row, sources) in rows_by_project.items():
            statement = current.get(project.pk)
            if statement is None:
                statement = ProjectStatement(project=project, kind=ProjectStatement.Kind.STATUS)
                new.append((statement, sources))
            elif (statement.status, statement.as_of) != (row.status, row.status_date):
                changed.append((statement, sources))
            else:
                continue
            if statement.status != row.status:
                statement.text_vi = statement.text_en = statement.text = ""
            statement.status, statement.as_of = row.status, row.status_date
            statement.as_of_precision = DatePrecision.DAY
            statement.period_label_vi = statement.period_label_en = statement.period_label = ""
        self._write_statements(new, changed, self.STATUS_FIELDS, history)
        # The project's copies: the row gave the status and its date, not their precision
        # or a period.
        Project.objects.filter(pk__in=[s.project_id for s, _sources in new + changed]).update(
            status_date_precision=DatePrecision.DAY, status_period_vi="", status_period_en=""
        )

    def _keep_approvals(self, rows_by_project, history):
        """
        Each row's approval date as the date of the project's current approval statement
        (whose words, the decision's number, the file has no column for), with the row's
        sources: a new one, or the current one changed in place. An empty cell changes nothing.
        """
        current, _positions = self._current_statements(
            rows_by_project, ProjectStatement.Kind.APPROVAL
        )
        new, changed = [], []
        for project, (row, sources) in rows_by_project.items():
            statement = current.get(project.pk)
            if row.approval_date is None:
                if statement is not None:
                    # The copy the row emptied goes back to the statement's.
                    Project.objects.filter(pk=project.pk).update(approval_date=statement.as_of)
                continue
            if statement is None:
                statement = ProjectStatement(project=project, kind=ProjectStatement.Kind.APPROVAL)
                new.append((statement, sources))
            elif (statement.as_of, statement.as_of_precision) != (
                row.approval_date,
                DatePrecision.DAY,
            ):
                changed.append((statement, sources))
            else:
                continue
            statement.as_of, statement.as_of_precision = row.approval_date, DatePrecision.DAY
        self._write_statements(new, changed, ["as_of", "as_of_precision"], history)
        Project.objects.filter(pk__in=[s.project_id for s, _sources in new + changed]).update(
            approval_date_precision=DatePrecision.DAY
        )

    # The columns that name what a statement names (see _keep_named): its property, the row's
    # value, the statement's field that holds it, and the project's copy of it.
    NAMED = [
        (
            ProjectStatement.Kind.INVESTOR,
            lambda row: row.investor_id,
            "organisation_id",
            lambda statement: {"investor_id": statement.organisation_id},
        ),
        (
            ProjectStatement.Kind.SECTOR,
            lambda row: row.sector_id,
            "sector_id",
            lambda statement: {"sector_id": statement.sector_id},
        ),
        (
            ProjectStatement.Kind.ORIGIN,
            lambda row: ORIGIN_OF_FDI[row.is_fdi],
            "origin",
            lambda statement: {"is_fdi": IS_FDI[statement.origin]},
        ),
    ]

    def _keep_named(self, rows_by_project, history, kind, given, named, copy):
        """
        What each row gives (`given(row)`: the investor, the sector, the origin) as the
        project's current statement of `kind` (the first that names a value, in its field
        `named`), with the row's sources: a new one, or the current one changed in place (its
        history keeps what it named before; the words that described that go). An empty cell
        changes nothing (`copy(statement)` puts the project's copy back): a file cannot
        unname what a source named.
        """
        current, positions = self._current_statements(rows_by_project, kind, names_a_value=True)
        new, changed = [], []
        for project, (row, sources) in rows_by_project.items():
            statement = current.get(project.pk)
            value = given(row)
            if value is None:
                if statement is not None:
                    # The copy the row emptied goes back to the statement's.
                    Project.objects.filter(pk=project.pk).update(**copy(statement))
                continue
            if statement is None:
                statement = ProjectStatement(
                    project=project, kind=kind, position=positions.get(project.pk, -1) + 1
                )
                new.append((statement, sources))
            elif getattr(statement, named) != value:
                changed.append((statement, sources))
                statement.text_vi = statement.text_en = statement.text = ""
            else:
                continue
            setattr(statement, named, value)
        self._write_statements(new, changed, [named, "text", "text_vi", "text_en"], history)

    @staticmethod
    def _current_statements(rows_by_project, kind, names_a_value=False):
        """
        In one query: project id → its current statement of `kind` (the first in reading
        order, as Project.first_statement() reads it), and project id → the highest position
        its statements of `kind` take.
        """
        current, positions = {}, {}
        statements = ProjectStatement.objects.filter(project__in=rows_by_project, kind=kind)
        for statement in sorted(statements, key=ProjectStatement.reading_order):
            project_id = statement.project_id
            positions[project_id] = max(positions.get(project_id, -1), statement.position)
            if statement.names_a_value or not names_a_value:
                current.setdefault(project_id, statement)
        return current, positions

    STATUS_FIELDS = [
        "status",
        "as_of",
        "as_of_precision",
        "text",
        "text_vi",
        "text_en",
        "period_label",
        "period_label_vi",
        "period_label_en",
    ]

    @staticmethod
    def _write_statements(new, changed, fields, history):
        """New and changed project statements, each with its history and the row's sources."""
        bulk_create_with_history([s for s, _sources in new], ProjectStatement, **history)
        bulk_update_with_history(
            [s for s, _sources in changed], ProjectStatement, fields, **history
        )
        through = ProjectStatement.sources.through
        through.objects.filter(projectstatement__in=[s for s, _sources in changed]).delete()
        through.objects.bulk_create(
            [
                through(projectstatement=statement, source=source)
                for statement, sources in [*new, *changed]
                for source in sources
            ]
        )

    def after_import(self, dataset, result, **kwargs):
        # Bulk writes send no post_save: mark the cached public pages stale once.
        if not kwargs.get("dry_run"):
            bump_data_version()

    def _source_keys(self, row):
        """The row's source codes, in order, each once ("S20, s20, S21" cites S20 and S21)."""
        cell = row.get(str(self.fields["sources"].column_name)) or ""
        keys = (key.strip().upper() for key in str(cell).split(","))
        return list(dict.fromkeys(key for key in keys if key))
