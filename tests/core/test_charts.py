"""Charts drawn as static SVG: a sparkline by hand, the full chart by pygal."""

import datetime
import re
import timeit
import xml.etree.ElementTree as ET
from decimal import Decimal

from core.charts import bar_chart_svg, line_chart_svg, sparkline_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_sparkline_draws_a_line_through_the_values_with_a_dot_on_the_last():
    svg = ET.fromstring(sparkline_svg([Decimal(10), Decimal(20), Decimal(15)], label="Trend"))

    [line] = svg.iter(f"{SVG}polyline")
    [dot] = svg.iter(f"{SVG}circle")
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == "Trend"
    assert svg.find(f"{SVG}title").text == "Trend"
    assert line.get("points") == "3.0,25.0 60.0,3.0 117.0,14.0"
    assert (dot.get("cx"), dot.get("cy")) == ("117.0", "14.0")


def test_sparkline_skips_missing_values_and_keeps_the_others_in_their_places():
    svg = ET.fromstring(sparkline_svg([1, None, 3], width=100, height=20, label="Trend"))

    [line] = svg.iter(f"{SVG}polyline")
    assert line.get("points") == "3.0,17.0 97.0,3.0"


def test_steady_sparkline_runs_along_the_middle():
    svg = ET.fromstring(sparkline_svg([5, 5], label="Trend"))

    [line] = svg.iter(f"{SVG}polyline")
    assert line.get("points") == "3.0,14.0 117.0,14.0"


def test_sparkline_of_no_values_is_empty():
    assert sparkline_svg([None, None], label="Trend") == ""
    assert sparkline_svg([], label="Trend") == ""


def test_sparkline_label_is_escaped():
    svg = sparkline_svg([1, 2], label='Rate <"of"> A & B')

    assert ET.fromstring(svg).get("aria-label") == 'Rate <"of"> A & B'


def test_sparkline_costs_microseconds():
    values = [Decimal(v) for v in ("41.2", "43.0", "44.5", "47.9", "48.0", "51.2", "50", "52")]

    seconds = timeit.timeit(lambda: sparkline_svg(values, label="Trend"), number=500)

    # 500 sparklines, a dashboard's worth, in well under a tenth of its time budget.
    assert seconds < 0.03


def _chart() -> ET.Element:
    readings = [
        (datetime.date(2012, 4, 1), Decimal("44.5")),
        (datetime.date(2013, 4, 1), Decimal("47.9")),
        (datetime.date(2014, 4, 1), None),
    ]
    targets = [(datetime.date(2013, 4, 1), Decimal(47)), (datetime.date(2014, 4, 1), Decimal(50))]
    return ET.fromstring(
        line_chart_svg(
            title="1.2 Positive destinations",
            unit="%",
            series=[("Reading", readings), ("Target", targets)],
            baseline=Decimal("40.5"),
        )
    )


def test_line_chart_is_static_svg_named_for_assistive_technology():
    svg = _chart()

    assert svg.get("role") == "img"
    assert svg.get("aria-label") == "1.2 Positive destinations"
    assert list(svg.iter(f"{SVG}script")) == []


def test_line_chart_labels_periods_in_date_order_and_names_each_line_in_its_legend():
    svg = _chart()

    texts = [text.text for text in svg.iter(f"{SVG}text")]
    assert [t for t in texts if t and t.startswith("Apr")] == ["Apr 2012", "Apr 2013", "Apr 2014"]
    assert {"Reading", "Target", "Baseline", "%", "1.2 Positive destinations"} <= set(texts)


def test_line_chart_draws_readings_blue_targets_green_dashed_and_the_baseline_grey_dotted():
    style = "".join(element.text or "" for element in _chart().iter(f"{SVG}style"))

    assert ".color-0 a:visited{stroke:#1d70b8;fill:#1d70b8}" in style
    assert ".color-1 a:visited{stroke:#00703c;fill:#00703c}" in style
    assert ".color-2 a:visited{stroke:#505a5f;fill:#505a5f}" in style
    assert ".series.serie-1{stroke-width:2.5;stroke-dasharray:8,5}" in style
    assert ".series.serie-2{stroke-width:2;stroke-linecap:round;stroke-dasharray:2,4}" in style
    assert "font-family:Arial" in style


def test_line_chart_without_a_baseline_keeps_the_grey_for_nothing_else():
    svg = line_chart_svg(
        title="Waiting times",
        unit="days",
        series=[("Reading", [("2013/14", 12), ("2014/15", 10)])],
    )

    assert "Baseline" not in svg
    assert "#505a5f" not in svg
    assert "2013/14" in svg


