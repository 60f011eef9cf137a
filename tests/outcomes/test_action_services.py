import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from outcomes.models import ActionUpdate, DevelopmentAction
from outcomes.services.actions import (
    ACTION_CLOSED,
    DEADLINE_BEFORE_CREATION,
    LEAD_BOARD_ELSEWHERE,
    LEAD_ORGANISATION_ELSEWHERE,
    LEAD_PERSON_ELSEWHERE,
    LEAD_REQUIRED,
    TIMESCALE_REQUIRED,
    UPDATE_BEFORE_ACTION,
    UPDATE_IN_FUTURE,
    action_update_add,
    development_action_create,
    development_action_edit,
)
from partnership.models import PartnerMembership
from tests.factories import (
    BoardFactory,
    BoardMembershipFactory,
    DevelopmentActionFactory,
    OrganisationFactory,
    OutcomeFrameworkFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
# Next year, so that the timescales below lie ahead whenever the tests run.
YEAR = TODAY.year + 1


@pytest.fixture
def partnership():
    return PartnershipFactory(slug="highland-cpp")


@pytest.fixture
def council(partnership):
    council = OrganisationFactory(name="The Highland Council")
    PartnerMembership.objects.create(partnership=partnership, organisation=council)
    return council


@pytest.fixture
def officer(council):
    return PersonFactory(name="Carron McDiarmid", organisation=council, capacity="officer")


@pytest.fixture
def user():
    return UserFactory()


def create(partnership, user, **fields):
    return development_action_create(partnership=partnership, by=user, **fields)


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_the_deadline_is_read_from_the_wording_kept_as_typed(partnership, officer, user):
    action = create(
        partnership,
        user,
        reference="1.1",
        activity="Finalise the delivery plans for the seven themes",
        lead_person=officer,
        deadline_wording=f"Before March {YEAR}",
    )

    action.refresh_from_db()
    assert action.deadline == datetime.date(YEAR, 3, 1) - datetime.timedelta(days=1)
    assert action.deadline_wording == f"Before March {YEAR}"
    assert action.status == DevelopmentAction.Status.NOT_STARTED


def test_a_typed_deadline_wins_over_the_wording(partnership, officer, user):
    action = create(
        partnership,
        user,
        reference="1.1",
        activity="Finalise the delivery plans",
        lead_person=officer,
        deadline_wording=f"Spring {YEAR}",
        deadline=datetime.date(YEAR, 5, 31),
    )

    assert action.deadline == datetime.date(YEAR, 5, 31)
    assert action.deadline_wording == f"Spring {YEAR}"


def test_an_ongoing_action_has_no_deadline(partnership, officer, user):
    action = create(
        partnership,
        user,
        reference="2.1",
        activity="Engage communities",
        lead_person=officer,
        deadline_wording="On-going",
        status=DevelopmentAction.Status.ONGOING,
    )

    assert action.deadline is None
    assert action.status == DevelopmentAction.Status.ONGOING


@pytest.mark.parametrize(
    ("timescale", "field"),
    [
        ({"deadline_wording": f"By March {TODAY.year - 1}"}, "deadline_wording"),
        ({"deadline_wording": "Soon", "deadline": TODAY - datetime.timedelta(days=1)}, "deadline"),
    ],
)
def test_a_deadline_before_the_day_of_recording_is_refused(
    partnership, officer, user, timescale, field
):
    with pytest.raises(ValidationError) as excinfo:
        create(
            partnership, user, reference="1.1", activity="Late", lead_person=officer, **timescale
        )

    assert errors_of(excinfo) == {field: [DEADLINE_BEFORE_CREATION]}
    assert not DevelopmentAction.objects.exists()


def test_a_deadline_due_today_is_accepted(partnership, officer, user):
    action = create(
        partnership, user, reference="1.1", activity="Due", lead_person=officer, deadline=TODAY
    )

    assert action.deadline == TODAY


def test_moving_a_deadline_before_the_day_the_action_was_recorded_is_refused(
    partnership, officer, user
):
    action = create(
        partnership,
        user,
        reference="1.1",
        activity="Plan",
        lead_person=officer,
        deadline_wording=f"March {YEAR}",
    )

    with pytest.raises(ValidationError) as excinfo:
        development_action_edit(
            action=action, by=user, deadline_wording=f"December {TODAY.year - 1}"
        )

    assert errors_of(excinfo) == {"deadline_wording": [DEADLINE_BEFORE_CREATION]}
    action.refresh_from_db()
    assert action.deadline == datetime.date(YEAR, 3, 31)
    assert action.deadline_wording == f"March {YEAR}"


def test_an_action_recorded_after_its_deadline_can_still_be_changed(partnership, officer, user):
    """Plans are entered after the fact: the rule holds a moved deadline, not a kept one."""
    action = DevelopmentActionFactory(
        partnership=partnership,
        lead_person=officer,
        deadline=datetime.date(2013, 9, 30),
        deadline_wording="September 2013",
    )

    development_action_edit(action=action, by=user, activity="Recruit the co-ordinators")

    action.refresh_from_db()
    assert action.activity == "Recruit the co-ordinators"
    assert action.deadline == datetime.date(2013, 9, 30)


def test_an_action_needs_a_lead(partnership, user):
    with pytest.raises(ValidationError) as excinfo:
        create(
            partnership, user, reference="1.1", activity="Plan", deadline_wording=f"March {YEAR}"
        )

    assert errors_of(excinfo) == {"lead_person": [LEAD_REQUIRED]}
    assert not DevelopmentAction.objects.exists()


def test_an_action_needs_a_timescale(partnership, officer, user):
    with pytest.raises(ValidationError) as excinfo:
        create(partnership, user, reference="1.1", activity="Plan", lead_person=officer)

    assert errors_of(excinfo) == {"deadline_wording": [TIMESCALE_REQUIRED]}


def test_a_board_member_of_the_partnership_may_lead(partnership, user):
    board = BoardFactory(partnership=partnership)
    councillor = PersonFactory(name="Councillor Davidson")
    BoardMembershipFactory(board=board, person=councillor)

    action = create(
        partnership,
        user,
        reference="1.1",
        activity="Plan",
        lead_person=councillor,
        deadline_wording="On-going",
    )

    assert action.lead_person == councillor


def test_leads_from_another_partnership_are_refused(partnership, user):
    elsewhere = PartnershipFactory()
    cardiff = OrganisationFactory(name="Cardiff Council")
    PartnerMembership.objects.create(partnership=elsewhere, organisation=cardiff)
    stranger = PersonFactory(organisation=cardiff, capacity="officer")

    with pytest.raises(ValidationError) as excinfo:
        create(
            partnership,
            user,
            reference="1.1",
            activity="Plan",
            lead_person=stranger,
            lead_board=BoardFactory(partnership=elsewhere),
            lead_organisation=cardiff,
            deadline_wording="On-going",
        )

    assert errors_of(excinfo) == {
        "lead_person": [LEAD_PERSON_ELSEWHERE],
        "lead_board": [LEAD_BOARD_ELSEWHERE],
        "lead_organisation": [LEAD_ORGANISATION_ELSEWHERE],
    }
    assert not DevelopmentAction.objects.exists()


def test_a_framework_of_another_partnership_is_refused(partnership, officer, user):
    with pytest.raises(ValidationError) as excinfo:
        create(
            partnership,
            user,
            framework=OutcomeFrameworkFactory(),
            reference="1.1",
            activity="Plan",
            lead_person=officer,
            deadline_wording="On-going",
        )

    assert errors_of(excinfo) == {"framework": ["The framework belongs to another partnership."]}


@pytest.fixture
def action(partnership, officer, user):
    return create(
        partnership,
        user,
        reference="1.2",
        activity="Systems for performance data",
        lead_person=officer,
        deadline_wording=f"Before March {YEAR}",
    )


def test_the_action_takes_the_status_of_its_latest_update(action, officer):
    update = action_update_add(
        action=action,
        author=officer,
        text="Baselines set for four of seven themes.",
        status=DevelopmentAction.Status.IN_PROGRESS,
    )

    action.refresh_from_db()
    assert action.status == DevelopmentAction.Status.IN_PROGRESS
    assert update.written_on == TODAY
    assert update.author == officer
    assert update.text == "Baselines set for four of seven themes."


@pytest.mark.parametrize(
    "closed", [DevelopmentAction.Status.DONE, DevelopmentAction.Status.DROPPED]
)
def test_an_update_on_a_closed_action_is_refused(action, officer, closed):
    action_update_add(action=action, author=officer, text="Closed.", status=closed)

    with pytest.raises(ValidationError) as excinfo:
        action_update_add(
            action=action, author=officer, text="Reopened.", status=DevelopmentAction.Status.ONGOING
        )

    label = DevelopmentAction.Status(closed).label.lower()
    assert excinfo.value.messages == [ACTION_CLOSED.format(status=label)]
    assert list(ActionUpdate.objects.values_list("text", flat=True)) == ["Closed."]
    action.refresh_from_db()
    assert action.status == closed


@pytest.mark.parametrize(
    ("written_on", "message"),
    [
        (TODAY + datetime.timedelta(days=1), UPDATE_IN_FUTURE),
        (TODAY - datetime.timedelta(days=1), UPDATE_BEFORE_ACTION),
    ],
)
def test_an_update_dated_outside_the_actions_life_is_refused(action, officer, written_on, message):
    with pytest.raises(ValidationError) as excinfo:
        action_update_add(
            action=action,
            author=officer,
            text="Progress.",
            status=DevelopmentAction.Status.DONE,
            written_on=written_on,
        )

    assert excinfo.value.message_dict == {"written_on": [message]}
    assert not ActionUpdate.objects.exists()
    action.refresh_from_db()
    assert action.status == DevelopmentAction.Status.NOT_STARTED
