"""Charts as static SVG, drawn on the server so that a page and a PDF show the same picture.

Every chart stands beside a table of its numbers: the SVG is a picture with a name, not the
only way to read the data.

A pygal chart carries its own <style> element. A page's Content Security Policy applies only
that with the response's nonce: a view passes `nonce=request.csp_nonce`; a PDF passes none.
"""

import datetime
import functools
import itertools
import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from html import escape
from xml.etree import ElementTree

import pygal
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from pygal.style import Style

from core.dates import short_month_and_year

Number = Decimal | float | int
# A point of a line: the period (a date, or a label such as "2013/14") and its value, if any.
Point = tuple[datetime.date | str, Number | None]

# GOV.UK Frontend's colours: blue for what was measured, green for what was aimed at, and
# dark grey for the baseline.
BLUE = "#1d70b8"
GREEN = "#00703c"
DARK_GREY = "#505a5f"
TEXT = "#0b0c0c"
MID_GREY = "#b1b4b6"
FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif'

# Told apart by line style as well as colour, for readers (and printers) without colour.
SERIES_COLOURS = (BLUE, GREEN)
SERIES_STROKES = ({"width": 3}, {"width": 2.5, "dasharray": "8, 5"})
BASELINE_STROKE = {"width": 2, "dasharray": "2, 4", "linecap": "round"}
# pygal gives line widths to a series' group, which its own rule on each line then overrides:
# these win, in browsers and in WeasyPrint alike.
LINE_WIDTH_CSS = (
    ".app-chart .serie-{index} .line {{ stroke-width: {width}px !important; "
    "stroke-opacity: 1 !important }}"
)

# pygal colours series by their order, through the style, so each chart has its own style.
STYLE = {
    "font_family": FONT,
    "background": "#ffffff",
    "plot_background": "#ffffff",
    "foreground": TEXT,
    "foreground_strong": TEXT,
    "foreground_subtle": MID_GREY,
    "opacity": "1",
    "opacity_hover": "1",
    "title_font_size": 16,
    "label_font_size": 13,
    "major_label_font_size": 13,
    "legend_font_size": 13,
    "value_font_size": 13,
    "tooltip_font_size": 13,
    "no_data_font_size": 16,
    "guide_stroke_color": MID_GREY,
    "major_guide_stroke_color": MID_GREY,
    "guide_stroke_dasharray": "1, 3",
    "major_guide_stroke_dasharray": "1, 3",
    "transition": "none",
}


def sparkline_svg(
    values: Sequence[Number | None], *, width: int = 120, height: int = 28, label: str
) -> SafeString:
    """A small line through the values, with a dot on the last; empty when there are none.

    Written by hand rather than with a charting library: a dashboard draws hundreds.
    """
    points = [(index, float(value)) for index, value in enumerate(values) if value is not None]
    if not points:
        return mark_safe("")
    pad = 3
    low = min(value for _, value in points)
    high = max(value for _, value in points)
    x_step = (width - 2 * pad) / max(len(values) - 1, 1)
    y_scale = (height - 2 * pad) / (high - low) if high > low else 0

    def y(value: float) -> float:
        # A steady series runs along the middle rather than the floor.
        return height / 2 if not y_scale else height - pad - (value - low) * y_scale

    coordinates = " ".join(f"{pad + index * x_step:.1f},{y(value):.1f}" for index, value in points)
    last_x, last_y = coordinates.rsplit(" ", 1)[-1].split(",")
    name = escape(label)
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-sparkline" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{name}">'
        f"<title>{name}</title>"
        f'<polyline points="{coordinates}" fill="none" stroke="{BLUE}" stroke-width="2" '
        'stroke-linejoin="round" stroke-linecap="round"/>'
        f'<circle cx="{last_x}" cy="{last_y}" r="2.5" fill="{BLUE}"/></svg>'
    )


