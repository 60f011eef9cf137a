"""Every endpoint, asked by every kind of caller, shows exactly what that caller may see.

Nothing of partnership A reaches partnership B's system; nothing exempt reaches anyone who
may not read it; nothing unpublished reaches the public. A new endpoint fails
`test_every_endpoint_is_in_the_matrix` until it is entered in ENDPOINT_LEVELS below.
"""

import json

import pytest

from config.api import router
from tests.api.estate import EXEMPT, PRIVATE, PUBLIC, markers_in

pytestmark = pytest.mark.django_db

# What each caller may see of the estate's records, by marker.
CALLER_SEES = {
    "anonymous": {"PUBLIC-A", "PUBLIC-B"},
    "system_a_read": {"PUBLIC-A"},
    "system_a_write": {"PUBLIC-A"},
    "system_b": {"PUBLIC-B"},
    "officer_a": {"PUBLIC-A", "EXEMPT-A", "PRIVATE-A", "PUBLIC-B"},
    "scrutiny_a": {"PUBLIC-A", "EXEMPT-A", "PUBLIC-B"},
}

# The levels of access at which the estate holds records of each endpoint.
ENDPOINT_LEVELS = {
    "partnerships": {PUBLIC},
    "organisations": {PUBLIC},
    "people": {PUBLIC},
    "boards": {PUBLIC},
    "memberships": {PUBLIC},
    "remit-clauses": {PUBLIC},
    "joint-appointments": {PRIVATE},
    "engagement": {PUBLIC},
    "frameworks": {PUBLIC},
    "outcomes": {PUBLIC},
    "indicators": {PUBLIC},
    "readings": {PUBLIC},
    "development-actions": {PUBLIC},
    "action-updates": {PUBLIC},
    "projects": {PUBLIC},
    "contributions": {PUBLIC},
    "meetings": {PUBLIC, PRIVATE},
    "agenda-items": {PUBLIC, EXEMPT, PRIVATE},
    "reports": {PUBLIC, EXEMPT, PRIVATE},
    "minutes": {PUBLIC, EXEMPT, PRIVATE},
}

VIEWSETS = {prefix: viewset for prefix, viewset, _ in router.registry}


def test_every_endpoint_is_in_the_matrix():
    assert set(VIEWSETS) == set(ENDPOINT_LEVELS)


def _list_all(client, url: str) -> tuple[list[dict], str]:
    """Every page of a list: its rows, and the text of all the pages."""
    rows, text = [], ""
    while url:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        body = response.json()
        rows += body["results"]
        text += json.dumps(body)
        url = body["next"]
    return rows, text


@pytest.mark.parametrize("endpoint", sorted(ENDPOINT_LEVELS))
def test_each_caller_sees_exactly_what_it_may(estate, endpoint):
    model = VIEWSETS[endpoint].serializer_class.Meta.model
    every_pk = list(model.objects.values_list("pk", flat=True))
    for caller, client in estate.callers.items():
        expected = {
            marker
            for marker in CALLER_SEES[caller]
            if marker.split("-")[0] in ENDPOINT_LEVELS[endpoint]
        }
        rows, list_text = _list_all(client, f"/api/v1/{endpoint}/?page_size=3")
        listed = {row["id"] for row in rows}
        shown, detail_text = set(), ""
        for pk in every_pk:
            response = client.get(f"/api/v1/{endpoint}/{pk}/")
            assert response.status_code in (200, 404), (caller, pk, response.status_code)
            if response.status_code == 200:
                shown.add(pk)
                detail_text += response.content.decode()
        assert markers_in(list_text) == expected, (caller, "list")
        assert markers_in(detail_text) == expected, (caller, "details")
        assert shown == listed, (
            caller,
            "a record is listed and not shown, or shown and not listed",
        )
