"""Renumbering rows kept in order (remit clauses, agenda items), their history kept."""

from django.db.models import F, Model


def renumber(rows: list[Model], field: str) -> None:
    """Numbers the rows 1, 2, 3 ... in `field`, in the order given, saving those that change.

    Numbers are unique per parent and checked row by row, so the moving rows first step clear
    of every number in use, then take their new numbers. The step clear is a plain update, seen
    by nobody outside the transaction; each row's new number is saved with its history.
    """
    moving = [row for number, row in enumerate(rows, start=1) if getattr(row, field) != number]
    if not moving:
        return
    clear_of = max(getattr(row, field) for row in rows)
    model = type(moving[0])
    model.objects.filter(pk__in=[row.pk for row in moving]).update(**{field: F(field) + clear_of})
    for row in moving:
        setattr(row, field, rows.index(row) + 1)
        row.save(update_fields=[field, "modified_at"])
