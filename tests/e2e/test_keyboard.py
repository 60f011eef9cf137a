"""The public side used by keyboard alone: search, switching language, following a result."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e]


def _tab_to(page, name: str, limit: int = 40) -> None:
    """Presses Tab until the element with this accessible name has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " return (e.labels && e.labels[0] ? e.labels[0].innerText : e.innerText || '')"
            ".trim(); }"
        )
        if focused == name:
            return
    raise AssertionError(f"{name!r} was not reached by {limit} presses of Tab")


def test_searching_and_opening_a_result_by_keyboard(page, demo):
    page.goto("/search/")

    _tab_to(page, "Search minutes, decisions and reports")
    page.keyboard.type("health and wellbeing board")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=health\+and\+wellbeing\+board"))
    _tab_to(page, "93. Shadow Health and Wellbeing Board")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/meetings/\d+/#minute-93$"))
    expect(
        page.get_by_role("heading", name="93. Shadow Health and Wellbeing Board")
    ).to_be_visible()


def test_switching_to_welsh_by_keyboard_keeps_the_page(page, demo):
    page.goto("/meetings/partnerships/cardiff/")

    _tab_to(page, "Cymraeg")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/meetings/partnerships/cardiff/$"))
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    _tab_to(page, "English")
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
