"""The demo_load command: what it loads from the seeds, and that reloading changes nothing."""

import base64
import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django_otp.oath import totp

from core.two_factor.services import (
    authenticator_enrolment_start,
    authenticator_of,
    authenticator_verify,
    recovery_code_verify,
    recovery_codes_left,
    two_factor_reset,
)
from demo.herefordshire import EXEMPT_MARKER
from demo.management.commands.demo_load import DEMO_DATA_NOT_ALLOWED
from demo.users import DEMO_AUTHENTICATOR_KEY
from governance.models import Board, BoardMembership, JointAppointment, RemitClause
from meetings.models import AgendaItem, Attendance, Meeting, Minute, Report
from outcomes.models import AreaForImprovement, DevelopmentAction, OutcomeFramework
from partnership.models import Merger, Organisation, Partnership, PartnerSystem, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def output() -> str:
    out = StringIO()
    call_command("demo_load", stdout=out)
    return out.getvalue()


@pytest.fixture
def cog(output) -> Board:
    return Board.objects.get(partnership__slug="highland-cpp", slug="chief-officers-group")


@pytest.fixture
def february_meeting(output) -> Meeting:
    return Meeting.objects.get(board__name="Cabinet", starts_at__date=datetime.date(2011, 2, 17))


@pytest.fixture
def march_meeting(output) -> Meeting:
    return Meeting.objects.get(board__name="Cabinet", starts_at__date=datetime.date(2011, 3, 17))


def _actions() -> dict[str, DevelopmentAction]:
    return {
        action.reference: action
        for action in DevelopmentAction.objects.filter(partnership__slug="highland-cpp")
    }


def _row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_cog_has_seven_numbered_remit_clauses(cog):
    clauses = list(cog.remit_clauses.all())

    assert [clause.number for clause in clauses] == [1, 2, 3, 4, 5, 6, 7]
    assert clauses[1].heading == "Are we reducing inequalities at the pace required?"
    assert clauses[1].text == (
        "Ensuring and challenging whether the partnership's work across all groups is reducing "
        "inequalities at the pace required;"
    )
    assert clauses[0].heading == "Delivery against the SOA outcome targets"


def test_cog_reports_to_the_partnership_board_more_often_than_quarterly(cog):
    assert cog.kind == Board.Kind.CHIEF_OFFICERS_GROUP
    assert cog.reports_to.name == "Highland CPP Partnership Board"
    assert cog.reports_to.cadence == Board.Cadence.QUARTERLY
    assert cog.cadence == Board.Cadence.BIMONTHLY


def test_cog_chief_officer_seats_are_held_by_office_and_vacant(cog):
    seats = cog.memberships.filter(role=BoardMembership.Role.MEMBER)

    assert {(seat.office, seat.organisation.name) for seat in seats} == {
        ("Chief Executive", "The Highland Council"),
        ("Chief Executive", "NHS Highland"),
        ("Local senior officer", "Police Scotland"),
        ("Local senior officer", "Scottish Fire and Rescue Service"),
        ("Local senior officer", "Highlands and Islands Enterprise"),
    }
    assert all(seat.is_vacant for seat in seats)
    assert cog.memberships.filter(
        role=BoardMembership.Role.IN_ATTENDANCE,
        office="Lead officer, Employability thematic group",
        person=None,
    ).exists()


def test_highland_has_seven_thematic_groups_and_the_health_inequalities_group(output):
    groups = Board.objects.filter(
        partnership__slug="highland-cpp", kind=Board.Kind.THEMATIC_GROUP, theme__isnull=False
    )

    assert groups.count() == 8
    assert {group.reports_to.name for group in groups} == {"Highland CPP Partnership Board"}
    assert groups.filter(
        name="Health inequalities partnership theme group", theme__is_cross_cutting=True
    ).exists()


