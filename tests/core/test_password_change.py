"""Changing one's own password: the current one is asked for, Django's rules check the new one,
nothing changes on a mistake, and every other session of the account ends."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

URL = "/account/password/"
CURRENT = "current horse battery"
NEW = "a new and long passphrase"


@pytest.fixture
def clerk() -> User:
    return User.objects.create_user("clerk", password=CURRENT)


def _signed_in(user: User) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


def _change(browser: Client, old: str, new: str, again: str | None = None):
    return browser.post(
        URL,
        {
            "old_password": old,
            "new_password1": new,
            "new_password2": new if again is None else again,
        },
    )


def test_the_page_asks_for_the_current_password_and_the_new_one_twice(clerk):
    page = _signed_in(clerk).get(URL).content.decode()

    for label in ("Current password", "New password", "Type the new password again"):
        assert label in page
    assert page.count('type="password"') == 3


def test_a_new_password_replaces_the_old_and_this_browser_stays_signed_in(clerk):
    browser = _signed_in(clerk)

    response = _change(browser, CURRENT, NEW)

    assert (response.status_code, response["Location"]) == (302, "/")
    clerk.refresh_from_db()
    assert clerk.check_password(NEW)
    home = browser.get("/")
    assert home.context["user"] == clerk
    assert "Your password has been changed." in home.content.decode()


def test_every_other_browser_signed_in_as_the_person_is_signed_out(clerk):
    other = _signed_in(clerk)
    assert other.get("/").context["user"] == clerk

    _change(_signed_in(clerk), CURRENT, NEW)

    assert not other.get("/").context["user"].is_authenticated


@pytest.mark.parametrize(
    ("old", "new", "again", "message"),
    [
        pytest.param("not it", NEW, None, "Your old password was entered incorrectly", id="wrong"),
        pytest.param(CURRENT, "password", None, "This password is too common", id="common"),
        pytest.param(CURRENT, "short1", None, "This password is too short", id="short"),
        pytest.param(CURRENT, NEW, NEW + "!", "The two password fields didn", id="mismatch"),
    ],
)
def test_a_mistake_is_named_and_the_password_is_unchanged(clerk, old, new, again, message):
    browser = _signed_in(clerk)

    response = _change(browser, old, new, again)

    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page.replace("&#x27;", "'")
    clerk.refresh_from_db()
    assert clerk.check_password(CURRENT)


def test_someone_not_signed_in_is_sent_to_sign_in(clerk):
    response = Client().post(URL, {"old_password": CURRENT, "new_password1": NEW})

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")
    clerk.refresh_from_db()
    assert clerk.check_password(CURRENT)
