"""Two-factor sign-in in headless Chromium: setting up an authenticator app from the page's key,
keeping the recovery codes, and signing in again with one of them."""

import base64
import re

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from playwright.sync_api import expect

from core.two_factor.services import two_factor_reset
from demo.users import PASSWORDS
from tests.e2e.accessibility import assert_accessible

pytestmark = [pytest.mark.e2e]


def _password(page, username: str) -> None:
    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORDS[username])
    page.get_by_role("button", name="Sign in").click()


def test_a_chair_sets_up_an_app_keeps_the_recovery_codes_and_signs_in_with_one(page, demo):
    chair = get_user_model().objects.get(username="chair")
    two_factor_reset(user=chair, by=chair)
    heading = page.get_by_role("heading", level=1)

    _password(page, "chair")

    expect(heading).to_have_text("Set up an authenticator app")
    qr_code = page.get_by_role("img", name=re.compile("^QR code for your authenticator app"))
    expect(qr_code).to_be_visible()
    # Drawn, not blocked: the page's Content Security Policy lets data: images through.
    assert qr_code.evaluate("image => image.complete && image.naturalWidth > 0")
    assert_accessible(page)
    key = page.locator("#authenticator-key").inner_text().replace(" ", "")
    page.get_by_label("Enter the 6-digit code the app shows").fill(
        f"{totp(base64.b32decode(key)):06d}"
    )
    page.get_by_role("button", name="Set up").click()

    expect(heading).to_have_text("Save your recovery codes")
    assert_accessible(page)
    codes = page.locator(".app-recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have saved my recovery codes").click()
    expect(heading).to_have_text("Your boards and actions")

    page.get_by_role("button", name="Sign out").click()
    _password(page, "chair")
    expect(heading).to_have_text("Enter the code from your authenticator app")
    assert_accessible(page)
    code_box = page.get_by_label("6-digit code")
    assert (code_box.get_attribute("autocomplete"), code_box.get_attribute("inputmode")) == (
        "one-time-code",
        "numeric",
    )
    menu = page.get_by_role("navigation", name="Menu")
    expect(menu.get_by_role("link")).to_have_count(0)
    page.get_by_role("link", name="Use a recovery code instead").click()
    expect(heading).to_have_text("Use a recovery code")
    assert_accessible(page)
    page.get_by_label("Recovery code").fill(codes[0])
    page.get_by_role("button", name="Continue", exact=True).click()

    expect(heading).to_have_text("Your boards and actions")
    expect(page.get_by_text("You have 9 recovery codes left.")).to_be_visible()
    page.get_by_role("link", name="Sign-in security").click()
    expect(page.get_by_text("9 of 10 left")).to_be_visible()
    assert_accessible(page)


def test_a_wrong_code_is_explained_beside_the_box(page, demo):
    _password(page, "scrutiny")

    page.get_by_label("6-digit code").fill("12345")
    page.get_by_role("button", name="Continue", exact=True).click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("The code is 6 digits, for example 123456.")
    expect(page).to_have_title(re.compile("^Error: Enter the code from your authenticator app"))
    assert_accessible(page)
