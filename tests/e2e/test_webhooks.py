"""An officer registers a partner system's webhook endpoint in the browser."""

import pytest
from playwright.sync_api import expect

from demo.users import PASSWORDS
from partnership.models import WebhookEndpoint
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]


def test_an_officer_registers_an_endpoint_after_an_error_and_sees_its_secret(page, demo, tmp_path):
    sign_in(page, "officer", PASSWORDS["officer"])
    page.goto("/partnerships/highland-cpp/")
    page.get_by_role("link", name="Webhooks for partner systems").click()
    assert_accessible(page)
    page.get_by_role("link", name="Register an endpoint").click()

    page.get_by_label("Address").fill("not an address")
    page.get_by_role("button", name="Register endpoint").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose at least one event")
    assert_accessible(page)

    page.get_by_label("Address").fill("https://performance.example.nhs.uk/hooks")
    page.get_by_label("Minutes are published").check()
    page.get_by_label("Indicator readings are added").check()
    page.get_by_role("button", name="Register endpoint").click()

    endpoint = WebhookEndpoint.objects.get()
    expect(page.get_by_role("heading", level=1)).to_have_text("Webhook endpoint")
    expect(page.locator("code")).to_have_text(endpoint.secret)
    assert endpoint.events == ["minutes.published", "reading.added"]
    assert_accessible(page)
    page.screenshot(path=tmp_path / "webhook.png", full_page=True)
