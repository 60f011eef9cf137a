"""An officer keeps the demo SOA's figures up to date in headless Chromium, as they would."""

import pytest
from playwright.sync_api import expect

from demo.users import PASSWORDS
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
