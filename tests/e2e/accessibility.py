"""axe-core run in the page under test, against WCAG 2.2 level AA."""

from axe_playwright_python.sync_playwright import Axe

# The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the Public Sector Bodies
# Accessibility Regulations 2018 require.
WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}
_axe = Axe()


def violations(page) -> str:
    """axe's report of every violation on the page as it now stands; empty if none."""
    results = _axe.run(page, options=WCAG_AA)
    return results.generate_report() if results.violations_count else ""


def assert_accessible(page) -> None:
    """Fails with axe's report of every violation on the page as it now stands."""
    report = violations(page)
    assert not report, f"{page.url}\n{report}"
