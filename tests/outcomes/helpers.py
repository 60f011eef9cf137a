"""Plain helpers shared by the outcomes tests (and the meetings tests that use a framework)."""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal

import openpyxl
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from outcomes import reporting
from outcomes.models import Indicator, OutcomeFramework, PerformanceReport
from partnership.models import Organisation, PartnerMembership, Partnership, Person, Theme
from tests.factories import (
    IndicatorFactory,
    OrganisationFactory,
    OutcomeFactory,
    OutcomeFrameworkFactory,
    PartnershipFactory,
    PersonFactory,
    ReadingFactory,
    TargetFactory,
    UserFactory,
)

# The columns of a readings file, as the template names them.
HEADER = ["indicator", "period_start", "period_end", "value", "note"]


# The day a performance report of the scorecard is made to.
AS_OF = datetime.date(2015, 6, 30)


def partner(partnership: Partnership, name: str) -> Organisation:
    """A new organisation, made a partner of the partnership."""
    organisation = OrganisationFactory(name=name)
    PartnerMembership.objects.create(partnership=partnership, organisation=organisation)
    return organisation


def theme(partnership: Partnership, name: str) -> Theme:
    """A new theme of the partnership, slugged from its name."""
    return Theme.objects.create(partnership=partnership, name=name, slug=name.lower())


def officer_of(partnership: Partnership, username: str) -> User:
    """A user who is an officer of a new partner organisation of the partnership."""
    user = UserFactory(username=username)
    PersonFactory(
        capacity=Person.Capacity.OFFICER,
        organisation=partner(partnership, f"{username} council"),
        user=user,
    )
    return user


def year(start: int) -> dict:
    """A financial year's period, from April."""
    return {
        "period_start": datetime.date(start, 4, 1),
        "period_end": datetime.date(start + 1, 3, 31),
    }


@dataclass
class Scorecard:
    """A framework with one indicator at each RAG status, under two themes and none."""

    partnership: Partnership
    framework: OutcomeFramework
    employment: Indicator  # amber, improving
    smoking: Indicator  # red, worsening (lower is better)
    fractures: Indicator  # green, one reading so no trend
    volunteers: Indicator  # no data

    def url(self, suffix: str = "") -> str:
        return f"/partnerships/herefordshire/frameworks/laa/{suffix}"


def scorecard() -> Scorecard:
    """The Herefordshire framework of the Scorecard, with its readings and targets."""
    partnership = PartnershipFactory(name="Herefordshire Partnership", slug="herefordshire")
    framework = OutcomeFrameworkFactory(
        partnership=partnership, name="Herefordshire local area agreement", slug="laa"
    )
    economy = Theme.objects.create(partnership=partnership, name="Economy", slug="economy")
    health = Theme.objects.create(partnership=partnership, name="Health", slug="health")
    employment = IndicatorFactory(
        outcome=OutcomeFactory(framework=framework, number=1, theme=economy),
        code="E1",
        name="Employment rate",
        baseline_value=Decimal(70),
        baseline_date=datetime.date(2013, 3, 31),
        source="Annual Population Survey",
    )
    ReadingFactory(indicator=employment, value=Decimal(71), **year(2013))
    ReadingFactory(indicator=employment, value=Decimal("72.5"), **year(2014))
    TargetFactory(indicator=employment, value=Decimal(71), **year(2013))
    TargetFactory(indicator=employment, value=Decimal(74), **year(2014))
    TargetFactory(indicator=employment, value=Decimal(76), **year(2015))
    health_outcome = OutcomeFactory(framework=framework, number=2, theme=health)
    smoking = IndicatorFactory(
        outcome=health_outcome,
        code="H1",
        name="Adults who smoke",
        polarity=Indicator.Polarity.LOWER_IS_BETTER,
    )
    ReadingFactory(indicator=smoking, value=Decimal(20), **year(2013))
    ReadingFactory(indicator=smoking, value=Decimal(22), **year(2014))
    TargetFactory(indicator=smoking, value=Decimal(19), **year(2014))
    fractures = IndicatorFactory(
        outcome=health_outcome, code="H2", name="Falls prevented", unit="per 1,000 people"
    )
    ReadingFactory(indicator=fractures, value=Decimal(10), **year(2014))
    TargetFactory(indicator=fractures, value=Decimal(9), **year(2014))
    volunteers = IndicatorFactory(
        outcome=OutcomeFactory(framework=framework, number=3),
        code="V1",
        name="People who volunteer",
    )
    return Scorecard(partnership, framework, employment, smoking, fractures, volunteers)


def rendered(card: Scorecard) -> PerformanceReport:
    """A performance report of the scorecard as of AS_OF, rendered to PDF."""
    report = PerformanceReport.objects.create(framework=card.framework, as_of=AS_OF)
    reporting.performance_report_render(report)
    report.refresh_from_db()
    return report


def csv_upload(rows: list[list], *, name: str = "readings.csv", bom: bool = False):
    """A CSV file of the rows, as Excel's 'CSV UTF-8' writes it when bom is set."""
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    content = text.getvalue().encode("utf-8-sig" if bom else "utf-8")
    return SimpleUploadedFile(name, content, content_type="text/csv")


def xlsx_upload(rows: list[list], *, name: str = "readings.xlsx"):
    """An Excel workbook whose first sheet holds the rows; a second sheet is never read."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.create_sheet("Notes").append(["indicator", "not", "read"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())
