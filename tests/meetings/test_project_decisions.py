import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from meetings.models import ProjectDecision, Resolution
from meetings.services.projects import (
    BOARD_NOT_ABOVE,
    DECIDED_BEFORE_PROPOSED,
    DECIDED_ON_NOT_MEETING_DAY,
    FRAMEWORK_ALREADY_SIGNED_OFF,
    MEETING_OF_ANOTHER_BOARD,
    PROJECT_NOT_APPROVED,
    PROJECT_NOT_PROPOSABLE,
    PROJECT_NOT_PROPOSED,
    PROJECT_WITHOUT_FRAMEWORK,
    RESOLUTION_OF_ANOTHER_MEETING,
    project_decide,
    project_framework_sign_off,
    project_propose,
)
from outcomes.models import Project
from outcomes.services.projects import project_create, project_framework_create
from tests.factories import (
    BoardFactory,
    MeetingFactory,
    MinuteFactory,
    PartnershipFactory,
    UserFactory,
)
from tests.outcomes.helpers import partner

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
PROPOSED_ON = datetime.date(2013, 5, 14)
DECIDED_ON = datetime.date(2013, 6, 20)


@pytest.fixture
def user():
    return UserFactory()


@pytest.fixture
def boards():
    """Staffordshire's county board, the district board below it, and a task group below that;
    a second county-level board beside the county board."""
    partnership = PartnershipFactory(name="Cannock Chase LSP")
    county = BoardFactory(partnership=partnership, name="Staffordshire Partnership Board")
    district = BoardFactory(
        partnership=partnership, name="Cannock Chase Delivery Board", reports_to=county
    )
    task_group = BoardFactory(
        partnership=partnership, name="Walking Task Group", reports_to=district
    )
    sibling = BoardFactory(
        partnership=partnership, name="Lichfield Delivery Board", reports_to=county
    )
    return {"county": county, "district": district, "task_group": task_group, "sibling": sibling}


@pytest.fixture
def project(boards, user):
    partnership = boards["district"].partnership
    return project_create(
        partnership=partnership,
        proposing_board=boards["district"],
        name="Healthy Chase",
        lead_organisation=partner(partnership, "Cannock Chase Council"),
        by=user,
    )


def meeting_of(board, day: datetime.date):
    return MeetingFactory(
        board=board, starts_at=datetime.datetime(day.year, day.month, day.day, 14, tzinfo=LONDON)
    )


def resolution_at(meeting, text: str) -> Resolution:
    minute = MinuteFactory(meeting=meeting, title="Projects for approval")
    return Resolution.objects.create(minute=minute, position=1, label="a)", text=text)


def propose(project, user, **fields):
    return project_propose(project=project, decided_on=PROPOSED_ON, by=user, **fields)


def decide(project, board, user, *, approve=True, **fields):
    return project_decide(
        project=project,
        board=board,
        approve=approve,
        decided_on=fields.pop("decided_on", DECIDED_ON),
        by=user,
        **fields,
    )


def trail(project) -> list[tuple[str, str, datetime.date]]:
    return [
        (decision.step, decision.board.name, decision.decided_on)
        for decision in project.decisions.select_related("board")
    ]


def assert_unchanged(project, status: str, steps: int) -> None:
    project.refresh_from_db()
    assert project.status == status
    assert project.decisions.count() == steps


def test_proposing_board_proposes_a_draft_at_its_meeting(project, boards, user):
    meeting = meeting_of(boards["district"], PROPOSED_ON)
    resolution = resolution_at(meeting, "That the project be put to the county board.")

    decision = propose(project, user, meeting=meeting, resolution=resolution)

    project.refresh_from_db()
    assert project.status == Project.Status.PROPOSED
    assert (decision.board, decision.meeting, decision.resolution) == (
        boards["district"],
        meeting,
        resolution,
    )
    assert trail(project) == [("proposed", "Cannock Chase Delivery Board", PROPOSED_ON)]


def test_proposal_takes_its_meeting_from_the_resolution(project, boards, user):
    meeting = meeting_of(boards["district"], PROPOSED_ON)
    resolution = resolution_at(meeting, "That the project be put to the county board.")

    decision = propose(project, user, resolution=resolution)

    assert decision.meeting == meeting


