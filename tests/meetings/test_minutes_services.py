import datetime
import threading
from concurrent.futures import ThreadPoolExecutor
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from governance.models import BoardMembership, Interest
from meetings.models import Attendance, Declaration, Meeting, MinuteCorrection, Resolution
from meetings.services.minutes import (
    ACTION_REFERENCE_TAKEN,
    APPROVED_AT_ANOTHER_BOARD,
    APPROVED_AT_EARLIER_MEETING,
    APPROVED_BEFORE_MEETING_HELD,
    CORRECTION_CHANGES_NOTHING,
    INTEREST_NOT_REGISTERED_THEN,
    INTEREST_OF_SOMEONE_ELSE,
    ITEM_ALREADY_MINUTED,
    ITEM_ON_ANOTHER_AGENDA,
    MINUTE_NOT_YET_APPROVED,
    MINUTES_ALREADY_APPROVED_UNRECORDED,
    MINUTES_ALREADY_PUBLISHED,
    MINUTES_LOCKED,
    MINUTES_NOT_APPROVED,
    MINUTES_NOT_DRAFTED,
    PERSON_LISTED_TWICE,
    RESOLUTION_HAS_ACTION,
    RESOLUTION_WITH_ACTION_REMOVED,
    AttendanceEntry,
    ResolutionText,
    attendance_record,
    declaration_record,
    declaration_remove,
    minute_correct,
    minute_record,
    minute_update,
    minutes_approve,
    minutes_publish,
    quorum_check,
    resolution_create_action,
)
from outcomes.models import DevelopmentAction
from tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    BoardMembershipFactory,
    DevelopmentActionFactory,
    MeetingFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, 14, 0, tzinfo=LONDON)


def refusal(call) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.messages


@pytest.fixture
def february(demo) -> Meeting:
    return Meeting.objects.get(board__slug="cabinet", starts_at__month=2)


@pytest.fixture
def march(demo) -> Meeting:
    return Meeting.objects.get(board__slug="cabinet", starts_at__month=3)


@pytest.fixture
def chair(demo):
    return BoardMembership.objects.get(board__slug="cabinet", role="chair").person


@pytest.fixture
def board():
    return BoardFactory(name="Chief Officers' Group", quorum=3)


# Minute numbers


def test_minutes_continue_from_the_last_number_of_the_municipal_year(march, february):
    minute = minute_record(meeting=march, title="Apologies for absence", body="<p>None.</p>")

    assert minute.number == 94
    assert (minute.board, minute.municipal_year) == (march.board, 2010)
    march.refresh_from_db()
    assert march.minutes_status == Meeting.MinutesStatus.DRAFT


def test_minute_numbers_run_on_across_meetings_of_the_year(march):
    first = minute_record(meeting=march, title="Apologies for absence", body="")
    april = MeetingFactory(board=march.board, starts_at=at(2011, 4, 21))

    second = minute_record(meeting=april, title="Apologies for absence", body="")
    third = minute_record(meeting=march, title="Declarations of interest", body="")

    assert [first.number, second.number, third.number] == [94, 95, 96]


def test_minute_numbers_restart_when_the_municipal_year_does(march):
    april = MeetingFactory(board=march.board, starts_at=at(2011, 4, 28))
    may = MeetingFactory(board=march.board, starts_at=at(2011, 5, 19))

    last_of_year = minute_record(meeting=april, title="Minutes", body="")
    first_of_year = minute_record(meeting=may, title="Apologies for absence", body="")
    second_of_year = minute_record(meeting=may, title="Minutes", body="")

    assert (last_of_year.number, last_of_year.municipal_year) == (94, 2010)
    assert (first_of_year.number, first_of_year.municipal_year) == (1, 2011)
    assert (second_of_year.number, second_of_year.municipal_year) == (2, 2011)


