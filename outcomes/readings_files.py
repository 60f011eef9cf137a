"""Files of indicator readings, a CSV file or an Excel sheet, read into numbered rows of cells.

Only the file's shape is judged here: what kind of file it is, its header and how many rows it
has. Whether a row's cells make a reading is for the service that records them to judge.
"""

import csv
import datetime
import io
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import IO

import openpyxl
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.uploads import SpreadsheetKind, check_spreadsheet

COLUMNS = ("indicator", "period_start", "period_end", "value")
MAX_ROWS = 20_000

HEADER_WRONG = _(
    "The first row must name the columns indicator, period_start, period_end and value, "
    "and may name note, in any order. It names {found}."
)
NO_READINGS = _("The file has a header but no readings: put one reading in each row below it.")
TOO_MANY_ROWS = _(
    "The file has more than {limit:,} readings. Split it into files of {limit:,} readings or fewer."
)
CSV_DAMAGED = _(
    "The selected CSV file cannot be read: check that each value that opens with a double "
    "quote also closes with one."
)
WORKBOOK_DAMAGED = _(
    "The selected Excel workbook is damaged and cannot be opened. Save it again and upload it."
)

# A cell as the service sees it: text from a CSV file or a text cell, or a date or number that
# an Excel sheet already holds as one.
Cell = str | datetime.date | Decimal | None


@dataclass(frozen=True)
class Row:
    """A row of readings: its number as the uploader sees it (the header is row 1), its cells
    by column, and how many filled cells it has beyond the header's columns."""

    number: int
    cells: dict[str, Cell]
    surplus_cells: int = 0


@dataclass(frozen=True)
class ReadingsFile:
    rows: list[Row]
    has_note: bool


def read_readings_file(upload: IO[bytes]) -> ReadingsFile:
    """The rows of a CSV file or of an Excel workbook's first sheet, blank rows left out."""
    if check_spreadsheet(upload) == SpreadsheetKind.WORKBOOK:
        lines = _workbook_lines(upload)
    else:
        lines = _csv_lines(upload)
    try:
        return _rows(lines)
    finally:
        lines.close()
        upload.seek(0)


def _rows(lines: Iterator[list[Cell]]) -> ReadingsFile:
    header = [_header_name(cell) for cell in next(lines, [])]
    while header and not header[-1]:
        header.pop()
    expected = set(COLUMNS)
    if len(set(header)) != len(header) or not expected <= set(header) <= {*COLUMNS, "note"}:
        found = (
            ", ".join(name or gettext("(blank)") for name in header)
            if header
            else gettext("no columns")
        )
        raise ValidationError(HEADER_WRONG.format(found=found), code="header_wrong")
    rows = []
    for number, line in enumerate(lines, start=2):
        if not any(_is_filled(cell) for cell in line):
            continue
        if len(rows) == MAX_ROWS:
            raise ValidationError(TOO_MANY_ROWS.format(limit=MAX_ROWS), code="too_many_rows")
        surplus = sum(1 for cell in line[len(header) :] if _is_filled(cell))
        cells = dict(zip(header, line, strict=False))
        rows.append(Row(number=number, cells=cells, surplus_cells=surplus))
    if not rows:
        raise ValidationError(NO_READINGS, code="no_readings")
    return ReadingsFile(rows=rows, has_note="note" in header)


def _csv_lines(upload: IO[bytes]) -> Generator[list[Cell]]:
    # check_spreadsheet has made sure the whole file decodes; utf-8-sig drops Excel's BOM.
    text = upload.read().decode("utf-8-sig")
    try:
        yield from csv.reader(io.StringIO(text, newline=""))
    except csv.Error as error:
        raise ValidationError(CSV_DAMAGED, code="csv_damaged") from error


def _workbook_lines(upload: IO[bytes]) -> Generator[list[Cell]]:
    # openpyxl raises many kinds of error on a malformed workbook (its own, and KeyError,
    # ValueError and others from its XML parsing); each means the readings cannot be read.
    try:
        workbook = openpyxl.load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:
        raise ValidationError(WORKBOOK_DAMAGED, code="xlsx_damaged") from error
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield [_workbook_cell(value) for value in row]
    except Exception as error:
        raise ValidationError(WORKBOOK_DAMAGED, code="xlsx_damaged") from error
    finally:
        workbook.close()


def _workbook_cell(value) -> Cell:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        number = Decimal(repr(value))
        # Excel holds numbers as binary fractions, so 0.1 + 0.2 arrives as 0.30000000000000004;
        # readings keep four decimal places, to which such a number is rounded.
        return number.quantize(Decimal("0.0001")) if number.as_tuple().exponent < -4 else number
    return str(value)


def _header_name(cell: Cell) -> str:
    return str(cell).strip().lower() if cell is not None else ""


def _is_filled(cell: Cell) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))
