import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meetings.models import Resolution
from meetings.services.projects import project_decide, project_propose
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
from partnership.models import Partnership
from tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    MeetingFactory,
    MinuteFactory,
    OrganisationFactory,
    OutcomeFactory,
    OutcomeFrameworkFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from tests.outcomes.helpers import partner
from tests.pages import text_of

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


def project_page(client, project):
    return client.get(
        reverse("outcomes:project_detail", args=[project.partnership.slug, project.slug])
    )


def decided_project(cannock, district_board, council, user, *, minutes_status, exempt=False):
    """A project proposed and approved by the county board at a meeting of 20 June 2013."""
    county = BoardFactory(partnership=cannock, name="Staffordshire Partnership Board")
    district_board.reports_to = county
    district_board.save()
    project = create(cannock, district_board, council, user)
    milestone_add(
        project=project,
        title="Recruit walk leaders",
        starts_on=datetime.date(2013, 7, 1),
        ends_on=datetime.date(2013, 9, 30),
        by=user,
    )
    project_propose(project=project, decided_on=datetime.date(2013, 5, 14), by=user)
    meeting = MeetingFactory(
        board=county,
        starts_at=datetime.datetime(2013, 6, 20, 14, tzinfo=ZoneInfo("Europe/London")),
        minutes_status=minutes_status,
        minutes_published_at=timezone.now() if minutes_status == "published" else None,
    )
    item = AgendaItemFactory(
        meeting=meeting,
        title="Projects for approval",
        is_exempt=exempt,
        exempt_paragraph="3" if exempt else "",
    )
    minute = MinuteFactory(meeting=meeting, number=87, title="Healthy Chase", agenda_item=item)
    resolution = Resolution.objects.create(
        minute=minute, position=1, text="That the Healthy Chase project be approved."
    )
    project_decide(
        project=project,
        board=county,
        approve=True,
        resolution=resolution,
        decided_on=datetime.date(2013, 6, 20),
        by=user,
    )
    return project


def test_project_page_shows_the_plan_and_the_trail_of_decisions(
    client, cannock, district_board, council, user, django_assert_max_num_queries
):
    project = decided_project(cannock, district_board, council, user, minutes_status="published")

    # Three of them add up the pooled budget: cash by partner and year, spending, and kinds.
    with django_assert_max_num_queries(8):
        response = project_page(client, project)

    text = text_of(response)
    assert "Healthy Chase" in text
    assert "Status Approved" in text
    assert "Lead organisation Cannock Chase Council" in text
    assert "Recruit walk leaders 1 July 2013 30 September 2013 Not started" in text
    assert "Proposed Cannock Chase Delivery Board 14 May 2013 –" in text
    assert (
        "Approved Staffordshire Partnership Board Meeting of 20 June 2013 "
        "Minute 87: That the Healthy Chase project be approved."
    ) in text


def test_project_page_keeps_back_resolutions_of_unpublished_minutes(
    client, cannock, district_board, council, user
):
    project = decided_project(cannock, district_board, council, user, minutes_status="draft")

    text = text_of(project_page(client, project))

    assert "In minutes not yet published" in text
    assert "That the Healthy Chase project be approved." not in text


def test_project_page_keeps_back_an_exempt_items_resolution_from_the_public(
    client, cannock, district_board, council, user
):
    project = decided_project(
        cannock, district_board, council, user, minutes_status="published", exempt=True
    )

    text = text_of(project_page(client, project))

    assert "That the Healthy Chase project be approved." not in text


def test_project_page_links_its_framework(client, cannock, district_board, council, user):
    project = create(cannock, district_board, council, user)
    framework = project_framework_create(
        project=project,
        starts_on=datetime.date(2013, 4, 1),
        ends_on=datetime.date(2016, 3, 31),
        by=user,
    )

    response = project_page(client, project)

    assert framework.get_absolute_url() in response.content.decode()
    assert (
        "Performance framework Healthy Chase performance framework Framework signed off Not yet"
    ) in text_of(response)
    assert "Not yet proposed." in text_of(response)


def test_project_of_another_partnership_is_not_found(
    client, cannock, district_board, council, user
):
    create(cannock, district_board, council, user)

    response = client.get(reverse("outcomes:project_detail", args=["elsewhere", "healthy-chase"]))

    assert response.status_code == 404


def test_a_project_knows_its_page():
    project = Project(partnership=Partnership(slug="cannock-chase-lsp"), slug="healthy-chase")

    assert project.get_absolute_url() == "/partnerships/cannock-chase-lsp/projects/healthy-chase/"