def _periods(series: Sequence[tuple[str, Sequence[Point]]]) -> list[datetime.date | str]:
    """Every period of every series: in date order if they are dates, else as first met."""
    periods = list(dict.fromkeys(period for _, points in series for period, _ in points))
    if all(isinstance(period, datetime.date) for period in periods):
        periods.sort()
    return periods


def _value_range(values: Sequence[Number]) -> tuple[float, float] | None:
    """The values' span with a margin, so that no line runs along the chart's edge."""
    if not values:
        return None
    low, high = float(min(values)), float(max(values))
    margin = (high - low) * 0.1 or abs(high) * 0.1 or 1
    return (low - margin, high + margin)


def line_chart_svg(
    *,
    title: str,
    unit: str,
    series: Sequence[tuple[str, Sequence[Point]]],
    baseline: Number | None = None,
    baseline_label: str | None = None,
    label_period: Callable[[datetime.date], str] = short_month_and_year,
    width: int = 720,
    height: int = 360,
    nonce: str | None = None,
) -> SafeString:
    """A line chart of values by period, static SVG without scripts, to sit beside its table.

    Periods given as dates are put in order and labelled by `label_period`. The first series
    (what was measured) is drawn solid blue, the second (what was aimed at) dashed green, and
    the baseline, if any, as a dotted grey line across the whole chart.
    """
    if baseline_label is None:
        baseline_label = gettext("Baseline")
    periods = _periods(series)
    strokes = list(SERIES_STROKES[: len(series)])
    colours = list(SERIES_COLOURS[: len(series)])
    if baseline is not None:
        strokes.append(BASELINE_STROKE)
        colours.append(DARK_GREY)
    widths = " ".join(
        LINE_WIDTH_CSS.format(index=index, width=stroke["width"])
        for index, stroke in enumerate(strokes)
    )
    values = [value for _, points in series for _, value in points if value is not None]
    if baseline is not None:
        values.append(baseline)
    chart = pygal.Line(
        style=Style(colors=tuple(colours), **STYLE),
        js=[],
        css=["file://style.css", "file://graph.css", f"inline:{widths}"],
        range=_value_range(values),
        disable_xml_declaration=True,
        title=title,
        y_title=unit or None,
        width=width,
        height=height,
        explicit_size=False,
        legend_at_bottom=True,
        legend_at_bottom_columns=len(series) + (baseline is not None),
        truncate_legend=-1,
        truncate_label=-1,
        x_label_rotation=0 if len(periods) <= 8 else 30,
        show_minor_x_labels=len(periods) <= 12,
        x_labels_major_count=min(len(periods), 12),
        dots_size=3.5,
        margin=12,
        # Room for the last period's label, centred under the chart's right edge.
        margin_right=36,
        max_scale=8,
        spacing=12,
        no_data_text=gettext("No readings yet"),
        classes=["pygal-chart", "app-chart"],
    )
    chart.x_labels = [
        label_period(period) if isinstance(period, datetime.date) else period for period in periods
    ]
    for (label, points), stroke in zip(series, strokes, strict=False):
        by_period = dict(points)
        values = [by_period.get(period) for period in periods]
        chart.add(
            label,
            [None if value is None else float(value) for value in values],
            stroke_style=stroke,
        )
    if baseline is not None and periods:
        chart.add(
            baseline_label,
            [float(baseline)] * len(periods),
            stroke_style=BASELINE_STROKE,
            show_dots=False,
        )
    chart.add_xml_filter(functools.partial(_static_image, name=title, nonce=nonce))
    return mark_safe(chart.render(is_unicode=True))


