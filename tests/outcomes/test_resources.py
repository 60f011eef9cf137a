"""Joint resources added up to the penny, a project's pooled budget, and the exports."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest

from outcomes.models import Contribution, Project, Spend
from outcomes.resource_exports import POUNDS_FORMAT, contributions_csv, contributions_xlsx
from outcomes.resources import Total, pooled_budget, resource_totals
from partnership.models import Organisation, Partnership
from tests.outcomes.helpers import partner
from tests.outcomes.test_contributions import outcome_of, project_of
from tests.pages import text_of

pytestmark = pytest.mark.django_db

CASH, STAFF_TIME, IN_KIND = Contribution.Kind.values


def give(
    organisation: Organisation,
    year: str,
    amount: str,
    *,
    to: Project | None = None,
    outcome=None,
    kind: str = CASH,
    description: str = "",
) -> Contribution:
    partnership = to.partnership if to else outcome.framework.partnership
    return Contribution.objects.create(
        partnership=partnership,
        organisation=organisation,
        project=to,
        outcome=outcome,
        financial_year=year,
        kind=kind,
        amount=Decimal(amount),
        description=description,
    )


@pytest.fixture
def council(highland) -> Organisation:
    return partner(highland, "The Highland Council")


@pytest.fixture
def nhs(highland) -> Organisation:
    return partner(highland, "NHS Highland")


@pytest.fixture
def pipeline(highland, council) -> Project:
    return project_of(highland, "Employability Pipeline", council)


def test_pennies_add_up_exactly(highland, council, pipeline):
    give(council, "2013/14", "0.10", to=pipeline)
    give(council, "2013/14", "0.20", to=pipeline)

    totals = resource_totals(partnership=highland)

    assert totals.by_partner == [Total("The Highland Council", Decimal("0.30"))]
    assert str(totals.total) == "0.30"
    assert str(totals.by_partner[0].amount) == "0.30"


def test_partnership_totals_by_partner_outcome_project_year_and_kind(
    highland, elsewhere, council, nhs, pipeline
):
    work = outcome_of(highland, 2, "More people in work")
    give(council, "2013/14", "10000.10", to=pipeline)
    give(nhs, "2013/14", "5000.20", to=pipeline, kind=STAFF_TIME)
    give(nhs, "2014/15", "2500.05", outcome=work, kind=IN_KIND)
    give(council, "2014/15", "0.65", outcome=work)
    their = partner(elsewhere, "Herefordshire Council")
    give(their, "2013/14", "999.99", to=project_of(elsewhere, "Theirs", their))

    totals = resource_totals(partnership=highland)

    assert totals.total == Decimal("17501.00")
    assert totals.by_partner == [
        Total("NHS Highland", Decimal("7500.25")),
        Total("The Highland Council", Decimal("10000.75")),
    ]
    assert totals.by_outcome == [Total("Outcome 2: More people in work", Decimal("2500.70"))]
    assert totals.by_project == [Total("Employability Pipeline", Decimal("15000.30"))]
    assert totals.by_year == [
        Total("2013/14", Decimal("15000.30")),
        Total("2014/15", Decimal("2500.70")),
    ]
    assert totals.by_kind == [
        Total("Cash", Decimal("10000.75")),
        Total("In kind", Decimal("2500.05")),
        Total("Staff time", Decimal("5000.20")),
    ]
    table = totals.by_partner_and_year
    assert table.years == ["2013/14", "2014/15"]
    assert [(row.partner, row.amounts, row.total) for row in table.rows] == [
        ("NHS Highland", [Decimal("5000.20"), Decimal("2500.05")], Decimal("7500.25")),
        ("The Highland Council", [Decimal("10000.10"), Decimal("0.65")], Decimal("10000.75")),
    ]
    assert table.year_totals == [Decimal("15000.30"), Decimal("2500.70")]


def test_project_totals_leave_out_other_work(highland, council, nhs, pipeline):
    give(council, "2013/14", "300.00", to=pipeline)
    give(nhs, "2013/14", "700.00", to=project_of(highland, "Warm Homes", nhs))

    totals = resource_totals(project=pipeline)

    assert totals.total == Decimal("300.00")
    assert totals.by_project == [Total("Employability Pipeline", Decimal("300.00"))]


def test_pooled_budget_counts_cash_against_spending(highland, council, nhs, pipeline):
    give(council, "2013/14", "40000.00", to=pipeline)
    give(council, "2014/15", "20000.00", to=pipeline)
    give(nhs, "2014/15", "30000.00", to=pipeline)
    give(nhs, "2014/15", "9999.00", to=pipeline, kind=STAFF_TIME)
    for year, day, amount in [
        ("2013/14", "2013-10-01", "35000.01"),
        ("2014/15", "2014-05-01", "0.99"),
    ]:
        Spend.objects.create(
            project=pipeline, financial_year=year, spent_on=day, amount=amount, description="Posts"
        )

    budget = pooled_budget(pipeline)

    assert budget.cash.years == ["2013/14", "2014/15"]
    assert [(row.partner, row.amounts) for row in budget.cash.rows] == [
        ("NHS Highland", [Decimal("0.00"), Decimal("30000.00")]),
        ("The Highland Council", [Decimal("40000.00"), Decimal("20000.00")]),
    ]
    assert budget.cash.year_totals == [Decimal("40000.00"), Decimal("50000.00")]
    assert budget.total == Decimal("90000.00")
    assert budget.spent_by_year == {"2013/14": Decimal("35000.01"), "2014/15": Decimal("0.99")}
    assert budget.spent == Decimal("35001.00")
    assert budget.remaining == Decimal("54999.00")


def test_pooled_budget_of_a_project_with_nothing_in_it_is_zero(pipeline):
    budget = pooled_budget(pipeline)

    assert budget.cash.years == []
    assert budget.cash.year_totals == []
    assert (budget.total, budget.spent, budget.remaining) == (Decimal(0), Decimal(0), Decimal(0))


def many_contributions(highland: Partnership, pipeline: Project, partners: int) -> None:
    work = outcome_of(highland, partners, f"Outcome for {partners}")
    for number in range(partners):
        organisation = partner(highland, f"Partner {partners}-{number}")
        give(organisation, "2013/14", "1.00", to=pipeline)
        give(organisation, f"20{14 + number}/{15 + number}", "2.00", outcome=work, kind=IN_KIND)


def test_totals_take_the_same_queries_however_many_rows(
    highland, pipeline, django_assert_num_queries
):
    many_contributions(highland, pipeline, 2)
    with django_assert_num_queries(6):
        resource_totals(partnership=highland)
    with django_assert_num_queries(2):
        pooled_budget(pipeline)

    many_contributions(highland, pipeline, 6)
    with django_assert_num_queries(6):
        resource_totals(partnership=highland)
    with django_assert_num_queries(2):
        pooled_budget(pipeline)


@pytest.fixture
def recorded(highland, council, nhs, pipeline) -> None:
    give(council, "2013/14", "1234.50", to=pipeline, description='=HYPERLINK("http://x")')
    give(nhs, "2014/15", "0.10", outcome=outcome_of(highland, 1, "Healthier lives"), kind=IN_KIND)


def test_csv_lists_each_contribution_then_the_totals(highland, recorded):
    rows = list(csv.reader(io.StringIO(contributions_csv(highland))))

    assert rows == [
        ["Financial year", "Partner", "Kind", "Project", "Outcome", "Amount (£)", "Description"],
        [
            "2013/14",
            "The Highland Council",
            "Cash",
            "Employability Pipeline",
            "",
            "1234.50",
            '\'=HYPERLINK("http://x")',
        ],
        ["2014/15", "NHS Highland", "In kind", "", "Outcome 1: Healthier lives", "0.10", ""],
        [],
        ["Total", "1234.60"],
        [],
        ["Total by partner", "Amount (£)"],
        ["NHS Highland", "0.10"],
        ["The Highland Council", "1234.50"],
        [],
        ["Total by financial year", "Amount (£)"],
        ["2013/14", "1234.50"],
        ["2014/15", "0.10"],
        [],
        ["Total by kind", "Amount (£)"],
        ["Cash", "1234.50"],
        ["In kind", "0.10"],
        [],
        ["Total by project", "Amount (£)"],
        ["Employability Pipeline", "1234.50"],
        [],
        ["Total by outcome", "Amount (£)"],
        ["Outcome 1: Healthier lives", "0.10"],
    ]


def test_xlsx_holds_amounts_as_numbers_in_pounds(highland, recorded):
    workbook = openpyxl.load_workbook(io.BytesIO(contributions_xlsx(highland)))
    sheet = workbook["Contributions"]

    assert [cell.value for cell in sheet[1]] == [
        "Financial year",
        "Partner",
        "Kind",
        "Project",
        "Outcome",
        "Amount (£)",
        "Description",
    ]
    assert [cell.value for cell in sheet[2]] == [
        "2013/14",
        "The Highland Council",
        "Cash",
        "Employability Pipeline",
        None,
        1234.5,
        '\'=HYPERLINK("http://x")',
    ]
    assert sheet["G2"].data_type == "s"
    assert sheet["F2"].data_type == "n"
    assert sheet["F2"].number_format == POUNDS_FORMAT == '"£"#,##0.00'
    assert (sheet["F3"].value, sheet["F3"].number_format) == (0.1, POUNDS_FORMAT)
    assert [sheet["A5"].value, sheet["B5"].value] == ["Total", 1234.6]
    assert sheet["B5"].number_format == POUNDS_FORMAT
    assert sheet["A5"].font.bold
    assert [sheet["A8"].value, sheet["B8"].value] == ["NHS Highland", 0.1]
    assert sheet["B8"].number_format == POUNDS_FORMAT
    assert sheet.freeze_panes == "A2"


def test_contributions_page_shows_the_totals_with_chart_and_table(
    client, highland, recorded, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = client.get("/partnerships/highland-cpp/contributions/")

    page = text_of(response)
    assert "In all: £1,234.60" in page
    assert (
        "Contributions by partner and financial year Partner 2013/14 2014/15 Total "
        "NHS Highland £0.00 £0.10 £0.10 "
        "The Highland Council £1,234.50 £0.00 £1,234.50 "
        "All partners £1,234.50 £0.10 £1,234.60"
    ) in page
    assert "By project Project Amount Employability Pipeline £1,234.50" in page
    assert "Towards outcomes Outcome Amount Outcome 1: Healthier lives £0.10" in page
    assert "By kind Kind Amount Cash £1,234.50 In kind £0.10" in page
    assert "<svg" in response.content.decode()


def test_contributions_page_of_a_partnership_without_any(client, highland):
    page = text_of(client.get("/partnerships/highland-cpp/contributions/"))

    assert "In all: £0.00" in page
    assert "No contributions have been recorded." in page


def test_contributions_page_downloads_csv_and_xlsx(client, highland, recorded):
    as_csv = client.get("/partnerships/highland-cpp/contributions/?format=csv")
    as_xlsx = client.get("/partnerships/highland-cpp/contributions/?format=xlsx")

    assert as_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert as_csv["Content-Disposition"].startswith(
        'attachment; filename="highland-cpp-contributions-'
    )
    assert as_csv.content.decode("utf-8-sig") == contributions_csv(highland)
    workbook = openpyxl.load_workbook(io.BytesIO(as_xlsx.content))
    assert workbook["Contributions"]["F2"].value == 1234.5
    assert as_xlsx["Content-Disposition"].endswith('.xlsx"')


def test_contributions_page_of_unknown_partnership_is_not_found(client):
    assert client.get("/partnerships/nowhere/contributions/").status_code == 404
