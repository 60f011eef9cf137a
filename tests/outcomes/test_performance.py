import datetime
from decimal import Decimal

import pytest

from outcomes.models import Indicator
from outcomes.performance import (
    Rag,
    Trend,
    framework_performance,
    indicator_performance,
    rag_counts,
    rag_status,
    target_for,
    trend,
)
from tests.factories import (
    IndicatorFactory,
    OutcomeFactory,
    OutcomeFrameworkFactory,
    ReadingFactory,
    TargetFactory,
)

HIGHER = Indicator.Polarity.HIGHER_IS_BETTER
LOWER = Indicator.Polarity.LOWER_IS_BETTER


def quarter(year: int, number: int) -> dict:
    start = datetime.date(year, 1 + 3 * (number - 1), 1)
    end = (start.replace(day=28) + datetime.timedelta(days=4 + 62)).replace(day=1)
    return {"period_start": start, "period_end": end - datetime.timedelta(days=1)}


# Target 50 with a 10% tolerance: amber reaches 5 short of the target, i.e. 45 when higher is
# better and 55 when lower is better.
@pytest.mark.parametrize(
    ("polarity", "value", "expected"),
    [
        (HIGHER, "60", Rag.GREEN),
        (HIGHER, "50", Rag.GREEN),
        (HIGHER, "49.99", Rag.AMBER),
        (HIGHER, "45", Rag.AMBER),
        (HIGHER, "44.99", Rag.RED),
        (LOWER, "40", Rag.GREEN),
        (LOWER, "50", Rag.GREEN),
        (LOWER, "50.01", Rag.AMBER),
        (LOWER, "55", Rag.AMBER),
        (LOWER, "55.01", Rag.RED),
    ],
)
def test_rag_against_target_with_tolerance_at_each_boundary(polarity, value, expected):
    rag = rag_status(
        value=Decimal(value), target=Decimal(50), polarity=polarity, tolerance_percent=Decimal(10)
    )

    assert rag == expected


def test_rag_with_no_tolerance_has_no_amber():
    assert (
        rag_status(
            value=Decimal("49.99"),
            target=Decimal(50),
            polarity=HIGHER,
            tolerance_percent=Decimal(0),
        )
        == Rag.RED
    )


def test_rag_without_reading_or_target_is_no_data():
    assert rag_status(value=None, target=Decimal(5), polarity=HIGHER, tolerance_percent=5) == (
        Rag.NO_DATA
    )
    assert rag_status(value=Decimal(5), target=None, polarity=LOWER, tolerance_percent=5) == (
        Rag.NO_DATA
    )


@pytest.mark.parametrize(
    ("polarity", "previous", "latest", "expected"),
    [
        (HIGHER, "10", "12", Trend.IMPROVING),
        (HIGHER, "12", "10", Trend.WORSENING),
        (LOWER, "10", "12", Trend.WORSENING),
        (LOWER, "12", "10", Trend.IMPROVING),
        (HIGHER, "10.5", "10.5", Trend.STEADY),
        (LOWER, "10.5", "10.5", Trend.STEADY),
    ],
)
def test_trend_follows_the_polarity(polarity, previous, latest, expected):
    assert trend(latest=Decimal(latest), previous=Decimal(previous), polarity=polarity) == expected


def test_trend_needs_two_readings():
    assert trend(latest=Decimal(3), previous=None, polarity=HIGHER) == Trend.NO_DATA


@pytest.mark.django_db
def test_a_quarter_is_held_against_its_own_target_before_a_spanning_annual_one():
    indicator = IndicatorFactory()
    annual = TargetFactory(
        indicator=indicator,
        period_start=datetime.date(2014, 1, 1),
        period_end=datetime.date(2014, 12, 31),
    )
    second_quarter = TargetFactory(indicator=indicator, **quarter(2014, 2))
    reading_q2 = ReadingFactory(indicator=indicator, **quarter(2014, 2))
    reading_q3 = ReadingFactory(indicator=indicator, **quarter(2014, 3))
    reading_2015 = ReadingFactory(indicator=indicator, **quarter(2015, 1))

    targets = [annual, second_quarter]
    assert target_for(reading_q2, targets) == second_quarter
    assert target_for(reading_q3, targets) == annual
    assert target_for(reading_2015, targets) is None


