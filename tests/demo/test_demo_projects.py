"""The demo's Cannock Chase project: its route through the boards, the partners' money, and
the overlapping use of the citizens' panel."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum

from demo.cannock_chase_projects import APPROVAL_RESOLUTION
from governance.engagement import engagement_overlaps
from meetings.models import ProjectDecision
from outcomes.models import Contribution, Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def project() -> Project:
    call_command("demo_load", stdout=StringIO())
    return Project.objects.select_related("partnership", "proposing_board").get(
        partnership__slug="cannock-chase-lsp", slug="health-walks"
    )


def test_the_project_is_a_demonstration_proposed_by_the_district_board(project):
    assert project.is_demonstration
    assert project.summary.startswith("A demonstration project")
    assert project.status == Project.Status.APPROVED
    assert project.proposing_board.name == "Cannock Chase delivery board"
    assert project.proposing_board.reports_to.name == "Staffordshire county partnership board"


def test_the_county_board_approved_it_at_the_demo_meeting(project):
    trail = [
        (
            decision.step,
            decision.board.name,
            decision.decided_on,
            decision.meeting and decision.meeting.board.name,
            decision.resolution and decision.resolution.text,
        )
        for decision in ProjectDecision.objects.filter(project=project).select_related(
            "board", "meeting__board", "resolution"
        )
    ]

    assert trail == [
        (
            ProjectDecision.Step.PROPOSED,
            "Cannock Chase delivery board",
            datetime.date(2008, 5, 20),
            None,
            None,
        ),
        (
            ProjectDecision.Step.APPROVED,
            "Staffordshire county partnership board",
            datetime.date(2008, 6, 12),
            "Staffordshire county partnership board",
            APPROVAL_RESOLUTION,
        ),
    ]
    approval = ProjectDecision.objects.get(project=project, step=ProjectDecision.Step.APPROVED)
    assert approval.resolution.minute.meeting == approval.meeting


def test_the_council_and_the_pct_contributions_total_to_the_penny(project):
    by_partner = dict(
        Contribution.objects.filter(project=project)
        .values_list("organisation__name")
        .annotate(total=Sum("amount"))
    )

    assert by_partner == {
        "Cannock Chase District Council": Decimal("25000.00"),
        "South Staffordshire Primary Care Trust": Decimal("12500.50"),
    }
    assert sum(by_partner.values()) == Decimal("37500.50")
    assert set(Contribution.objects.filter(project=project).values_list("financial_year")) == {
        ("2008/09",)
    }


def test_the_two_uses_of_the_citizens_panel_overlap(project):
    [overlap] = engagement_overlaps(project.partnership)

    assert (overlap.first.topic, overlap.second.topic) == (
        "Citizens' panel survey: leisure and the outdoors",
        "Citizens' panel survey: local health services",
    )
    assert overlap.weeks_in_words == "week of 10 March 2008"


def test_loading_again_adds_no_second_project_decision_or_contribution(project):
    call_command("demo_load", stdout=StringIO())

    assert Project.objects.filter(partnership=project.partnership).count() == 1
    assert ProjectDecision.objects.filter(project=project).count() == 2
    assert Contribution.objects.filter(project=project).count() == 2


def test_the_public_follows_the_approval_to_its_published_resolution(client, project):
    page = client.get(project.get_absolute_url()).content.decode()

    assert "Staffordshire county partnership board" in page
    assert APPROVAL_RESOLUTION in page
    assert "In minutes not yet published" not in page