def test_chart_style_carries_the_pages_nonce_and_no_element_a_style_attribute():
    svg = ET.fromstring(
        line_chart_svg(
            title="Waiting times",
            unit="days",
            series=[("Reading", [("2013/14", 12), ("2014/15", 10)])],
            nonce="page-nonce",
        )
    )

    assert [style.get("nonce") for style in svg.iter(f"{SVG}style")] == ["page-nonce"]
    assert [element.tag for element in svg.iter() if "style" in element.attrib] == []
    [tooltip] = [element for element in svg.iter() if element.get("class") == "tooltip"]
    assert tooltip.get("opacity") == "0"


def test_chart_for_a_pdf_has_no_nonce():
    svg = ET.fromstring(
        bar_chart_svg(title="Seats", unit="seats", labels=["May"], series=[("Present", [5])])
    )

    assert [style.get("nonce") for style in svg.iter(f"{SVG}style")] == [None]
    assert [element.tag for element in svg.iter() if "style" in element.attrib] == []


def _attendance_chart() -> ET.Element:
    return ET.fromstring(
        bar_chart_svg(
            title="Attendance by meeting",
            unit="seats",
            labels=["1 May 2010", "2 June 2010"],
            series=[("Present", [5, 6]), ("Apologies", [1, 0]), ("Absent", [2, 2])],
            stacked=True,
        )
    )


def test_bar_chart_is_static_svg_named_for_assistive_technology():
    svg = _attendance_chart()

    assert svg.get("role") == "img"
    assert svg.get("aria-label") == "Attendance by meeting"
    assert list(svg.iter(f"{SVG}script")) == []
    assert all(element.get("id") is None for element in svg.iter() if element is not svg)


def test_bar_chart_labels_its_bars_names_each_series_and_counts_in_whole_numbers():
    texts = [text.text for text in _attendance_chart().iter(f"{SVG}text")]

    assert {"1 May 2010", "2 June 2010", "Present", "Apologies", "Absent", "seats"} <= set(texts)
    # Stacked, the tallest bar is 8 seats: the axis runs 0 to 8 in ones, with no halves.
    assert [t for t in texts if t and t.replace(".", "").isdigit()] == [str(n) for n in range(9)]


def test_bar_chart_colours_series_blue_green_then_grey():
    style = "".join(element.text or "" for element in _attendance_chart().iter(f"{SVG}style"))

    assert ".color-0 a:visited{stroke:#1d70b8;fill:#1d70b8}" in style
    assert ".color-1 a:visited{stroke:#00703c;fill:#00703c}" in style
    assert ".color-2 a:visited{stroke:#505a5f;fill:#505a5f}" in style


def test_horizontal_bar_chart_reads_its_labels_from_the_top_and_grows_with_them():
    labels = ["Obesity", "Safeguarding", "Teenage pregnancy"]
    svg = ET.fromstring(
        bar_chart_svg(
            title="Topics by theme",
            unit="agenda items",
            labels=labels,
            series=[("Items", [3, 1, 0])],
            horizontal=True,
        )
    )
    positions = {
        text.text: float(text.get("y")) for text in svg.iter(f"{SVG}text") if text.text in labels
    }

    assert sorted(positions, key=positions.get) == labels
    assert svg.get("viewBox") == "0 0 720 248"
    # One series needs no legend: the title names it.
    assert "Items" not in [text.text for text in svg.iter(f"{SVG}text")]


def test_bar_chart_of_percentages_runs_its_axis_to_the_maximum_given():
    svg = ET.fromstring(
        bar_chart_svg(
            title="Attendance by member",
            unit="%",
            labels=["Ann", "Bob"],
            series=[("Attended", [50, 67])],
            horizontal=True,
            maximum=100,
        )
    )

    texts = [text.text for text in svg.iter(f"{SVG}text")]
    assert [t for t in texts if t and t.isdigit()] == ["0", "20", "40", "60", "80", "100"]


def test_horizontal_bar_chart_names_its_unit_under_the_value_axis_not_beside_the_labels():
    svg = bar_chart_svg(
        title="Contributions",
        unit="Pounds (£)",
        labels=["Council", "Primary care trust"],
        series=[("2008/09", [Decimal("25000.00"), Decimal("12500.50")])],
        horizontal=True,
    )

    (unit_title,) = re.findall(r"<text[^>]*>Pounds \(£\)</text>", svg)
    assert "rotate" not in unit_title
