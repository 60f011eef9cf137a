"""Checks on uploaded files by what they contain, not by what they are called.

A file named .docx may be a renamed picture, a PDF may be damaged or locked, and a file named
.csv may be a spreadsheet saved in a legacy encoding; each is refused here with a message the
uploader can act on, before anything is stored. Each check raises ValidationError, so serves
as a form field's validator as well as a service's guard.
"""

import codecs
import enum
import zipfile
from typing import IO

import pypdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FILE_IS_EMPTY = _("The selected file is empty.")
FILE_TOO_LARGE = _("The selected file must be smaller than {limit}.")
NOT_A_PDF = _("The selected file must be a PDF.")
PDF_IS_DAMAGED = _("The selected PDF is damaged and cannot be opened. Save it again and upload it.")
PDF_IS_ENCRYPTED = _(
    "The selected PDF is password-protected. Save a copy without a password and upload that."
)
PDF_HAS_NO_PAGES = _("The selected PDF has no pages.")
NOT_A_WORD_DOCUMENT = _("The selected file must be a Word document (.docx).")
WORD_DOCUMENT_TOO_LARGE_UNPACKED = _(
    "The selected Word document is too large once unpacked: it must hold less than {limit}."
)
NOT_A_PDF_OR_WORD_DOCUMENT = _("The selected file must be a PDF or a Word document (.docx).")
NOT_A_CSV_OR_WORKBOOK = _(
    "The selected file must be a CSV file saved as UTF-8, or an Excel workbook (.xlsx)."
)
WORKBOOK_TOO_LARGE_UNPACKED = _(
    "The selected Excel workbook is too large once unpacked: it must hold less than {limit}."
)

# An Office file is a zip; these parts make it a Word document or an Excel workbook.
_WORD_PARTS = {"[Content_Types].xml", "word/document.xml"}
_WORKBOOK_PARTS = {"[Content_Types].xml", "xl/workbook.xml"}
# Text compresses well, so a genuine document unpacks to several times its size; a small zip
# that unpacks to far more than this is built to exhaust memory when it is read.
_MAX_UNPACKED_RATIO = 20


class DocumentKind(enum.StrEnum):
    PDF = "pdf"
    WORD = "docx"


class SpreadsheetKind(enum.StrEnum):
    CSV = "csv"
    WORKBOOK = "xlsx"


def size_in_words(size: int) -> str:
    """A size as the GOV.UK file upload pattern writes it: 20MB, 512KB, 100 bytes."""
    for unit, unit_size in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= unit_size:
            return f"{size / unit_size:.3g}{unit}"
    return f"{size} bytes"


def check_size(upload: IO[bytes]) -> None:
    """Refuses an empty file, or one larger than settings.MAX_UPLOAD_BYTES."""
    size = _size_of(upload)
    if size == 0:
        raise ValidationError(FILE_IS_EMPTY, code="empty")
    if size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            FILE_TOO_LARGE.format(limit=size_in_words(settings.MAX_UPLOAD_BYTES)),
            code="too_large",
        )


def check_pdf(upload: IO[bytes]) -> None:
    """A PDF that opens, is not encrypted and has pages: one that can be merged into a pack."""
    check_size(upload)
    if not _starts_with(upload, b"%PDF-"):
        raise ValidationError(NOT_A_PDF, code="not_pdf")
    try:
        reader = pypdf.PdfReader(upload)
        is_encrypted = reader.is_encrypted
        page_count = 0 if is_encrypted else len(reader.pages)
    except Exception as error:
        # pypdf raises many kinds of error on a malformed file (its own, and ValueError,
        # KeyError and others from deep in the parser); each means the file cannot be merged.
        raise ValidationError(PDF_IS_DAMAGED, code="pdf_damaged") from error
    finally:
        upload.seek(0)
    if is_encrypted:
        raise ValidationError(PDF_IS_ENCRYPTED, code="pdf_encrypted")
    if page_count == 0:
        raise ValidationError(PDF_HAS_NO_PAGES, code="pdf_no_pages")


def check_word_document(upload: IO[bytes]) -> None:
    """A .docx: a zip holding the parts of a Word document, of a size that is safe to read."""
    check_size(upload)
    _check_office_zip(
        upload,
        parts=_WORD_PARTS,
        refusal=ValidationError(NOT_A_WORD_DOCUMENT, code="not_docx"),
        too_large_unpacked=WORD_DOCUMENT_TOO_LARGE_UNPACKED,
        too_large_code="docx_too_large_unpacked",
    )


def check_spreadsheet(upload: IO[bytes]) -> SpreadsheetKind:
    """A CSV file in UTF-8 (with or without a byte order mark) or an Excel workbook (.xlsx)."""
    check_size(upload)
    refusal = ValidationError(NOT_A_CSV_OR_WORKBOOK, code="not_csv_or_xlsx")
    if zipfile.is_zipfile(upload):
        upload.seek(0)
        _check_office_zip(
            upload,
            parts=_WORKBOOK_PARTS,
            refusal=refusal,
            too_large_unpacked=WORKBOOK_TOO_LARGE_UNPACKED,
            too_large_code="xlsx_too_large_unpacked",
        )
        return SpreadsheetKind.WORKBOOK
    upload.seek(0)
    if not _is_utf8_text(upload):
        raise refusal
    return SpreadsheetKind.CSV


def check_document(upload: IO[bytes]) -> DocumentKind:
    """A PDF or a Word document, checked as such; says which it is."""
    if _starts_with(upload, b"%PDF-"):
        check_pdf(upload)
        return DocumentKind.PDF
    if zipfile.is_zipfile(upload):
        upload.seek(0)
        check_word_document(upload)
        return DocumentKind.WORD
    upload.seek(0)
    check_size(upload)
    raise ValidationError(NOT_A_PDF_OR_WORD_DOCUMENT, code="not_pdf_or_docx")


def _check_office_zip(
    upload: IO[bytes],
    *,
    parts: set[str],
    refusal: ValidationError,
    too_large_unpacked: str,
    too_large_code: str,
) -> None:
    """A zip holding the given parts of an Office file, of a size that is safe to read."""
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as error:
        raise refusal from error
    finally:
        upload.seek(0)
    if not parts.issubset(entry.filename for entry in entries):
        raise refusal
    unpacked_limit = settings.MAX_UPLOAD_BYTES * _MAX_UNPACKED_RATIO
    if sum(entry.file_size for entry in entries) > unpacked_limit:
        raise ValidationError(
            too_large_unpacked.format(limit=size_in_words(unpacked_limit)), code=too_large_code
        )


def _is_utf8_text(upload: IO[bytes]) -> bool:
    """Decodes as UTF-8 throughout and holds no NUL, which text never does but binaries do."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in iter(lambda: upload.read(64 * 1024), b""):
            if "\x00" in decoder.decode(chunk):
                return False
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        upload.seek(0)
    return True


def _size_of(upload: IO[bytes]) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        size = upload.seek(0, 2)
        upload.seek(0)
    return size


def _starts_with(upload: IO[bytes], signature: bytes) -> bool:
    upload.seek(0)
    start = upload.read(len(signature))
    upload.seek(0)
    return start == signature
