"""Prompting a board member, item by item, with registered interests an agenda item may touch.

A prompt is no finding: whether an interest is personal or prejudicial is each member's own
judgement. It names the organisation or ward that an item shares with a registered interest.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Exists
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext

from governance.interests import current_interests
from governance.models import BoardMembership, Interest
from meetings.models import AgendaItem, Meeting, Report
from partnership.models import Person
from partnership.rules import person_of


@dataclass(frozen=True)
class InterestPrompt:
    """One registered interest an item may touch, and why."""

    interest: Interest
    reason: str


def _names(text: str, name: str) -> bool:
    pattern = rf"\b{re.escape(name)}\b"
    return bool(name) and re.search(pattern, text, flags=re.IGNORECASE) is not None


def _item_text(item: AgendaItem) -> str:
    """The item's own words and its report's, without markup."""
    parts = [item.title, item.purpose]
    report: Report | None = item.report
    if report is not None:
        parts += [report.title, report.wards_affected]
        parts += [strip_tags(getattr(report, field)) for field in Report.RICH_TEXT_FIELDS]
    return "\n".join(parts)


def _people_of(item: AgendaItem) -> list[tuple[str, Person]]:
    """Who is named with the item, each with the words of a prompt for someone from the
    organisation of an interest."""
    people = [(gettext("its presenter, {person}, is from {organisation}"), item.presenter)]
    if item.report is not None:
        people.append(
            (
                gettext("its report's contact officer, {person}, is from {organisation}"),
                item.report.contact_officer,
            )
        )
    return [(prompt, person) for prompt, person in people if person is not None]


def _reason(interest: Interest, item: AgendaItem, text: str) -> str | None:
    organisation = interest.organisation
    if organisation is not None:
        if any(_names(text, name) for name in (organisation.name, organisation.short_name)):
            return gettext("the item names {organisation}").format(organisation=organisation)
        for prompt, person in _people_of(item):
            if person.organisation_id == organisation.pk:
                return prompt.format(person=person, organisation=organisation)
    report = item.report
    if (
        interest.area is not None
        and report is not None
        and _names(report.wards_affected, interest.area.name)
    ):
        return gettext("its report affects {area}").format(area=interest.area.name)
    return None


def interest_prompts(
    *, principal, meeting: Meeting, items: Sequence[AgendaItem]
) -> dict[int, list[InterestPrompt]]:
    """Each item's prompts for a signed-in member of the board, by item id; none for others.

    The items come with their report, its contact officer and the presenter loaded.
    """
    person = person_of(principal)
    if person is None:
        return {}
    # Only a member of the board is prompted: one query asks for a seat and the interests.
    seat = BoardMembership.objects.filter(board=meeting.board_id, person=person).current()
    interests = list(
        current_interests(person=person, on=timezone.localdate(meeting.starts_at)).filter(
            Exists(seat)
        )
    )
    if not interests:
        return {}
    prompts = {}
    for item in items:
        text = _item_text(item)
        found = [
            InterestPrompt(interest, reason)
            for interest in interests
            if (reason := _reason(interest, item, text)) is not None
        ]
        if found:
            prompts[item.pk] = found
    return prompts