def test_soa_is_agreed_with_seven_themes_and_six_areas_for_improvement(output):
    soa = OutcomeFramework.objects.get(partnership__slug="highland-cpp")

    assert soa.name == "Highland Single Outcome Agreement 2013/14–2018/19"
    assert soa.status == OutcomeFramework.Status.AGREED
    assert (soa.starts_on, soa.ends_on) == (datetime.date(2013, 4, 1), datetime.date(2019, 3, 31))
    assert soa.themes.count() == 7
    assert list(soa.areas_for_improvement.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]
    assert AreaForImprovement.objects.get(framework=soa, number=6).text == (
        "Identifying joint resources"
    )


def test_every_development_action_of_the_plan_is_loaded_in_area_order(output):
    actions = _actions()

    assert sorted(actions, key=lambda ref: tuple(map(int, ref.split(".")))) == [
        "1.1", "1.2", "1.3", "1.4",
        "2.1", "2.2", "2.3", "2.4",
        "3.1", "3.2", "3.3",
        "4.1", "4.2",
        "5.1", "5.2", "5.3", "5.4",
        "6.1", "6.2",
    ]  # fmt: skip
    assert all(
        action.area_for_improvement.number == int(ref.split(".")[0])
        for ref, action in actions.items()
    )


def test_before_march_2014_is_due_at_the_end_of_february(output):
    action = _actions()["1.1"]

    assert action.activity == "Delivery plans for the seven themes within the SOA to be finalised."
    assert action.deadline_wording == "Before March 2014"
    assert action.deadline == datetime.date(2014, 2, 28)
    assert action.status == DevelopmentAction.Status.NOT_STARTED
    assert action.remit_clause.number == 1
    assert action.lead_organisation.name == "The Highland Council"


def test_health_inequalities_theme_group_action_is_done(output):
    action = _actions()["2.1"]

    assert action.status == DevelopmentAction.Status.DONE
    assert action.deadline_wording == "October 2013"
    assert action.deadline == datetime.date(2013, 10, 31)
    assert action.remit_clause.number == 2
    assert action.lead_board.name == "Health inequalities partnership theme group"


def test_open_ended_actions_are_ongoing_without_a_deadline(output):
    actions = _actions()
    ongoing = {ref for ref, action in actions.items() if action.status == "ongoing"}

    assert ongoing == {"2.3", "3.2", "5.2", "5.3"}
    assert {actions[ref].deadline for ref in ongoing} == {None}
    assert actions["5.3"].deadline_wording == "From September 2013"


def test_one_timescale_for_joint_resources_applies_to_both_actions(output):
    actions = _actions()

    for ref in ("6.1", "6.2"):
        assert actions[ref].deadline_wording == "During 2013-18"
        assert actions[ref].deadline == datetime.date(2018, 3, 31)
        assert actions[ref].remit_clause is None


def test_actions_link_to_the_remit_clause_section_2_4_lists_them_under(output):
    linked = {
        ref: action.remit_clause.number
        for ref, action in _actions().items()
        if action.remit_clause is not None
    }

    assert linked == {
        "1.1": 1, "1.2": 1, "3.1": 1, "3.3": 1,
        "2.1": 2, "2.2": 2,
        "2.3": 3,
        "4.1": 4, "4.2": 4,
        "5.3": 5,
    }  # fmt: skip
    assert RemitClause.objects.get(development_actions__reference="5.3").board.slug == (
        "chief-officers-group"
    )


def test_cog_meeting_carries_report_cog_1_13_as_item_2(cog):
    meeting = cog.meetings.get()
    item = meeting.agenda_items.get()

    assert meeting.starts_at.date() == datetime.date(2013, 11, 26)
    assert meeting.venue == "Highland Council Headquarters, Glenurquhart Road, Inverness"
    assert item.position == 2
    assert item.report.reference == "COG/1/13"
    assert item.report.title == (
        "The purpose and membership of the Chief Officers Group and how it will operate"
    )
    assert item.report.report_by == "Head of Policy and Performance, Highland Council"
    assert item.report.contact_officer.name == "Carron McDiarmid"
    assert item.report.key_considerations.startswith("<h3>Background</h3><p>The CPP Performance")