def test_the_municipal_year_starts_in_the_partnership_month(board):
    board.partnership.municipal_year_start_month = 4
    board.partnership.save()
    march = MeetingFactory(board=board, starts_at=at(2014, 3, 31))
    april = MeetingFactory(board=board, starts_at=at(2014, 4, 1))

    numbers = [
        minute_record(meeting=march, title="Actions", body="").number,
        minute_record(meeting=march, title="Remit", body="").number,
        minute_record(meeting=april, title="Actions", body="").number,
    ]

    assert numbers == [1, 2, 1]


def test_each_board_numbers_its_own_minutes(march, board):
    other = MeetingFactory(board=board, starts_at=at(2011, 3, 17))

    assert minute_record(meeting=other, title="Apologies", body="").number == 1
    assert minute_record(meeting=march, title="Apologies", body="").number == 94


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_minutes_recorded_at_the_same_moment_take_different_numbers():
    meeting = MeetingFactory(board=BoardFactory())
    clerks = 4
    start_together = threading.Barrier(clerks)

    def record(title: str) -> int:
        try:
            start_together.wait()
            return minute_record(
                meeting=Meeting.objects.get(pk=meeting.pk), title=title, body=""
            ).number
        finally:
            connection.close()

    with ThreadPoolExecutor(clerks) as pool:
        numbers = list(pool.map(record, [f"Item {n}" for n in range(clerks)]))

    assert sorted(numbers) == [1, 2, 3, 4]


def test_a_minute_is_saved_with_its_resolutions_in_order(march):
    item = march.agenda_items.get(position=5)

    minute = minute_record(
        meeting=march,
        title="Locality Strategy for Herefordshire",
        body="<p>The Cabinet Member presented the report.</p><script>x()</script>",
        agenda_item=item,
        resolution_preamble="That Cabinet:",
        resolutions=[
            ResolutionText("a)", "approves the Locality Strategy; and"),
            ResolutionText("b)", "notes the nine localities."),
        ],
    )

    minute.refresh_from_db()
    assert minute.body == "<p>The Cabinet Member presented the report.</p>"
    assert minute.agenda_item == item
    assert minute.resolution_preamble == "That Cabinet:"
    assert list(minute.resolutions.values_list("position", "label", "text")) == [
        (1, "a)", "approves the Locality Strategy; and"),
        (2, "b)", "notes the nine localities."),
    ]


def test_a_minute_on_another_meetings_item_is_refused(march, february):
    item = AgendaItemFactory(meeting=MeetingFactory(board=march.board, starts_at=at(2011, 4, 1)))

    with pytest.raises(ValidationError) as refused:
        minute_record(meeting=march, title="Item", body="", agenda_item=item)

    assert refused.value.message_dict == {"agenda_item": [ITEM_ON_ANOTHER_AGENDA]}
    assert march.minutes.count() == 0


def test_an_item_is_minuted_once(march):
    item = march.agenda_items.get(position=1)
    minute_record(meeting=march, title="Apologies for absence", body="", agenda_item=item)

    with pytest.raises(ValidationError) as refused:
        minute_record(meeting=march, title="Apologies again", body="", agenda_item=item)

    assert refused.value.message_dict == {
        "agenda_item": [ITEM_ALREADY_MINUTED.format(position=1, number=94)]
    }
    assert march.minutes.count() == 1


def test_a_draft_minute_is_changed_with_its_resolutions(march):
    minute = minute_record(
        meeting=march,
        title="Locality Strategy",
        body="<p>Draft.</p>",
        resolutions=[ResolutionText("a)", "approves"), ResolutionText("b)", "notes")],
    )

    minute_update(
        minute=minute,
        title="Locality Strategy for Herefordshire",
        body="<p>Presented by the Director.</p>",
        resolutions=[ResolutionText("", "That Cabinet approves the Locality Strategy.")],
    )

    minute.refresh_from_db()
    assert (minute.number, minute.title, minute.body) == (
        94,
        "Locality Strategy for Herefordshire",
        "<p>Presented by the Director.</p>",
    )
    assert list(minute.resolutions.values_list("label", "text")) == [
        ("", "That Cabinet approves the Locality Strategy.")
    ]


