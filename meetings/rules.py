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
from meetings.models import AgendaItem, AgendaPack, Meeting
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
rules.add_perm(
    "meetings.view_item",
    (item_agenda_is_published & item_is_open) | insider | (item_agenda_is_published & scrutineer),
)
rules.add_perm("meetings.view_exempt_item", insider | (item_agenda_is_published & scrutineer))
# The public pack is public once the agenda is; the members' pack holds exempt items.
rules.add_perm(
    "meetings.view_pack",
    (agenda_is_published_for_pack & (pack_is_public | scrutineer)) | insider,
)
