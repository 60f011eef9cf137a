"""Recording indicator readings, one at a time or in bulk from a file.

A reading's natural key is its indicator and the start of its period: recording one for a
period that already has a reading updates that reading, never adds a second. A file of
readings is saved whole or not at all: every row is checked first, and a single error in any
row refuses the file, with every row's errors listed.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, NamedTuple

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import DecimalValidator
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from outcomes.models import Indicator, OutcomeFramework, Reading
from outcomes.readings_files import Cell, ReadingsFile, read_readings_file
from outcomes.services.announcements import announce_readings_added

ROW_ERROR = _("Row {row}: {problem}")
ROW_HAS_SURPLUS_CELLS = _(
    "the row has more cells than the header has columns; put a value that holds a comma "
    "in double quotes"
)
INDICATOR_MISSING = _("enter the indicator's code")
UNKNOWN_INDICATOR = _("unknown indicator '{code}'")
DATE_MISSING = _("enter the {column} as YYYY-MM-DD, for example 2014-04-01")
DATE_INVALID = _(
    "the {column} '{text}' is not a date written as YYYY-MM-DD, for example 2014-04-01"
)
PERIOD_ENDS_BEFORE_START = _("the period ends ({end}) before it starts ({start})")
VALUE_MISSING = _("enter the value")
VALUE_NOT_A_NUMBER = _("the value '{text}' is not a number")
VALUE_TOO_MANY_DIGITS = _(
    "the value '{text}' has too many digits: a reading has at most {whole} before the decimal "
    "point and {places} after it"
)
NO_SUCH_INDICATOR = _("there is no indicator {id} that you may record readings for")
PERIOD_OUTSIDE_FRAMEWORK = _(
    "the period is outside {framework}, which runs from {starts} to {ends}"
)
DUPLICATE_ENTRY = _(
    "another entry, number {earlier}, is for the same indicator and period ({start})"
)
DUPLICATE_ROW = _(
    "indicator '{code}' has another reading for the period starting {start}, in row {earlier}"
)

# Digits with an optional sign and decimal part; thousands may be grouped with commas.
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_VALUE_FIELD = Reading._meta.get_field("value")
# The history of readings updated in bulk shows these as changed; others are left as they were.
_UPDATED_FIELDS = ["period_end", "value", "note", "modified_at"]


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


class RowError(NamedTuple):
    row: int
    problem: str

    def __str__(self) -> str:
        return ROW_ERROR.format(row=self.row, problem=self.problem)


class ReadingsFileInvalid(ValidationError):
    """A file of readings refused for the errors in its rows, each kept with its row number."""

    def __init__(self, row_errors: list[RowError]):
        super().__init__([str(error) for error in row_errors])
        self.row_errors = row_errors


class _Candidate(NamedTuple):
    """A row's checked values, before they are matched with a reading already recorded."""

    indicator: Indicator
    period_start: datetime.date
    period_end: datetime.date
    value: Decimal
    note: str | None


def parse_number(text: str) -> Decimal | None:
    """A number as people write it (1234.5, 1,234.5, -0.25), or None if the text is not one."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    if "." in text:
        # 12.50 is 12.5: zeros that end a decimal part count against no limit of places.
        text = text.rstrip("0").rstrip(".")
    return Decimal(text.replace(",", ""))


def value_fits(value: Decimal) -> bool:
    """Whether a reading can hold the value without losing digits."""
    try:
        DecimalValidator(_VALUE_FIELD.max_digits, _VALUE_FIELD.decimal_places)(value)
    except ValidationError:
        return False
    return True


@transaction.atomic
def reading_record(
    *,
    indicator: Indicator,
    period_start: datetime.date,
    period_end: datetime.date,
    value: Decimal,
    note: str = "",
    by: AbstractUser | None = None,
) -> Reading:
    """Records an indicator's reading for a period, updating the one it already has for it."""
    # Locking the indicator until commit makes two people recording the same period at once
    # take turns, so the second updates the first's reading instead of colliding with it.
    Indicator.objects.select_for_update().get(pk=indicator.pk)
    reading = Reading.objects.filter(indicator=indicator, period_start=period_start).first()
    is_new = reading is None
    if is_new:
        reading = Reading(indicator=indicator, period_start=period_start)
    reading.period_end = period_end
    reading.value = value
    reading.note = note
    if by is not None:
        reading._history_user = by
    reading.full_clean()
    reading.save()
    if is_new:
        announce_readings_added([reading])
    return reading