def test_minute_89_carries_four_resolutions(february_meeting):
    minute = february_meeting.minutes.get(number=89)
    resolutions = list(minute.resolutions.all())

    assert minute.title == "Section 75 agreements"
    assert [resolution.label for resolution in resolutions] == ["a)", "b)", "c)", "d)"]
    assert resolutions[0].text.startswith(
        "a Section 75 agreement be established between the Herefordshire Integrated Care "
        "Organisation and Herefordshire Council"
    )
    assert minute.body.count("<li>") == 8


def test_february_minutes_run_from_86_to_93_in_municipal_year_2010(february_meeting):
    minutes = list(february_meeting.minutes.all())

    assert [minute.number for minute in minutes] == list(range(86, 94))
    assert {minute.municipal_year for minute in minutes} == {2010}
    assert {minute.board_id for minute in minutes} == {february_meeting.board_id}
    assert {minute.agenda_item for minute in minutes} == {None}


def test_february_resolutions_are_counted_per_minute(february_meeting):
    counts = {
        minute.number: minute.resolutions.count() for minute in february_meeting.minutes.all()
    }

    assert counts == {86: 0, 87: 0, 88: 1, 89: 4, 90: 3, 91: 1, 92: 2, 93: 5}
    resolution_2 = february_meeting.minutes.get(number=90).resolutions.get(position=2)
    assert resolution_2.text.startswith("It be recommended to Council that:\n(a) the Local")
    assert "(c) the existing Local Transport Plan 2" in resolution_2.text


def test_february_resolutions_keep_their_printed_preambles(february_meeting):
    preambles = dict(february_meeting.minutes.values_list("number", "resolution_preamble"))

    assert preambles == {
        86: "",
        87: "",
        88: "",
        89: "That:",
        90: "That:",
        91: "",
        92: "That Cabinet:",
        93: "That it be recommended to Council that:",
    }
    assert "RESOLVED" not in february_meeting.minutes.get(number=89).body


def test_february_meeting_was_held_and_its_minutes_published(february_meeting, march_meeting):
    assert february_meeting.status == Meeting.Status.HELD
    assert february_meeting.venue == "The Council Chamber, Brockington, 35 Hafod Road, Hereford"
    assert february_meeting.ends_at - february_meeting.starts_at == datetime.timedelta(minutes=90)
    assert february_meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED
    assert february_meeting.minutes_approved_at_meeting == march_meeting
    assert february_meeting.minutes_published_at.date() == datetime.date(2011, 3, 17)


def test_february_attendance_lists_attfield_once(february_meeting):
    by_status = {
        status: sorted(
            february_meeting.attendances.filter(status=status).values_list(
                "person__name", flat=True
            )
        )
        for status in Attendance.Status.values
    }

    assert len(by_status["present"]) == 8
    assert february_meeting.attendances.get(person__name="RJ Phillips").capacity == "Chairman"
    assert by_status["apologies"] == ["JA Hyde"]
    assert by_status["in_attendance"] == [
        "MAF Hubbard", "PJ Edwards", "PM Morgan", "RI Matthews", "TM James", "WLS Bowen",
        "WU Attfield",
    ]  # fmt: skip


def test_march_meeting_has_the_six_seed_items_and_a_demonstration_exempt_item(march_meeting):
    items = list(march_meeting.agenda_items.all())

    assert [(item.position, item.kind, item.title, item.is_exempt) for item in items] == [
        (1, "apologies", "Apologies for absence", False),
        (2, "declarations", "Declarations of interest", False),
        (3, "minutes", "Minutes", False),
        (4, "report", "Herefordshire Partnership Engagement Framework", False),
        (5, "report", "Locality Strategy for Herefordshire", False),
        (6, "report", "Information and ICT Strategy", False),
        (
            7,
            "report",
            "Demonstration exempt item: contract award for highways maintenance (not a real item)",
            True,
        ),
    ]
    assert items[6].exempt_paragraph == "3"
    assert EXEMPT_MARKER in items[6].report.body
    assert items[2].purpose == (
        "To approve and sign the minutes of the meeting held on 17 February 2011."
    )
    assert march_meeting.status == Meeting.Status.HELD
    assert march_meeting.minutes_status == Meeting.MinutesStatus.NONE
    assert march_meeting.agenda_published_at.date() == datetime.date(2011, 3, 9)
    assert march_meeting.contact.name == "Sally Cole"


