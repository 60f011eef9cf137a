"""Who may see and do what with meetings.

Exempt content never reaches the public: only the board's own members, the partnership's
officers and the members of a committee scrutinising the board may see an exempt item.
"""

import rules

from governance.rules import (
    can_edit_board,
    is_board_member,
    is_chair_or_clerk,
    is_scrutiny_member_of,
)
from meetings.history import items_ever_exempt, minute_items, report_ever_exempt
from meetings.models import AgendaItem, AgendaPack, Meeting, Minute, Report
from partnership.rules import is_administrator


def _board(predicate):
    """Lifts a board predicate to one over a meeting (or anything with a `meeting`)."""

    @rules.predicate(name=f"meeting_{predicate.name}")
    def lifted(principal, record) -> bool:
        meeting = record if isinstance(record, Meeting) else getattr(record, "meeting", None)
        return meeting is not None and predicate.test(principal, meeting.board)

    return lifted


@rules.predicate
def agenda_is_published(principal, meeting: Meeting | None) -> bool:
    return meeting is not None and meeting.is_agenda_published


@rules.predicate
def minutes_are_published(principal, meeting: Meeting | None) -> bool:
    return meeting is not None and meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED


@rules.predicate
def agenda_is_published_for_pack(principal, pack: AgendaPack | None) -> bool:
    return pack is not None and pack.meeting.is_agenda_published


@rules.predicate
def item_is_open(principal, item: AgendaItem | None) -> bool:
    return item is not None and not item.is_exempt


@rules.predicate
def item_agenda_is_published(principal, item: AgendaItem | None) -> bool:
    return item is not None and item.meeting.is_agenda_published


@rules.predicate
def pack_is_public(principal, pack: AgendaPack | None) -> bool:
    return pack is not None and pack.variant == AgendaPack.Variant.PUBLIC


chair_or_clerk = _board(is_chair_or_clerk)
insider = _board(is_board_member) | _board(can_edit_board) | is_administrator
scrutineer = _board(is_scrutiny_member_of)

# Scheduling takes the board; everything else takes the meeting or a record of it.
rules.add_perm("meetings.schedule_meeting", can_edit_board | is_chair_or_clerk)
# A board's health (attendance, topics, circulations) is its members' and officers' business.
rules.add_perm("meetings.view_board_health", is_board_member | can_edit_board | is_administrator)
rules.add_perm("meetings.view_meeting", agenda_is_published | insider)
# Building the agenda, writing reports and recording attendance and minutes.
rules.add_perm("meetings.change_meeting", _board(can_edit_board) | chair_or_clerk)
rules.add_perm("meetings.view_minutes", minutes_are_published | insider)
rules.add_perm("meetings.approve_minutes", chair_or_clerk)
rules.add_perm("meetings.publish_minutes", chair_or_clerk)
rules.add_perm("meetings.correct_minutes", chair_or_clerk)
rules.add_perm("meetings.publish_agenda", chair_or_clerk)
rules.add_perm("meetings.request_agenda_pack", chair_or_clerk)
can_view_item = (
    (item_agenda_is_published & item_is_open) | insider | (item_agenda_is_published & scrutineer)
)
can_view_exempt_item = insider | (item_agenda_is_published & scrutineer)
rules.add_perm("meetings.view_item", can_view_item)
rules.add_perm("meetings.view_exempt_item", can_view_exempt_item)
# The public pack is public once the agenda is; the members' pack holds exempt items.
rules.add_perm(
    "meetings.view_pack",
    (agenda_is_published_for_pack & (pack_is_public | scrutineer)) | insider,
)


# Histories. Old versions of a record that was exempt at any time hold exempt text, even if
# the record is open now: only those who may read exempt items read its history.
# The minutes of an exempt item are read as the item is (meetings.view_exempt_item).
reads_exempt_minutes = insider | (agenda_is_published & scrutineer)


@rules.predicate
def item_was_ever_exempt(principal, item: AgendaItem | None) -> bool:
    return item is not None and item.pk in items_ever_exempt([item.pk])


@rules.predicate
def writes_the_report(principal, report: Report | None) -> bool:
    """Writes the board's reports: its partnership's officers, its chair and its clerk."""
    return report is not None and (can_edit_board | is_chair_or_clerk)(principal, report.board)


@rules.predicate
def may_read_report_history(principal, report: Report | None) -> bool:
    """A report on an agenda, as its item; one on none, by its writers only."""
    if report is None:
        return False
    item = (
        AgendaItem.objects.filter(report=report)
        .select_related("meeting__board__partnership")
        .first()
    )
    if item is None:
        return writes_the_report(principal, report)
    if report_ever_exempt(report):
        return can_view_exempt_item(principal, item)
    return can_view_item_history(principal, item)


@rules.predicate
def may_read_minute_history(principal, minute: Minute | None) -> bool:
    """A minute as its minutes are read; one of an item ever exempt, as exempt items are."""
    if minute is None or not (minutes_are_published | insider)(principal, minute.meeting):
        return False
    if items_ever_exempt(minute_items(minute)):
        return reads_exempt_minutes(principal, minute.meeting)
    return True


can_view_item_history = can_view_exempt_item | (~item_was_ever_exempt & can_view_item)
rules.add_perm("meetings.view_item_history", can_view_item_history)
rules.add_perm("meetings.view_report_history", may_read_report_history)
rules.add_perm("meetings.view_minute_history", may_read_minute_history)
# The Word file a report came from may hold tracked changes and comments: its writers only.
rules.add_perm("meetings.read_report_source", writes_the_report)
