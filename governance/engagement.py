"""The engagement register: partners log their consultations, record what they found, and see
where two of them reach the same people in the same place in the same weeks.

Two activities overlap when they have the same area (or both have none, and so cover the whole
partnership), the same audience (ignoring case and spacing), and share at least one Monday to
Sunday week. An activity with no area is not taken to overlap one with an area: a
partnership-wide survey and a ward's drop-in are not the same exercise to combine.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.dates import day_and_month, long_date
from governance.models import Board, EngagementActivity
from partnership.models import Area, Organisation, PartnerMembership, Partnership, Person

ENDS_BEFORE_STARTS = _("The activity cannot end before it starts.")
NOT_A_PARTNER = _("{organisation} is not a partner in {partnership}.")
OTHER_PARTNERSHIP_BOARD = _("{board} is not a board of {partnership}.")
FINDINGS_REQUIRED = _("Enter what the activity found.")


@dataclass(frozen=True)
class Overlap:
    """Two activities reaching the same audience in the same area in the same weeks."""

    first: EngagementActivity
    second: EngagementActivity
    weeks: tuple[datetime.date, ...]

    @property
    def weeks_in_words(self) -> str:
        return weeks_in_words(self.weeks)


def week_of(day: datetime.date) -> datetime.date:
    """The Monday that starts the day's week."""
    return day - datetime.timedelta(days=day.weekday())


def audience_key(audience: str) -> str:
    """The audience as compared: case and spacing do not make a different audience."""
    return " ".join(audience.split()).casefold()


def shared_weeks(
    first: EngagementActivity, second: EngagementActivity
) -> tuple[datetime.date, ...]:
    """The Mondays of the weeks both activities run in, earliest first."""
    start = max(week_of(first.starts_on), week_of(second.starts_on))
    end = min(week_of(first.ends_on), week_of(second.ends_on))
    weeks = []
    while start <= end:
        weeks.append(start)
        start += datetime.timedelta(weeks=1)
    return tuple(weeks)


def weeks_in_words(weeks: tuple[datetime.date, ...]) -> str:
    """ "week of 3 March 2014", "weeks of 3 and 10 March 2014", "weeks of 3 March to 7 April
    2014"."""
    first, last = weeks[0], weeks[-1]
    if len(weeks) == 1:
        return gettext("week of {date}").format(date=long_date(first))
    if first.year != last.year:
        start = long_date(first)
    elif first.month == last.month:
        start = str(first.day)
    else:
        start = day_and_month(first)
    end = long_date(last)
    if len(weeks) == 2:
        return gettext("weeks of {first} and {last}").format(first=start, last=end)
    return gettext("weeks of {first} to {last}").format(first=start, last=end)


def engagement_overlaps(
    partnership: Partnership, *, activity: EngagementActivity | None = None
) -> list[Overlap]:
    """Pairs of the partnership's activities that overlap (or those of `activity`), in one
    query."""
    activities = EngagementActivity.objects.filter(partnership=partnership).select_related(
        "organisation", "area"
    )
    groups: dict[tuple[int | None, str], list[EngagementActivity]] = defaultdict(list)
    for each in activities.order_by("starts_on", "topic", "pk"):
        groups[each.area_id, audience_key(each.audience)].append(each)
    overlaps = []
    for group in groups.values():
        for first, second in combinations(group, 2):
            if activity is not None and activity.pk not in (first.pk, second.pk):
                continue
            weeks = shared_weeks(first, second)
            if weeks:
                overlaps.append(Overlap(first=first, second=second, weeks=weeks))
    return sorted(overlaps, key=lambda overlap: (overlap.weeks[0], overlap.first.topic))


def overlaps_by_activity(
    overlaps: list[Overlap],
) -> dict[int, list[tuple[EngagementActivity, Overlap]]]:
    """For each activity, by its primary key, the others it overlaps and how."""
    by_activity: dict[int, list[tuple[EngagementActivity, Overlap]]] = defaultdict(list)
    for overlap in overlaps:
        by_activity[overlap.first.pk].append((overlap.second, overlap))
        by_activity[overlap.second.pk].append((overlap.first, overlap))
    return by_activity


def _as_user(by: Person | None):
    # The history row records who made the change, as the pages' middleware would.
    return getattr(by, "user", None) if by is not None else None


@transaction.atomic
def engagement_log(
    *,
    partnership: Partnership,
    organisation: Organisation,
    topic: str,
    audience: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    method: str,
    area: Area | None = None,
    contact: Person | None = None,
    contact_email: str = "",
    by: Person | None,
) -> EngagementActivity:
    """Logs a partner's activity: it ends on or after it starts; the contact is, unless given,
    whoever logs it."""
    if ends_on < starts_on:
        raise ValidationError({"ends_on": ENDS_BEFORE_STARTS})
    is_partner = (
        PartnerMembership.objects.filter(partnership=partnership, organisation=organisation)
        .current()
        .exists()
    )
    if not is_partner:
        raise ValidationError(
            {
                "organisation": NOT_A_PARTNER.format(
                    organisation=organisation, partnership=partnership
                )
            }
        )
    activity = EngagementActivity(
        partnership=partnership,
        organisation=organisation,
        topic=topic.strip(),
        audience=" ".join(audience.split()),
        area=area,
        starts_on=starts_on,
        ends_on=ends_on,
        method=method,
        contact=contact or by,
        contact_email=contact_email,
    )
    activity.full_clean()
    activity._history_user = _as_user(by)
    activity.save()
    return activity


@transaction.atomic
def engagement_record_findings(
    *,
    activity: EngagementActivity,
    findings: str,
    reported_to: Board | None = None,
    by: Person | None,
) -> EngagementActivity:
    """Records what the activity found and the board of its own partnership it went to."""
    if not findings.strip():
        raise ValidationError({"findings": FINDINGS_REQUIRED})
    if reported_to is not None and reported_to.partnership_id != activity.partnership_id:
        raise ValidationError(
            {
                "reported_to": OTHER_PARTNERSHIP_BOARD.format(
                    board=reported_to, partnership=activity.partnership
                )
            }
        )
    activity.findings = findings.strip()
    activity.reported_to = reported_to
    activity.full_clean()
    activity._history_user = _as_user(by)
    activity.save()
    return activity
