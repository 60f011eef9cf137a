"""The token endpoint gives partner systems tokens by client credentials and never checks a
person's password: the password grant would confirm one without the second factor."""

import base64

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import Client
from oauth2_provider import oauth2_validators
from oauth2_provider.models import AccessToken, Application

from partnership.models import PartnerSystem
from tests.factories import OrganisationFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

SECRET = "a-long-client-secret-for-the-test-only"
PASSWORD = "the-officers-right-password"
REFUSAL = {"error": "unauthorized_client"}


def _system(grant_type: str) -> PartnerSystem:
    application = Application.objects.create(
        name="NHS performance system",
        client_id="nhs-performance",
        client_secret=SECRET,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=grant_type,
    )
    return PartnerSystem.objects.create(
        name="NHS performance system",
        partnership=PartnershipFactory(),
        organisation=OrganisationFactory(),
        application=application,
        can_read=True,
    )


def _token(data: dict):
    basic = base64.b64encode(f"nhs-performance:{SECRET}".encode()).decode()
    return Client().post("/api/oauth/token/", data, HTTP_AUTHORIZATION=f"Basic {basic}")


@pytest.fixture
def password_checks(monkeypatch):
    """Every call that would check a person's password, recorded and not made."""
    calls = []
    monkeypatch.setattr(
        oauth2_validators, "authenticate", lambda *args, **kwargs: calls.append(kwargs)
    )
    monkeypatch.setattr(User, "check_password", lambda *args: calls.append(args))
    return calls


# Even an application that was registered for the password grant is refused it.
@pytest.mark.parametrize(
    "grant_type", [Application.GRANT_CLIENT_CREDENTIALS, Application.GRANT_PASSWORD]
)
def test_the_password_grant_is_refused_alike_for_a_right_and_a_wrong_password(
    grant_type, password_checks
):
    _system(grant_type)
    User.objects.create_user("officer-a", password=PASSWORD)

    right = _token({"grant_type": "password", "username": "officer-a", "password": PASSWORD})
    wrong = _token({"grant_type": "password", "username": "officer-a", "password": "guess"})

    assert (right.status_code, right.json()) == (400, REFUSAL)
    assert (wrong.status_code, wrong.json()) == (400, REFUSAL)
    assert password_checks == []
    assert not AccessToken.objects.exists()


def test_the_password_grant_counts_no_failed_sign_in():
    _system(Application.GRANT_PASSWORD)
    User.objects.create_user("officer-a", password=PASSWORD)

    for _ in range(3):
        _token({"grant_type": "password", "username": "officer-a", "password": "guess"})

    # django-axes would count each wrong password, and lock the officer out of signing in.
    assert not AccessAttempt.objects.exists()


def test_client_credentials_still_give_a_token():
    _system(Application.GRANT_CLIENT_CREDENTIALS)

    response = _token({"grant_type": "client_credentials"})

    assert response.status_code == 200
    assert response.json()["token_type"] == "Bearer"