def test_a_resolution_that_created_an_action_is_not_removed(march):
    minute = minute_record(
        meeting=march,
        title="Locality Strategy",
        body="",
        resolutions=[ResolutionText("a)", "approves"), ResolutionText("b)", "reviews")],
    )
    resolution = minute.resolutions.get(position=2)
    resolution_create_action(resolution=resolution, by=None, reference="LS1")

    messages = refusal(
        lambda: minute_update(
            minute=minute, title="Locality Strategy", body="", resolutions=[("a)", "approves")]
        )
    )

    assert messages == [RESOLUTION_WITH_ACTION_REMOVED.format(label="b)", reference="LS1")]
    assert minute.resolutions.count() == 2


def test_a_published_minute_is_not_edited_except_by_correction(february):
    minute = february.minutes.get(number=93)
    body = minute.body

    messages = refusal(
        lambda: minute_update(minute=minute, title="Shadow board", body="<p>Changed.</p>")
    )

    assert messages == [
        "The minutes of 17 February 2011 are published: they change only by a recorded "
        "correction to a minute."
    ]
    minute.refresh_from_db()
    assert (minute.title, minute.body) == ("Shadow Health and Wellbeing Board", body)
    assert minute.resolutions.count() == 5
    assert MinuteCorrection.objects.count() == 0


def test_no_minute_is_added_to_approved_minutes(february):
    messages = refusal(lambda: minute_record(meeting=february, title="Late item", body=""))

    assert messages == [MINUTES_LOCKED.format(date="17 February 2011", status="published")]
    assert february.minutes.count() == 8


# Approval and publication


def test_draft_minutes_are_approved_at_a_later_meeting(march, chair):
    minute_record(meeting=march, title="Apologies for absence", body="")
    april = MeetingFactory(board=march.board, starts_at=at(2011, 4, 21))

    minutes_approve(meeting=march, at_meeting=april, by=chair)

    march.refresh_from_db()
    assert march.minutes_status == Meeting.MinutesStatus.APPROVED
    assert march.minutes_approved_at_meeting == april
    assert march.history.first().history_change_reason == (
        "Minutes approved; recorded by Councillor RJ Phillips"
    )


def test_minutes_approved_twice_are_refused_and_unchanged(february, march, chair):
    later = MeetingFactory(board=february.board, starts_at=at(2011, 4, 21))

    messages = refusal(lambda: minutes_approve(meeting=february, at_meeting=later, by=chair))

    assert messages == [
        "The minutes of 17 February 2011 were already approved at the meeting of 17 March 2011."
    ]
    february.refresh_from_db()
    assert february.minutes_status == Meeting.MinutesStatus.PUBLISHED
    assert february.minutes_approved_at_meeting == march


def test_approving_approved_but_unpublished_minutes_again_is_refused(march, chair):
    minute_record(meeting=march, title="Apologies for absence", body="")
    april = MeetingFactory(board=march.board, starts_at=at(2011, 4, 21))
    may = MeetingFactory(board=march.board, starts_at=at(2011, 5, 19))
    minutes_approve(meeting=march, at_meeting=april, by=chair)

    messages = refusal(lambda: minutes_approve(meeting=march, at_meeting=may, by=chair))

    assert messages == [
        "The minutes of 17 March 2011 were already approved at the meeting of 21 April 2011."
    ]
    march.refresh_from_db()
    assert march.minutes_approved_at_meeting == april


@pytest.mark.parametrize(
    ("month", "date"), [(3, "17 March 2011"), (2, "17 February 2011")], ids=["same", "earlier"]
)
def test_minutes_are_not_approved_at_the_same_or_an_earlier_meeting(march, chair, month, date):
    minute_record(meeting=march, title="Apologies for absence", body="")
    earlier = Meeting.objects.get(board=march.board, starts_at__month=month)

    messages = refusal(lambda: minutes_approve(meeting=march, at_meeting=earlier, by=chair))

    assert messages == [APPROVED_AT_EARLIER_MEETING.format(date="17 March 2011", at=date)]
    march.refresh_from_db()
    assert march.minutes_status == Meeting.MinutesStatus.DRAFT
    assert march.minutes_approved_at_meeting is None


