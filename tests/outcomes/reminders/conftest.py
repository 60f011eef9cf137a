"""Fixtures of the reminder tests: people with e-mail addresses, chairs of boards."""

import collections
import datetime
import os
from pathlib import Path

import pytest

from governance.models import BoardMembership
from tests.factories import BoardMembershipFactory, DevelopmentActionFactory, PersonFactory
from tests.outcomes.reminders.mail import LOG, logged_messages
from tests.processes import database_url

TODAY = datetime.date(2014, 3, 17)


def days_from_today(days: int) -> datetime.date:
    return TODAY + datetime.timedelta(days)


@pytest.fixture
def lead(db):
    return PersonFactory(name="Alison Lead", email="alison.lead@example.org")


@pytest.fixture
def make_chair(db):
    def make(board, name: str = "Carol Chair"):
        person = PersonFactory(name=name, email=f"{name.lower().replace(' ', '.')}@example.org")
        BoardMembershipFactory(board=board, person=person, role=BoardMembership.Role.CHAIR)
        return person

    return make


@pytest.fixture
def make_action(db):
    """An open action whose deadline is this many days from TODAY (negative: overdue)."""

    def make(days: int, **fields):
        return DevelopmentActionFactory(deadline=days_from_today(days), **fields)

    return make


@pytest.fixture
def mail_log(tmp_path) -> Path:
    log = tmp_path / "mail.jsonl"
    log.touch()
    return log


@pytest.fixture
def process_env(mail_log):
    """The environment of a process that sends reminders to the recording backend."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings_test",
        "DATABASE_URL": database_url(),
        "DJANGO_EMAIL_BACKEND": "tests.outcomes.reminders.mail.RecordingBackend",
        LOG: str(mail_log),
    }


@pytest.fixture
def leads(db):
    """Leads each with two actions due in 3 days: one digest of two reminders each."""

    def make(count: int, today: datetime.date = TODAY, name: str = "lead") -> list[str]:
        addresses = []
        for number in range(count):
            address = f"{name}{number}@example.org"
            lead = PersonFactory(name=f"{name.title()} {number}", email=address)
            for _ in range(2):
                DevelopmentActionFactory(deadline=today + datetime.timedelta(3), lead_person=lead)
            addresses.append(address)
        return addresses

    return make


def messages_per_address(mail_log: Path) -> collections.Counter:
    return collections.Counter(message["to"][0] for message in logged_messages(mail_log))