def test_march_reports_carry_their_cover_sheets(march_meeting):
    reports = {
        item.position: item.report for item in march_meeting.agenda_items.filter(kind="report")
    }

    assert {report.wards_affected for report in reports.values()} == {"County-wide"}
    assert {position: report.classification for position, report in reports.items()} == {
        4: Report.Classification.OPEN,
        5: Report.Classification.OPEN,
        6: Report.Classification.OPEN,
        7: Report.Classification.EXEMPT,
    }
    assert {report.is_key_decision for report in reports.values()} == {False}
    assert reports[4].portfolio_area == "Corporate & Customer Services and Human Resources"
    assert reports[4].contact_officer.name == "Julie Gethin"
    assert reports[4].contact_officer.phone == "01432 260610"
    # Paragraphs 1 to 12 of the report, numbered when rendered.
    assert reports[4].key_considerations.count("<p>") == 12
    assert reports[4].consultees.endswith("<li>Herefordshire Partnership Board</li></ul>")
    assert reports[5].key_decision_note == "This is a not a Key Decision."
    assert reports[5].contact_officer.name == "Geoff Hughes"
    assert reports[5].reasons_for_recommendations.startswith(
        "<p>The Locality Strategy and the identified nine areas"
    )
    assert reports[6].portfolio_area == "ICT, Education & Achievement"
    assert reports[6].key_decision_note == "This is not a key decision."
    assert reports[6].contact_officer.job_title == "Joint Director ICT"
    assert reports[6].recommendations.startswith('<p>THAT:</p><ol type="a">')


def test_march_reports_carry_their_appendices(march_meeting):
    appendices = {
        item.position: [(a.label, a.title) for a in item.report.appendices.all()]
        for item in march_meeting.agenda_items.filter(kind="report")
    }

    assert appendices == {
        4: [("(a)", "Draft engagement framework")],
        5: [("1", "Locality Strategy for Herefordshire")],
        6: [
            ("1", "Strategy Summary"),
            ("2", "Herefordshire Public Services Information and ICT Strategy 2011-2015"),
        ],
        7: [],
    }


def test_shadow_health_and_wellbeing_board_is_shadow_with_minute_93_terms(output):
    board = Board.objects.get(name="Shadow Health and Wellbeing Board")

    assert board.status == Board.Status.SHADOW
    assert board.kind == Board.Kind.HEALTH_AND_WELLBEING_BOARD
    assert board.terms_of_reference.startswith("The powers and duties of the Shadow Board")
    assert "(vi) to give to the Council its opinion" in board.terms_of_reference
    assert board.memberships.count() == 12
    assert board.memberships.filter(person__isnull=False).count() == 0
    chair = board.memberships.get(role=BoardMembership.Role.CHAIR)
    assert (chair.office, chair.organisation.name) == ("Cabinet Member", "Herefordshire Council")


def test_scrutiny_committee_scrutinises_cabinet(output):
    committee = Board.objects.get(name="Overview and Scrutiny Committee")

    assert committee.kind == Board.Kind.SCRUTINY_COMMITTEE
    assert [board.name for board in committee.scrutinises.all()] == ["Cabinet"]


def test_cabinet_is_chaired_by_phillips_and_clerked_by_sally_cole(output):
    cabinet = Board.objects.get(name="Cabinet")
    seats = cabinet.memberships.current(datetime.date(2011, 3, 17))

    assert seats.get(role=BoardMembership.Role.CHAIR).person.name == "RJ Phillips"
    assert seats.filter(role=BoardMembership.Role.MEMBER).count() == 8
    clerk = seats.get(role=BoardMembership.Role.CLERK).person
    assert (clerk.name, clerk.phone, clerk.email) == (
        "Sally Cole",
        "(01432) 260249",
        "scole@herefordshire.gov.uk",
    )