def test_minutes_are_not_approved_at_another_boards_meeting_or_one_not_yet_held(march, chair):
    minute_record(meeting=march, title="Apologies for absence", body="")
    elsewhere = MeetingFactory(starts_at=at(2011, 4, 21))
    upcoming = MeetingFactory(
        board=march.board, starts_at=timezone.now() + datetime.timedelta(days=7)
    )

    assert refusal(lambda: minutes_approve(meeting=march, at_meeting=elsewhere, by=chair)) == [
        APPROVED_AT_ANOTHER_BOARD.format(board="Cabinet")
    ]
    assert refusal(lambda: minutes_approve(meeting=march, at_meeting=upcoming, by=chair)) == [
        APPROVED_BEFORE_MEETING_HELD.format(
            at=f"{timezone.localdate(upcoming.starts_at):%-d %B %Y}"
        )
    ]
    march.refresh_from_db()
    assert march.minutes_status == Meeting.MinutesStatus.DRAFT


def test_minutes_marked_approved_without_a_meeting_are_not_approved_again(march, chair):
    Meeting.objects.filter(pk=march.pk).update(minutes_status=Meeting.MinutesStatus.APPROVED)
    march.refresh_from_db()
    april = MeetingFactory(board=march.board, starts_at=at(2011, 4, 21))

    messages = refusal(lambda: minutes_approve(meeting=march, at_meeting=april, by=chair))

    assert messages == [MINUTES_ALREADY_APPROVED_UNRECORDED.format(date="17 March 2011")]
    march.refresh_from_db()
    assert march.minutes_approved_at_meeting is None


def test_minutes_not_yet_drafted_are_not_approved(march, chair):
    april = MeetingFactory(board=march.board, starts_at=at(2011, 4, 21))

    messages = refusal(lambda: minutes_approve(meeting=march, at_meeting=april, by=chair))

    assert messages == [MINUTES_NOT_DRAFTED.format(date="17 March 2011")]


def test_approved_minutes_are_published(march, chair):
    minute_record(meeting=march, title="Apologies for absence", body="")
    minutes_approve(
        meeting=march,
        at_meeting=MeetingFactory(board=march.board, starts_at=at(2011, 4, 21)),
        by=chair,
    )

    minutes_publish(meeting=march, by=chair)

    march.refresh_from_db()
    assert march.minutes_status == Meeting.MinutesStatus.PUBLISHED
    assert march.minutes_published_at is not None


def test_draft_minutes_are_not_published(march, chair):
    minute_record(meeting=march, title="Apologies for absence", body="")

    messages = refusal(lambda: minutes_publish(meeting=march, by=chair))

    assert messages == [MINUTES_NOT_APPROVED.format(date="17 March 2011", status="draft")]
    march.refresh_from_db()
    assert (march.minutes_status, march.minutes_published_at) == ("draft", None)


def test_published_minutes_are_not_published_again(february, chair):
    published_at = february.minutes_published_at

    messages = refusal(lambda: minutes_publish(meeting=february, by=chair))

    assert messages == [
        MINUTES_ALREADY_PUBLISHED.format(date="17 February 2011", published="17 March 2011")
    ]
    february.refresh_from_db()
    assert february.minutes_published_at == published_at


# Corrections


