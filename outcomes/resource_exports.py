"""A partnership's contributions, one row each with their totals, as CSV and as an Excel workbook.

In the workbook amounts are numbers shown in pounds, so that they add up in the spreadsheet; text
cells pass through outcomes.exports.safe_cell so none is run as a formula.
"""

import csv
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from outcomes.exports import safe_cell
from outcomes.models import Contribution
from outcomes.resources import ResourceTotals, Total, contributions_to, resource_totals
from partnership.models import Partnership

COLUMNS = ["Financial year", "Partner", "Kind", "Project", "Outcome", "Amount (£)", "Description"]
AMOUNT_COLUMN = COLUMNS.index("Amount (£)")
POUNDS_FORMAT = '"£"#,##0.00'
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def listed_contributions(partnership: Partnership) -> QuerySet[Contribution]:
    """The partnership's contributions with what their rows show, in the order of the export."""
    return (
        contributions_to(partnership=partnership)
        .select_related("organisation", "project", "outcome")
        .order_by("financial_year", "organisation__name", "pk")
    )


def contribution_row(contribution: Contribution) -> list[str | Decimal]:
    """One contribution's cells, in the order of COLUMNS: text made safe, the amount a Decimal."""
    outcome = contribution.outcome
    cells: list[str | Decimal] = [
        safe_cell(value)
        for value in (
            contribution.financial_year,
            contribution.organisation.name,
            contribution.get_kind_display(),
            contribution.project.name if contribution.project else "",
            f"Outcome {outcome.number}: {outcome.title}" if outcome else "",
            "",
            contribution.description,
        )
    ]
    cells[AMOUNT_COLUMN] = contribution.amount
    return cells


def totals_sections(totals: ResourceTotals) -> list[tuple[str, list[Total]]]:
    """The headed lists of totals that follow the rows."""
    return [
        ("Total by partner", totals.by_partner),
        ("Total by financial year", totals.by_year),
        ("Total by kind", totals.by_kind),
        ("Total by project", totals.by_project),
        ("Total by outcome", totals.by_outcome),
    ]


class Row(NamedTuple):
    cells: list[str | Decimal]
    is_heading: bool = False


def _rows(partnership: Partnership) -> Iterable[Row]:
    """The header, each contribution, the grand total, then each section of totals."""
    yield Row(COLUMNS, is_heading=True)
    for contribution in listed_contributions(partnership):
        yield Row(contribution_row(contribution))
    totals = resource_totals(partnership=partnership)
    yield Row([])
    yield Row(["Total", totals.total], is_heading=True)
    for heading, section in totals_sections(totals):
        yield Row([])
        yield Row([heading, "Amount (£)"], is_heading=True)
        yield from (Row([safe_cell(total.label), total.amount]) for total in section)


def contributions_csv(partnership: Partnership) -> str:
    """The contributions as CSV text, amounts written with their pence (1234.50)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(row.cells for row in _rows(partnership))
    return buffer.getvalue()


def contributions_xlsx(partnership: Partnership) -> bytes:
    """The contributions as an Excel workbook, amounts as numbers in pounds."""
    workbook = Workbook()
    sheet: Worksheet = workbook.active
    sheet.title = "Contributions"
    for row in _rows(partnership):
        sheet.append(row.cells)
        for cell in sheet[sheet.max_row] if row.cells else ():
            if isinstance(cell.value, Decimal):
                cell.number_format = POUNDS_FORMAT
            if row.is_heading:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFG", (14, 32, 12, 32, 40, 14, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
