"""Checks on uploaded files by what they contain, not by what they are called.

A file named .docx may be a renamed picture or PDF, or a macro-enabled document (.docm) renamed;
a PDF may be damaged or locked; a file named .csv may be a spreadsheet saved in a legacy
encoding, or a web page; an Office file may be a zip bomb that unpacks to gigabytes. Each is
refused here with a message the uploader can act on, before anything is stored. Each check
raises ValidationError, so serves as a form field's validator as well as a service's guard.
"""

import codecs
import enum
import re
import zipfile
import zlib
from typing import IO
from xml.etree import ElementTree

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

# An Office file is a zip (an Open Packaging Conventions package) whose [Content_Types].xml
# names the type of each part; its main part, and that part's type, make it a Word document or
# an Excel workbook. A macro-enabled document (.docm, .xlsm) or a template differs only there.
_CONTENT_TYPES_PART = "[Content_Types].xml"
_WORD_MAIN_PART = "word/document.xml"
_WORD_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_WORKBOOK_MAIN_PART = "xl/workbook.xml"
_WORKBOOK_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
# Parts that carry code: VBA projects and their data, Excel 4 macro sheets, ActiveX controls.
_CODE_PART_TYPES = re.compile(r"macro|vba|activex", re.IGNORECASE)
_CODE_PART_NAMES = re.compile(r"(^|/)(vbaProject|vbaData)[^/]*$|(^|/)activeX/", re.IGNORECASE)
_CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# A genuine [Content_Types].xml lists a few dozen parts in a few kilobytes.
_MAX_CONTENT_TYPES_BYTES = 1024 * 1024
# Documents hold tens of parts, workbooks a few per sheet; thousands is a crafted archive.
_MAX_PARTS = 5000
# Text compresses well, so a genuine document unpacks to several times its size, and never to
# more than this many times the upload limit. Nor does it unpack to more than _MAX_PACKING_RATIO
# times its own size beyond the first _UNPACKED_ALLOWANCE: a small zip that unpacks to far more
# (deflate reaches about 1,000 to 1) is built to exhaust memory when it is read.
_MAX_UNPACKED_RATIO = 20
_MAX_PACKING_RATIO = 100
_UNPACKED_ALLOWANCE = 10 * 1024 * 1024
# Markup that makes a browser, or a mail client, take text for a web page or an image with
# script. No CSV file of figures holds a tag; a file that does is a web page renamed.
_MARKUP = re.compile(
    r"<(?:!doctype|!--|\?xml|/?(?:html|head|body|script|iframe|frame|frameset|svg|math|object"
    r"|embed|applet|meta|link|style|img|image|video|audio|form|input|button|base|template)"
    r"(?=[\s/>])|a\s[^>]*href)",
    re.IGNORECASE,
)
# Enough of the previous chunk for a tag split between two chunks to be found.
_MARKUP_OVERLAP = 64
# What zipfile raises on a damaged archive, an encrypted entry or a method it cannot unpack.
_UNREADABLE_ZIP = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
)


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
        main_part=_WORD_MAIN_PART,
        main_type=_WORD_MAIN_TYPE,
        refusal=ValidationError(NOT_A_WORD_DOCUMENT, code="not_docx"),
        too_large_unpacked=WORD_DOCUMENT_TOO_LARGE_UNPACKED,
        too_large_code="docx_too_large_unpacked",
    )


