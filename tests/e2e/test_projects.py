"""A project of the Highland demo, on its way through the boards, as the public and an officer
see it in headless Chromium."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from demo.users import PASSWORDS
from governance.models import Board
from meetings.services.projects import project_decide, project_propose
from outcomes.models import Milestone
from outcomes.services.projects import milestone_add, project_create, project_framework_create
from partnership.models import Partnership
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def project_address(demo) -> str:
    """A Highland project proposed by a board reporting to another and approved by that one."""
    highland = Partnership.objects.get(slug="highland-cpp")
    board = Board.objects.filter(partnership=highland, reports_to__isnull=False).first()
    admin = get_user_model().objects.get(username="admin")
    project = project_create(
        partnership=highland,
        proposing_board=board,
        name="Active travel to school",
        lead_organisation=highland.organisations.first(),
        summary="Safer routes for walking and cycling to school.",
        by=admin,
    )
    milestone_add(
        project=project,
        title="Survey routes",
        starts_on=datetime.date(2014, 4, 1),
        ends_on=datetime.date(2014, 9, 30),
        status=Milestone.Status.DONE,
        by=admin,
    )
    project_framework_create(project=project, ends_on=datetime.date(2016, 3, 31), by=admin)
    project_propose(project=project, decided_on=datetime.date(2014, 3, 4), by=admin)
    project_decide(
        project=project,
        board=board.reports_to,
        approve=True,
        decided_on=datetime.date(2014, 3, 25),
        by=admin,
    )
    return f"/partnerships/highland-cpp/projects/{project.slug}/"


def test_the_public_reads_a_projects_plan_and_its_approval(page, project_address, tmp_path):
    page.goto(project_address)

    expect(page.get_by_role("heading", level=1)).to_have_text("Active travel to school")
    expect(page.get_by_role("row").filter(has_text="Survey routes")).to_contain_text("Done")
    expect(page.get_by_role("row").filter(has_text="Approved")).to_contain_text("25 March 2014")
    page.screenshot(path=tmp_path / "project.png", full_page=True)
    assert_accessible(page)


def test_an_officer_follows_the_project_to_its_framework(page, project_address):
    sign_in(page, "officer", PASSWORDS["officer"])
    page.goto(project_address)
    assert_accessible(page)

    page.get_by_role("link", name="Active travel to school performance framework").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Active travel to school performance framework"
    )
