"""Starting and keeping a project in the browser: its details, milestones and framework."""

import datetime

import pytest
from django.urls import reverse

from core.forms import CHOICE_INVALID
from governance.models import Board
from outcomes.forms.projects import (
    LEAD_ORGANISATION_REQUIRED,
    MILESTONE_TITLE_REQUIRED,
    NAME_REQUIRED,
    PROPOSING_BOARD_REQUIRED,
)
from outcomes.models import Milestone, OutcomeFramework, Project
from outcomes.services.projects import (
    FRAMEWORK_EXISTS,
    FRAMEWORK_NEEDS_DATES,
    LEAD_OFFICER_ELSEWHERE,
    MILESTONE_ENDS_BEFORE_START,
)
from partnership.models import Organisation, Partnership, Person
from tests.factories import (
    BoardFactory,
    OutcomeFactory,
    OutcomeFrameworkFactory,
    PersonFactory,
    UserFactory,
)
from tests.outcomes.helpers import officer_of, partner
from tests.pages import error_summary, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(highland) -> Organisation:
    return partner(highland, "The Highland Council")


@pytest.fixture
def board(highland) -> Board:
    return BoardFactory(partnership=highland, name="Highland Partnership Board")


@pytest.fixture
def project(highland, board, council) -> Project:
    return Project.objects.create(
        partnership=highland,
        proposing_board=board,
        name="Healthy Highland walks",
        slug="healthy-walks",
        lead_organisation=council,
    )


@pytest.fixture
def officer(client, highland):
    user = officer_of(highland, "highland-officer")
    client.force_login(user)
    return user


def create_url(partnership: Partnership) -> str:
    return reverse("outcomes:project_create", args=[partnership.slug])


def project_url(name: str, project: Project) -> str:
    return reverse(f"outcomes:{name}", args=[project.partnership.slug, project.slug])


def project_data(board: Board, council: Organisation, **fields) -> dict:
    return {
        "name": "Walking for health",
        "proposing_board": board.pk,
        "summary": "Led walks for people who are not active.",
        "lead_organisation": council.pk,
        "lead_officer": "",
        **fields,
    }


def milestone_data(**fields) -> dict:
    return {
        "title": "Walk leaders trained",
        "starts_on_0": "1",
        "starts_on_1": "4",
        "starts_on_2": "2013",
        "ends_on_0": "30",
        "ends_on_1": "9",
        "ends_on_2": "2013",
        "status": "in_progress",
        **fields,
    }


def test_an_officer_starts_a_draft_project_serving_the_partnerships_outcomes(
    client, officer, highland, board, council
):
    outcome = OutcomeFactory(
        framework=OutcomeFrameworkFactory(partnership=highland), title="People are active"
    )
    lead = PersonFactory(name="Morag Ross", organisation=council)

    response = client.post(
        create_url(highland),
        project_data(board, council, lead_officer=lead.pk, outcomes=[outcome.pk]),
    )

    project = Project.objects.get()
    assert response.status_code == 302
    assert response.url == project.get_absolute_url()
    assert (project.name, project.slug, project.status) == (
        "Walking for health",
        "walking-for-health",
        Project.Status.DRAFT,
    )
    assert (project.proposing_board, project.lead_organisation, project.lead_officer) == (
        board,
        council,
        lead,
    )
    assert list(project.outcomes.all()) == [outcome]
    page = text_of(client.get(response.url))
    assert "Walking for health has been started as a draft." in page
    assert "Morag Ross" in page


def test_a_project_needs_a_name_a_board_and_a_lead_and_nothing_is_saved(client, officer, highland):
    response = client.post(
        create_url(highland), {"name": "", "proposing_board": "", "lead_organisation": ""}
    )

    assert response.status_code == 200
    assert error_summary(response) == [
        NAME_REQUIRED,
        PROPOSING_BOARD_REQUIRED,
        LEAD_ORGANISATION_REQUIRED,
    ]
    assert not Project.objects.exists()


def test_a_lead_officer_of_another_partner_shows_the_services_message_and_saves_nothing(
    client, officer, highland, board, council
):
    nhs = partner(highland, "NHS Highland")
    stranger = PersonFactory(name="Iain Grant", organisation=nhs)

    response = client.post(
        create_url(highland), project_data(board, council, lead_officer=stranger.pk)
    )

    assert error_summary(response) == [
        LEAD_OFFICER_ELSEWHERE.format(organisation=nhs, lead=council)
    ]
    assert not Project.objects.exists()


