import datetime

import pytest
from django.core.exceptions import ValidationError

from outcomes.models import Milestone, OutcomeFramework, Project
from outcomes.services.projects import (
    FRAMEWORK_EXISTS,
    FRAMEWORK_NEEDS_DATES,
    LEAD_OFFICER_ELSEWHERE,
    LEAD_ORGANISATION_NOT_PARTNER,
    MILESTONE_ENDS_BEFORE_START,
    OUTCOME_ELSEWHERE,
    PROPOSING_BOARD_ELSEWHERE,
    milestone_add,
    project_create,
    project_framework_create,
)
from tests.factories import (
    BoardFactory,
    OrganisationFactory,
    OutcomeFactory,
    OutcomeFrameworkFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from tests.outcomes.helpers import partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def cannock():
    return PartnershipFactory(name="Cannock Chase LSP", slug="cannock-chase")


@pytest.fixture
def council(cannock):
    return partner(cannock, "Cannock Chase Council")


@pytest.fixture
def district_board(cannock):
    return BoardFactory(partnership=cannock, name="Cannock Chase Delivery Board")


@pytest.fixture
def user():
    return UserFactory()


def create(cannock, district_board, council, user, **fields):
    return project_create(
        partnership=cannock,
        proposing_board=district_board,
        lead_organisation=council,
        by=user,
        **{"name": "Healthy Chase", **fields},
    )


def errors_of(raised) -> dict[str, list[str]]:
    return raised.value.message_dict


def test_project_starts_as_a_draft_with_its_outcomes_and_slug(
    cannock, district_board, council, user
):
    outcome = OutcomeFactory(framework=OutcomeFrameworkFactory(partnership=cannock))
    officer = PersonFactory(name="Ann Lead", organisation=council)

    project = create(
        cannock,
        district_board,
        council,
        user,
        lead_officer=officer,
        outcomes=[outcome],
        summary="Walking for health across the district.",
    )

    project.refresh_from_db()
    assert project.status == Project.Status.DRAFT
    assert project.slug == "healthy-chase"
    assert project.lead_officer == officer
    assert project.summary == "Walking for health across the district."
    assert list(project.outcomes.all()) == [outcome]


def test_a_second_project_of_the_same_name_gets_the_next_slug(
    cannock, district_board, council, user
):
    create(cannock, district_board, council, user)

    assert create(cannock, district_board, council, user).slug == "healthy-chase-2"


def test_project_of_a_board_outcome_and_lead_elsewhere_is_refused_and_nothing_saved(
    cannock, district_board, council, user
):
    elsewhere = PartnershipFactory(name="Herefordshire Partnership")
    outsider = OrganisationFactory(name="Hereford Council")
    officer = PersonFactory(name="Bob Other", organisation=council)

    with pytest.raises(ValidationError) as raised:
        project_create(
            partnership=cannock,
            proposing_board=BoardFactory(partnership=elsewhere),
            name="Healthy Chase",
            lead_organisation=outsider,
            lead_officer=officer,
            outcomes=[OutcomeFactory(framework=OutcomeFrameworkFactory(partnership=elsewhere))],
            by=user,
        )

    assert errors_of(raised) == {
        "proposing_board": [PROPOSING_BOARD_ELSEWHERE.format(partnership=cannock)],
        "outcomes": [OUTCOME_ELSEWHERE.format(partnership=cannock)],
        "lead_organisation": [LEAD_ORGANISATION_NOT_PARTNER.format(partnership=cannock)],
        "lead_officer": [
            LEAD_OFFICER_ELSEWHERE.format(organisation=council, lead=outsider),
        ],
    }
    assert not Project.objects.exists()


def test_project_without_a_name_is_refused(cannock, district_board, council, user):
    with pytest.raises(ValidationError) as raised:
        create(cannock, district_board, council, user, name="")

    assert errors_of(raised) == {"name": ["This field cannot be blank."]}
    assert not Project.objects.exists()


def test_milestone_is_added_to_the_delivery_plan(cannock, district_board, council, user):
    project = create(cannock, district_board, council, user)

    milestone = milestone_add(
        project=project,
        title="Recruit walk leaders",
        starts_on=datetime.date(2013, 4, 1),
        ends_on=datetime.date(2013, 6, 30),
        status=Milestone.Status.IN_PROGRESS,
        by=user,
    )

    assert list(project.milestones.values_list("title", "status")) == [
        ("Recruit walk leaders", "in_progress")
    ]
    assert milestone.ends_on == datetime.date(2013, 6, 30)


def test_milestone_ending_before_it_starts_is_refused_and_not_saved(
    cannock, district_board, council, user
):
    project = create(cannock, district_board, council, user)

    with pytest.raises(ValidationError) as raised:
        milestone_add(
            project=project,
            title="Recruit walk leaders",
            starts_on=datetime.date(2013, 6, 30),
            ends_on=datetime.date(2013, 4, 1),
            by=user,
        )

    assert errors_of(raised) == {"ends_on": [MILESTONE_ENDS_BEFORE_START]}
    assert not Milestone.objects.exists()


def test_project_framework_spans_the_delivery_plan(cannock, district_board, council, user):
    project = create(cannock, district_board, council, user)
    for starts_on, ends_on in [((2013, 4, 1), (2013, 9, 30)), ((2013, 10, 1), (2015, 3, 31))]:
        milestone_add(
            project=project,
            title=f"Phase from {starts_on[0]}",
            starts_on=datetime.date(*starts_on),
            ends_on=datetime.date(*ends_on),
            by=user,
        )

    framework = project_framework_create(project=project, by=user)

    project.refresh_from_db()
    assert project.performance_framework == framework
    assert framework.partnership == cannock
    assert framework.kind == OutcomeFramework.Kind.PROJECT
    assert framework.name == "Healthy Chase performance framework"
    assert framework.slug == "healthy-chase-performance-framework"
    assert (framework.starts_on, framework.ends_on) == (
        datetime.date(2013, 4, 1),
        datetime.date(2015, 3, 31),
    )


def test_project_framework_takes_the_dates_given(cannock, district_board, council, user):
    project = create(cannock, district_board, council, user)

    framework = project_framework_create(
        project=project,
        starts_on=datetime.date(2014, 4, 1),
        ends_on=datetime.date(2016, 3, 31),
        by=user,
    )

    assert (framework.starts_on, framework.ends_on) == (
        datetime.date(2014, 4, 1),
        datetime.date(2016, 3, 31),
    )


def test_project_framework_needs_dates_and_is_made_once(cannock, district_board, council, user):
    project = create(cannock, district_board, council, user)

    with pytest.raises(ValidationError) as raised:
        project_framework_create(project=project, by=user)
    assert raised.value.messages == [FRAMEWORK_NEEDS_DATES]
    assert not OutcomeFramework.objects.exists()

    project_framework_create(
        project=project,
        starts_on=datetime.date(2014, 4, 1),
        ends_on=datetime.date(2016, 3, 31),
        by=user,
    )
    with pytest.raises(ValidationError) as raised:
        project_framework_create(
            project=project,
            starts_on=datetime.date(2014, 4, 1),
            ends_on=datetime.date(2016, 3, 31),
            by=user,
        )
    assert raised.value.messages == [FRAMEWORK_EXISTS.format(project=project)]
    assert OutcomeFramework.objects.count() == 1
