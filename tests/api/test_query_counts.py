"""Every list endpoint costs the same number of queries for a page of 5 rows as of 50."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.api.estate import build_side
from tests.api.test_access_matrix import ENDPOINT_LEVELS

pytestmark = pytest.mark.django_db

SIDES = 50
MOST_QUERIES = 8


@pytest.fixture
def large_estate(db) -> None:
    for number in range(1, SIDES + 1):
        build_side("A", number=number)
    User.objects.create_superuser("administrator")


def _queries(username: str | None, url: str) -> tuple[int, int]:
    client = APIClient()
    if username:
        # Loaded afresh, as each request loads its user, with nothing cached on it.
        client.force_authenticate(User.objects.get(username=username))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.json()["results"])


@pytest.mark.usefixtures("large_estate")
def test_list_queries_do_not_grow_with_the_page():
    costs = {}
    for caller in ("administrator", None):
        for endpoint in sorted(ENDPOINT_LEVELS):
            small, small_rows = _queries(caller, f"/api/v1/{endpoint}/?page_size=5")
            large, large_rows = _queries(caller, f"/api/v1/{endpoint}/?page_size=50")
            if caller:
                assert (small_rows, large_rows) == (5, 50), endpoint
            costs[caller, endpoint] = (small, large)
    assert {key: cost for key, cost in costs.items() if cost[0] != cost[1]} == {}
    assert max(large for _, large in costs.values()) <= MOST_QUERIES
