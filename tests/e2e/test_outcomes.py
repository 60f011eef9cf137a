"""An officer keeps the demo SOA's figures up to date in headless Chromium, as they would."""

import pytest
from playwright.sync_api import expect

from demo.users import PASSWORDS
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]

SOA = "/partnerships/highland-cpp/frameworks/highland-soa-2013-2019/"


def test_officer_uploads_a_reading_and_the_dashboard_turns_it_green(page, demo, tmp_path):
    readings = tmp_path / "readings.csv"
    # 5.2 has a target of 42.0 for 2015/16 and, until now, no reading at all.
    readings.write_text("indicator,period_start,period_end,value\n5.2,2015-04-01,2016-03-31,42.5\n")
    sign_in(page, "officer", PASSWORDS["officer"])
    page.goto(SOA)
    expect(page.get_by_text("3 green, 3 amber, 3 red, 1 no data.")).to_be_visible()

    page.get_by_role("link", name="Upload readings").click()
    page.get_by_label("Upload a file").set_input_files(readings)
    page.get_by_role("button", name="Upload readings").click()

    expect(page.get_by_text("1 reading added, 0 updated")).to_be_visible()
    expect(page.get_by_text("4 green, 3 amber, 3 red, 0 no data.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="5.2 Adults meeting the physical activity")
    expect(row).to_contain_text("Green")
    page.screenshot(path=tmp_path / "dashboard.png", full_page=True)


def test_a_bad_upload_lists_its_row_errors_and_changes_nothing(page, demo, tmp_path):
    readings = tmp_path / "readings.csv"
    readings.write_text(
        "indicator,period_start,period_end,value\n"
        "5.2,2015-04-01,2016-03-31,42.5\n"
        "9.9,2015-04-01,2016-03-31,n/a\n"
    )
    sign_in(page, "officer", PASSWORDS["officer"])
    page.goto(SOA + "readings/upload/")

    page.get_by_label("Upload a file").set_input_files(readings)
    page.get_by_role("button", name="Upload readings").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Nothing has been saved")
    expect(page.get_by_role("table")).to_contain_text("Unknown indicator '9.9'")
    page.goto(SOA)
    expect(page.get_by_text("3 green, 3 amber, 3 red, 1 no data.")).to_be_visible()


def test_outcomes_pages_pass_axe(page, demo):
    sign_in(page, "officer", PASSWORDS["officer"])
    page.goto(SOA)
    pages = [SOA, SOA + "readings/upload/", "/partnerships/highland-cpp/actions/?overdue=yes"]
    for link in ("2.1 Employment rate of people aged 16 to 64", "Economic growth and regeneration"):
        page.goto(SOA)
        page.get_by_role("link", name=link).first.click()
        pages.append(page.url)
    page.goto("/partnerships/highland-cpp/actions/")
    page.get_by_role("link", name="1.2", exact=True).click()
    pages += [page.url, "/my-actions/", "/partnerships/highland-cpp/reminders/"]

    for url in pages:
        page.goto(url)
        assert_accessible(page)