def test_the_form_offers_only_the_partnerships_boards_partners_and_outcomes(
    client, officer, highland, elsewhere, board, council
):
    other_board = BoardFactory(partnership=elsewhere, name="Herefordshire board")
    OutcomeFactory(framework=OutcomeFrameworkFactory(partnership=elsewhere), title="Elsewhere")

    page = text_of(client.get(create_url(highland)))
    response = client.post(create_url(highland), project_data(other_board, council, name="Stray"))

    assert "Highland Partnership Board" in page
    assert "Herefordshire board" not in page
    assert "Elsewhere" not in page
    assert error_summary(response) == [CHOICE_INVALID]
    assert not Project.objects.exists()


def test_an_officer_changes_the_project_and_its_address_stays(
    client, officer, highland, project, council
):
    url = project_url("project_edit", project)
    form = text_of(client.get(url))

    response = client.post(
        url,
        {
            "name": "Highland health walks",
            "summary": "Now across the whole of Highland.",
            "lead_organisation": council.pk,
            "lead_officer": "",
        },
    )

    project.refresh_from_db()
    assert "Healthy Highland walks" in form
    assert "Board proposing it" not in form
    assert response.status_code == 302
    assert response.url == project.get_absolute_url()
    assert (project.name, project.slug, project.summary) == (
        "Highland health walks",
        "healthy-walks",
        "Now across the whole of Highland.",
    )
    assert "Highland health walks has been changed." in text_of(client.get(response.url))


def test_a_refused_change_saves_nothing_and_keeps_the_projects_name_on_the_page(
    client, officer, highland, project, council
):
    nhs = partner(highland, "NHS Highland")
    stranger = PersonFactory(name="Iain Grant", organisation=nhs)

    response = client.post(
        project_url("project_edit", project),
        {"name": "Renamed", "lead_organisation": council.pk, "lead_officer": stranger.pk},
    )

    project.refresh_from_db()
    assert error_summary(response) == [
        LEAD_OFFICER_ELSEWHERE.format(organisation=nhs, lead=council)
    ]
    assert "Healthy Highland walks" in text_of(response)
    assert (project.name, project.lead_officer) == ("Healthy Highland walks", None)


def test_a_milestone_is_added_to_the_delivery_plan(client, officer, project):
    response = client.post(project_url("milestone_add", project), milestone_data())

    milestone = Milestone.objects.get()
    assert response.url == project.get_absolute_url()
    assert (milestone.project, milestone.title, milestone.status) == (
        project,
        "Walk leaders trained",
        Milestone.Status.IN_PROGRESS,
    )
    assert (milestone.starts_on, milestone.ends_on) == (
        datetime.date(2013, 4, 1),
        datetime.date(2013, 9, 30),
    )
    page = text_of(client.get(response.url))
    assert "Walk leaders trained has been added to the delivery plan." in page


def test_a_milestone_ending_before_it_starts_shows_the_message_and_is_not_saved(
    client, officer, project
):
    response = client.post(
        project_url("milestone_add", project),
        milestone_data(ends_on_0="31", ends_on_1="3", ends_on_2="2013"),
    )

    assert response.status_code == 200
    assert error_summary(response) == [MILESTONE_ENDS_BEFORE_START]
    assert not Milestone.objects.exists()


def test_a_milestone_needs_its_title(client, officer, project):
    response = client.post(project_url("milestone_add", project), milestone_data(title=""))

    assert error_summary(response) == [MILESTONE_TITLE_REQUIRED]
    assert not Milestone.objects.exists()


def test_the_framework_button_makes_it_over_the_plan_and_leads_to_it(client, officer, project):
    Milestone.objects.create(
        project=project,
        title="Trained",
        starts_on=datetime.date(2013, 4, 1),
        ends_on=datetime.date(2014, 3, 31),
    )

    response = client.post(project_url("project_framework_create", project))

    project.refresh_from_db()
    framework = project.performance_framework
    assert response.url == reverse(
        "outcomes:framework_detail", args=[project.partnership.slug, framework.slug]
    )
    assert (framework.kind, framework.starts_on, framework.ends_on) == (
        OutcomeFramework.Kind.PROJECT,
        datetime.date(2013, 4, 1),
        datetime.date(2014, 3, 31),
    )
    assert "has been created: add its outcomes, indicators and targets." in text_of(
        client.get(response.url)
    )


def test_a_refused_framework_is_told_on_the_project_page(client, officer, project):
    response = client.post(project_url("project_framework_create", project), follow=True)

    assert FRAMEWORK_NEEDS_DATES in text_of(response)
    assert not OutcomeFramework.objects.exists()


