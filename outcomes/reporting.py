"""How indicators' performance is shown: dashboard rows, charts, explanations, and the
performance report PDF the worker renders from the same pieces, so page and PDF agree."""

import dataclasses
import datetime
import logging
from collections.abc import Iterable
from decimal import Decimal

from django.core.files.storage import default_storage
from django.db import InterfaceError, OperationalError
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.charts import line_chart_svg, sparkline_svg
from core.dates import short_month, short_month_and_year
from core.pdf import html_to_pdf, page_count, store_new_file
from outcomes.models import Indicator, OutcomeFramework, PerformanceReport, Reading, Target
from outcomes.performance import (
    IndicatorPerformance,
    Rag,
    Trend,
    framework_performance,
    rag_counts,
    target_for,
)
from outcomes.services import reports as report_services
from partnership.models import Theme

RAG_TAG_COLOURS = {Rag.GREEN: "green", Rag.AMBER: "yellow", Rag.RED: "red", Rag.NO_DATA: "grey"}
TREND_ARROWS = {Trend.IMPROVING: "↑", Trend.WORSENING: "↓", Trend.STEADY: "→", Trend.NO_DATA: ""}

NO_READING = _("There is no reading yet.")
NO_TARGET = _("{value} in {period}, with no target set for that period.")
MET = _("{value} against a target of {target}, so the target is met.")
WITHIN_TOLERANCE = _("{value} against a target of {target}, within the {tolerance}% tolerance.")
BEYOND_TOLERANCE = _("{value} against a target of {target}, beyond the {tolerance}% tolerance.")
EXPLANATIONS = {Rag.GREEN: MET, Rag.AMBER: WITHIN_TOLERANCE, Rag.RED: BEYOND_TOLERANCE}
REPORT_FAILED = "The performance report could not be rendered: {error}"
# Failures of the database, the broker or storage that a later attempt may not meet: left to
# the task to retry.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError, OSError)

logger = logging.getLogger(__name__)


def number(value: Decimal) -> str:
    """A stored value as people write it: 48.5, 50, 1,250.75 (no trailing zeros)."""
    return f"{value.normalize():,f}"


def with_unit(value: Decimal, unit: str) -> str:
    """A value with its unit: 48.5% for a percentage, else 12 per 1,000 population."""
    if unit == "%":
        return f"{number(value)}%"
    return f"{number(value)} {unit}".strip()


def period_label(start: datetime.date, end: datetime.date) -> str:
    """A period as a report names it: 2013/14 for a year from April, a quarter
    as Apr to Jun 2014 (with an en dash), a month as Mar 2014."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 12 and start.month == 1:
        return str(start.year)
    if months == 12:
        return f"{start.year}/{(start.year + 1) % 100:02d}"
    if months == 1:
        return short_month_and_year(start)
    if start.year == end.year:
        return f"{short_month(start)}–{short_month_and_year(end)}"
    return f"{short_month_and_year(start)} – {short_month_and_year(end)}"


def explanation(performance: IndicatorPerformance) -> str:
    """One line saying why the indicator has its RAG status, to follow the status itself."""
    indicator, latest, target = performance.indicator, performance.latest, performance.target
    if latest is None:
        return NO_READING
    value = with_unit(latest.value, indicator.unit)
    if target is None:
        return NO_TARGET.format(
            value=value, period=period_label(latest.period_start, latest.period_end)
        )
    return EXPLANATIONS[performance.rag].format(
        value=value,
        target=with_unit(target.value, indicator.unit),
        tolerance=number(indicator.tolerance_percent),
    )


def rag_summary(performances: Iterable[IndicatorPerformance]) -> str:
    """How many indicators stand at each status: 5 green, 2 amber, 1 red, 3 no data."""
    return ", ".join(
        gettext("{count} {status}").format(count=count, status=rag.label.lower())
        for rag, count in rag_counts(performances).items()
    )


@dataclasses.dataclass(frozen=True)
class IndicatorRow:
    """An indicator as a row of a dashboard or report: its figures written out, and its RAG
    and trend as words."""

    performance: IndicatorPerformance

    @property
    def indicator(self) -> Indicator:
        return self.performance.indicator

    @property
    def lead(self) -> str:
        indicator = self.indicator
        return str(indicator.lead_board or indicator.lead_organisation or "")

    @property
    def latest(self) -> str:
        latest = self.performance.latest
        return with_unit(latest.value, self.indicator.unit) if latest else ""

    @property
    def latest_period(self) -> str:
        latest = self.performance.latest
        return period_label(latest.period_start, latest.period_end) if latest else ""

    @property
    def baseline(self) -> str:
        indicator = self.indicator
        if indicator.baseline_value is None:
            return ""
        return with_unit(indicator.baseline_value, indicator.unit)

    @property
    def tolerance(self) -> str:
        return f"{number(self.indicator.tolerance_percent)}%"

    @property
    def target(self) -> str:
        target = self.performance.target
        return with_unit(target.value, self.indicator.unit) if target else ""

    @property
    def rag_colour(self) -> str:
        return RAG_TAG_COLOURS[self.performance.rag]

    @property
    def trend_arrow(self) -> str:
        return TREND_ARROWS[self.performance.trend]

    def sparkline(self) -> SafeString:
        return sparkline_svg(
            [reading.value for reading in self.performance.recent],
            label=gettext("Recent readings of {code}").format(code=self.indicator.code),
        )


@dataclasses.dataclass(frozen=True)
class ThemeGroup:
    """The indicators of one theme, or of outcomes without a theme."""

    theme: Theme | None
    rows: list[IndicatorRow]

    @property
    def title(self) -> str:
        return str(self.theme) if self.theme else gettext("Other outcomes")


def theme_groups(performances: Iterable[IndicatorPerformance]) -> list[ThemeGroup]:
    """Indicators grouped by their outcome's theme, themes in the order of their first outcome,
    outcomes without a theme last."""
    groups: dict[Theme | None, list[IndicatorRow]] = {}
    for performance in performances:
        groups.setdefault(performance.indicator.outcome.theme, []).append(IndicatorRow(performance))
    unthemed = groups.pop(None, None)
    ordered = [ThemeGroup(theme, rows) for theme, rows in groups.items()]
    if unthemed:
        ordered.append(ThemeGroup(None, unthemed))
    return ordered


@dataclasses.dataclass(frozen=True)
class PeriodRow:
    """A period of an indicator's data table: its reading, its target and their RAG."""

    start: datetime.date
    label: str
    reading: str
    target: str
    rag: Rag

    @property
    def rag_colour(self) -> str:
        return RAG_TAG_COLOURS[self.rag]


