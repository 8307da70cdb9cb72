"""
For the migrations that move a fact from a record to a statement (zones 0017 the developer,
0018 the status; investments 0010 a project's status): the record's history of that fact
becomes the statement's, one record for each change, with its date, its editor and its
reason, and the statement's many-to-many values (its sites, its sources) as they are now.
Those migrations depend on it as it is: change it only with them in mind.
"""


def copy_site_history(apps, site, statement, values_of):
    """
    Write a historical record of `statement` for each record of `site`'s history whose
    `values_of(record)` (the fact, as the statement's fields) differs from the one before.
    """
    HistoricalSite = apps.get_model("zones", "HistoricalSite")
    copy_history(
        apps,
        HistoricalSite.objects.filter(id=site.pk),
        statement,
        values_of,
        ("zones", "Statement"),
        relations=["sites", "sources"],
    )


def copy_history(apps, records, statement, values_of, model, relations):
    """
    copy_site_history() for any record's history (`records`) and any statement `model`
    (app label, name) registered with django-simple-history, with these many-to-many
    `relations` kept.
    """
    app_label, name = model
    Statement = apps.get_model(app_label, name)
    HistoricalStatement = apps.get_model(app_label, f"Historical{name}")
    # The history leaves some columns out (the search text).
    kept = {field.attname for field in HistoricalStatement._meta.concrete_fields}
    now = {
        field.attname: getattr(statement, field.attname)
        for field in Statement._meta.concrete_fields
        if field.attname in kept
    }
    # Each m2m history row names the row of the relation it copies.
    owner = f"{name.lower()}_id"
    rows = {}
    for relation in relations:
        through = getattr(Statement, relation).through
        target = through._meta.get_field(relation.rstrip("s")).attname
        rows[relation] = (
            apps.get_model(app_label, f"Historical{name}_{relation}"),
            target,
            list(through.objects.filter(**{owner: statement.pk})),
        )
    previous = None
    for record in records.order_by("history_date", "history_id"):
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
        for historical, target, relation_rows in rows.values():
            historical.objects.bulk_create(
                historical(
                    history=history,
                    id=row.pk,
                    **{owner: getattr(row, owner), target: getattr(row, target)},
                )
                for row in relation_rows
            )
        previous = values


def mark_preferred(model, statements_and_subjects):
    """
    For zones 0021 and investments 0014: of each group of reported statements of one property
    about one record (`statements_and_subjects`: (statement, group key) pairs), the one alone at
    the lowest position becomes preferred when the group has others and pages already showed
    it first (newest, or undated among undated). Their history is left as it was: the rank is
    new.
    """
    groups = {}
    for statement, key in statements_and_subjects:
        if statement.nature == "report":
            groups.setdefault(key, []).append(statement)
    preferred = []
    for group in groups.values():
        lowest = min(statement.position for statement in group)
        first = [statement for statement in group if statement.position == lowest]
        shown_first = min(group, key=shown_order)
        if len(group) > 1 and first == [shown_first]:
            preferred.append(shown_first.pk)
    model.objects.filter(pk__in=preferred).update(rank="preferred")


def shown_order(statement):
    """The order pages read a property's reported statements in before ranks: newest first."""
    dated = statement.as_of.toordinal() if statement.as_of else 0
    return (statement.as_of is None, -dated, statement.position)
