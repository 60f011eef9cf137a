"""Fixtures of the reminder tests: people with e-mail addresses, chairs of boards."""

import datetime

import pytest

from governance.models import BoardMembership
from tests.factories import BoardMembershipFactory, DevelopmentActionFactory, PersonFactory

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