def test_a_published_minute_is_corrected_with_a_record_of_what_it_said(february, march, demo):
    clerk = BoardMembership.objects.get(board__slug="cabinet", role="clerk").person
    minute = february.minutes.get(number=87)

    correction = minute_correct(
        minute=minute,
        corrected_body="<p>Councillor PD Price declared a personal interest in item 93.</p>",
        reason="The declaration was left out of the published minutes.",
        by=clerk,
        agreed_at=march,
    )

    minute.refresh_from_db()
    assert minute.body == "<p>Councillor PD Price declared a personal interest in item 93.</p>"
    assert (correction.previous_body, correction.corrected_body) == (
        "<p>There were no declarations of interest made.</p>",
        "<p>Councillor PD Price declared a personal interest in item 93.</p>",
    )
    assert (correction.made_by, correction.agreed_at) == (clerk, march)
    assert correction.reason == "The declaration was left out of the published minutes."


def test_a_correction_that_changes_nothing_is_refused(february, chair):
    minute = february.minutes.get(number=87)

    with pytest.raises(ValidationError) as refused:
        minute_correct(minute=minute, corrected_body=minute.body, reason="None", by=chair)

    assert refused.value.message_dict == {"corrected_body": [CORRECTION_CHANGES_NOTHING]}
    assert MinuteCorrection.objects.count() == 0


def test_a_draft_minute_is_changed_rather_than_corrected(march, chair):
    minute = minute_record(meeting=march, title="Apologies for absence", body="<p>None.</p>")

    messages = refusal(
        lambda: minute_correct(minute=minute, corrected_body="<p>X</p>", reason="Typo", by=chair)
    )

    assert messages == [MINUTE_NOT_YET_APPROVED.format(number=94)]
    minute.refresh_from_db()
    assert minute.body == "<p>None.</p>"
    assert MinuteCorrection.objects.count() == 0


# Attendance and the quorum


@pytest.fixture
def seats(board):
    people = {}
    for name, role in [
        ("Chair", BoardMembership.Role.CHAIR),
        ("Vice", BoardMembership.Role.VICE_CHAIR),
        ("Member", BoardMembership.Role.MEMBER),
        ("Ex officio", BoardMembership.Role.EX_OFFICIO),
        ("Clerk", BoardMembership.Role.CLERK),
        ("Lead officer", BoardMembership.Role.LEAD_OFFICER),
        ("Adviser", BoardMembership.Role.IN_ATTENDANCE),
    ]:
        people[name] = BoardMembershipFactory(
            board=board, person=PersonFactory(name=name), role=role
        ).person
    return people


def test_attendance_is_recorded_per_person(board, seats):
    meeting = MeetingFactory(board=board)
    visitor = PersonFactory(name="Visitor")

    attendance_record(
        meeting=meeting,
        entries=[
            AttendanceEntry(seats["Chair"], Attendance.Status.PRESENT, "Chairman"),
            AttendanceEntry(seats["Vice"], Attendance.Status.APOLOGIES),
            AttendanceEntry(visitor, Attendance.Status.IN_ATTENDANCE, "Police Scotland"),
        ],
    )
    attendance_record(
        meeting=meeting,
        entries=[
            AttendanceEntry(seats["Vice"], Attendance.Status.PRESENT),
            AttendanceEntry(visitor, ""),
        ],
    )

    assert sorted(meeting.attendances.values_list("person__name", "status", "capacity")) == [
        ("Chair", "present", "Chairman"),
        ("Vice", "present", ""),
    ]


def test_a_person_listed_twice_changes_no_attendance(board, seats):
    meeting = MeetingFactory(board=board)

    messages = refusal(
        lambda: attendance_record(
            meeting=meeting,
            entries=[
                AttendanceEntry(seats["Chair"], Attendance.Status.PRESENT),
                AttendanceEntry(seats["Chair"], Attendance.Status.APOLOGIES),
            ],
        )
    )

    assert messages == [PERSON_LISTED_TWICE.format(person=seats["Chair"])]
    assert meeting.attendances.count() == 0


