"""Create-or-update by natural key that saves only what differs, so reloading changes nothing.

Also the two upserts every partnership's loader needs: its boards and its partner bodies.
"""

from collections.abc import Iterable
from typing import TypeVar

from django.db import models
from django.utils.text import slugify

from governance.models import Board
from partnership.models import Area, Organisation, PartnerMembership, Partnership

M = TypeVar("M", bound=models.Model)


def upsert(model: type[M], lookup: dict, **values) -> M:
    """The row found by its natural key `lookup`, created or brought up to date with `values`."""
    try:
        instance = model._default_manager.get(**lookup)
    except model.DoesNotExist:
        instance = model(**lookup, **values)
        instance.full_clean()
        instance.save()
        return instance
    update(instance, **values)
    return instance


def update(instance: models.Model, **values) -> bool:
    """Sets the fields that differ and saves (with a history row) only if there were any."""
    changed = {name: value for name, value in values.items() if not _holds(instance, name, value)}
    if not changed:
        return False
    for name, value in changed.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return True


def set_related(instance: models.Model, name: str, objects: Iterable[models.Model]) -> None:
    """Makes a many-to-many field hold exactly `objects`, touching it only if it does not."""
    manager = getattr(instance, name)
    wanted = list(objects)
    if set(manager.values_list("pk", flat=True)) != {obj.pk for obj in wanted}:
        manager.set(wanted)


def _holds(instance: models.Model, name: str, value) -> bool:
    field = instance._meta.get_field(name)
    if field.many_to_one or field.one_to_one:
        # Compare keys, not objects, so that checking a foreign key costs no query.
        return getattr(instance, field.attname) == (value.pk if value is not None else None)
    return getattr(instance, name) == value


def upsert_board(partnership: Partnership, name: str, **values) -> Board:
    """A board of the partnership, found by the slug of its name."""
    return upsert(Board, {"partnership": partnership, "slug": slugify(name)}, name=name, **values)


def upsert_partners(
    partnership: Partnership, area: Area, organisations: list[tuple[str, str, str, bool]]
) -> dict[str, Organisation]:
    """The partner organisations, each (name, short name, kind, serves `area` alone), by name."""
    records = {}
    for name, short_name, kind, local in organisations:
        records[name] = upsert(
            Organisation,
            {"name": name},
            short_name=short_name,
            kind=kind,
            area=area if local else None,
        )
        upsert(PartnerMembership, {"partnership": partnership, "organisation": records[name]})
    return records
