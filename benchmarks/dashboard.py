"""The framework dashboard over a large estate of readings: its response time and SQL queries.

Adds to the database Django is set up with (the caller's), with the scale estate's builder
(demo/scale.py), a framework of the number of indicators asked for, each with quarterly readings
since 2010 and annual targets, one a tenth of its size, and another framework holding the rest
of the readings asked for. Then it asks for the measured framework's dashboard page as an
anonymous reader would and prints the median and worst response time of several requests and
the number of SQL queries of one, beside the same figures for the small framework, to show the
query count does not grow with the rows.

Run by benchmarks/reminders.py (make bench-reminders), which sets Django up on its database.
"""

import random
import statistics
import sys
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from demo.scale import Estate, Sizes, framework_build
from outcomes.models import Indicator, OutcomeFramework, Reading
from partnership.models import Partnership

QUARTERLY = [(Indicator.Frequency.QUARTERLY, 1)]


def populate(*, readings: int, indicators: int) -> tuple[OutcomeFramework, OutcomeFramework]:
    """The measured framework (`indicators` indicators) and one a tenth of its size, in the
    first partnership of the estate (made if there is none), with more readings elsewhere to
    bring the database's readings to the number asked for."""
    partnership = Partnership.objects.order_by("pk").first()
    if partnership is None:
        estate = Estate(Sizes(partnerships=1, boards=1, meetings=0, actions=0, readings=0))
        estate.build_partnerships()
        partnership = estate.places[0].partnership
    rng = random.Random(2010)
    measured, small = (
        framework_build(
            partnership,
            number=number,
            readings=0,
            indicators=size,
            frequencies=QUARTERLY,
            rng=rng,
        )
        for number, size in ((101, indicators), (102, max(1, indicators // 10)))
    )
    rest = readings - Reading.objects.count()
    if rest > 0:
        framework_build(partnership, number=103, readings=rest, rng=rng)
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