def test_the_quorum_counts_voting_members_present(board, seats):
    meeting = MeetingFactory(board=board)
    attendance_record(
        meeting=meeting,
        entries=[
            AttendanceEntry(seats[name], Attendance.Status.PRESENT)
            for name in ["Chair", "Vice", "Clerk", "Lead officer", "Adviser"]
        ]
        + [AttendanceEntry(PersonFactory(), Attendance.Status.PRESENT)],
    )

    quorum = quorum_check(meeting)

    assert (quorum.required, quorum.present, quorum.is_quorate) == (3, 2, False)

    attendance_record(
        meeting=meeting, entries=[AttendanceEntry(seats["Ex officio"], Attendance.Status.PRESENT)]
    )

    assert quorum_check(meeting).is_quorate


def test_the_quorum_counts_seats_held_on_the_day_of_the_meeting(board):
    meeting = MeetingFactory(board=board, starts_at=at(2013, 6, 6))
    former = BoardMembershipFactory(
        board=board, started_on=datetime.date(2010, 5, 1), ended_on=datetime.date(2013, 5, 31)
    ).person
    later = BoardMembershipFactory(board=board, started_on=datetime.date(2013, 7, 1)).person
    current = BoardMembershipFactory(board=board, started_on=datetime.date(2013, 6, 1)).person
    attendance_record(
        meeting=meeting,
        entries=[AttendanceEntry(p, Attendance.Status.PRESENT) for p in (former, later, current)],
    )

    assert quorum_check(meeting).present == 1


def test_a_board_without_a_quorum_is_never_called_quorate():
    quorum = quorum_check(MeetingFactory(board=BoardFactory(quorum=None)))

    assert (quorum.is_set, quorum.is_quorate) == (False, False)


def test_the_demo_cabinet_meeting_of_february_had_eight_members_present(february):
    assert quorum_check(february).present == 8


def test_attendance_of_approved_minutes_is_not_changed(february):
    hyde = february.attendances.get(person__name="JA Hyde").person

    messages = refusal(
        lambda: attendance_record(
            meeting=february, entries=[AttendanceEntry(hyde, Attendance.Status.PRESENT)]
        )
    )

    assert messages == [MINUTES_LOCKED.format(date="17 February 2011", status="published")]
    assert february.attendances.get(person=hyde).status == Attendance.Status.APOLOGIES


# Declarations of interest


@pytest.fixture
def councillor():
    return PersonFactory(name="PD Price", honorific_prefix="Councillor")


def test_a_declaration_is_linked_to_the_registered_interest(march, councillor):
    interest = Interest.objects.create(
        person=councillor,
        kind=Interest.Kind.MEMBERSHIP,
        description="Trustee of a community transport charity",
        registered_on=datetime.date(2010, 6, 1),
    )
    item = march.agenda_items.get(position=5)

    declaration = declaration_record(
        meeting=march,
        person=councillor,
        kind=Declaration.Kind.PERSONAL,
        description="Trustee of a charity working in the localities",
        agenda_item=item,
        interest=interest,
    )

    declaration.refresh_from_db()
    assert (declaration.person, declaration.agenda_item, declaration.interest) == (
        councillor,
        item,
        interest,
    )
    assert (declaration.kind, declaration.left_the_meeting) == ("personal", False)


def test_a_declaration_against_someone_elses_interest_is_refused(march, councillor):
    interest = Interest.objects.create(
        person=PersonFactory(name="JG Jarvis", honorific_prefix="Councillor"),
        kind=Interest.Kind.LAND,
        description="Land at Weobley",
        registered_on=datetime.date(2010, 6, 1),
    )

    with pytest.raises(ValidationError) as refused:
        declaration_record(
            meeting=march,
            person=councillor,
            kind=Declaration.Kind.PREJUDICIAL,
            description="Land",
            interest=interest,
        )

    assert refused.value.message_dict == {
        "interest": [
            INTEREST_OF_SOMEONE_ELSE.format(
                owner="Councillor JG Jarvis", person="Councillor PD Price"
            )
        ]
    }
    assert Declaration.objects.count() == 0


