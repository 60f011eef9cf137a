"""Writes to partnership records: every change that a rule guards goes through here."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from partnership.models import Merger, Organisation

MERGER_NEEDS_PREDECESSORS = "Choose the organisations that merged."
MERGED_INTO_ITSELF = "{organisation} cannot be merged into itself."
MERGED_INTO_OWN_PREDECESSOR = (
    "{predecessor} cannot be merged into {successor}: {successor} is one of the organisations "
    "{predecessor} was formed from."
)
MERGER_BEFORE_FOUNDED = "{organisation} was founded on {founded_on}: it cannot merge before then."


@dataclass(frozen=True)
class Succession:
    """The mergers that formed an organisation and its forebears (latest first), and those it
    and its successors went into (earliest first), each beside the organisation that went in."""

    earlier: list[Merger]
    later: list[tuple[Organisation, Merger]]


def _earlier_merger_ids(organisation_id: int) -> set[int]:
    """Every merger that formed the organisation or, further back, its predecessors."""
    through = Merger.predecessors.through
    found: set[int] = set()
    successors = {organisation_id}
    while successors:
        mergers = set(
            Merger.objects.filter(successor_id__in=successors)
            .exclude(pk__in=found)
            .values_list("pk", flat=True)
        )
        found |= mergers
        successors = set(
            through.objects.filter(merger_id__in=mergers).values_list("organisation_id", flat=True)
        )
    return found


def _later_merger_ids(organisation_id: int) -> dict[int, int]:
    """Every merger the organisation or, further on, its successors went into, each with the
    organisation of the line that went in."""
    through = Merger.predecessors.through
    found: dict[int, int] = {}
    frontier = {organisation_id}
    while frontier:
        links = dict(
            through.objects.filter(organisation_id__in=frontier)
            .exclude(merger_id__in=found)
            .values_list("merger_id", "organisation_id")
        )
        found |= links
        frontier = set(Merger.objects.filter(pk__in=links).values_list("successor_id", flat=True))
    return found


def predecessor_ids(organisation: Organisation) -> set[int]:
    """Every organisation this one was formed from, directly or through earlier mergers."""
    return set(
        Merger.predecessors.through.objects.filter(
            merger_id__in=_earlier_merger_ids(organisation.pk)
        ).values_list("organisation_id", flat=True)
    )


def organisation_succession(organisation: Organisation) -> Succession:
    """The line of succession through mergers, followed back and forward to its ends."""
    earlier = _earlier_merger_ids(organisation.pk)
    later = _later_merger_ids(organisation.pk)
    mergers = {
        merger.pk: merger
        for merger in Merger.objects.filter(pk__in=earlier | later.keys())
        .select_related("successor")
        .prefetch_related("predecessors")
    }
    went_in = {
        merger_pk: next(o for o in mergers[merger_pk].predecessors.all() if o.pk == organisation_pk)
        for merger_pk, organisation_pk in later.items()
    }
    return Succession(
        earlier=sorted((mergers[pk] for pk in earlier), key=lambda m: m.effective_on, reverse=True),
        later=sorted(
            ((went_in[pk], mergers[pk]) for pk in later), key=lambda pair: pair[1].effective_on
        ),
    )


@transaction.atomic
def merger_record(
    *,
    successor: Organisation,
    predecessors: Iterable[Organisation],
    effective_on: datetime.date,
    description: str = "",
    by: AbstractBaseUser,
) -> Merger:
    """Records organisations merging into a successor; no line of succession may loop."""
    predecessors = list(predecessors)
    if not predecessors:
        raise ValidationError({"predecessors": MERGER_NEEDS_PREDECESSORS})
    if successor in predecessors:
        raise ValidationError({"predecessors": MERGED_INTO_ITSELF.format(organisation=successor)})
    for predecessor in predecessors:
        if successor.pk in predecessor_ids(predecessor):
            raise ValidationError(
                {
                    "predecessors": MERGED_INTO_OWN_PREDECESSOR.format(
                        predecessor=predecessor, successor=successor
                    )
                }
            )
        if predecessor.founded_on and effective_on < predecessor.founded_on:
            raise ValidationError(
                {
                    "effective_on": MERGER_BEFORE_FOUNDED.format(
                        organisation=predecessor, founded_on=f"{predecessor.founded_on:%-d %B %Y}"
                    )
                }
            )
    merger = Merger(successor=successor, effective_on=effective_on, description=description)
    merger.full_clean()
    merger._history_user = by
    merger.save()
    merger.predecessors.set(predecessors)
    for predecessor in predecessors:
        if predecessor.dissolved_on is None:
            # The predecessor ceased as a body by the merger; its seats, shares of joint
            # appointments and partnerships stay as they were, as the record of what it did.
            predecessor.dissolved_on = effective_on
            predecessor.full_clean()
            predecessor._history_user = by
            predecessor.save()
    return merger
