"""Who may do what: each role's allowed and refused cases, through the same permissions that
views, the API and templates use."""

import datetime

import pytest
import rules
from django.utils import timezone

from meetings.models import AgendaPack
from outcomes.models import DevelopmentAction, Indicator, Outcome, OutcomeFramework, Reading

pytestmark = pytest.mark.django_db


def allowed(world, who: str, perm: str, obj) -> bool:
    """Users ask through Django's auth backends, as views do; partner systems ask rules directly,
    as the API's permission classes will."""
    if who.endswith("_system"):
        return rules.has_perm(perm, getattr(world, who), obj)
    return world.users[who].has_perm(perm, obj)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("officer", True),
        ("other_officer", False),
        ("former_partner_officer", False),
        ("councillor", False),
        ("chair", False),
        ("no_person", False),
        ("anonymous", False),
    ],
)
def test_only_officers_of_current_partners_edit_partnership_records(world, who, expected):
    assert allowed(world, who, "partnership.edit_records", world.partnership) is expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [("officer", True), ("chair", False), ("other_officer", False), ("anonymous", False)],
)
def test_officers_of_the_partnership_change_its_boards(world, who, expected):
    assert allowed(world, who, "governance.change_board", world.board) is expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [("officer", True), ("scrutiny", False), ("other_officer", False), ("anonymous", False)],
)
def test_joint_appointments_are_restricted_to_officers_of_the_partnership(world, who, expected):
    assert allowed(world, who, "governance.view_joint_appointments", world.partnership) is expected


@pytest.mark.parametrize("perm", ["meetings.request_agenda_pack", "meetings.approve_minutes"])
@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("chair", True),
        ("clerk", True),
        ("past_chair", False),
        ("member", False),
        ("officer", False),
        ("scrutiny", False),
        ("anonymous", False),
    ],
)
def test_the_chair_or_clerk_builds_packs_and_approves_minutes(world, perm, who, expected):
    assert allowed(world, who, perm, world.meeting) is expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("chair", True),
        ("member", True),
        ("officer", True),
        ("scrutiny", False),
        ("other_officer", False),
        ("anonymous", False),
    ],
)
def test_an_unpublished_agenda_is_seen_only_by_insiders(world, who, expected):
    assert allowed(world, who, "meetings.view_meeting", world.meeting) is expected
    assert allowed(world, who, "meetings.view_item", world.open_item) is expected


@pytest.fixture
def published(world):
    world.meeting.agenda_published_at = timezone.now()
    world.meeting.save()
    return world


@pytest.mark.parametrize("who", ["anonymous", "other_officer", "scrutiny", "no_person"])
def test_the_public_reads_a_published_agenda_and_its_open_items(published, who):
    assert allowed(published, who, "meetings.view_meeting", published.meeting)
    assert allowed(published, who, "meetings.view_item", published.open_item)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("member", True),
        ("chair", True),
        ("officer", True),
        ("scrutiny", True),
        ("anonymous", False),
        ("no_person", False),
        ("other_officer", False),
        ("past_chair", False),
        ("reader_system", False),
    ],
)
def test_exempt_items_never_reach_the_public(published, who, expected):
    assert allowed(published, who, "meetings.view_item", published.exempt_item) is expected
    assert allowed(published, who, "meetings.view_exempt_item", published.exempt_item) is expected


def test_scrutiny_members_see_no_exempt_item_before_publication(world):
    assert not allowed(world, "scrutiny", "meetings.view_exempt_item", world.exempt_item)


@pytest.mark.parametrize(
    ("status", "who", "expected"),
    [
        ("draft", "member", True),
        ("draft", "officer", True),
        ("draft", "anonymous", False),
        ("draft", "scrutiny", False),
        ("approved", "anonymous", False),
        ("published", "anonymous", True),
        ("published", "scrutiny", True),
    ],
)
def test_minutes_are_public_once_published(world, status, who, expected):
    world.meeting.minutes_status = status
    world.meeting.minutes_published_at = timezone.now() if status == "published" else None
    world.meeting.save()
    assert allowed(world, who, "meetings.view_minutes", world.meeting) is expected


@pytest.mark.parametrize(
    ("who", "perm", "expected"),
    [
        ("reader_system", "partnership.api_read", True),
        ("writer_system", "partnership.api_read", True),
        ("other_system", "partnership.api_read", False),
        ("reader_system", "partnership.api_write", False),
        ("writer_system", "partnership.api_write", True),
        ("other_system", "partnership.api_write", False),
        ("anonymous", "partnership.api_read", False),
    ],
)
def test_partner_systems_are_bound_to_one_partnership_and_their_scopes(world, who, perm, expected):
    assert allowed(world, who, perm, world.partnership) is expected


def test_a_deactivated_partner_system_may_do_nothing(world):
    world.writer_system.is_active = False
    world.writer_system.save()
    assert not allowed(world, "writer_system", "partnership.api_read", world.partnership)
    assert not allowed(world, "writer_system", "partnership.api_write", world.partnership)


@pytest.fixture
def reading(world):
    framework = OutcomeFramework.objects.create(
        partnership=world.partnership,
        name="SOA",
        slug="soa",
        kind="soa",
        starts_on=datetime.date(2013, 4, 1),
        ends_on=datetime.date(2019, 3, 31),
    )
    outcome = Outcome.objects.create(framework=framework, number=1, title="Healthier lives")
    indicator = Indicator.objects.create(
        outcome=outcome, name="Smoking rate", unit="%", polarity="lower", frequency="annual"
    )
    return Reading(
        indicator=indicator,
        period_start=datetime.date(2014, 4, 1),
        period_end=datetime.date(2015, 3, 31),
        value=21,
    )


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("writer_system", True),
        ("officer", True),
        ("reader_system", False),
        ("other_system", False),
        ("councillor", False),
        ("anonymous", False),
    ],
)
def test_readings_are_recorded_by_officers_and_writing_systems(world, reading, who, expected):
    assert allowed(world, who, "outcomes.record_reading", reading) is expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [("member", True), ("officer", True), ("writer_system", True), ("chair", False)],
)
def test_an_action_is_updated_by_its_lead_officers_and_writing_systems(world, who, expected):
    action = DevelopmentAction.objects.create(
        partnership=world.partnership,
        reference="2.1",
        activity="Establish the health inequalities theme group",
        lead_person=world.users["member"].person,
    )
    assert allowed(world, who, "outcomes.update_action", action) is expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [("officer", True), ("chair", True), ("clerk", True), ("member", False), ("anonymous", False)],
)
def test_officers_chairs_and_clerks_schedule_meetings(world, who, expected):
    assert allowed(world, who, "meetings.schedule_meeting", world.board) is expected


@pytest.mark.parametrize(
    ("variant", "who", "expected"),
    [
        ("public", "anonymous", True),
        ("members", "anonymous", False),
        ("members", "other_officer", False),
        ("members", "member", True),
        ("members", "scrutiny", True),
        ("public", "scrutiny", True),
    ],
)
def test_members_pack_is_for_insiders_and_scrutiny(published, variant, who, expected):
    pack = AgendaPack(
        meeting=published.meeting, variant=variant, requested_by=published.users["chair"].person
    )
    assert allowed(published, who, "meetings.view_pack", pack) is expected


def test_no_pack_is_public_before_the_agenda(world):
    pack = AgendaPack(meeting=world.meeting, variant="public")
    assert not allowed(world, "anonymous", "meetings.view_pack", pack)