def test_board_above_approves_a_proposed_project(project, boards, user):
    propose(project, user)
    meeting = meeting_of(boards["county"], DECIDED_ON)
    resolution = resolution_at(meeting, "That the Healthy Chase project be approved.")

    decision = decide(project, boards["county"], user, meeting=meeting, resolution=resolution)

    project.refresh_from_db()
    assert project.status == Project.Status.APPROVED
    assert decision.resolution.text == "That the Healthy Chase project be approved."
    assert trail(project) == [
        ("proposed", "Cannock Chase Delivery Board", PROPOSED_ON),
        ("approved", "Staffordshire Partnership Board", DECIDED_ON),
    ]


def test_grandparent_board_may_approve(boards, user):
    partnership = boards["task_group"].partnership
    project = project_create(
        partnership=partnership,
        proposing_board=boards["task_group"],
        name="Walk leaders",
        lead_organisation=partner(partnership, "Staffordshire County Council"),
        by=user,
    )
    propose(project, user)

    decide(project, boards["county"], user)

    project.refresh_from_db()
    assert project.status == Project.Status.APPROVED


def test_refused_project_is_proposed_again_and_approved(project, boards, user):
    propose(project, user)
    decide(project, boards["county"], user, approve=False)
    project.refresh_from_db()
    assert project.status == Project.Status.REFUSED

    project_propose(project=project, decided_on=datetime.date(2013, 9, 10), by=user)
    decide(project, boards["county"], user, decided_on=datetime.date(2013, 10, 17))

    project.refresh_from_db()
    assert project.status == Project.Status.APPROVED
    assert trail(project) == [
        ("proposed", "Cannock Chase Delivery Board", PROPOSED_ON),
        ("refused", "Staffordshire Partnership Board", DECIDED_ON),
        ("proposed", "Cannock Chase Delivery Board", datetime.date(2013, 9, 10)),
        ("approved", "Staffordshire Partnership Board", datetime.date(2013, 10, 17)),
    ]


def test_project_never_proposed_cannot_be_approved(project, boards, user):
    with pytest.raises(ValidationError) as raised:
        decide(project, boards["county"], user)

    assert raised.value.messages == [
        PROJECT_NOT_PROPOSED.format(project="Healthy Chase", status="draft")
    ]
    assert_unchanged(project, Project.Status.DRAFT, 0)


def test_approved_project_cannot_be_decided_again(project, boards, user):
    propose(project, user)
    decide(project, boards["county"], user)

    with pytest.raises(ValidationError) as raised:
        decide(project, boards["county"], user, approve=False)

    assert raised.value.messages == [
        PROJECT_NOT_PROPOSED.format(project="Healthy Chase", status="approved")
    ]
    assert_unchanged(project, Project.Status.APPROVED, 2)


def test_proposed_project_cannot_be_proposed_again(project, user):
    propose(project, user)

    with pytest.raises(ValidationError) as raised:
        propose(project, user)

    assert raised.value.messages == [
        PROJECT_NOT_PROPOSABLE.format(project="Healthy Chase", status="proposed")
    ]
    assert_unchanged(project, Project.Status.PROPOSED, 1)


@pytest.mark.parametrize("which", ["district", "task_group", "sibling"])
def test_board_not_above_the_proposing_board_cannot_decide(project, boards, user, which):
    propose(project, user)

    with pytest.raises(ValidationError) as raised:
        decide(project, boards[which], user)

    message = BOARD_NOT_ABOVE.format(board=boards[which], proposing_board=boards["district"])
    assert raised.value.message_dict == {"board": [message]}
    assert_unchanged(project, Project.Status.PROPOSED, 1)


def test_board_of_another_partnership_cannot_decide(project, boards, user):
    propose(project, user)
    elsewhere = BoardFactory(name="Herefordshire Partnership Board")

    with pytest.raises(ValidationError) as raised:
        decide(project, elsewhere, user)

    message = BOARD_NOT_ABOVE.format(board=elsewhere, proposing_board=boards["district"])
    assert raised.value.message_dict == {"board": [message]}
    assert_unchanged(project, Project.Status.PROPOSED, 1)


def test_decision_at_a_meeting_of_another_board_is_refused(project, boards, user):
    propose(project, user)
    meeting = meeting_of(boards["sibling"], DECIDED_ON)

    with pytest.raises(ValidationError) as raised:
        decide(project, boards["county"], user, meeting=meeting)

    message = MEETING_OF_ANOTHER_BOARD.format(
        meeting_board="Lichfield Delivery Board", board="Staffordshire Partnership Board"
    )
    assert raised.value.message_dict == {"meeting": [message]}
    assert_unchanged(project, Project.Status.PROPOSED, 1)


