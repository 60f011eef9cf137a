"""Fixtures shared by the outcomes tests: the Highland partnership, another, and a scorecard."""

import pytest

from partnership.models import Partnership, Theme
from tests.factories import PartnershipFactory
from tests.outcomes.helpers import Scorecard, scorecard, theme


@pytest.fixture
def highland() -> Partnership:
    return PartnershipFactory(name="Highland Community Planning Partnership", slug="highland-cpp")


@pytest.fixture
def elsewhere() -> Partnership:
    """Another partnership, whose records Highland's framework may not use."""
    return PartnershipFactory(name="Herefordshire Partnership", slug="herefordshire")


@pytest.fixture
def employability(highland) -> Theme:
    return theme(highland, "Employability")


@pytest.fixture
def card() -> Scorecard:
    return scorecard()
