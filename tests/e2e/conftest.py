"""Headless Chromium driving the app served by a live server, with the demo data loaded."""

import io
import os
import re
import shutil

import pytest
import rules
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from tests.two_factor import authenticator_for, code_now

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in the test thread; the ORM calls made around it
# (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"needs Chromium at {CHROMIUM} (Debian package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo(transactional_db):
    """The demo data, committed so that the live server's thread sees it."""
    call_command("demo_load", stdout=io.StringIO())


def sign_in(page, username: str, password: str) -> None:
    """Signs in as a person does: the password, then, for an account that needs two-factor
    sign-in, the code its authenticator app shows (an app is set up for it if it has none)."""
    user = get_user_model().objects.get(username=username)
    authenticator = (
        authenticator_for(user) if rules.test_rule("two_factor_required", user) else None
    )
    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if authenticator is not None:
        page.get_by_label("6-digit code").fill(code_now(authenticator))
        page.get_by_role("button", name="Continue", exact=True).click()
        expect(page).not_to_have_url(re.compile("/sign-in/"))