def test_resolution_minuted_at_another_meeting_is_refused(project, boards, user):
    propose(project, user)
    meeting = meeting_of(boards["county"], DECIDED_ON)
    earlier = meeting_of(boards["county"], datetime.date(2013, 3, 21))
    resolution = resolution_at(earlier, "That the annual report be noted.")

    with pytest.raises(ValidationError) as raised:
        decide(project, boards["county"], user, meeting=meeting, resolution=resolution)

    message = RESOLUTION_OF_ANOTHER_MEETING.format(date="20 June 2013")
    assert raised.value.message_dict == {"resolution": [message]}
    assert_unchanged(project, Project.Status.PROPOSED, 1)


def test_decision_dated_other_than_its_meeting_is_refused(project, boards, user):
    propose(project, user)
    meeting = meeting_of(boards["county"], DECIDED_ON)

    with pytest.raises(ValidationError) as raised:
        decide(
            project,
            boards["county"],
            user,
            meeting=meeting,
            decided_on=datetime.date(2013, 6, 21),
        )

    message = DECIDED_ON_NOT_MEETING_DAY.format(date="20 June 2013")
    assert raised.value.message_dict == {"decided_on": [message]}
    assert_unchanged(project, Project.Status.PROPOSED, 1)


def test_decision_before_the_proposal_is_refused(project, boards, user):
    propose(project, user)

    with pytest.raises(ValidationError) as raised:
        decide(project, boards["county"], user, decided_on=datetime.date(2013, 5, 1))

    message = DECIDED_BEFORE_PROPOSED.format(date="14 May 2013")
    assert raised.value.message_dict == {"decided_on": [message]}
    assert_unchanged(project, Project.Status.PROPOSED, 1)


def with_framework(project, user):
    project_framework_create(
        project=project,
        starts_on=datetime.date(2013, 4, 1),
        ends_on=datetime.date(2016, 3, 31),
        by=user,
    )


def test_board_above_signs_off_an_approved_projects_framework(project, boards, user):
    with_framework(project, user)
    propose(project, user)
    decide(project, boards["county"], user)
    signed_off_on = datetime.date(2013, 9, 19)

    project_framework_sign_off(
        project=project, board=boards["county"], decided_on=signed_off_on, by=user
    )

    project.refresh_from_db()
    assert project.status == Project.Status.APPROVED
    assert project.framework_signed_off_on == signed_off_on
    assert trail(project)[-1] == (
        "framework_signed_off",
        "Staffordshire Partnership Board",
        signed_off_on,
    )


def sign_off(project, board, user):
    return project_framework_sign_off(
        project=project, board=board, decided_on=datetime.date(2013, 9, 19), by=user
    )


def test_framework_of_a_project_not_approved_is_not_signed_off(project, boards, user):
    with_framework(project, user)
    propose(project, user)

    with pytest.raises(ValidationError) as raised:
        sign_off(project, boards["county"], user)

    assert raised.value.messages == [
        PROJECT_NOT_APPROVED.format(project="Healthy Chase", status="proposed")
    ]
    project.refresh_from_db()
    assert project.framework_signed_off_on is None
    assert project.decisions.count() == 1


def test_approved_project_without_a_framework_has_nothing_to_sign_off(project, boards, user):
    propose(project, user)
    decide(project, boards["county"], user)

    with pytest.raises(ValidationError) as raised:
        sign_off(project, boards["county"], user)

    assert raised.value.messages == [PROJECT_WITHOUT_FRAMEWORK.format(project="Healthy Chase")]
    assert project.decisions.count() == 2


def test_framework_is_signed_off_once_by_a_board_above(project, boards, user):
    with_framework(project, user)
    propose(project, user)
    decide(project, boards["county"], user)

    with pytest.raises(ValidationError) as raised:
        sign_off(project, boards["district"], user)
    message = BOARD_NOT_ABOVE.format(board=boards["district"], proposing_board=boards["district"])
    assert raised.value.message_dict == {"board": [message]}
    project.refresh_from_db()
    assert project.framework_signed_off_on is None

    sign_off(project, boards["county"], user)
    with pytest.raises(ValidationError) as raised:
        sign_off(project, boards["county"], user)
    assert raised.value.messages == [
        FRAMEWORK_ALREADY_SIGNED_OFF.format(project="Healthy Chase", date="19 September 2013")
    ]
    assert project.decisions.filter(step=ProjectDecision.Step.FRAMEWORK_SIGNED_OFF).count() == 1
