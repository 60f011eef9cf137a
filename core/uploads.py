"""Checks on uploaded documents by what they contain, not by what they are called.

A file named .docx may be a renamed picture, and a PDF may be damaged or locked; each is
refused here with a message the uploader can act on, before anything is stored. Each check
raises ValidationError, so serves as a form field's validator as well as a service's guard.
"""

import enum
import zipfile
from typing import IO

import pypdf
from django.conf import settings
from django.core.exceptions import ValidationError

FILE_IS_EMPTY = "The selected file is empty."
FILE_TOO_LARGE = "The selected file must be smaller than {limit}."
NOT_A_PDF = "The selected file must be a PDF."
PDF_IS_DAMAGED = "The selected PDF is damaged and cannot be opened. Save it again and upload it."
PDF_IS_ENCRYPTED = (
    "The selected PDF is password-protected. Save a copy without a password and upload that."
)
PDF_HAS_NO_PAGES = "The selected PDF has no pages."
NOT_A_WORD_DOCUMENT = "The selected file must be a Word document (.docx)."
WORD_DOCUMENT_TOO_LARGE_UNPACKED = (
    "The selected Word document is too large once unpacked: it must hold less than {limit}."
)
NOT_A_PDF_OR_WORD_DOCUMENT = "The selected file must be a PDF or a Word document (.docx)."

# A .docx is a zip; these two parts are what makes it a Word document.
_WORD_PARTS = {"[Content_Types].xml", "word/document.xml"}
# Text compresses well, so a genuine document unpacks to several times its size; a small zip
# that unpacks to far more than this is built to exhaust memory when it is read.
_MAX_UNPACKED_RATIO = 20


class DocumentKind(enum.StrEnum):
    PDF = "pdf"
    WORD = "docx"


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
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as error:
        raise ValidationError(NOT_A_WORD_DOCUMENT, code="not_docx") from error
    finally:
        upload.seek(0)
    if not _WORD_PARTS.issubset(entry.filename for entry in entries):
        raise ValidationError(NOT_A_WORD_DOCUMENT, code="not_docx")
    unpacked_limit = settings.MAX_UPLOAD_BYTES * _MAX_UNPACKED_RATIO
    if sum(entry.file_size for entry in entries) > unpacked_limit:
        raise ValidationError(
            WORD_DOCUMENT_TOO_LARGE_UNPACKED.format(limit=size_in_words(unpacked_limit)),
            code="docx_too_large_unpacked",
        )


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
