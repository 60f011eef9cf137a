"""The two-partnership estate and a caller of each kind the API answers."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from rest_framework.test import APIClient

from governance.models import Board, BoardMembership
from partnership.models import Person
from tests.api.estate import Side, build_side, partner_system_token


@dataclass
class Estate:
    a: Side
    b: Side
    callers: dict[str, APIClient]
    tokens: dict[str, str]


def _signed_in(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _bearer(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def estate(db) -> Estate:
    a, b = build_side("A"), build_side("B")
    officer = User.objects.create_user("officer-a")
    Person.objects.create(
        name="Officer", capacity="officer", organisation=a.organisation, user=officer
    )
    scrutineer = User.objects.create_user("scrutiny-a")
    scrutineer_person = Person.objects.create(
        name="Scrutineer", capacity="elected_member", user=scrutineer
    )
    committee = Board.objects.create(
        partnership=a.partnership, name="Scrutiny", slug="scrutiny", kind="scrutiny_committee"
    )
    committee.scrutinises.add(a.board)
    BoardMembership.objects.create(board=committee, person=scrutineer_person)
    tokens = {
        "system_a_read": partner_system_token(
            a.partnership, a.organisation, scopes="read", name="a-read"
        ),
        "system_a_write": partner_system_token(
            a.partnership, a.organisation, scopes="read write", name="a-write"
        ),
        "system_b": partner_system_token(
            b.partnership, b.organisation, scopes="read write", name="b"
        ),
    }
    callers = {
        "anonymous": APIClient(),
        **{caller: _bearer(token) for caller, token in tokens.items()},
        "officer_a": _signed_in(officer),
        "scrutiny_a": _signed_in(scrutineer),
    }
    return Estate(a, b, callers, tokens)


@pytest.fixture
def write_token(estate) -> str:
    """The token of partnership A's system that reads and writes."""
    return estate.tokens["system_a_write"]