def check_spreadsheet(upload: IO[bytes]) -> SpreadsheetKind:
    """A CSV file in UTF-8 (with or without a byte order mark) that is not a web page, or an
    Excel workbook (.xlsx) without macros."""
    check_size(upload)
    refusal = ValidationError(NOT_A_CSV_OR_WORKBOOK, code="not_csv_or_xlsx")
    if zipfile.is_zipfile(upload):
        upload.seek(0)
        _check_office_zip(
            upload,
            main_part=_WORKBOOK_MAIN_PART,
            main_type=_WORKBOOK_MAIN_TYPE,
            refusal=refusal,
            too_large_unpacked=WORKBOOK_TOO_LARGE_UNPACKED,
            too_large_code="xlsx_too_large_unpacked",
        )
        return SpreadsheetKind.WORKBOOK
    upload.seek(0)
    if not _is_plain_utf8_text(upload):
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
    main_part: str,
    main_type: str,
    refusal: ValidationError,
    too_large_unpacked: str,
    too_large_code: str,
) -> None:
    """A zip whose [Content_Types].xml makes it an Office file of the given main part and type,
    with no part that carries code, and of a size that is safe to unpack.

    Sizes are those the zip declares: Python's zipfile, which mammoth and openpyxl read with,
    never unpacks an entry beyond its declared size (a lie ends in a CRC error, not more data).
    """
    packed_size = _size_of(upload)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            if len(entries) > _MAX_PARTS or not {_CONTENT_TYPES_PART, main_part} <= names:
                raise refusal
            _check_unpacked_size(packed_size, entries, too_large_unpacked, too_large_code)
            content_types = archive.getinfo(_CONTENT_TYPES_PART)
            if content_types.file_size > _MAX_CONTENT_TYPES_BYTES:
                raise refusal
            types = _part_types(archive.read(content_types))
    except _UNREADABLE_ZIP as error:
        raise refusal from error
    finally:
        upload.seek(0)
    if types is None or types.of(main_part) != main_type:
        raise refusal
    if types.carry_code() or any(_CODE_PART_NAMES.search(name) for name in names):
        raise refusal


def _check_unpacked_size(
    packed_size: int, entries: list[zipfile.ZipInfo], message: str, code: str
) -> None:
    limit = min(
        settings.MAX_UPLOAD_BYTES * _MAX_UNPACKED_RATIO,
        max(_UNPACKED_ALLOWANCE, packed_size * _MAX_PACKING_RATIO),
    )
    if sum(entry.file_size for entry in entries) > limit:
        raise ValidationError(message.format(limit=size_in_words(limit)), code=code)


class _PartTypes:
    """The content types an Office package's [Content_Types].xml gives its parts."""

    def __init__(self, defaults: dict[str, str], overrides: dict[str, str]) -> None:
        self.defaults, self.overrides = defaults, overrides

    def of(self, part: str) -> str | None:
        """A part's type: its own override, else the default for its extension."""
        name = "/" + part.lower()
        if name in self.overrides:
            return self.overrides[name]
        return self.defaults.get(name.rpartition(".")[2])

    def carry_code(self) -> bool:
        every_type = [*self.defaults.values(), *self.overrides.values()]
        return any(_CODE_PART_TYPES.search(content_type) for content_type in every_type)


def _part_types(xml: bytes) -> _PartTypes | None:
    """The types in [Content_Types].xml; None if it is not one. The Open Packaging Conventions
    forbid a document type declaration in it, so one (an entity expansion, say) refuses it."""
    declarations = xml.upper()
    if b"<!DOCTYPE" in declarations or b"<!ENTITY" in declarations:
        return None
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return None
    if root.tag != f"{_CONTENT_TYPES_NS}Types":
        return None
    defaults, overrides = {}, {}
    for element in root:
        content_type = element.get("ContentType", "").strip()
        if element.tag == f"{_CONTENT_TYPES_NS}Default":
            defaults[element.get("Extension", "").lower()] = content_type
        elif element.tag == f"{_CONTENT_TYPES_NS}Override":
            overrides[element.get("PartName", "").lower()] = content_type
    return _PartTypes(defaults, overrides)


def _is_plain_utf8_text(upload: IO[bytes]) -> bool:
    """Decodes as UTF-8 throughout, and holds no NUL (which text never does but binaries do)
    and no markup (which makes a web page of it wherever it is opened)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    tail = ""
    try:
        for chunk in iter(lambda: upload.read(64 * 1024), b""):
            text = tail + decoder.decode(chunk)
            if "\x00" in text or _MARKUP.search(text):
                return False
            tail = text[-_MARKUP_OVERLAP:]
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
