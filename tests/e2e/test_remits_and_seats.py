"""The remit and the seats of the Highland COG, as the public and an officer see them."""

import pytest
from playwright.sync_api import expect

from demo.users import PASSWORDS
from partnership.models import Organisation, Person
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]

COG = "/partnerships/highland-cpp/boards/chief-officers-group/"


def test_the_public_reads_the_remit_a_clause_and_the_seats(page, demo):
    page.goto(COG)
    page.get_by_role("link", name="The remit, and what serves each clause").click()
    expect(page.get_by_role("heading", name="Remit", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="2.1")).to_be_visible()
    assert_accessible(page)

    page.get_by_role(
        "link", name="Remit 2: Are we reducing inequalities at the pace required?"
    ).click()
    expect(page.get_by_text("What has been done about it")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{COG}seats/")
    expect(page.get_by_role("table", name="Vacancies")).to_contain_text("Chief Executive")
    assert_accessible(page)


def test_an_officer_reorders_the_remit_and_fills_a_seat(page, demo, tmp_path):
    # Illustrative: the seed names no Chief Executive of NHS Highland.
    chief_executive = Person.objects.create(
        name="Elaine Mead",
        organisation=Organisation.objects.get(name="NHS Highland"),
        capacity=Person.Capacity.OFFICER,
    )
    sign_in(page, "officer", PASSWORDS["officer"])
    page.goto(f"{COG}remit/")
    assert_accessible(page)
    page.get_by_role("button", name="Move down remit 1").click()
    expect(page.get_by_text("The clause is now remit 2.")).to_be_visible()
    expect(page.locator("#remit-1")).to_contain_text("Are we reducing inequalities")
    page.get_by_role("link", name="Add a clause").click()
    page.get_by_role("button", name="Save clause").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the words of the clause.")
    assert_accessible(page)

    page.goto(f"{COG}seats/")
    assert_accessible(page)
    page.screenshot(path=tmp_path / "seats.png", full_page=True)
    page.get_by_role("link", name="Add a seat").click()
    assert_accessible(page)
    page.goto(f"{COG}seats/")
    page.get_by_role("link", name="Fill the vacancy for Chief Executive, NHS Highland").click()
    page.get_by_label("Held by").select_option(label="Elaine Mead")
    page.get_by_role("button", name="Fill the seat").click()
    expect(page.get_by_text("The seat has been filled: Elaine Mead")).to_be_visible()
    page.get_by_role("link", name="History of the seat of Elaine Mead").first.click()
    expect(page.get_by_role("main")).to_contain_text("Changed")
    expect(page.get_by_role("main")).to_contain_text("Elaine Mead")
    assert_accessible(page)

    page.goto(f"/partnerships/people/{chief_executive.pk}/")
    expect(page.get_by_role("table", name="Current seats")).to_contain_text("Chief Officers' Group")
    assert_accessible(page)
