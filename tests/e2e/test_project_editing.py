"""The Highland officer starts a project, plans it and gives it a framework in headless Chromium."""

import pytest
from playwright.sync_api import expect

from demo.users import PASSWORDS
from outcomes.forms.projects import LEAD_ORGANISATION_REQUIRED, NAME_REQUIRED
from outcomes.services.projects import MILESTONE_ENDS_BEFORE_START
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]

HIGHLAND = "/partnerships/highland-cpp/"


def fill_date(page, name: str, day: str, month: str, year: str) -> None:
    page.locator(f"#id_{name}_0").fill(day)
    page.locator(f"#id_{name}_1").fill(month)
    page.locator(f"#id_{name}_2").fill(year)


def test_a_project_is_started_planned_and_given_its_framework_each_form_after_an_error(
    page, demo, tmp_path
):
    sign_in(page, "officer", PASSWORDS["officer"])
    page.goto(HIGHLAND)
    page.get_by_role("link", name="New project").click()

    page.get_by_label("Name", exact=True).fill("Walking for health")
    page.get_by_label("Board proposing it").select_option(index=1)
    page.get_by_role("button", name="Save project").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(LEAD_ORGANISATION_REQUIRED)
    assert_accessible(page)
    page.get_by_label("Lead organisation").select_option(index=1)
    page.get_by_role("button", name="Save project").click()

    expect(page.get_by_text("Walking for health has been started as a draft.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Edit the project").click()
    page.get_by_label("Name", exact=True).fill("")
    page.get_by_role("button", name="Save changes").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(NAME_REQUIRED)
    assert_accessible(page)
    page.get_by_label("Name", exact=True).fill("Walking for health in Highland")
    page.get_by_role("button", name="Save changes").click()

    expect(page.get_by_text("Walking for health in Highland has been changed.")).to_be_visible()

    page.get_by_role("link", name="Add a milestone").click()
    page.get_by_label("Milestone").fill("Walk leaders trained")
    fill_date(page, "starts_on", "1", "4", "2013")
    fill_date(page, "ends_on", "31", "3", "2013")
    page.get_by_role("button", name="Add milestone").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(MILESTONE_ENDS_BEFORE_START)
    assert_accessible(page)
    fill_date(page, "ends_on", "31", "3", "2014")
    page.get_by_role("button", name="Add milestone").click()

    expect(page.get_by_role("table", name="Milestones")).to_contain_text("Walk leaders trained")
    page.get_by_role("link", name="Change Walk leaders trained").click()
    assert_accessible(page)
    page.get_by_label("Done").check()
    page.get_by_role("button", name="Save changes").click()

    expect(page.get_by_role("table", name="Milestones")).to_contain_text("Done")
    page.screenshot(path=tmp_path / "project.png", full_page=True)
    page.get_by_role("button", name="Create its performance framework").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Walking for health in Highland performance framework"
    )
    expect(page.get_by_text("add its outcomes, indicators and targets")).to_be_visible()
    assert_accessible(page)
