"""How indicators are doing: RAG status against the period's target and trend against the
previous reading, derived from readings and targets and never typed in."""

import dataclasses
import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outcomes.models import Indicator, OutcomeFramework, Reading, Target
from partnership.models import Theme

# How many of an indicator's latest readings a dashboard row carries, for its sparkline.
RECENT_READINGS = 8


class Rag(models.TextChoices):
    GREEN = "green", _("Green")
    AMBER = "amber", _("Amber")
    RED = "red", _("Red")
    NO_DATA = "no_data", _("No data")


class Trend(models.TextChoices):
    IMPROVING = "improving", _("Improving")
    STEADY = "steady", _("Steady")
    WORSENING = "worsening", _("Worsening")
    NO_DATA = "no_data", _("No data")


def rag_status(
    *, value: Decimal | None, target: Decimal | None, polarity: str, tolerance_percent: Decimal
) -> Rag:
    """Green when the target is met; amber when short of it by no more than the tolerance, a
    percentage of the target; red when further short; no data without a reading or target."""
    if value is None or target is None:
        return Rag.NO_DATA
    shortfall = (
        target - value if polarity == Indicator.Polarity.HIGHER_IS_BETTER else value - target
    )
    if shortfall <= 0:
        return Rag.GREEN
    if shortfall <= abs(target) * tolerance_percent / 100:
        return Rag.AMBER
    return Rag.RED


def trend(*, latest: Decimal | None, previous: Decimal | None, polarity: str) -> Trend:
    """Improving or worsening by the direction the indicator's polarity calls better; steady
    when the value has not moved; no data without two readings."""
    if latest is None or previous is None:
        return Trend.NO_DATA
    if latest == previous:
        return Trend.STEADY
    rose = latest > previous
    return (
        Trend.IMPROVING
        if rose == (polarity == Indicator.Polarity.HIGHER_IS_BETTER)
        else (Trend.WORSENING)
    )


def target_for(reading: Reading, targets: Iterable[Target]) -> Target | None:
    """The target of the reading's period: the one starting with it, else the narrowest one whose
    period spans it (an annual target over quarterly readings)."""
    spanning = [
        target
        for target in targets
        if target.period_start <= reading.period_start and target.period_end >= reading.period_end
    ]
    exact = [target for target in spanning if target.period_start == reading.period_start]
    if exact:
        return exact[0]
    return max(spanning, key=lambda target: target.period_start, default=None)


@dataclasses.dataclass(frozen=True)
class PeriodPerformance:
    """One period of an indicator: its reading, the target it is held against, and its RAG."""

    reading: Reading
    target: Target | None
    rag: Rag


@dataclasses.dataclass(frozen=True)
class IndicatorPerformance:
    """An indicator's latest reading against its target, its trend, and the readings before."""

    indicator: Indicator
    latest: Reading | None
    previous: Reading | None
    target: Target | None
    rag: Rag
    trend: Trend
    recent: list[Reading]  # oldest first, the latest last
    targets: list[Target]  # oldest first

    def periods(self) -> list[PeriodPerformance]:
        """Each of the readings held, with its target and RAG, oldest first."""
        indicator = self.indicator
        return [
            PeriodPerformance(
                reading=reading, target=target, rag=_rag_of(indicator, reading, target)
            )
            for reading in self.recent
            for target in [target_for(reading, self.targets)]
        ]


def _rag_of(indicator: Indicator, reading: Reading | None, target: Target | None) -> Rag:
    return rag_status(
        value=reading.value if reading else None,
        target=target.value if target else None,
        polarity=indicator.polarity,
        tolerance_percent=indicator.tolerance_percent,
    )


def _performance(indicator: Indicator, readings: list[Reading], targets: list[Target]):
    latest = readings[-1] if readings else None
    previous = readings[-2] if len(readings) > 1 else None
    target = target_for(latest, targets) if latest else None
    return IndicatorPerformance(
        indicator=indicator,
        latest=latest,
        previous=previous,
        target=target,
        rag=_rag_of(indicator, latest, target),
        trend=trend(
            latest=latest.value if latest else None,
            previous=previous.value if previous else None,
            polarity=indicator.polarity,
        ),
        recent=readings,
        targets=targets,
    )


def _as_of(day: datetime.date | None) -> datetime.date:
    return day or timezone.localdate()


def framework_performance(
    framework: OutcomeFramework,
    *,
    as_of: datetime.date | None = None,
    theme: Theme | None = None,
    recent: int | None = RECENT_READINGS,
) -> list[IndicatorPerformance]:
    """Every indicator of the framework (or of one theme) with its performance as of a day and
    its `recent` latest readings and targets (all of them when None), in three queries however
    many indicators and readings there are."""
    day = _as_of(as_of)
    readings = Reading.objects.filter(period_end__lte=day).order_by("-period_start")
    targets = Target.objects.filter(period_start__lte=day).order_by("-period_start")
    if recent is not None:
        # Sliced prefetches fetch only each indicator's latest rows (a window function in SQL).
        readings, targets = readings[:recent], targets[:recent]
    indicators = (
        Indicator.objects.filter(outcome__framework=framework)
        .select_related("outcome__theme", "lead_organisation", "lead_board")
        .prefetch_related(
            Prefetch("readings", queryset=readings, to_attr="latest_readings"),
            Prefetch("targets", queryset=targets, to_attr="latest_targets"),
        )
        .order_by("outcome__number", "code")
    )
    if theme is not None:
        indicators = indicators.filter(outcome__theme=theme)
    return [
        _performance(indicator, indicator.latest_readings[::-1], indicator.latest_targets[::-1])
        for indicator in indicators
    ]


def indicator_performance(
    indicator: Indicator, *, as_of: datetime.date | None = None
) -> IndicatorPerformance:
    """One indicator's performance as of a day, with all its readings and targets to that day."""
    day = _as_of(as_of)
    readings = list(indicator.readings.filter(period_end__lte=day).order_by("period_start"))
    targets = list(indicator.targets.order_by("period_start"))
    return _performance(indicator, readings, targets)


def rag_counts(performances: Iterable[IndicatorPerformance]) -> dict[Rag, int]:
    """How many indicators stand at each RAG status, every status present, in RAG order."""
    counts = dict.fromkeys(Rag, 0)
    for performance in performances:
        counts[performance.rag] += 1
    return counts
