"""An administrator records money for the demo Cannock Chase project in headless Chromium."""

import pytest
from playwright.sync_api import expect

from demo.cannock_chase import DISTRICT_COUNCIL
from demo.users import PASSWORDS
from outcomes.services.contributions import AMOUNT_NOT_A_NUMBER, SPEND_OUTSIDE_YEAR
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]

PROJECT = "/partnerships/cannock-chase-lsp/projects/health-walks/"


def budget_row(page, key: str):
    """The value beside the key in the pooled budget's summary."""
    return page.locator(".govuk-summary-list__row", has_text=key).locator("dd")


def test_the_project_page_shows_its_pooled_budget(page, demo):
    page.goto(PROJECT)

    budget = page.get_by_role("table", name="Cash pooled by partner and financial year")
    expect(budget).to_contain_text(f"{DISTRICT_COUNCIL} £25,000.00 £25,000.00")
    expect(page.get_by_role("table", name="Contributions by kind")).to_contain_text(
        "Staff time £12,500.50"
    )
    assert_accessible(page)


def test_a_contribution_corrected_after_an_error_adds_to_the_pool(page, demo, tmp_path):
    sign_in(page, "admin", PASSWORDS["admin"])
    page.goto(PROJECT)
    page.get_by_role("link", name="Record a contribution").click()

    page.get_by_label("Partner").select_option(label=DISTRICT_COUNCIL)
    page.get_by_label("Financial year").fill("2008/09")
    page.get_by_label("Cash").check()
    page.get_by_label("Amount").fill("lots")
    page.get_by_role("button", name="Save contribution").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(AMOUNT_NOT_A_NUMBER)
    assert_accessible(page)
    page.get_by_label("Amount").fill("£1,234.50")
    page.get_by_role("button", name="Save contribution").click()

    expect(page.get_by_text("has been recorded")).to_be_visible()
    expect(budget_row(page, "Pooled cash")).to_have_text("£26,234.50")
    page.screenshot(path=tmp_path / "project.png", full_page=True)


def test_spending_corrected_after_an_error_leaves_what_remains(page, demo):
    sign_in(page, "admin", PASSWORDS["admin"])
    page.goto(PROJECT)
    page.get_by_role("link", name="Record spending").click()

    page.get_by_label("Financial year").fill("2008/09")
    page.get_by_label("Day").fill("14")
    page.get_by_label("Month").fill("8")
    page.get_by_label("Year", exact=True).fill("2009")
    page.get_by_label("Amount").fill("£4,999.49")
    page.get_by_label("What it was spent on").fill("Trail signs")
    page.get_by_role("button", name="Save spending").click()

    message = SPEND_OUTSIDE_YEAR.format(year="2008/09", start=2008, end=2009)
    expect(page.locator(".govuk-error-summary")).to_contain_text(message)
    assert_accessible(page)
    page.get_by_label("Year", exact=True).fill("2008")
    page.get_by_role("button", name="Save spending").click()

    expect(page.get_by_text("has been recorded against the pooled budget")).to_be_visible()
    expect(budget_row(page, "Spent")).to_have_text("£4,999.49")
    expect(budget_row(page, "Remaining")).to_have_text("£20,000.51")
    assert_accessible(page)
