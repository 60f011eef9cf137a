"""A partnership's joint resources page, read in headless Chromium, passes axe."""

import pytest
from playwright.sync_api import expect

from outcomes.models import Contribution, Outcome
from outcomes.services.contributions import contribution_record
from partnership.models import Partnership
from tests.e2e.accessibility import assert_accessible
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e]

PAGE = "/partnerships/highland-cpp/contributions/"


@pytest.fixture
def contributions(demo) -> None:
    """Two Highland partners' contributions towards an outcome of the SOA, in two years."""
    highland = Partnership.objects.get(slug="highland-cpp")
    outcome = Outcome.objects.filter(framework__partnership=highland).order_by("pk").first()
    first, second = highland.organisations.order_by("name")[:2]
    by = UserFactory()
    for organisation, year, amount, kind in [
        (first, "2013/14", "12,500.00", Contribution.Kind.CASH),
        (second, "2013/14", "£4,000.50", Contribution.Kind.STAFF_TIME),
        (second, "2014/15", "7500", Contribution.Kind.CASH),
    ]:
        contribution_record(
            partnership=highland,
            organisation=organisation,
            financial_year=year,
            kind=kind,
            amount=amount,
            outcome=outcome,
            by=by,
        )


def test_joint_resources_page_shows_the_chart_and_tables_and_passes_axe(
    page, contributions, tmp_path
):
    page.goto(PAGE)

    expect(page.get_by_role("heading", name="Joint resources")).to_be_visible()
    expect(page.get_by_text("In all: £24,000.50")).to_be_visible()
    expect(
        page.get_by_role("img", name="Contributions by partner and financial year")
    ).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="All partners")).to_contain_text("£24,000.50")
    page.screenshot(path=tmp_path / "contributions.png", full_page=True)
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the contributions and totals as CSV").click()
    assert download.value.suggested_filename.startswith("highland-cpp-contributions-")


def test_joint_resources_page_without_contributions_passes_axe(page, demo):
    page.goto(PAGE)

    expect(page.get_by_text("No contributions have been recorded.")).to_be_visible()
    assert_accessible(page)
