"""Partner systems obtain tokens with client credentials; the token's scopes bound them."""

import base64
import datetime

import pytest
from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from oauth2_provider.models import AccessToken, Application
from rest_framework.test import APIClient

from outcomes.models import Reading
from partnership.api.authentication import SYSTEM_SUSPENDED, TOKEN_INVALID
from partnership.api.permissions import READ_SCOPE_REQUIRED
from partnership.models import PartnerSystem
from partnership.services import partner_system_access_revoke, partner_system_secret_rotate

pytestmark = pytest.mark.django_db

SECRET = "a-long-client-secret-for-the-test-only"


@pytest.fixture
def system(estate) -> PartnerSystem:
    application = Application.objects.create(
        name="NHS performance system",
        client_id="nhs-performance",
        client_secret=SECRET,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
    )
    return PartnerSystem.objects.create(
        name="NHS performance system",
        partnership=estate.a.partnership,
        organisation=estate.a.organisation,
        application=application,
        can_read=True,
    )


def _token(client_id: str, secret: str, scope: str | None = None):
    basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    data = {"grant_type": "client_credentials", **({"scope": scope} if scope else {})}
    # A token request is a form, as RFC 6749 has it.
    return Client().post("/api/oauth/token/", data, HTTP_AUTHORIZATION=f"Basic {basic}")


