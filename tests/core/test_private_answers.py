"""What a signed-in person or a partner system was shown is kept out of every cache, and
signing out asks the browser to forget the site's pages."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from partnership.models import Organisation, Partnership
from tests.api.estate import partner_system_token

pytestmark = pytest.mark.django_db


def _directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_a_page_for_a_signed_in_person_is_stored_by_no_cache(client):
    client.force_login(User.objects.create_user("clerk"))

    response = client.get("/")

    assert response.status_code == 200
    assert {"private", "no-store"} <= _directives(response)


def test_a_public_page_for_anyone_stays_cacheable(client):
    response = client.get("/")

    assert response.status_code == 200
    assert "no-store" not in _directives(response)


def test_an_api_answer_to_a_partner_system_is_stored_by_no_cache():
    partnership = Partnership.objects.create(name="Northshire", slug="northshire")
    organisation = Organisation.objects.create(name="Northshire Council")
    token = partner_system_token(partnership, organisation, scopes="read", name="northshire")

    response = Client().get("/api/v1/partnerships/", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200
    assert {"private", "no-store"} <= _directives(response)


def test_signing_out_asks_the_browser_to_clear_the_sites_cache_and_storage(client):
    client.force_login(User.objects.create_user("clerk"))

    response = client.post("/sign-out/")

    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "_auth_user_id" not in client.session