@transaction.atomic
def readings_import(
    *, framework: OutcomeFramework, upload: IO[bytes], by: AbstractUser | None = None
) -> ImportResult:
    """Records a file's readings of a framework's indicators: all, or none if any row is wrong."""
    readings_file = read_readings_file(upload)
    # Locked as reading_record locks one, so that no reading of these indicators is recorded
    # between the look-up of those already recorded below and the writing of this file's.
    indicators = (
        Indicator.objects.select_for_update(of=("self",))
        .select_related("outcome__framework")
        .filter(outcome__framework=framework)
    )
    by_code = {indicator.code.casefold(): indicator for indicator in indicators}
    candidates, row_errors = _check_rows(readings_file, by_code)
    if row_errors:
        raise ReadingsFileInvalid(row_errors)

    return _save(candidates, by=by)


class ReadingEntry(NamedTuple):
    """One reading sent to the API, its types already checked: the indicator by its id."""

    indicator: int
    period_start: datetime.date
    period_end: datetime.date
    value: Decimal
    note: str | None = None


class ReadingsInvalid(ValidationError):
    """A batch of readings refused for the errors in its entries, by entry index and field."""

    def __init__(self, errors: dict[int, dict[str, list[str]]]):
        super().__init__([f"Entry {index}: {fields}" for index, fields in errors.items()])
        self.errors_by_entry = errors


@transaction.atomic
def readings_upsert(
    *, entries: list[ReadingEntry], indicators: QuerySet[Indicator], by: AbstractUser | None = None
) -> ImportResult:
    """Records a batch of readings, each of one of `indicators` in its framework's span: all,
    or none if any entry is wrong. Sending the same batch again changes nothing."""
    wanted = {entry.indicator for entry in entries}
    # Locked in one order, as readings_import locks them, so two batches at once take turns.
    by_id = {
        indicator.pk: indicator
        for indicator in indicators.filter(pk__in=wanted)
        .select_related("outcome__framework")
        .select_for_update(of=("self",))
        .order_by("pk")
    }
    candidates, errors = [], {}
    first_entry_of: dict[tuple[int, datetime.date], int] = {}
    for index, entry in enumerate(entries):
        problems = _entry_problems(entry, by_id.get(entry.indicator))
        earlier = first_entry_of.setdefault((entry.indicator, entry.period_start), index)
        if earlier != index:
            problems.setdefault("period_start", []).append(
                DUPLICATE_ENTRY.format(start=entry.period_start, earlier=earlier)
            )
        if problems:
            errors[index] = problems
        else:
            candidates.append(_Candidate(by_id[entry.indicator], *entry[1:]))
    if errors:
        raise ReadingsInvalid(errors)
    return _save(candidates, by=by)


def _entry_problems(entry: ReadingEntry, indicator: Indicator | None) -> dict[str, list[str]]:
    if indicator is None:
        return {"indicator": [NO_SUCH_INDICATOR.format(id=entry.indicator)]}
    problems: dict[str, list[str]] = {}
    if entry.period_end < entry.period_start:
        problems["period_end"] = [
            PERIOD_ENDS_BEFORE_START.format(start=entry.period_start, end=entry.period_end)
        ]
    framework = indicator.outcome.framework
    if entry.period_start < framework.starts_on or entry.period_end > framework.ends_on:
        problems.setdefault("period_start", []).append(
            PERIOD_OUTSIDE_FRAMEWORK.format(
                framework=framework, starts=framework.starts_on, ends=framework.ends_on
            )
        )
    return problems