def test_south_staffordshire_pct_succeeds_the_four_merged_pcts(output):
    merger = Merger.objects.get()

    assert merger.successor.name == "South Staffordshire Primary Care Trust"
    assert merger.effective_on == datetime.date(2006, 10, 1)
    assert sorted(merger.predecessors.values_list("name", flat=True)) == [
        "Burntwood, Lichfield and Tamworth Primary Care Trust",
        "Cannock Chase Primary Care Trust",
        "East Staffordshire Primary Care Trust",
        "South Western Staffordshire Primary Care Trust",
    ]
    assert set(merger.predecessors.values_list("dissolved_on", flat=True)) == {
        datetime.date(2006, 9, 30)
    }


def test_cannock_chase_delivery_board_reports_to_the_county_board(output):
    board = Board.objects.get(kind=Board.Kind.DELIVERY_BOARD)

    assert board.name == "Cannock Chase delivery board"
    assert board.reports_to.name == "Staffordshire county partnership board"
    assert board.partnership.name == "Cannock Chase Local Strategic Partnership"


def test_two_joint_appointments_split_cost_evenly(output):
    appointments = JointAppointment.objects.order_by("post_title")

    assert [a.post_title for a in appointments] == [
        "Director of Partnerships",
        "Director of Public Health",
    ]
    for appointment in appointments:
        shares = list(appointment.shares.order_by("organisation__name"))
        assert sum(share.cost_share_percent for share in shares) == Decimal("100")
        assert [(s.organisation.name, s.accountable_to) for s in shares] == [
            (
                "Cannock Chase District Council",
                "Chief Executive, Cannock Chase District Council",
            ),
            ("South Staffordshire Primary Care Trust", "Chief Executive, South Staffordshire PCT"),
        ]
        assert appointment.holder is None
        assert appointment.started_on == datetime.date(2006, 10, 1)
        assert appointment.review_due_on == datetime.date(2007, 10, 1)
    assert "waste management and environmental health" in appointments[1].annual_objectives


def test_cardiff_ipoc_has_one_seat_per_strategy_and_a_task_group(output):
    ipoc = Board.objects.get(name="Internal Policy Officers Group")
    members = ipoc.memberships.filter(role=BoardMembership.Role.MEMBER)

    assert ipoc.kind == Board.Kind.OFFICERS_GROUP
    assert ipoc.cadence == Board.Cadence.QUARTERLY
    assert members.count() == 14
    assert members.filter(office="Lead officer, Youth Offending Team", person=None).exists()
    assert ipoc.measures_of_success.splitlines()[0] == "Numbers attending the meetings"
    assert len(ipoc.measures_of_success.splitlines()) == 6
    current_chair = ipoc.memberships.current().get(role=BoardMembership.Role.CHAIR)
    assert current_chair.office == "Community Strategy Co-ordinator"
    task_group = ipoc.reporting_boards.get()
    assert (task_group.name, task_group.kind) == (
        "Integrated Assessment Tool task group",
        Board.Kind.TASK_GROUP,
    )


def test_demo_users_are_linked_to_their_people_with_current_seats(output):
    user_model = get_user_model()
    expected = {
        "officer": ("Carron McDiarmid", "Chief Officers' Group", "lead_officer"),
        "chair": ("RJ Phillips", "Cabinet", "chair"),
        "clerk": ("Sally Cole", "Cabinet", "clerk"),
        "scrutiny": ("Demo Scrutiny Member", "Overview and Scrutiny Committee", "member"),
    }

    for username, (name, board, role) in expected.items():
        person = user_model.objects.get(username=username).person
        seat = person.board_memberships.current().get()
        assert (person.name, seat.board.name, seat.role) == (name, board, role)
    assert Person.objects.get(name="Carron McDiarmid").capacity == Person.Capacity.OFFICER


