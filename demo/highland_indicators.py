"""Outcomes and indicators of the Highland SOA, with readings and targets to 2015/16.

The seed names the SOA's seven themes and says baselines were to be set and the first full
performance report would cover 2014/15; it gives no figures. The outcomes below follow the
themes, and the figures are illustrative, chosen so that the demo shows every RAG status and
trend; each indicator's source says so. They are not Highland's published statistics.
"""

import dataclasses
import datetime
from decimal import Decimal

from demo.upsert import upsert
from governance.models import Board
from outcomes.models import Indicator, Outcome, OutcomeFramework, Reading, Target
from partnership.models import Organisation, Theme

SOURCE = "Illustrative figures for the demonstration, not official statistics"
HIGHER = Indicator.Polarity.HIGHER_IS_BETTER
LOWER = Indicator.Polarity.LOWER_IS_BETTER
FIRST_YEAR = 2013  # readings and targets run by financial year from April 2013


@dataclasses.dataclass(frozen=True)
class DemoIndicator:
    code: str
    name: str
    unit: str
    polarity: str
    tolerance_percent: str
    baseline: str  # measured over 2012/13
    readings: tuple[str, ...]  # 2013/14 onwards
    targets: tuple[str, ...]  # 2013/14 onwards
    lead_organisation: str = ""


# Outcome number, theme (by its position in the SOA's list), title, indicators.
OUTCOMES = [
    (
        1,
        0,
        "Highland's economy grows, with more businesses starting and surviving",
        [
            DemoIndicator(
                "1.1",
                "Business start-ups per 10,000 adults",
                "per 10,000 adults",
                HIGHER,
                "5",
                "38.0",
                ("39.5", "41.2", "42.0"),
                ("39.0", "40.5", "42.0", "43.5"),
                "Highlands and Islands Enterprise",
            ),
        ],
    ),
    (
        2,
        1,
        "More people of working age are in work",
        [
            DemoIndicator(
                "2.1",
                "Employment rate of people aged 16 to 64",
                "%",
                HIGHER,
                "2",
                "73.8",
                ("74.2", "74.6", "74.1"),
                ("74.0", "74.5", "75.0", "75.5"),
                "The Highland Council",
            ),
            DemoIndicator(
                "2.2",
                "Young people aged 18 to 24 claiming Jobseeker's Allowance",
                "%",
                LOWER,
                "5",
                "4.1",
                ("3.8", "3.4", "3.1"),
                ("3.5", "3.1", "2.8", "2.5"),
            ),
        ],
    ),
    (
        3,
        2,
        "Children have the best start in life",
        [
            DemoIndicator(
                "3.1",
                "Children reaching their developmental milestones at 27 to 30 months",
                "%",
                HIGHER,
                "5",
                "78.0",
                ("79.0", "80.0", "80.0"),
                ("80.0", "82.5", "85.0", "87.5"),
                "NHS Highland",
            ),
        ],
    ),
    (
        4,
        3,
        "People are safe from crime, disorder and danger",
        [
            DemoIndicator(
                "4.1",
                "Crimes of violence per 10,000 population",
                "per 10,000 population",
                LOWER,
                "10",
                "13.1",
                ("12.8", "12.3", "11.0"),
                ("12.0", "11.0", "10.0", "9.0"),
                "Police Scotland",
            ),
            DemoIndicator(
                "4.2",
                "Accidental dwelling fires per 10,000 households",
                "per 10,000 households",
                LOWER,
                "5",
                "9.6",
                ("9.4", "8.9", "8.2"),
                ("9.4", "9.2", "9.0", "8.8"),
                "Scottish Fire and Rescue Service",
            ),
        ],
    ),
    (
        5,
        4,
        "Health inequalities are reduced and people are more active",
        [
            DemoIndicator(
                "5.1",
                "Adults who smoke",
                "%",
                LOWER,
                "5",
                "22.1",
                ("21.6", "20.9", "19.8"),
                ("21.0", "20.0", "19.0", "18.0"),
                "NHS Highland",
            ),
            # A new measure: its baseline is set, its first reading is not yet in.
            DemoIndicator(
                "5.2",
                "Adults meeting the physical activity guidelines",
                "%",
                HIGHER,
                "5",
                "39.0",
                (),
                ("40.0", "41.0", "42.0", "43.0"),
                "NHS Highland",
            ),
        ],
    ),
    (
        6,
        5,
        "Older people live independently in their own homes for longer",
        [
            DemoIndicator(
                "6.1",
                "People aged 65 and over with intensive care needs cared for at home",
                "%",
                HIGHER,
                "5",
                "32.0",
                ("33.0", "32.5", "31.0"),
                ("33.0", "34.0", "35.0", "36.0"),
                "NHS Highland",
            ),
        ],
    ),
    (
        7,
        6,
        "Less waste goes to landfill and more is recycled",
        [
            DemoIndicator(
                "7.1",
                "Household waste recycled or composted",
                "%",
                HIGHER,
                "5",
                "42.5",
                ("43.1", "44.0", "45.2"),
                ("43.0", "44.0", "45.0", "46.0"),
                "The Highland Council",
            ),
        ],
    ),
]


def _financial_year(offset: int) -> dict:
    start = FIRST_YEAR + offset
    return {
        "period_start": datetime.date(start, 4, 1),
        "period_end": datetime.date(start + 1, 3, 31),
    }


def load(
    soa: OutcomeFramework,
    themes: list[Theme],
    organisations: dict[str, Organisation],
    theme_groups: dict[Theme, Board],
) -> None:
    """Loads the SOA's outcomes and indicators, each led by its theme group."""
    for number, theme_index, title, indicators in OUTCOMES:
        theme = themes[theme_index]
        outcome = upsert(Outcome, {"framework": soa, "number": number}, theme=theme, title=title)
        for demo in indicators:
            _load_indicator(outcome, demo, organisations, theme_groups.get(theme))


def _load_indicator(
    outcome: Outcome,
    demo: DemoIndicator,
    organisations: dict[str, Organisation],
    lead_board: Board | None,
) -> None:
    indicator = upsert(
        Indicator,
        {"outcome": outcome, "code": demo.code},
        name=demo.name,
        unit=demo.unit,
        polarity=demo.polarity,
        frequency=Indicator.Frequency.ANNUAL,
        source=SOURCE,
        lead_organisation=organisations.get(demo.lead_organisation),
        lead_board=lead_board,
        baseline_value=Decimal(demo.baseline),
        baseline_date=datetime.date(FIRST_YEAR, 3, 31),
        tolerance_percent=Decimal(demo.tolerance_percent),
    )
    for model, values in ((Reading, demo.readings), (Target, demo.targets)):
        for offset, value in enumerate(values):
            period = _financial_year(offset)
            upsert(
                model,
                {"indicator": indicator, "period_start": period["period_start"]},
                period_end=period["period_end"],
                value=Decimal(value),
            )
