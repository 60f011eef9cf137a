"""Every listed page under the enforced Content Security Policy: the browser refuses nothing.

The pages are those of test_every_page_type (a new kind of page belongs there and is then
checked here too), the administration pages and the API's documentation. Chromium reports
each thing it refuses twice: as a `securitypolicyviolation` event in the page, and as a
console error naming the Content Security Policy ("Refused to ..." in older versions,
"... violates the following Content Security Policy directive" in newer); either fails the
test.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from demo.users import PASSWORDS
from governance.models import Board
from tests.e2e.conftest import sign_in
from tests.e2e.test_every_page_type import (
    _demo_records,
    officer_pages,
    public_pages,
    scrutiny_pages,
    welsh_pages,
)

pytestmark = [pytest.mark.e2e]

# Runs before any script of the page's own (and outside its policy), gathering every
# violation the page reports, from the first byte parsed.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} refused ${event.blockedURI || "inline"}` +
      (event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : "") +
      (event.sample ? `: ${event.sample}` : "")
  );
});
"""


@pytest.fixture
def refused(page) -> list[str]:
    """What the browser refused under the policy, on any page the test opens."""
    found = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            found.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return found


def _violations(page) -> list[str]:
    return [f"{page.url}: {text}" for text in page.evaluate("window.__cspViolations || []")]


def _visit(page, urls: list[str], *, status: int = 200) -> list[str]:
    """Opens each address, and lists any that answered otherwise or reported a violation."""
    found = []
    for url in urls:
        response = page.goto(url)
        if response.status != status:
            found.append(f"{url}: status {response.status}")
        found += _violations(page)
    return found


def test_public_pages_break_no_rule_of_the_policy(page, demo, refused):
    pages = [*public_pages(_demo_records())]

    assert _visit(page, pages) == []
    assert _visit(page, ["/no-such-page/"], status=404) == []
    assert refused == []


def test_officers_pages_break_no_rule_of_the_policy(page, demo, refused):
    sign_in(page, "admin", PASSWORDS["admin"])

    assert _visit(page, officer_pages(_demo_records())) == []
    assert refused == []


def test_scrutiny_members_pages_break_no_rule_of_the_policy(page, demo, refused):
    sign_in(page, "scrutiny", PASSWORDS["scrutiny"])

    assert _visit(page, scrutiny_pages(_demo_records())) == []
    assert refused == []


def test_welsh_pages_break_no_rule_of_the_policy(page, demo, refused):
    page.goto("/")
    page.get_by_role("button", name="Cymraeg").click()

    assert page.locator("html").get_attribute("lang") == "cy"
    assert _visit(page, welsh_pages(_demo_records())) == []
    assert refused == []


def test_administration_pages_break_no_rule_of_the_policy(page, demo, refused):
    board = Board.objects.get(partnership__slug="highland-cpp", slug="chief-officers-group")
    sign_in(page, "admin", PASSWORDS["admin"])

    found = _visit(
        page,
        [
            reverse("admin:index"),
            reverse("admin:governance_board_changelist"),
            reverse("admin:governance_board_change", args=[board.pk]),
        ],
    )
    # The change form's scripted widgets at work: the inline rows, the autocomplete and the
    # two-list chooser.
    page.get_by_role("button", name="Add another Remit clause").click()
    page.locator("#select2-id_partnership-container").click()
    page.locator(".select2-results__option").first.wait_for()
    page.keyboard.press("Escape")
    found += _violations(page)

    assert found == []
    assert refused == []


def test_the_api_documentation_breaks_no_rule_of_the_policy(page, demo, refused):
    page.goto("/api/docs/")
    readings = page.get_by_text("/api/v1/readings/", exact=True).first
    expect(readings).to_be_visible(timeout=15000)
    # Swagger UI draws more as it is used: an operation opened, and the sign-in dialog.
    readings.click()
    expect(page.get_by_role("button", name="Try it out").first).to_be_visible()
    page.get_by_role("button", name="Authorize").click()
    expect(page.get_by_text("Available authorizations")).to_be_visible()

    assert _violations(page) == []
    assert refused == []
