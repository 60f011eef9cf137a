"""Development actions as a CSV file, for the spreadsheet officers open it in."""

import csv
import datetime
from collections.abc import Iterable

from django.http import HttpResponse

from outcomes.models import DevelopmentAction

COLUMNS = [
    "Reference",
    "Activity",
    "Area for improvement",
    "Remit clause",
    "Lead",
    "Deadline",
    "Deadline wording",
    "Status",
    "Last update date",
    "Last update text",
    "Overdue",
]

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def lead_of(action: DevelopmentAction) -> str:
    """Everyone named as leading the action: person, board, organisation."""
    leads = (action.lead_person, action.lead_board, action.lead_organisation)
    return ", ".join(str(lead) for lead in leads if lead is not None)


def remit_of(action: DevelopmentAction) -> str:
    clause = action.remit_clause
    if clause is None:
        return ""
    return f"Remit {clause.number} of {clause.board}: {clause.text}"


def safe_cell(value: object) -> str:
    """The value as text a spreadsheet shows as typed rather than evaluates."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def action_row(action: DevelopmentAction) -> list[str]:
    """One action's cells, in the order of COLUMNS; `action` comes from outcomes.filters.listed."""
    area = action.area_for_improvement
    return [
        safe_cell(value)
        for value in (
            action.reference,
            action.activity,
            f"{area.number}: {area.text}" if area else "",
            remit_of(action),
            lead_of(action),
            action.deadline.isoformat() if action.deadline else "",
            action.deadline_wording,
            action.get_status_display(),
            action.last_update_on.isoformat() if action.last_update_on else "",
            action.last_update_text,
            "Yes" if action.is_overdue else "No",
        )
    ]


def actions_csv_response(actions: Iterable[DevelopmentAction], *, filename: str) -> HttpResponse:
    """A CSV download of the actions, one row each, with a byte-order mark so Excel reads UTF-8."""
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    writer.writerows(action_row(action) for action in actions)
    return response


def csv_filename(name: str, today: datetime.date) -> str:
    return f"{name}-{today.isoformat()}.csv"
