"""The demo partnerships browsed in headless Chromium, as their users would."""

import re

import pytest
from playwright.sync_api import expect

from demo.users import PASSWORDS
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]


def test_officer_signs_in_and_sees_their_board_and_overdue_actions(page, demo, tmp_path):
    sign_in(page, "officer", PASSWORDS["officer"])

    assert page.get_by_role("heading", level=1).inner_text() == "Your boards and actions"
    assert page.get_by_role("link", name="Chief Officers' Group", exact=True).is_visible()
    actions = page.get_by_role("table")
    assert "Establish the new Chief Officers Group" in actions.inner_text()
    assert "Overdue" in actions.inner_text()
    page.screenshot(path=tmp_path / "home.png", full_page=True)


def test_officer_follows_the_structure_to_the_cog_remit(page, demo):
    sign_in(page, "officer", PASSWORDS["officer"])

    page.get_by_role("link", name="Partnerships", exact=True).click()
    page.get_by_role("link", name="Highland Community Planning Partnership").click()
    page.get_by_role("link", name="Chief Officers' Group", exact=True).click()

    assert page.get_by_role("heading", level=1).inner_text() == "Chief Officers' Group"
    remit = page.locator("ol.govuk-list--number > li")
    assert remit.count() == 7
    assert "reducing inequalities at the pace required" in remit.nth(1).inner_text()


def test_the_public_reads_published_minutes_with_their_resolutions(page, demo):
    page.goto("/partnerships/herefordshire/")
    page.get_by_role("link", name="Cabinet", exact=True).click()
    page.get_by_role("link", name="17 February 2011").click()

    minute_89 = page.get_by_role("region", name="89. Section 75 Agreements")
    assert "RESOLVED: That:" in minute_89.inner_text()
    assert minute_89.locator("ul.govuk-list > li").count() == 4


def test_keyboard_user_skips_to_the_main_content(page, demo):
    page.goto("/")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main-content$"))


def test_sign_out_returns_to_the_public_home(page, demo):
    sign_in(page, "chair", PASSWORDS["chair"])

    page.get_by_role("button", name="Sign out").click()

    menu = page.get_by_role("navigation", name="Menu")
    assert menu.get_by_role("link", name="Sign in").is_visible()
    assert page.get_by_role("heading", level=1).inner_text() == "Partnership governance"
