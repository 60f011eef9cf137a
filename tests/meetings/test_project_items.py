"""Projects put on a board's agenda for approval, and the board's decision recorded from the
resolution that made it."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from core.forms import CHOICE_INVALID
from governance.models import BoardMembership
from meetings.forms.project_items import DECISION_REQUIRED, PROJECTS_REQUIRED
from meetings.models import AgendaItem, ProjectDecision, Resolution
from meetings.services.projects import BOARD_NOT_ABOVE, project_propose
from outcomes.models import Project
from outcomes.services.projects import project_create
from tests.factories import (
    BoardFactory,
    BoardMembershipFactory,
    MeetingFactory,
    MinuteFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from tests.outcomes.helpers import partner
from tests.pages import error_summary, text_of

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
PROPOSED_ON = datetime.date(2013, 5, 14)
MEETING_DAY = datetime.datetime(2013, 6, 20, 14, tzinfo=LONDON)


@pytest.fixture
def boards():
    """The county board, the district board below it and a task group below that; a second
    district board beside the first."""
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
def chair(client, boards):
    """The chair of the county board and of the Lichfield board, signed in."""
    user = UserFactory()
    person = PersonFactory(user=user, name="Cllr Ann Smith")
    for board in (boards["county"], boards["sibling"]):
        BoardMembershipFactory(
            board=board,
            person=person,
            role=BoardMembership.Role.CHAIR,
            started_on=datetime.date(2010, 1, 1),
        )
    client.force_login(user)
    return user


def make_project(boards, board: str, name: str, status: str = Project.Status.DRAFT) -> Project:
    partnership = boards["county"].partnership
    project = project_create(
        partnership=partnership,
        proposing_board=boards[board],
        name=name,
        lead_organisation=partner(partnership, f"{name} lead"),
        by=UserFactory(),
    )
    if status == Project.Status.PROPOSED:
        project_propose(project=project, decided_on=PROPOSED_ON, by=UserFactory())
    elif status != Project.Status.DRAFT:
        Project.objects.filter(pk=project.pk).update(status=status)
    project.refresh_from_db()
    return project


@pytest.fixture
def projects(boards):
    return {
        "walks": make_project(boards, "district", "Health walks", Project.Status.PROPOSED),
        "school": make_project(boards, "task_group", "Walk to school", Project.Status.PROPOSED),
        "county_draft": make_project(boards, "county", "County cycle hire"),
        "district_draft": make_project(boards, "district", "Chase trails"),
        "county_proposed": make_project(boards, "county", "County parks", Project.Status.PROPOSED),
        "approved": make_project(boards, "district", "Green gyms", Project.Status.APPROVED),
    }


def meeting_of(board):
    return MeetingFactory(board=board, starts_at=MEETING_DAY)


def resolution_at(meeting) -> Resolution:
    minute = MinuteFactory(meeting=meeting, title="Projects for approval")
    return Resolution.objects.create(
        minute=minute, position=1, label="a)", text="That the Health walks project be approved."
    )


def add_url(meeting) -> str:
    return reverse("meetings:agenda_item_add_projects", args=[meeting.pk])


def decide_url(resolution) -> str:
    return reverse(
        "meetings:resolution_decide_project",
        args=[resolution.minute.meeting_id, resolution.pk],
    )


def test_the_item_lists_exactly_the_projects_awaiting_this_board(
    client, chair, boards, projects, django_assert_max_num_queries
):
    meeting = meeting_of(boards["county"])
    PartnershipFactory()  # another partnership's projects are never offered

    with django_assert_max_num_queries(12):
        response = client.get(add_url(meeting))

    page = text_of(response)
    offered = [choice[1] for choice in response.context["form"].fields["projects"].choices]
    assert offered == [
        "County cycle hire (draft, Staffordshire Partnership Board)",
        "Health walks (proposed, Cannock Chase Delivery Board)",
        "Walk to school (proposed, Walking Task Group)",
    ]
    assert "County parks" not in page
    assert "Chase trails" not in page
    assert "Green gyms" not in page


def test_adding_the_item_puts_the_chosen_projects_at_the_end_of_the_agenda(
    client, chair, boards, projects
):
    meeting = meeting_of(boards["county"])

    response = client.post(
        add_url(meeting),
        {"projects": [projects["walks"].pk, projects["county_draft"].pk]},
        follow=True,
    )

    [item] = AgendaItem.objects.filter(meeting=meeting)
    assert (item.position, item.title) == (1, "Projects for approval")
    assert item.purpose == (
        "To propose County cycle hire for approval. To approve or refuse Health walks, "
        "proposed by Cannock Chase Delivery Board."
    )
    assert "Item 1, Projects for approval, has been added." in text_of(response)


def test_the_item_needs_a_project_and_offers_only_those_awaiting(client, chair, boards, projects):
    meeting = meeting_of(boards["county"])

    empty = client.post(add_url(meeting), {})
    other = client.post(add_url(meeting), {"projects": [projects["county_proposed"].pk]})

    assert error_summary(empty) == [PROJECTS_REQUIRED]
    assert error_summary(other) == [CHOICE_INVALID]
    assert not AgendaItem.objects.filter(meeting=meeting).exists()


def test_a_board_with_nothing_awaiting_it_is_told_so(client, chair, boards):
    response = client.get(add_url(meeting_of(boards["sibling"])))

    assert "No projects await a decision of Lichfield Delivery Board." in text_of(response)


def test_approval_from_a_resolution_records_the_meeting_and_resolution(
    client, chair, boards, projects
):
    meeting = meeting_of(boards["county"])
    resolution = resolution_at(meeting)

    response = client.post(
        decide_url(resolution),
        {"project": projects["walks"].pk, "decision": "approve"},
        follow=True,
    )

    decision = ProjectDecision.objects.get(project=projects["walks"], step="approved")
    assert (decision.board, decision.meeting, decision.resolution) == (
        boards["county"],
        meeting,
        resolution,
    )
    assert decision.decided_on == datetime.date(2013, 6, 20)
    projects["walks"].refresh_from_db()
    assert projects["walks"].status == Project.Status.APPROVED
    assert response.redirect_chain[-1][0] == reverse("meetings:meeting_record", args=[meeting.pk])
    assert "Health walks: approved by Staffordshire Partnership Board." in text_of(response)


def test_a_proposal_from_a_resolution_of_the_proposing_board(client, chair, boards, projects):
    meeting = meeting_of(boards["county"])
    resolution = resolution_at(meeting)

    client.post(
        decide_url(resolution), {"project": projects["county_draft"].pk, "decision": "propose"}
    )

    projects["county_draft"].refresh_from_db()
    assert projects["county_draft"].status == Project.Status.PROPOSED
    assert projects["county_draft"].decisions.get().resolution == resolution


def test_a_board_not_above_is_refused_on_the_form_and_nothing_is_saved(
    client, chair, boards, projects
):
    resolution = resolution_at(meeting_of(boards["sibling"]))

    response = client.post(
        decide_url(resolution), {"project": projects["walks"].pk, "decision": "refuse"}
    )

    assert response.status_code == 200
    assert error_summary(response) == [
        BOARD_NOT_ABOVE.format(board=boards["sibling"], proposing_board=boards["district"])
    ]
    projects["walks"].refresh_from_db()
    assert projects["walks"].status == Project.Status.PROPOSED
    assert not projects["walks"].decisions.exclude(step="proposed").exists()


def test_the_decision_must_be_chosen(client, chair, boards, projects):
    resolution = resolution_at(meeting_of(boards["county"]))

    response = client.post(decide_url(resolution), {"project": projects["walks"].pk})

    assert error_summary(response) == [DECISION_REQUIRED]
    assert projects["walks"].decisions.count() == 1


def test_the_record_page_links_each_resolution_to_its_project_decision(client, chair, boards):
    meeting = meeting_of(boards["county"])
    resolution = resolution_at(meeting)

    response = client.get(reverse("meetings:meeting_record", args=[meeting.pk]))

    assert decide_url(resolution) in response.content.decode()


def test_only_those_who_may_change_the_meeting_reach_the_pages(client, boards, projects):
    meeting = meeting_of(boards["county"])
    resolution = resolution_at(meeting)
    client.force_login(UserFactory())

    assert client.get(add_url(meeting)).status_code == 403
    assert client.get(decide_url(resolution)).status_code == 403
    response = client.post(
        decide_url(resolution), {"project": projects["walks"].pk, "decision": "approve"}
    )
    assert response.status_code == 403
    assert projects["walks"].decisions.count() == 1
    client.logout()
    assert client.get(add_url(meeting)).status_code == 302
