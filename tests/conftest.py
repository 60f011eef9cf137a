"""Fixtures shared across the test suite; factories live in tests/factories.py."""

import io
import os

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import QuerySet

from tests.audit_guard import guarded_update
from tests.receiver import start_receiver


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL to a postgres:// URL")
    if item.get_closest_marker("redis") and not os.environ.get("REDIS_URL"):
        pytest.skip("needs Redis: set REDIS_URL")


@pytest.fixture(autouse=True)
def audited_records_change_with_history(monkeypatch):
    """Fails any test that changes an audited record by a queryset .update() (audit_guard)."""
    monkeypatch.setattr(QuerySet, "update", guarded_update(QuerySet.update))


@pytest.fixture
def demo(db) -> None:
    """The demo partnerships from the seed documents."""
    call_command("demo_load", stdout=io.StringIO())


@pytest.fixture
def receiver():
    """A webhook receiver listening on loopback while the test runs."""
    receiving, server = start_receiver()
    yield receiving
    server.shutdown()
