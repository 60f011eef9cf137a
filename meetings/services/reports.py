"""Writing reports: the cover sheet as sanitised HTML, the body from Word, and appendices.

Uploads are checked by their content before anything is stored, so a refused file changes
nothing. Files replaced or removed stay in storage: the history of a report refers to them.
"""

import datetime
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.html import html_from_word_document, sanitise_html
from core.uploads import DocumentKind, check_document, check_word_document
from governance.models import Board
from meetings.models import Appendix, Report
from meetings.retention import retention_check

APPENDIX_LABEL_TAKEN = _("This report already has an appendix {label}.")
APPENDIX_NEEDS_CONTENT = _("Upload the appendix as a PDF or Word document, or type its text.")
APPENDIX_FILE_OR_TEXT = _("Upload the appendix or type its text, not both.")

RICH_TEXT_FIELDS = frozenset(Report.RICH_TEXT_FIELDS)
COVER_SHEET_FIELDS = RICH_TEXT_FIELDS | {
    "reference",
    "title",
    "report_by",
    "portfolio_area",
    "classification",
    "wards_affected",
    "is_key_decision",
    "key_decision_note",
    "contact_officer",
}


@transaction.atomic
def report_create(*, board: Board, fields: Mapping[str, Any]) -> Report:
    """Writes a report to a board; its rich text is saved sanitised."""
    report = Report(board=board)
    _set_cover_sheet(report, fields)
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def report_update(*, report: Report, fields: Mapping[str, Any]) -> Report:
    """Changes a report's cover sheet; its rich text is saved sanitised."""
    _set_cover_sheet(report, fields)
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def report_import_docx(*, report: Report, upload: File) -> Report:
    """Makes a Word document the report's body, keeping the file as its source."""
    check_word_document(upload)
    report.body = html_from_word_document(upload)
    report.full_clean(exclude={"source_document"})
    _store_and_save(report, report.source_document, upload, DocumentKind.WORD)
    return report


@transaction.atomic
def appendix_add(
    *, report: Report, label: str, title: str, upload: File | None = None, body: str = ""
) -> Appendix:
    """Appends a PDF (merged into packs as it is), a Word document (typeset) or typed text."""
    label = label.strip()
    if report.appendices.filter(label=label).exists():
        raise ValidationError({"label": APPENDIX_LABEL_TAKEN.format(label=label)})
    body = sanitise_html(body)
    if upload is None and not body.strip():
        raise ValidationError(APPENDIX_NEEDS_CONTENT, code="appendix_empty")
    if upload is not None and body.strip():
        raise ValidationError(APPENDIX_FILE_OR_TEXT, code="appendix_file_and_text")

    appendix = Appendix(report=report, label=label, title=title, body=body)
    if upload is None:
        appendix.full_clean()
        appendix.save()
        return appendix
    kind = check_document(upload)
    if kind == DocumentKind.WORD:
        appendix.body = html_from_word_document(upload)
    appendix.full_clean(exclude={"file"})
    _store_and_save(appendix, appendix.file, upload, kind)
    return appendix


@transaction.atomic
def appendix_remove(*, appendix: Appendix, on: datetime.date | None = None) -> None:
    """Takes an appendix off its report, unless it was published less than six years before
    `on` (today by default)."""
    retention_check(appendix, on=on)
    appendix.delete()


def _set_cover_sheet(report: Report, fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - COVER_SHEET_FIELDS
    if unknown:
        raise TypeError(f"Not part of a report's cover sheet: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(report, name, sanitise_html(value) if name in RICH_TEXT_FIELDS else value)


def _store_and_save(record: models.Model, field_file: FieldFile, upload: File, kind: str) -> None:
    """Stores a checked upload in the record's file field and saves the record; if the save
    fails, the stored file is removed again, so that a refused record leaves no file behind."""
    stem = slugify(Path(upload.name or "").stem) or "document"
    # Named by what the content is, whatever the uploader called it.
    field_file.save(f"{stem}.{kind}", upload, save=False)
    try:
        record.save()
    except Exception:
        field_file.storage.delete(field_file.name)
        raise
