"""The organisation page, the merger form and the joint appointments register in headless
Chromium: what an officer sees, and each page checked by axe-core."""

import pytest
from playwright.sync_api import expect

from demo.users import PASSWORDS
from governance.models import JointAppointment
from partnership.models import Organisation
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]

REGISTER = "/partnerships/cannock-chase-lsp/joint-appointments/"


def test_merger_and_register_pages_are_accessible(page, demo, tmp_path):
    successor = Organisation.objects.get(name="South Staffordshire Primary Care Trust")
    predecessor = Organisation.objects.get(name="Cannock Chase Primary Care Trust")
    appointment = JointAppointment.objects.get(post_title="Director of Public Health")
    sign_in(page, "admin", PASSWORDS["admin"])

    for number, url in enumerate(
        [
            successor.get_absolute_url(),
            predecessor.get_absolute_url(),
            f"/partnerships/organisations/{successor.pk}/merger/",
            REGISTER,
            f"{REGISTER}{appointment.pk}/",
            f"{REGISTER}{appointment.pk}/edit/",
            f"{REGISTER}new/",
        ]
    ):
        page.goto(url)
        assert_accessible(page)
        page.screenshot(path=tmp_path / f"page-{number}.png", full_page=True)


def test_shares_not_adding_up_are_refused_in_the_browser(page, demo):
    appointment = JointAppointment.objects.get(post_title="Director of Partnerships")
    sign_in(page, "admin", PASSWORDS["admin"])
    page.goto(f"{REGISTER}{appointment.pk}/edit/")

    page.get_by_label("Share of cost (%), employer 1").fill("70")
    page.get_by_role("button", name="Save joint appointment").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The employers' shares of cost must add up to 100%; they add up to 120%."
    )
    assert_accessible(page)
    page.goto(f"{REGISTER}{appointment.pk}/")
    expect(
        page.get_by_role("row").filter(has_text="Cannock Chase District Council")
    ).to_contain_text("50%")


def test_the_organisation_page_follows_the_merger_both_ways(page, demo):
    page.goto(Organisation.objects.get(name="Cannock Chase Primary Care Trust").get_absolute_url())

    page.get_by_role("link", name="South Staffordshire Primary Care Trust").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "South Staffordshire Primary Care Trust"
    )
    expect(page.get_by_text("Formed on 1 October 2006 by the merger of")).to_be_visible()
