"""A board's health and a cross-cutting theme's page, in headless Chromium with axe-core."""

import pytest
from playwright.sync_api import expect

from demo.users import PASSWORDS
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]

INEQUALITIES = "/themes/deprivation-and-health-inequalities/"


def test_the_cabinet_chair_reads_its_health_over_a_year_and_is_told_of_a_bad_date(
    page, demo, tmp_path
):
    sign_in(page, "chair", PASSWORDS["chair"])
    page.goto("/partnerships/herefordshire/boards/cabinet/")
    page.get_by_role("link", name="The board's health").click()

    page.get_by_label("From").fill("1/4/2010")
    page.get_by_label("To").fill("31/3/2011")
    page.get_by_role("button", name="Show").click()

    expect(page.get_by_text("From 1 April 2010 to 31 March 2011: 2 meetings held")).to_be_visible()
    # Nine voting seats: eight present, the Cabinet Member for Children's Services sending
    # apologies, and seven other councillors in attendance.
    cells = page.get_by_role("row").filter(has_text="17 February 2011").get_by_role("cell")
    expect(cells).to_have_text(["9", "8", "1", "0", "7"])
    expect(page.get_by_role("img", name="Attendance by meeting")).to_be_visible()
    expect(page.get_by_role("img", name="Attendance by member")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=tmp_path / "board-health.png", full_page=True)

    page.get_by_label("To").fill("31/2/2011")
    page.get_by_role("button", name="Show").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the end of the period as a date, for example 31/3/2014."
    )
    assert_accessible(page)


def test_the_public_follows_a_cross_cutting_theme_across_the_partnership(page, demo):
    page.goto("/themes/")
    assert_accessible(page)
    page.get_by_role("link", name="Deprivation and health inequalities").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Deprivation and health inequalities")
    expect(page.get_by_role("link", name="Chief Officers' Group", exact=True)).to_be_visible()
    expect(page.get_by_text("Outcome 5: Health inequalities are reduced")).to_be_visible()
    expect(
        page.get_by_role("row").filter(has_text="The purpose and membership of the Chief Officers")
    ).to_contain_text("26 November 2013")
    assert_accessible(page)