def period_rows(performance: IndicatorPerformance) -> list[PeriodRow]:
    """Every period with a reading or a target, oldest first: the chart's data as a table,
    whose headings give the unit."""
    rows = [
        PeriodRow(
            start=period.reading.period_start,
            label=period_label(period.reading.period_start, period.reading.period_end),
            reading=number(period.reading.value),
            target=number(period.target.value) if period.target else "",
            rag=period.rag,
        )
        for period in performance.periods()
    ]
    held_against = {target_for(reading, performance.targets) for reading in performance.recent}
    rows += [
        PeriodRow(
            start=target.period_start,
            label=period_label(target.period_start, target.period_end),
            reading="",
            target=number(target.value),
            rag=Rag.NO_DATA,
        )
        for target in performance.targets
        if target not in held_against
    ]
    return sorted(rows, key=lambda row: row.start)


def indicator_chart(performance: IndicatorPerformance, *, nonce: str | None = None) -> SafeString:
    """The indicator's readings, targets and baseline, the same chart on the page and in PDFs
    (a page gives its CSP nonce)."""
    indicator = performance.indicator
    values: list[Reading | Target] = [*performance.recent, *performance.targets]
    labels = {
        value.period_start: period_label(value.period_start, value.period_end) for value in values
    }
    return line_chart_svg(
        title=str(indicator),
        unit=indicator.unit,
        series=[
            (
                gettext("Reading"),
                [(reading.period_start, reading.value) for reading in performance.recent],
            ),
            (
                gettext("Target"),
                [(target.period_start, target.value) for target in performance.targets],
            ),
        ],
        baseline=indicator.baseline_value,
        baseline_label=(
            gettext("Baseline ({date})").format(date=short_month_and_year(indicator.baseline_date))
            if indicator.baseline_date
            else gettext("Baseline")
        ),
        label_period=labels.__getitem__,
        nonce=nonce,
    )


@dataclasses.dataclass(frozen=True)
class IndicatorSection:
    """An indicator's page of a performance report: explanation, chart and data table."""

    row: IndicatorRow
    explanation: str
    chart: SafeString
    periods: list[PeriodRow]


def performance_report_html(framework: OutcomeFramework, as_of: datetime.date) -> str:
    """The performance report as one HTML document: a summary, the dashboard by theme, and a
    page for each indicator with its chart and data table."""
    # Each indicator's whole history to the day, as its page shows it, for every indicator at once.
    performances = framework_performance(framework, as_of=as_of, recent=None)
    sections = [
        IndicatorSection(
            row=IndicatorRow(performance),
            explanation=explanation(performance),
            chart=indicator_chart(performance),
            periods=period_rows(performance),
        )
        for performance in performances
    ]
    return render_to_string(
        "pdf/performance_report.html",
        {
            "framework": framework,
            "as_of": as_of,
            "summary": rag_summary(performances),
            "counts": rag_counts(performances),
            "groups": theme_groups(performances),
            "sections": sections,
        },
    )


def performance_report_render(report: PerformanceReport) -> None:
    """Renders a queued performance report to PDF and makes it ready, or records why not.

    Passing faults (the database, storage) are raised for the task to try again; anything
    else fails the report at once with the reason, as trying again would meet it again.
    """
    report = report_services.performance_report_start(report_id=report.pk)
    if report is None:
        return
    try:
        pdf = html_to_pdf(performance_report_html(report.framework, report.as_of))
    except TRANSIENT_ERRORS:
        raise
    except Exception as error:
        logger.exception("Performance report %s could not be rendered", report.pk)
        report_services.performance_report_fail(
            report_id=report.pk, reason=REPORT_FAILED.format(error=error)
        )
        return
    name = store_new_file(
        f"outcomes/performance-reports/{report.framework_id}", f"report-{report.pk}", pdf
    )
    try:
        report_services.performance_report_complete(
            report_id=report.pk, file_name=name, page_count=page_count(pdf)
        )
    except Exception:
        # No report points at the file, so nobody can be reading it; a retry stores its own.
        default_storage.delete(name)
        raise
