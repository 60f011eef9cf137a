"""The clerk puts a project on Cabinet's agenda and records Cabinet's decision on it, in
headless Chromium; each page, with its errors, passes axe-core."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from demo.users import PASSWORDS
from governance.models import Board
from meetings.models import Meeting
from outcomes.models import Project
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def cabinet_project(demo) -> Project:
    """A draft project of Herefordshire's Cabinet, awaiting its proposal."""
    cabinet = Board.objects.select_related("partnership").get(slug="cabinet")
    return Project.objects.create(
        partnership=cabinet.partnership,
        proposing_board=cabinet,
        name="Warm homes",
        slug="warm-homes",
        lead_organisation=cabinet.partnership.organisations.first(),
    )


def test_project_pages_with_their_errors_pass_axe(page, cabinet_project, tmp_path):
    february = Meeting.objects.get(board__slug="cabinet", starts_at__month=2)
    sign_in(page, "clerk", PASSWORDS["clerk"])

    page.goto(reverse("meetings:agenda_build", args=[february.pk]))
    page.get_by_role("link", name="Add projects for approval").click()
    expect(page.get_by_label("Warm homes (draft, Cabinet)")).to_be_visible()
    page.get_by_role("button", name="Add to the agenda").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose at least one project to put on the agenda."
    )
    assert_accessible(page)
    page.screenshot(path=tmp_path / "agenda_item.png", full_page=True)

    page.goto(reverse("meetings:meeting_record", args=[february.pk]))
    page.get_by_role("link", name="Record a project decision").first.click()
    page.get_by_label("Project").select_option(label="Warm homes (draft, Cabinet)")
    page.get_by_label("Approved").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Only a proposed project can be approved or refused; Warm homes is draft."
    )
    assert_accessible(page)
    page.screenshot(path=tmp_path / "decision.png", full_page=True)
    assert not cabinet_project.decisions.exists()