def _save(candidates: list[_Candidate], *, by: AbstractUser | None) -> ImportResult:
    """Writes checked readings in bulk, updating those already recorded for their periods."""
    starts = [candidate.period_start for candidate in candidates]
    recorded = {
        (reading.indicator_id, reading.period_start): reading
        for reading in Reading.objects.filter(
            indicator__in={candidate.indicator.pk for candidate in candidates},
            period_start__range=(min(starts), max(starts)),
        )
    }
    now = timezone.now()
    new, changed = [], []
    for candidate in candidates:
        reading = recorded.get((candidate.indicator.pk, candidate.period_start))
        if reading is None:
            reading = Reading(indicator=candidate.indicator, period_start=candidate.period_start)
            new.append(reading)
        else:
            reading.modified_at = now
            changed.append(reading)
        reading.period_end = candidate.period_end
        reading.value = candidate.value
        if candidate.note is not None:
            reading.note = candidate.note
        # The indicator is one the caller may record for and each row's key is checked unique
        # in the batch and matched above, so the checks that would query once a row are left out.
        reading.full_clean(exclude={"indicator"}, validate_unique=False, validate_constraints=False)
    bulk_create_with_history(new, Reading, default_user=by)
    bulk_update_with_history(changed, Reading, fields=_UPDATED_FIELDS, default_user=by)
    announce_readings_added(new)
    return ImportResult(created=len(new), updated=len(changed))


def _check_rows(
    readings_file: ReadingsFile, by_code: dict[str, Indicator]
) -> tuple[list[_Candidate], list[RowError]]:
    candidates, row_errors = [], []
    first_row_of: dict[tuple[int, datetime.date], int] = {}
    for row in readings_file.rows:
        problems = [ROW_HAS_SURPLUS_CELLS] if row.surplus_cells else []
        indicator = _indicator(row.cells.get("indicator"), by_code, problems)
        start = _date(row.cells.get("period_start"), "period_start", problems)
        end = _date(row.cells.get("period_end"), "period_end", problems)
        value = _value(row.cells.get("value"), problems)
        if start and end and end < start:
            problems.append(PERIOD_ENDS_BEFORE_START.format(start=start, end=end))
        if indicator and start:
            earlier = first_row_of.setdefault((indicator.pk, start), row.number)
            if earlier != row.number:
                problems.append(
                    DUPLICATE_ROW.format(code=indicator.code, start=start, earlier=earlier)
                )
        row_errors += [RowError(row.number, problem) for problem in problems]
        if not problems:
            note = _text(row.cells.get("note")) if readings_file.has_note else None
            candidates.append(_Candidate(indicator, start, end, value, note))
    return candidates, row_errors


def _indicator(cell: Cell, by_code: dict[str, Indicator], problems: list[str]) -> Indicator | None:
    code = _text(cell)
    if not code:
        problems.append(INDICATOR_MISSING)
        return None
    indicator = by_code.get(code.casefold())
    if indicator is None:
        problems.append(UNKNOWN_INDICATOR.format(code=code))
    return indicator


def _date(cell: Cell, column: str, problems: list[str]) -> datetime.date | None:
    if isinstance(cell, datetime.date):
        return cell
    text = _text(cell)
    if not text:
        problems.append(DATE_MISSING.format(column=column))
        return None
    try:
        if _ISO_DATE.fullmatch(text):
            return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    problems.append(DATE_INVALID.format(column=column, text=text))
    return None


def _value(cell: Cell, problems: list[str]) -> Decimal | None:
    text = _text(cell)
    if not text:
        problems.append(VALUE_MISSING)
        return None
    value = cell if isinstance(cell, Decimal) else parse_number(text)
    if value is None:
        problems.append(VALUE_NOT_A_NUMBER.format(text=text))
    elif not value_fits(value):
        whole = _VALUE_FIELD.max_digits - _VALUE_FIELD.decimal_places
        places = _VALUE_FIELD.decimal_places
        problems.append(VALUE_TOO_MANY_DIGITS.format(text=text, whole=whole, places=places))
        return None
    return value


def _text(cell: Cell) -> str:
    """A cell as the uploader would write it: a date as YYYY-MM-DD, a number in full."""
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return f"{cell:f}"
    return str(cell).strip()
