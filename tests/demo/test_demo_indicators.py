"""The demo SOA's indicators stand where hand calculation from their figures puts them."""

import pytest

from outcomes.models import OutcomeFramework
from outcomes.performance import Rag, Trend, framework_performance, rag_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def soa(demo) -> OutcomeFramework:
    return OutcomeFramework.objects.get(slug="highland-soa-2013-2019")


def test_each_demo_indicator_has_the_rag_and_trend_worked_out_by_hand(soa):
    rows = framework_performance(soa)

    assert [(row.indicator.code, row.rag, row.trend) for row in rows] == [
        # 42.0 meets the 2015/16 target of 42.0 exactly; up from 41.2.
        ("1.1", Rag.GREEN, Trend.IMPROVING),
        # 0.9 short of 75.0, within 2% of it (1.5); down from 74.6.
        ("2.1", Rag.AMBER, Trend.WORSENING),
        # 0.3 above 2.8 (lower is better), beyond 5% of it (0.14); down from 3.4.
        ("2.2", Rag.RED, Trend.IMPROVING),
        # 5.0 short of 85.0, beyond 5% of it (4.25); no change from 80.0.
        ("3.1", Rag.RED, Trend.STEADY),
        # 1.0 above 10.0, exactly at its 10% tolerance; down from 12.3.
        ("4.1", Rag.AMBER, Trend.IMPROVING),
        # 8.2 is under the target of 9.0; down from 8.9.
        ("4.2", Rag.GREEN, Trend.IMPROVING),
        # 0.8 above 19.0, within 5% of it (0.95); down from 20.9.
        ("5.1", Rag.AMBER, Trend.IMPROVING),
        # Baseline only: no reading yet.
        ("5.2", Rag.NO_DATA, Trend.NO_DATA),
        # 4.0 short of 35.0, beyond 5% of it (1.75); down from 32.5.
        ("6.1", Rag.RED, Trend.WORSENING),
        # 45.2 beats 45.0; up from 44.0.
        ("7.1", Rag.GREEN, Trend.IMPROVING),
    ]
    assert rag_counts(rows) == {Rag.GREEN: 3, Rag.AMBER: 3, Rag.RED: 3, Rag.NO_DATA: 1}


def test_demo_indicators_are_led_by_their_theme_groups(soa):
    rows = framework_performance(soa)

    assert {row.indicator.code: str(row.indicator.lead_board) for row in rows[:2]} == {
        "1.1": "Economic growth and regeneration thematic group",
        "2.1": "Employability thematic group",
    }