def test_a_project_has_one_framework_only(client, officer, highland, project):
    project.performance_framework = OutcomeFrameworkFactory(partnership=highland)
    project.save()

    response = client.post(project_url("project_framework_create", project), follow=True)

    assert FRAMEWORK_EXISTS.format(project=project) in text_of(response)
    assert OutcomeFramework.objects.count() == 1


def test_the_framework_is_made_only_by_a_post(client, officer, project):
    assert client.get(project_url("project_framework_create", project)).status_code == 405


PAGES = ["project_edit", "milestone_add", "project_framework_create"]


def all_urls(project: Project) -> list[str]:
    return [create_url(project.partnership), *(project_url(name, project) for name in PAGES)]


def test_anonymous_visitors_are_sent_to_sign_in(client, project):
    for url in all_urls(project):
        response = client.post(url)

        assert response.status_code == 302
        assert response.url == f"{reverse('login')}?next={url}"


def test_officers_of_another_partnership_and_plain_users_may_not(client, project, elsewhere):
    for user in (officer_of(elsewhere, "hereford"), UserFactory(username="reader")):
        client.force_login(user)
        for url in all_urls(project):
            assert client.post(url).status_code == 403
    assert not Milestone.objects.exists()
    assert not OutcomeFramework.objects.exists()


def test_the_officers_forms_open(client, officer, project):
    for url in all_urls(project)[:3]:
        assert client.get(url).status_code == 200


def test_the_pages_link_the_forms_for_officers_only(client, highland, project):
    partnership_page = highland.get_absolute_url()
    links = [
        create_url(highland),
        project_url("project_edit", project),
        project_url("milestone_add", project),
        project_url("project_framework_create", project),
    ]

    public = (
        client.get(partnership_page).content.decode()
        + client.get(project.get_absolute_url()).content.decode()
    )
    client.force_login(officer_of(highland, "carron"))
    officers = (
        client.get(partnership_page).content.decode()
        + client.get(project.get_absolute_url()).content.decode()
    )

    assert [link in public for link in links] == [False] * 4
    assert [link in officers for link in links] == [True] * 4
    assert "Create its performance framework" in officers


def test_officers_see_new_project_even_before_there_are_projects(client, officer, highland):
    page = text_of(client.get(highland.get_absolute_url()))

    assert "Projects New project No projects yet." in page


def test_a_lead_officer_is_offered_from_the_partnerships_people(
    client, officer, highland, elsewhere
):
    PersonFactory(
        name="Somebody Elsewhere",
        organisation=partner(elsewhere, "Hereford council"),
        capacity=Person.Capacity.OFFICER,
    )

    assert "Somebody Elsewhere" not in text_of(client.get(create_url(highland)))


def _milestone(project) -> Milestone:
    return Milestone.objects.create(
        project=project,
        title="Walk leaders trained",
        starts_on=datetime.date(2013, 4, 1),
        ends_on=datetime.date(2013, 9, 30),
    )


def test_a_milestones_status_is_changed_from_the_project_page(client, officer, project):
    milestone = _milestone(project)
    edit_url = reverse(
        "outcomes:milestone_edit", args=[project.partnership.slug, project.slug, milestone.pk]
    )
    assert f'href="{edit_url}"' in client.get(project.get_absolute_url()).content.decode()

    response = client.post(edit_url, milestone_data(status=Milestone.Status.DONE))

    milestone.refresh_from_db()
    assert response.url == project.get_absolute_url()
    assert milestone.status == Milestone.Status.DONE
    assert "Walk leaders trained has been changed." in text_of(client.get(response.url))


def test_a_changed_milestone_ending_before_it_starts_is_refused_and_kept_as_it_was(
    client, officer, project
):
    milestone = _milestone(project)
    edit_url = reverse(
        "outcomes:milestone_edit", args=[project.partnership.slug, project.slug, milestone.pk]
    )

    response = client.post(
        edit_url, milestone_data(ends_on_0="31", ends_on_1="3", ends_on_2="2013", status="done")
    )

    milestone.refresh_from_db()
    assert error_summary(response) == [MILESTONE_ENDS_BEFORE_START]
    assert (milestone.ends_on, milestone.status) == (
        datetime.date(2013, 9, 30),
        Milestone.Status.NOT_STARTED,
    )


def test_a_milestone_of_another_project_is_not_found(client, officer, project):
    other = Project.objects.create(
        partnership=project.partnership,
        proposing_board=project.proposing_board,
        lead_organisation=project.lead_organisation,
        name="Other",
        slug="other",
    )
    milestone = _milestone(other)

    response = client.get(
        reverse(
            "outcomes:milestone_edit", args=[project.partnership.slug, project.slug, milestone.pk]
        )
    )

    assert response.status_code == 404
