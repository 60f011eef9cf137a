"""The register of interests and the agenda's prompt, as Herefordshire's Cabinet chair sees them."""

import datetime

import pytest
from playwright.sync_api import expect

from demo.users import PASSWORDS
from governance.interests import interest_register
from governance.models import Interest
from meetings.models import Declaration, Meeting
from partnership.models import Organisation, Person
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]

PROMPT = (
    "You may have an interest to declare in item 5: your registered interest “Non-executive "
    "director of NHS Herefordshire” (employment, office or trade), as the item names NHS "
    "Herefordshire."
)


@pytest.fixture
def chair(demo) -> Person:
    """The chair of Cabinet, with an interest in NHS Herefordshire declared in February."""
    chair = Person.objects.get(user__username="chair")
    interest = interest_register(
        person=chair,
        kind=Interest.Kind.EMPLOYMENT,
        description="Non-executive director of NHS Herefordshire",
        organisation=Organisation.objects.get(name="NHS Herefordshire"),
        registered_on=datetime.date(2010, 5, 6),
    )
    Declaration.objects.create(
        meeting=Meeting.objects.get(board__slug="cabinet", starts_at__month=2),
        person=chair,
        interest=interest,
        kind=Declaration.Kind.PERSONAL,
        description="Non-executive director of NHS Herefordshire",
    )
    return chair


def test_the_chair_reads_their_register_and_is_prompted_on_the_agenda(page, chair):
    march = Meeting.objects.get(board__slug="cabinet", starts_at__month=3)
    sign_in(page, "chair", PASSWORDS["chair"])

    page.goto(march.get_absolute_url())
    expect(page.get_by_text(PROMPT)).to_be_visible()
    expect(page.locator(".app-interest-prompt")).to_have_count(2)  # items 5 and 6
    assert_accessible(page)

    page.goto(f"/meetings/{march.pk}/agenda/")
    expect(page.get_by_text(PROMPT)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Your register of interests").first.click()
    expect(page.get_by_role("heading", name="Register of interests")).to_be_visible()
    expect(page.locator(".govuk-summary-card")).to_contain_text("Cabinet, 17 February 2011")
    assert_accessible(page)


def test_the_chair_registers_and_ends_an_interest_with_their_mistakes_shown(page, chair):
    sign_in(page, "chair", PASSWORDS["chair"])
    page.goto(f"/partnerships/people/{chair.pk}/interests/")

    page.get_by_role("link", name="Register an interest").click()
    page.get_by_label("Gift or hospitality").check()
    page.get_by_role("button", name="Register interest").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the date the interest was registered."
    )
    assert_accessible(page)
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2011")
    page.get_by_role("button", name="Register interest").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Describe the interest")
    page.get_by_label("Description").fill("Two tickets to the Three Choirs Festival")
    page.get_by_role("button", name="Register interest").click()
    expect(page.get_by_text("The interest has been registered.")).to_be_visible()

    page.get_by_role("link", name="End the interest: Two tickets").click()
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("1")
    page.get_by_label("Year").fill("2011")
    page.get_by_role("button", name="End interest").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "An interest cannot end before it was registered on 1 March 2011."
    )
    assert_accessible(page)


def test_the_public_reads_the_partnerships_register(page, chair):
    page.goto("/partnerships/herefordshire/interests/")

    row = page.get_by_role("row").filter(has_text="Councillor RJ Phillips")
    expect(row).to_contain_text("Non-executive director of NHS Herefordshire")
    expect(page.get_by_text("Sally Cole")).to_have_count(0)
    assert_accessible(page)
