"""How long before a meeting its agenda and reports must be published, by the partnership's nation.

The law counts clear days: neither the day of publication nor the day of the meeting counts, and
nor do weekends or the nation's bank holidays.
"""

import datetime
from dataclasses import dataclass

import holidays
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting
from partnership.models import Nation

NOTICE_RULE_NOT_SET = _(
    "No notice period is set for {nation}, so the last date to publish cannot be worked out."
)


@dataclass(frozen=True)
class NoticeRule:
    """Clear working days of notice, the statute requiring them, and whose bank holidays apply."""

    clear_days: int
    statute: str
    holiday_subdivision: str


# The one place to correct a notice period. Subdivisions are those of holidays.UnitedKingdom;
# England and Wales share a calendar, Scotland keeps 2 January and St Andrew's Day instead of
# Easter Monday. Northern Ireland is left out on purpose: its councils' access-to-information
# rules are not settled here, and guessing a period would make a late agenda look on time.
NOTICE_RULES = {
    Nation.ENGLAND: NoticeRule(5, _("section 100B of the Local Government Act 1972"), "ENG"),
    Nation.WALES: NoticeRule(3, _("section 100BA of the Local Government Act 1972"), "WLS"),
    Nation.SCOTLAND: NoticeRule(
        3, _("section 50B of the Local Government (Scotland) Act 1973"), "SCT"
    ),
}


class NoticeRuleNotSet(ValueError):
    """The nation has no notice rule, so no date can be worked out."""


def notice_rule(nation: str) -> NoticeRule:
    try:
        return NOTICE_RULES[nation]
    except KeyError:
        raise NoticeRuleNotSet(NOTICE_RULE_NOT_SET.format(nation=Nation(nation).label)) from None


def _is_working_day(day: datetime.date, bank_holidays: holidays.HolidayBase) -> bool:
    return day.weekday() < 5 and day not in bank_holidays


def _bank_holidays(rule: NoticeRule, *years: int) -> holidays.HolidayBase:
    return holidays.UnitedKingdom(subdiv=rule.holiday_subdivision, years=set(years))


def clear_days_between(
    published_on: datetime.date, meeting_date: datetime.date, nation: str
) -> int:
    """Working days strictly after publication and strictly before the meeting."""
    rule = notice_rule(nation)
    bank_holidays = _bank_holidays(rule, *range(published_on.year, meeting_date.year + 1))
    days_between = (meeting_date - published_on).days - 1
    return sum(
        _is_working_day(published_on + datetime.timedelta(days=n), bank_holidays)
        for n in range(1, days_between + 1)
    )


def last_day_to_publish(meeting_date: datetime.date, nation: str) -> datetime.date:
    """The last day on which publishing still leaves the required clear days before the meeting."""
    rule = notice_rule(nation)
    # A few working days never reach back more than a year.
    bank_holidays = _bank_holidays(rule, meeting_date.year - 1, meeting_date.year)
    day, counted = meeting_date, 0
    while counted < rule.clear_days:
        day -= datetime.timedelta(days=1)
        counted += _is_working_day(day, bank_holidays)
    # `day` is the earliest clear day needed; publication must come before it.
    return day - datetime.timedelta(days=1)


def is_late(published_on: datetime.date, meeting_date: datetime.date, nation: str) -> bool:
    """Published with fewer clear days before the meeting than the nation's rule requires."""
    return clear_days_between(published_on, meeting_date, nation) < notice_rule(nation).clear_days


@dataclass(frozen=True)
class AgendaNotice:
    """What a meeting's notice rule says of its agenda: when it must be out, and whether it was."""

    rule: NoticeRule | None
    last_day: datetime.date | None
    published_late: bool | None
    # Unpublished and past its last day: publishing now needs an urgency reason.
    overdue: bool = False
    rule_not_set: str = ""


def agenda_notice(meeting: Meeting) -> AgendaNotice:
    nation = meeting.board.partnership.nation
    try:
        rule = notice_rule(nation)
    except NoticeRuleNotSet as missing:
        return AgendaNotice(
            rule=None, last_day=None, published_late=None, rule_not_set=str(missing)
        )
    meeting_date = timezone.localdate(meeting.starts_at)
    last_day = last_day_to_publish(meeting_date, nation)
    if meeting.is_agenda_published:
        published_on = timezone.localdate(meeting.agenda_published_at)
        return AgendaNotice(
            rule=rule, last_day=last_day, published_late=is_late(published_on, meeting_date, nation)
        )
    return AgendaNotice(
        rule=rule,
        last_day=last_day,
        published_late=None,
        overdue=is_late(timezone.localdate(), meeting_date, nation),
    )


# Wales: a notice of the decisions taken at a meeting must be published within seven working
# days of it (Local Government and Elections (Wales) Act 2021). The published minutes are the
# notice here; no other nation sets such a period.
DECISION_NOTICE_WORKING_DAYS = {Nation.WALES: 7}


@dataclass(frozen=True)
class DecisionNotice:
    """When a meeting's decisions had to be published by, and whether they were on time."""

    working_days: int
    due_on: datetime.date
    published_on: datetime.date | None
    late: bool


def decision_notice(meeting: Meeting, today: datetime.date | None = None) -> DecisionNotice | None:
    """The decision-notice deadline of a meeting held, where the nation sets one."""
    nation = meeting.board.partnership.nation
    working_days = DECISION_NOTICE_WORKING_DAYS.get(nation)
    if working_days is None:
        return None
    held_on = timezone.localdate(meeting.starts_at)
    bank_holidays = _bank_holidays(notice_rule(nation), held_on.year, held_on.year + 1)
    due_on, counted = held_on, 0
    while counted < working_days:
        due_on += datetime.timedelta(days=1)
        counted += _is_working_day(due_on, bank_holidays)
    published_on = (
        timezone.localdate(meeting.minutes_published_at) if meeting.minutes_published_at else None
    )
    checked_on = published_on or today or timezone.localdate()
    return DecisionNotice(working_days, due_on, published_on, late=checked_on > due_on)