def _client(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def test_client_credentials_give_a_token_with_the_scopes_the_system_holds(system):
    response = _token("nhs-performance", SECRET)

    body = response.json()
    assert response.status_code == 200
    assert (body["token_type"], body["scope"]) == ("Bearer", "read")
    partnerships = _client(body["access_token"]).get("/api/v1/partnerships/").json()
    assert [row["id"] for row in partnerships["results"]] == [system.partnership_id]


def test_a_scope_the_system_does_not_hold_is_refused(system):
    response = _token("nhs-performance", SECRET, scope="read write")

    assert (response.status_code, response.json()["error"]) == (400, "invalid_scope")


def test_a_wrong_secret_gets_no_token(system):
    response = _token("nhs-performance", "guess")

    assert (response.status_code, response.json()["error"]) == (401, "invalid_client")


def test_the_secret_is_stored_hashed(system):
    stored = Application.objects.get(client_id="nhs-performance").client_secret

    assert SECRET not in stored
    assert check_password(SECRET, stored)


def test_an_expired_token_is_refused(system):
    AccessToken.objects.create(
        application=system.application,
        token="stale",
        scope="read",
        expires=timezone.now() - datetime.timedelta(seconds=1),
    )

    response = _client("stale").get("/api/v1/boards/")

    assert response.status_code == 401
    assert response.json() == {
        "status": 401,
        "code": "authentication_failed",
        "detail": TOKEN_INVALID,
    }
    assert response["WWW-Authenticate"].startswith('Bearer realm="api"')


def test_a_suspended_system_is_refused_though_its_token_is_live(system):
    token = _token("nhs-performance", SECRET).json()["access_token"]
    system.is_active = False
    system.save()

    response = _client(token).get("/api/v1/boards/")

    assert (response.status_code, response.json()["detail"]) == (401, SYSTEM_SUSPENDED)


def test_a_read_withdrawn_since_the_token_was_issued_no_longer_counts(system):
    token = _token("nhs-performance", SECRET).json()["access_token"]
    system.can_read = False
    system.save()

    response = _client(token).get("/api/v1/boards/")

    assert (response.status_code, response.json()["detail"]) == (403, READ_SCOPE_REQUIRED)


def test_every_answer_carries_the_rate_limit_and_the_limit_is_kept(system, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"client": "3/minute", "anonymous": "2/minute"},
    }
    cache.clear()
    client = _client(_token("nhs-performance", SECRET).json()["access_token"])

    answers = [client.get("/api/v1/boards/") for _ in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert [answer["RateLimit-Remaining"] for answer in answers] == ["2", "1", "0", "0"]
    assert {answer["RateLimit-Limit"] for answer in answers} == {"3"}
    assert 0 < int(answers[-1]["Retry-After"]) <= 60
    assert answers[-1].json()["code"] == "throttled"
    anonymous = [APIClient().get("/api/v1/boards/") for _ in range(3)]
    assert [answer.status_code for answer in anonymous] == [200, 200, 429]


def test_while_the_cache_is_down_the_api_answers_uncounted_and_says_so_in_the_log(
    system, settings, caplog
):
    token = _token("nhs-performance", SECRET).json()["access_token"]
    # Production's Redis cache, at an address where nothing listens.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }

    response = _client(token).get("/api/v1/boards/")

    assert response.status_code == 200
    assert "RateLimit-Limit" not in response
    assert "API rate limits not counted: the cache is unavailable" in caplog.text


def test_a_browser_session_must_send_its_csrf_token_to_write(estate):
    browser = APIClient(enforce_csrf_checks=True)
    browser.force_login(User.objects.get(username="officer-a"))
    entry = {
        "indicator": estate.a.indicator.pk,
        "period_start": "2014-04-01",
        "period_end": "2015-03-31",
        "value": "61",
    }

    without = browser.post("/api/v1/readings/", [entry], format="json")
    unchanged = estate.a.indicator.readings.count()
    browser.get("/sign-in/")  # a page of the site, which sets the CSRF cookie
    token = browser.cookies[settings.CSRF_COOKIE_NAME].value
    with_token = browser.post("/api/v1/readings/", [entry], format="json", HTTP_X_CSRFTOKEN=token)

    assert (without.status_code, without.json()["code"]) == (403, "permission_denied")
    assert "CSRF" in without.json()["detail"]
    assert unchanged == 1
    assert with_token.status_code == 201


def test_a_replaced_secret_gets_no_token_and_its_tokens_stop_working(system):
    admin = User.objects.create_superuser("admin-a")
    old_token = _token("nhs-performance", SECRET).json()["access_token"]

    secret = partner_system_secret_rotate(system=system, by=admin)

    assert _token("nhs-performance", SECRET).status_code == 401
    refused = _client(old_token).get("/api/v1/partnerships/")
    assert (refused.status_code, refused.json()["detail"]) == (401, TOKEN_INVALID)
    new_token = _token("nhs-performance", secret).json()["access_token"]
    assert _client(new_token).get("/api/v1/partnerships/").status_code == 200
    system.application.refresh_from_db()
    assert check_password(secret, system.application.client_secret)
    assert system.history.first().history_change_reason == "Client secret replaced by admin-a"


def test_revoked_access_refuses_the_live_token_and_any_new_one(system):
    admin = User.objects.create_superuser("admin-a")
    token = _token("nhs-performance", SECRET).json()["access_token"]

    partner_system_access_revoke(system=system, by=admin)

    assert _client(token).get("/api/v1/partnerships/").status_code == 401
    refused = _token("nhs-performance", SECRET)
    assert (refused.status_code, refused.json()["error"]) == (401, "invalid_client")
    system.refresh_from_db()
    assert system.is_active is False
    assert not AccessToken.objects.filter(application=system.application).exists()


def test_every_use_of_a_systems_token_is_logged(system, caplog):
    token = _token("nhs-performance", SECRET).json()["access_token"]
    client = _client(token)

    with caplog.at_level("INFO", logger="partnership.api.use"):
        client.get("/api/v1/partnerships/")
        client.get("/api/v1/boards/?page_size=5")

    uses = [record for record in caplog.records if record.name == "partnership.api.use"]
    issued = AccessToken.objects.get(application=system.application)
    assert [(use.partner_system, use.token) for use in uses] == [(system.pk, issued.pk)] * 2
    assert uses[1].getMessage().endswith("GET /api/v1/boards/?page_size=5")


def test_a_systems_use_is_a_json_line_with_the_request_id(system, log_lines):
    token = _token("nhs-performance", SECRET).json()["access_token"]
    request_id = "6f1d0c7a-2b4e-4f8a-9c3d-5e7b1a2c4d6f"

    _client(token).get("/api/v1/partnerships/", HTTP_X_REQUEST_ID=request_id)

    [use] = [line for line in log_lines() if line["logger"] == "partnership.api.use"]
    issued = AccessToken.objects.get(application=system.application)
    assert use == {
        "time": use["time"],
        "level": "INFO",
        "logger": "partnership.api.use",
        "message": f"partner system {system.pk} (partnership {system.partnership_id}) used "
        f"token {issued.pk}: GET /api/v1/partnerships/",
        "partner_system": system.pk,
        "token": issued.pk,
        "request_id": request_id,
    }


def test_an_administrator_replaces_a_secret_and_sees_it_once(system):
    browser = Client()
    browser.force_login(User.objects.create_superuser("admin-a"))

    page = browser.post(
        "/admin/partnership/partnersystem/",
        {"action": "replace_client_secret", "_selected_action": [system.pk]},
    )

    assert page.status_code == 200
    secret = page.context["secrets"][0][1]
    assert secret in page.content.decode()
    assert _token("nhs-performance", secret).status_code == 200
    assert secret not in browser.get("/admin/partnership/partnersystem/").content.decode()


def _csrf_client(user: User) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/")  # the page's forms set the CSRF cookie
    return client


def test_a_session_api_write_needs_the_csrf_token(estate):
    client = _csrf_client(User.objects.get(username="officer-a"))
    entry = {
        "indicator": estate.a.indicator.pk,
        "period_start": "2014-04-01",
        "period_end": "2015-03-31",
        "value": "61",
    }

    forged = client.post("/api/v1/readings/", [entry], content_type="application/json")
    before = Reading.objects.count()
    genuine = client.post(
        "/api/v1/readings/",
        [entry],
        content_type="application/json",
        headers={"X-CSRFToken": client.cookies[settings.CSRF_COOKIE_NAME].value},
    )

    assert forged.status_code == 403
    assert "CSRF" in forged.json()["detail"]
    assert genuine.status_code == 201
    assert Reading.objects.count() == before + 1