@pytest.mark.django_db
def test_framework_performance_by_hand():
    framework = OutcomeFrameworkFactory()
    smoking = IndicatorFactory(
        outcome=OutcomeFactory(framework=framework, number=1),
        code="1.1",
        polarity=LOWER,
        tolerance_percent=Decimal(5),
    )
    employment = IndicatorFactory(
        outcome=OutcomeFactory(framework=framework, number=2), code="2.1", polarity=HIGHER
    )
    unmeasured = IndicatorFactory(outcome=employment.outcome, code="2.2")
    for year, value in [(2012, "24.0"), (2013, "22.5"), (2014, "20.9")]:
        period = {
            "period_start": datetime.date(year, 4, 1),
            "period_end": datetime.date(year + 1, 3, 31),
        }
        ReadingFactory(indicator=smoking, value=Decimal(value), **period)
        TargetFactory(indicator=smoking, value=Decimal(20), **period)
    ReadingFactory(indicator=employment, value=Decimal("71.2"), **quarter(2014, 1))
    TargetFactory(indicator=employment, value=Decimal(70), **quarter(2014, 1))

    rows = framework_performance(framework, as_of=datetime.date(2016, 1, 1))

    # 20.9 against 20 is 0.9 over: within 5% of 20 (1.0), so amber; down from 22.5 is better.
    assert [(row.indicator, row.rag, row.trend) for row in rows] == [
        (smoking, Rag.AMBER, Trend.IMPROVING),
        (employment, Rag.GREEN, Trend.NO_DATA),
        (unmeasured, Rag.NO_DATA, Trend.NO_DATA),
    ]
    assert [reading.value for reading in rows[0].recent] == [
        Decimal("24.0"),
        Decimal("22.5"),
        Decimal("20.9"),
    ]
    assert rag_counts(rows) == {Rag.GREEN: 1, Rag.AMBER: 1, Rag.RED: 0, Rag.NO_DATA: 1}


@pytest.mark.django_db
def test_performance_as_of_a_day_ignores_later_periods():
    indicator = IndicatorFactory(polarity=HIGHER)
    first = ReadingFactory(indicator=indicator, value=Decimal(40), **quarter(2014, 1))
    ReadingFactory(indicator=indicator, value=Decimal(60), **quarter(2014, 2))
    TargetFactory(indicator=indicator, value=Decimal(50), **quarter(2014, 1))

    performance = indicator_performance(indicator, as_of=datetime.date(2014, 4, 30))

    assert (performance.latest, performance.rag, performance.trend) == (
        first,
        Rag.RED,
        Trend.NO_DATA,
    )
    assert [(period.reading, period.rag) for period in performance.periods()] == [(first, Rag.RED)]


@pytest.mark.django_db
@pytest.mark.parametrize("indicators", [3, 30])
def test_framework_performance_takes_three_queries_however_many_rows(
    indicators, django_assert_num_queries
):
    framework = OutcomeFrameworkFactory()
    outcome = OutcomeFactory(framework=framework)
    for _ in range(indicators):
        indicator = IndicatorFactory(outcome=outcome)
        for year in range(2005, 2015):
            period = {
                "period_start": datetime.date(year, 1, 1),
                "period_end": datetime.date(year, 12, 31),
            }
            ReadingFactory(indicator=indicator, **period)
            TargetFactory(indicator=indicator, **period)

    with django_assert_num_queries(3):
        rows = framework_performance(framework, as_of=datetime.date(2020, 1, 1))

    assert len(rows) == indicators
    assert all(len(row.recent) == 8 for row in rows)
    assert rows[0].recent[-1].period_start == datetime.date(2014, 1, 1)


@pytest.mark.django_db
def test_framework_performance_can_carry_every_reading_to_the_day(django_assert_num_queries):
    indicator = IndicatorFactory()
    for year in range(2005, 2015):
        ReadingFactory(
            indicator=indicator,
            period_start=datetime.date(year, 1, 1),
            period_end=datetime.date(year, 12, 31),
        )

    with django_assert_num_queries(3):
        (row,) = framework_performance(
            indicator.outcome.framework, as_of=datetime.date(2013, 12, 31), recent=None
        )

    assert [reading.period_start.year for reading in row.recent] == list(range(2005, 2014))