def _static_image(svg: ElementTree.Element, *, name: str, nonce: str | None) -> ElementTree.Element:
    """Takes out what pygal writes for its scripts, whatever its `js` setting: the script, and
    the legend's ids, which repeat in every chart of a page. Names the picture for assistive
    technology: its numbers are in the table beside it.

    Gives the chart's <style> the page's nonce, and turns style="" attributes (the tooltip's
    opacity) into presentation attributes: a Content Security Policy without 'unsafe-inline'
    refuses both otherwise."""
    for parent in svg.iter():
        for script in parent.findall("script"):
            parent.remove(script)
        if parent is not svg:
            parent.attrib.pop("id", None)
        if parent.tag == "style" and nonce is not None:
            # str(): django-csp's request.csp_nonce is a lazy object.
            parent.set("nonce", str(nonce))
        if declarations := parent.attrib.pop("style", None):
            for declaration in declarations.split(";"):
                if ":" in declaration:
                    attribute, value = declaration.split(":", 1)
                    parent.set(attribute.strip(), value.strip())
    svg.set("role", "img")
    svg.set("aria-label", name)
    return svg


# Bars are told apart by colour and by their place in the legend; the table beside gives
# every figure, for readers (and printers) without colour.
BAR_COLOURS = (BLUE, GREEN, DARK_GREY, "#4c2c92")
BAR_CHARTS = {
    (False, False): pygal.Bar,
    (False, True): pygal.StackedBar,
    (True, False): pygal.HorizontalBar,
    (True, True): pygal.HorizontalStackedBar,
}


def _whole_number_scale(
    series: Sequence[tuple[str, Sequence[Number | None]]],
    *,
    stacked: bool,
    maximum: Number | None = None,
) -> list[int]:
    """Axis marks from nought at a round step (1, 2, 5, 10, 20...), at most eight of them past
    nought: the bars count things, so there are no halves."""
    columns = zip(*(values for _, values in series), strict=True)
    totals = [
        (sum if stacked else max)(float(value or 0) for value in column) for column in columns
    ]
    high = math.ceil(maximum if maximum is not None else max(totals, default=0)) or 1
    step = next(
        step
        for power in itertools.count()
        for step in (10**power, 2 * 10**power, 5 * 10**power)
        if high <= 8 * step
    )
    return list(range(0, high + step if high % step else high + 1, step))


def bar_chart_svg(
    *,
    title: str,
    unit: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number | None]]],
    horizontal: bool = False,
    stacked: bool = False,
    maximum: Number | None = None,
    width: int = 720,
    height: int | None = None,
    nonce: str | None = None,
) -> SafeString:
    """A bar chart of counts by label, static SVG without scripts, to sit beside its table.

    Each series gives one value per label; several series stand side by side, or one on
    another when `stacked`. The axis runs from nought to the largest bar, or to `maximum` (100
    for percentages). Horizontal bars suit long labels, and the chart then grows with their
    number unless a height is given.
    """
    if height is None:
        height = max(240, 36 * len(labels) * (1 if stacked else len(series)) + 140)
        height = height if horizontal else 360
    chart = BAR_CHARTS[horizontal, stacked](
        style=Style(colors=BAR_COLOURS[: len(series)], **STYLE),
        js=[],
        css=["file://style.css", "file://graph.css"],
        disable_xml_declaration=True,
        title=title,
        # pygal turns a horizontal chart's axes round: its value axis is then the x axis.
        **{"x_title" if horizontal else "y_title": unit or None},
        width=width,
        height=height,
        explicit_size=False,
        legend_at_bottom=True,
        legend_at_bottom_columns=max(len(series), 1),
        show_legend=len(series) > 1,
        truncate_legend=-1,
        truncate_label=-1,
        x_label_rotation=0 if horizontal or len(labels) <= 6 else 30,
        y_labels=_whole_number_scale(series, stacked=stacked, maximum=maximum),
        margin=12,
        spacing=12,
        no_data_text=gettext("Nothing to count"),
        classes=["pygal-chart", "app-chart"],
    )
    # pygal draws horizontal bars from the foot up; they read from the top, as the table does.
    order = slice(None, None, -1 if horizontal else 1)
    chart.x_labels = list(labels)[order]
    for name, values in series:
        chart.add(name, [None if value is None else float(value) for value in values][order])
    chart.add_xml_filter(functools.partial(_static_image, name=title, nonce=nonce))
    return mark_safe(chart.render(is_unicode=True))