def test_admin_is_a_superuser_without_a_person(output):
    admin = get_user_model().objects.get(username="admin")

    assert admin.is_superuser
    assert admin.is_staff
    assert admin.check_password("demo-admin-2026")
    assert not Person.objects.filter(user=admin).exists()


def test_every_demo_user_signs_in_with_the_published_demo_authenticator_key(output):
    key = base64.b32decode(DEMO_AUTHENTICATOR_KEY)

    for username in ("officer", "chair", "clerk", "scrutiny", "admin"):
        user = get_user_model().objects.get(username=username)
        device = authenticator_of(user)
        assert device.bin_key == key
        assert authenticator_verify(user=user, code=f"{totp(key):06d}") == device
        assert recovery_code_verify(user=user, code="DEMO 0001")
        assert recovery_codes_left(user) == 9
    assert f"oathtool --totp -b {DEMO_AUTHENTICATOR_KEY}" in output
    assert "demo0001 to demo0010" in output


def test_reloading_keeps_an_authenticator_a_demo_user_set_up_since(output):
    officer = get_user_model().objects.get(username="officer")
    two_factor_reset(user=officer, by=officer)
    own = authenticator_enrolment_start(user=officer)
    own.confirmed = True
    own.save()

    call_command("demo_load", stdout=StringIO())

    assert authenticator_of(officer) == own
    assert recovery_codes_left(officer) == 0


def test_partner_system_reads_and_writes_for_highland(output):
    system = PartnerSystem.objects.get(name="NHS Highland performance system")

    assert system.partnership.slug == "highland-cpp"
    assert system.organisation == Organisation.objects.get(name="NHS Highland")
    assert (system.can_read, system.can_write, system.is_active) == (True, True, True)


def test_command_prints_the_demo_credentials(output):
    lines = output.splitlines()

    for username in ("officer", "chair", "clerk", "scrutiny", "admin"):
        assert any(
            line.split()[:2] == [username, f"demo-{username}-2026"] for line in lines if line
        )
    assert "NHS Highland performance system" in output


def test_running_twice_changes_no_row_counts(output):
    before = _row_counts()

    call_command("demo_load", stdout=StringIO())

    assert _row_counts() == before
    # One history row per minute: Herefordshire's nine and Cardiff's three, none added.
    assert before["meetings.HistoricalMinute"] == 12


def test_running_twice_keeps_passwords_and_saves_nothing(output):
    password_hash = get_user_model().objects.get(username="officer").password
    minute = Minute.objects.get(number=93)

    call_command("demo_load", stdout=StringIO())

    user = get_user_model().objects.get(username="officer")
    assert user.password == password_hash
    assert user.check_password("demo-officer-2026")
    assert Minute.objects.get(number=93).modified_at == minute.modified_at
    assert AgendaItem.objects.get(position=2, report__reference="COG/1/13").history.count() == 1


def test_cardiff_meeting_is_minuted_in_english_and_welsh(output):
    minute = Minute.objects.get(meeting__board__slug="ipoc", number=3)

    assert (minute.title, minute.title_cy) == (
        "The Integrated Assessment Tool",
        "Yr Offeryn Asesu Integredig",
    )
    assert [resolution.text_cy for resolution in minute.resolutions.all()] == [
        "Bod y drafft o'r offeryn yn cael ei brofi ar ddau bolisi cyn y cyfarfod nesaf.",
        "Bod swyddogion arweiniol yn anfon eu cynigion polisi at y grŵp drwy e-bost.",
    ]
    assert minute.meeting.board.partnership.name_cy == "Partneriaeth Caerdydd"


def test_demo_accounts_are_refused_on_a_site_that_is_not_a_demonstration(settings):
    settings.DEMO_DATA_ALLOWED = False

    with pytest.raises(CommandError) as refused:
        call_command("demo_load", stdout=StringIO())

    assert str(refused.value) == DEMO_DATA_NOT_ALLOWED
    assert not get_user_model().objects.exists()
    assert not Partnership.objects.exists()
