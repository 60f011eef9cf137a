"""Repeated failed sign-ins pause signing in, per account and per address, with a clear page."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from tests.factories import UserFactory
from tests.pages import text_of

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"


@pytest.fixture
def user():
    user = UserFactory(username="officer")
    user.set_password(PASSWORD)
    user.save()
    return user


def _sign_in(client, username: str, password: str, address: str = "192.0.2.10"):
    return client.post(
        "/sign-in/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _fail(client, times: int, username: str = "officer", address: str = "192.0.2.10"):
    """The statuses of `times` sign-ins with the wrong password."""
    return [_sign_in(client, username, "wrong", address).status_code for _try in range(times)]


def test_the_right_password_is_refused_after_too_many_failures(client, user):
    # The form says the password is wrong until the last try, which pauses signing in.
    assert _fail(client, settings.AXES_FAILURE_LIMIT) == [200] * 4 + [429]

    response = _sign_in(client, "officer", PASSWORD)

    assert response.status_code == 429
    text = text_of(response)
    assert "Signing in is paused" in text
    assert f"There have been {settings.AXES_FAILURE_LIMIT} failed tries" in text
    assert "Try again in 15 minutes." in text
    assert "_auth_user_id" not in client.session


def test_one_failure_fewer_still_lets_the_owner_in_and_clears_the_count(client, user):
    _fail(client, settings.AXES_FAILURE_LIMIT - 1)

    assert _sign_in(client, "officer", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()


def test_the_account_is_paused_whatever_address_the_tries_come_from(client, user):
    for number in range(settings.AXES_FAILURE_LIMIT):
        _fail(client, 1, address=f"198.51.100.{number}")

    assert _sign_in(client, "officer", PASSWORD, address="203.0.113.7").status_code == 429


def test_an_address_trying_many_accounts_is_paused(client, user):
    for number in range(settings.AXES_FAILURE_LIMIT):
        _fail(client, 1, username=f"guess{number}")

    assert _sign_in(client, "officer", PASSWORD).status_code == 429
    # From elsewhere, the owner is not paused.
    assert _sign_in(client, "officer", PASSWORD, address="203.0.113.7").status_code == 302


def test_signing_in_works_again_after_the_cool_off(client, user):
    _fail(client, settings.AXES_FAILURE_LIMIT)
    over = settings.AXES_COOLOFF_TIME + datetime.timedelta(seconds=1)
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= over
        attempt.save()

    assert _sign_in(client, "officer", PASSWORD).status_code == 302


def test_the_pause_is_explained_in_welsh(client, user):
    client.post("/i18n/setlang/", {"language": "cy", "next": "/"})
    _fail(client, settings.AXES_FAILURE_LIMIT)

    text = text_of(_sign_in(client, "officer", PASSWORD))

    assert "Mae mewngofnodi wedi'i oedi" in text
    assert "Rhowch gynnig arall arni ymhen 15 munud." in text


def test_behind_a_trusted_proxy_each_caller_is_counted_by_their_own_address(client, user, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = "10.0.0.2"
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/sign-in/",
            {"username": f"guess{number}", "password": "wrong"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}",
        )
    locked = client.post(
        "/sign-in/",
        {"username": "guess9", "password": "wrong"},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.0",
    )

    response = client.post(
        "/sign-in/",
        {"username": "officer", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )

    assert response.status_code == 302
    # Each caller made one failed try behind the proxy, so none is paused but by its account.
    assert locked.status_code == 200
