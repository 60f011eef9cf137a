"""Writes to partnership records: every change that a rule guards goes through here."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from partnership.models import Merger, Organisation
from partnership.succession import predecessor_ids

MERGER_NEEDS_PREDECESSORS = "Choose the organisations that merged."
MERGED_INTO_ITSELF = "{organisation} cannot be merged into itself."
MERGED_INTO_OWN_PREDECESSOR = (
    "{predecessor} cannot be merged into {successor}: {successor} is one of the organisations "
    "{predecessor} was formed from."
)
MERGER_BEFORE_FOUNDED = "{organisation} was founded on {founded_on}: it cannot merge before then."


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
