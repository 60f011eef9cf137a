"""Fixtures shared across the test suite; factories live in tests/factories.py."""

import io
import json
import logging
import os

import pytest
import rules
from django.core.management import call_command
from django.db import connection
from django.db.models import QuerySet
from django.test import Client

from core.two_factor.sessions import session_mark_verified
from tests.audit_guard import guarded_update
from tests.receiver import start_receiver
from tests.two_factor import authenticator_for


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL to a postgres:// URL")
    if item.get_closest_marker("redis") and not os.environ.get("REDIS_URL"):
        pytest.skip("needs Redis: set REDIS_URL")


@pytest.fixture(autouse=True)
def audited_records_change_with_history(monkeypatch):
    """Fails any test that changes an audited record by a queryset .update() (audit_guard)."""
    monkeypatch.setattr(QuerySet, "update", guarded_update(QuerySet.update))


@pytest.fixture(autouse=True)
def force_login_gives_the_code_too(monkeypatch):
    """client.force_login of an account that needs two-factor sign-in also verifies the session,
    as if its code had been entered, so that a test of a page need not sign in twice. The tests
    of two-factor sign-in itself sign in by password (tests/core/test_two_factor.py)."""
    force_login = Client.force_login

    def force_login_and_verify(client, user, backend=None):
        force_login(client, user, backend)
        if rules.test_rule("two_factor_required", user):
            session = client.session
            session_mark_verified(session, authenticator_for(user))
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login_and_verify)


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


@pytest.fixture
def log_lines():
    """The lines the configured console handler writes (settings.LOGGING), parsed as JSON."""
    [handler] = [h for h in logging.getLogger().handlers if h.name == "console"]
    written = io.StringIO()
    previous = handler.setStream(written)
    yield lambda: [json.loads(line) for line in written.getvalue().splitlines()]
    handler.setStream(previous)