def test_a_declaration_against_an_interest_not_then_registered_is_refused(march, councillor):
    interest = Interest.objects.create(
        person=councillor,
        kind=Interest.Kind.LAND,
        description="Land at Weobley",
        registered_on=datetime.date(2011, 4, 1),
    )

    with pytest.raises(ValidationError) as refused:
        declaration_record(
            meeting=march,
            person=councillor,
            kind=Declaration.Kind.PREJUDICIAL,
            description="Land",
            interest=interest,
        )

    assert refused.value.message_dict == {
        "interest": [INTEREST_NOT_REGISTERED_THEN.format(date="17 March 2011")]
    }
    assert Declaration.objects.count() == 0


def test_a_declaration_on_another_meetings_item_is_refused(march, february, councillor):
    with pytest.raises(ValidationError) as refused:
        declaration_record(
            meeting=march,
            person=councillor,
            kind=Declaration.Kind.PERSONAL,
            description="Trustee",
            agenda_item=AgendaItemFactory(meeting=MeetingFactory(board=march.board)),
        )

    assert refused.value.message_dict == {
        "agenda_item": ["The item is on another meeting's agenda."]
    }
    assert Declaration.objects.count() == 0


def test_declarations_are_removed_only_while_the_minutes_are_a_draft(march, february, councillor):
    draft = declaration_record(
        meeting=march, person=councillor, kind=Declaration.Kind.PERSONAL, description="Trustee"
    )
    published = Declaration.objects.create(
        meeting=february, person=councillor, kind=Declaration.Kind.PERSONAL, description="Trustee"
    )

    declaration_remove(declaration=draft)

    assert refusal(lambda: declaration_remove(declaration=published)) == [
        MINUTES_LOCKED.format(date="17 February 2011", status="published")
    ]
    assert list(Declaration.objects.all()) == [published]


# Resolutions into development actions


def test_a_resolution_creates_a_linked_development_action(february, demo):
    resolution = Resolution.objects.get(minute__number=90, label="1.")
    lead = PersonFactory(name="Geoff Hughes")

    action = resolution_create_action(
        resolution=resolution,
        by=lead,
        reference="LDF1",
        lead_person=lead,
        deadline_wording="Before June 2011",
    )

    resolution.refresh_from_db()
    assert resolution.development_action == action
    assert action.partnership.slug == "herefordshire"
    assert action.activity == resolution.text
    assert (action.reference, action.lead_person) == ("LDF1", lead)
    assert (action.deadline_wording, action.deadline) == (
        "Before June 2011",
        datetime.date(2011, 5, 31),
    )
    assert action.history.first().history_change_reason == "From minute 90 1., by Geoff Hughes"


def test_a_resolution_creates_one_action(february):
    resolution = Resolution.objects.get(minute__number=90, label="1.")
    actions = DevelopmentAction.objects.filter(partnership__slug="herefordshire")
    before = set(actions)
    first = resolution_create_action(resolution=resolution, by=None, reference="LDF1")

    messages = refusal(
        lambda: resolution_create_action(resolution=resolution, by=None, reference="LDF2")
    )

    assert messages == [RESOLUTION_HAS_ACTION.format(reference="LDF1")]
    assert set(actions.all()) - before == {first}


def test_an_action_reference_already_used_by_the_partnership_is_refused(february):
    resolution = Resolution.objects.get(minute__number=90, label="1.")
    partnership = february.board.partnership
    DevelopmentActionFactory(partnership=partnership, reference="LDF1")
    count = DevelopmentAction.objects.filter(partnership=partnership).count()

    with pytest.raises(ValidationError) as refused:
        resolution_create_action(resolution=resolution, by=None, reference="LDF1")

    assert refused.value.message_dict == {
        "reference": [ACTION_REFERENCE_TAKEN.format(reference="LDF1")]
    }
    resolution.refresh_from_db()
    assert resolution.development_action is None
    assert DevelopmentAction.objects.filter(partnership=partnership).count() == count
