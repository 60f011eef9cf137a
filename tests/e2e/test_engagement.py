"""The engagement register in headless Chromium: the demo's overlapping citizens' panel surveys,
the week-by-week month, and an officer logging an activity; each page passes axe-core."""

import pytest
from playwright.sync_api import expect

from demo.users import PASSWORDS
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]

CANNOCK = "/partnerships/cannock-chase-lsp/engagement/"
HIGHLAND = "/partnerships/highland-cpp/engagement/"


def test_the_register_flags_the_overlap_and_its_pages_pass_axe(page, demo, tmp_path):
    page.goto(CANNOCK)

    # Rows run by start date: the PCT's survey starts a week after the council's.
    row = page.locator("tbody tr").nth(1)
    expect(row).to_contain_text("Citizens' panel survey: local health services")
    expect(row).to_contain_text(
        "Overlaps with: Citizens' panel survey: leisure and the outdoors (Cannock Chase District "
        "Council), same area and audience, week of 10 March 2008"
    )
    assert_accessible(page)
    page.screenshot(path=tmp_path / "engagement_list.png", full_page=True)

    page.goto(CANNOCK + "calendar/?month=2008-03")
    expect(page.get_by_role("heading", name="Week of 10 March 2008")).to_be_visible()
    assert_accessible(page)

    page.goto(CANNOCK)
    page.get_by_role("link", name="Citizens' panel survey: local health services").first.click()
    expect(page.get_by_text("No findings are recorded yet.")).to_be_visible()
    assert_accessible(page)


def test_an_officer_logs_an_activity_after_correcting_its_dates(page, demo):
    sign_in(page, "officer", PASSWORDS["officer"])
    page.goto(HIGHLAND)
    page.get_by_role("link", name="Log an activity").click()
    assert_accessible(page)

    page.get_by_label("Partner running it").select_option(index=1)
    page.get_by_label("Topic").fill("Community transport survey")
    page.get_by_label("Audience").fill("older people")
    for field, typed in (("starts_on", "10 3 2026"), ("ends_on", "1 3 2026")):
        day, month, year = typed.split()
        page.locator(f"#id_{field}_0").fill(day)
        page.locator(f"#id_{field}_1").fill(month)
        page.locator(f"#id_{field}_2").fill(year)
    page.get_by_label("Survey").check()
    page.get_by_role("button", name="Log the activity").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The activity cannot end before it starts."
    )
    assert_accessible(page)
    page.locator("#id_ends_on_0").fill("20")
    page.get_by_role("button", name="Log the activity").click()

    expect(page.get_by_text("is in the register.")).to_be_visible()
    expect(page.get_by_role("heading", name="Community transport survey")).to_be_visible()
