"""The framework dashboard over a large estate of readings: its response time and SQL queries.

Fills the database Django is set up with (the caller's) with frameworks of indicators, each
with quarterly readings and targets, until it holds the number of readings asked for; one
framework has the number of indicators asked for. Then it asks for that framework's dashboard
page as an anonymous reader would and prints the median and worst response time of several
requests and the number of SQL queries of one, beside the same figures for a framework a
tenth of the size, to show the query count does not grow with the rows.

Run by benchmarks/reminders.py (make bench-reminders), which sets Django up on its database.
"""

import datetime
import statistics
import sys
import time
from decimal import Decimal

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from outcomes.models import Indicator, Outcome, OutcomeFramework, Reading, Target
from partnership.models import Nation, Partnership

READINGS_PER_INDICATOR = 40  # ten years of quarters
BATCH = 20_000


def _quarters(count: int) -> list[tuple[datetime.date, datetime.date]]:
    periods = []
    for index in range(count):
        year, quarter = divmod(index, 4)
        start = datetime.date(2010 + year, 1 + 3 * quarter, 1)
        next_start = datetime.date(start.year + (quarter == 3), 1 + 3 * ((quarter + 1) % 4), 1)
        periods.append((start, next_start - datetime.timedelta(days=1)))
    return periods


def _framework(partnership: Partnership, number: int, indicators: int) -> OutcomeFramework:
    framework = OutcomeFramework.objects.create(
        partnership=partnership,
        name=f"Benchmark framework {number}",
        slug=f"benchmark-{number}",
        kind=OutcomeFramework.Kind.LOCAL_AREA_AGREEMENT,
        starts_on=datetime.date(2010, 4, 1),
        ends_on=datetime.date(2030, 3, 31),
    )
    outcomes = Outcome.objects.bulk_create(
        Outcome(framework=framework, number=n, title=f"Outcome {n}") for n in range(1, 11)
    )
    Indicator.objects.bulk_create(
        Indicator(
            outcome=outcomes[n % len(outcomes)],
            code=f"{number}.{n}",
            name=f"Indicator {n} of framework {number}",
            unit="%",
            polarity=Indicator.Polarity.HIGHER_IS_BETTER if n % 2 else "lower",
            frequency=Indicator.Frequency.QUARTERLY,
        )
        for n in range(indicators)
    )
    return framework


def _fill(framework: OutcomeFramework) -> int:
    """A reading and a target for every quarter of every indicator; returns the readings."""
    periods = _quarters(READINGS_PER_INDICATOR)
    indicators = list(
        Indicator.objects.filter(outcome__framework=framework).values_list("pk", flat=True)
    )
    for model in (Reading, Target):
        model.objects.bulk_create(
            (
                model(
                    indicator_id=pk,
                    period_start=start,
                    period_end=end,
                    value=Decimal(40 + (pk * 7 + step * 3) % 25),
                )
                for pk in indicators
                for step, (start, end) in enumerate(periods)
            ),
            batch_size=BATCH,
        )
    return len(indicators) * len(periods)


def populate(*, readings: int, indicators: int) -> tuple[OutcomeFramework, OutcomeFramework]:
    """The measured framework (`indicators` indicators) and one a tenth of its size, among
    other frameworks that bring the readings to the number asked for."""
    partnership = Partnership.objects.create(
        name="Benchmark partnership",
        slug="benchmark-dashboard",
        kind=Partnership.Kind.LOCAL_STRATEGIC,
        nation=Nation.ENGLAND,
    )
    measured = _framework(partnership, 1, indicators)
    small = _framework(partnership, 2, indicators // 10)
    written = _fill(measured) + _fill(small)
    number = 3
    while written < readings:
        other = _framework(partnership, number, indicators)
        written += _fill(other)
        number += 1
    return measured, small


def measure(framework: OutcomeFramework, *, requests: int = 7) -> dict:
    """Response time of the framework's dashboard (after one warm-up request) and its queries."""
    client = Client(HTTP_HOST="localhost")
    url = framework.get_absolute_url()
    assert client.get(url).status_code == 200, url
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return {
        "indicators": Indicator.objects.filter(outcome__framework=framework).count(),
        "median_ms": statistics.median(timings) * 1000,
        "worst_ms": max(timings) * 1000,
        "queries": len(queries),
        "bytes": len(response.content),
    }


def report(*, readings: int, indicators: int) -> None:
    started = time.perf_counter()
    measured, small = populate(readings=readings, indicators=indicators)
    built = time.perf_counter() - started
    sys.stdout.write(
        f"dashboard data: {Reading.objects.count():,} readings, "
        f"{Indicator.objects.count():,} indicators, built in {built:.0f} s\n"
    )
    for framework in (small, measured):
        figures = measure(framework)
        sys.stdout.write(
            "dashboard: {indicators} indicators, median {median_ms:.0f} ms, worst "
            "{worst_ms:.0f} ms, {queries} SQL queries, {bytes:,} bytes\n".format(**figures)
        )
