"""Uploads are judged by their content: Word documents, PDFs, spreadsheets, and neither."""

import io
import zipfile

import openpyxl
import pytest
from django.core.exceptions import ValidationError

from core.uploads import (
    FILE_IS_EMPTY,
    FILE_TOO_LARGE,
    NOT_A_CSV_OR_WORKBOOK,
    NOT_A_PDF,
    NOT_A_PDF_OR_WORD_DOCUMENT,
    NOT_A_WORD_DOCUMENT,
    PDF_IS_DAMAGED,
    PDF_IS_ENCRYPTED,
    WORD_DOCUMENT_TOO_LARGE_UNPACKED,
    WORKBOOK_TOO_LARGE_UNPACKED,
    DocumentKind,
    SpreadsheetKind,
    check_document,
    check_pdf,
    check_spreadsheet,
    check_word_document,
    size_in_words,
)
from tests.documents import (
    WORD_MAIN_TYPE,
    WORKBOOK_MAIN_TYPE,
    content_types,
    excel_workbook,
    office_package,
    pdf_document,
    png_image,
    upload,
    word_document,
)


def spreadsheet_workbook(filler: str = "") -> bytes:
    """The parts that make a zip an Excel workbook, and as much filler as asked."""
    return excel_workbook(f"<workbook>{filler}</workbook>")


def _refusal(check, file) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        check(file)
    return refused.value.messages


def test_a_word_document_is_accepted_and_left_ready_to_read():
    file = upload("report.docx", word_document("Purpose"))

    check_word_document(file)

    assert file.tell() == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.docx", png_image()),
        ("report.docx", b"Purpose: to approve the strategy.\n"),
        ("report.docx", pdf_document()),
    ],
    ids=["picture", "plain text", "pdf"],
)
def test_a_file_named_docx_that_is_not_word_is_refused(name, content):
    assert _refusal(check_word_document, upload(name, content)) == [NOT_A_WORD_DOCUMENT]


def test_a_zip_without_a_word_document_inside_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "Not a document")

    refusal = _refusal(check_word_document, upload("report.docx", buffer.getvalue()))

    assert refusal == [NOT_A_WORD_DOCUMENT]


def test_a_word_document_that_unpacks_far_beyond_the_limit_is_refused(settings):
    settings.MAX_UPLOAD_BYTES = 1024
    # Compresses to well under 1KB; unpacks to 40KB, more than 20 times the limit.
    document = word_document("x" * 40_000)
    assert len(document) < 1024

    refusal = _refusal(check_word_document, upload("report.docx", document))

    assert refusal == [WORD_DOCUMENT_TOO_LARGE_UNPACKED.format(limit="20KB")]


def test_a_pdf_is_accepted_and_left_ready_to_read():
    file = upload("appendix.pdf", pdf_document(pages=3))

    check_pdf(file)

    assert file.tell() == 0


def test_a_truncated_pdf_is_refused_as_damaged():
    content = pdf_document(pages=2)

    refusal = _refusal(check_pdf, upload("appendix.pdf", content[: len(content) // 2]))

    assert refusal == [PDF_IS_DAMAGED]


def test_an_encrypted_pdf_is_refused():
    refusal = _refusal(check_pdf, upload("appendix.pdf", pdf_document(password="secret")))

    assert refusal == [PDF_IS_ENCRYPTED]


def test_a_picture_named_pdf_is_refused():
    assert _refusal(check_pdf, upload("appendix.pdf", png_image())) == [NOT_A_PDF]


def test_an_empty_file_is_refused():
    assert _refusal(check_pdf, upload("appendix.pdf", b"")) == [FILE_IS_EMPTY]


def test_a_file_over_the_upload_limit_is_refused_whatever_it_is(settings):
    settings.MAX_UPLOAD_BYTES = 512
    large_pdf = pdf_document(pages=5)
    assert len(large_pdf) > 512

    assert _refusal(check_pdf, upload("appendix.pdf", large_pdf)) == [
        FILE_TOO_LARGE.format(limit="512 bytes")
    ]
    assert _refusal(check_document, upload("appendix.pdf", large_pdf)) == [
        "The selected file must be smaller than 512 bytes."
    ]


@pytest.mark.parametrize(
    ("content", "kind"),
    [(pdf_document(), DocumentKind.PDF), (word_document("Text"), DocumentKind.WORD)],
    ids=["pdf", "word"],
)
def test_a_document_is_recognised_by_its_content_not_its_name(content, kind):
    assert check_document(upload("appendix.txt", content)) == kind


def test_a_document_that_is_neither_pdf_nor_word_is_refused():
    refusal = _refusal(check_document, upload("appendix.pdf", png_image()))

    assert refusal == [NOT_A_PDF_OR_WORD_DOCUMENT]


def test_sizes_are_written_as_the_upload_pattern_writes_them():
    assert size_in_words(20 * 1024 * 1024) == "20MB"
    assert size_in_words(1536) == "1.5KB"
    assert size_in_words(100) == "100 bytes"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"indicator,value\nH1.1,61\n", SpreadsheetKind.CSV),
        ("indicator,note\nH1.1,Caf\u00e9\n".encode("utf-8-sig"), SpreadsheetKind.CSV),
        (spreadsheet_workbook(), SpreadsheetKind.WORKBOOK),
    ],
    ids=["csv", "csv with byte order mark", "xlsx"],
)
def test_a_spreadsheet_is_recognised_by_its_content_and_left_ready_to_read(content, kind):
    file = upload("readings.txt", content)

    assert check_spreadsheet(file) == kind
    assert file.tell() == 0


@pytest.mark.parametrize(
    "content",
    [
        png_image(),
        pdf_document(),
        word_document("indicator,value"),
        "indicator,note\nH1.1,Caf\u00e9\n".encode("cp1252"),
        b"indicator,value\x00\n",
    ],
    ids=["picture", "pdf", "word document", "legacy encoding", "NUL"],
)
def test_a_file_that_is_neither_utf8_text_nor_a_workbook_is_refused(content):
    refusal = _refusal(check_spreadsheet, upload("readings.csv", content))

    assert refusal == [NOT_A_CSV_OR_WORKBOOK]


def test_a_workbook_that_unpacks_far_beyond_the_limit_is_refused(settings):
    settings.MAX_UPLOAD_BYTES = 2048
    workbook = spreadsheet_workbook(filler="x" * 60_000)
    assert len(workbook) < 2048

    refusal = _refusal(check_spreadsheet, upload("readings.xlsx", workbook))

    assert refusal == [WORKBOOK_TOO_LARGE_UNPACKED.format(limit="40KB")]


def test_an_empty_spreadsheet_is_refused():
    assert _refusal(check_spreadsheet, upload("readings.csv", b"")) == [FILE_IS_EMPTY]


# Attacks on the uploads: each file below is built to pass for what it is not.

DOCUMENT_XML = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Purpose</w:t></w:r></w:p></w:body></w:document>"
)
DOCM_MAIN_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
XLSM_MAIN_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
VBA_PROJECT_TYPE = "application/vnd.ms-office.vbaProject"
# The first bytes of a compound file, as a VBA project is stored.
VBA_PROJECT = bytes.fromhex("d0cf11e0a1b11ae1") + b'Attribute VB_Name = "ThisDocument"'


def word_package(extra: dict[str, str | bytes] | None = None, **types) -> bytes:
    """A Word document's parts with the content types given (the main part's by default)."""
    overrides = {"word/document.xml": WORD_MAIN_TYPE, **types.pop("overrides", {})}
    return office_package(
        {
            "[Content_Types].xml": content_types(overrides, types.pop("defaults", None)),
            "word/document.xml": DOCUMENT_XML,
            **(extra or {}),
        }
    )


def zip_bomb(main_part: str, main_type: str, *, unpacked: int) -> bytes:
    """An Office file's parts, and a part of `unpacked` zero bytes that deflates to 1/1000."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", content_types({main_part: main_type}))
        archive.writestr(main_part, "<main/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            for _ in range(unpacked // (1024 * 1024)):
                part.write(bytes(1024 * 1024))
    return buffer.getvalue()


def test_a_pdf_renamed_docx_is_no_word_document_but_is_taken_for_the_pdf_it_is():
    file = upload("report.docx", pdf_document())

    assert _refusal(check_word_document, file) == [NOT_A_WORD_DOCUMENT]
    assert check_document(file) == DocumentKind.PDF


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
        b"\xef\xbb\xbf  <html><body>indicator,value</body></html>",
        b"indicator,value\nH1.1,61\n<script src=https://evil.example/x.js></script>\n",
        b"indicator,note\nH1.1,<svg onload=alert(1)>\n",
        b"indicator,note\nH1.1,<img src=x onerror=alert(1)>\n",
        b'indicator,note\nH1.1,<a href="https://evil.example">sign in again</a>\n',
        b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>",
        b"<!-- a comment opens a web page -->indicator,value\n",
        b"indicator,value\n" + b"H1.1,61\n" * 10_000 + b"<iframe src=x></iframe>",
        b"indicator,value\n" + b"x" * (64 * 1024 - 20) + b"\n<SCRIPT>alert(1)</SCRIPT>",
    ],
    ids=[
        "html page",
        "html after a byte order mark",
        "script after rows",
        "svg in a note",
        "image in a note",
        "link in a note",
        "svg document",
        "html comment",
        "iframe far down",
        "tag across two chunks",
    ],
)
def test_an_html_file_renamed_csv_is_refused(content):
    assert _refusal(check_spreadsheet, upload("readings.csv", content)) == [NOT_A_CSV_OR_WORKBOOK]


@pytest.mark.parametrize(
    "content",
    [
        b"indicator,note\nH1.1,Fewer than <5 cases; a < b and b > c\n",
        b"indicator,note\nH1.1,a <b> c is not a tag this checks for\n",
        "indicator,note\nH1.1,Caf\u00e9 <> cinema\n".encode(),
    ],
    ids=["less than", "angle brackets", "empty brackets"],
)
def test_a_csv_file_with_angle_brackets_in_its_text_is_accepted(content):
    assert check_spreadsheet(upload("readings.csv", content)) == SpreadsheetKind.CSV


def test_a_zip_bomb_posing_as_a_workbook_is_refused():
    # 60MB of zeros packed into about 60KB: within the upload limit, and within 20 times it
    # (400MB), but 1,000 times its own size.
    bomb = zip_bomb("xl/workbook.xml", WORKBOOK_MAIN_TYPE, unpacked=60 * 1024 * 1024)
    assert len(bomb) < 100 * 1024

    refusal = _refusal(check_spreadsheet, upload("readings.xlsx", bomb))

    assert refusal == [WORKBOOK_TOO_LARGE_UNPACKED.format(limit="10MB")]


def test_a_zip_bomb_posing_as_a_word_document_is_refused():
    bomb = zip_bomb("word/document.xml", WORD_MAIN_TYPE, unpacked=60 * 1024 * 1024)

    assert _refusal(check_document, upload("report.docx", bomb)) == [
        WORD_DOCUMENT_TOO_LARGE_UNPACKED.format(limit="10MB")
    ]


def test_a_zip_declaring_gigabytes_is_refused_before_anything_is_unpacked():
    bomb = bytearray(spreadsheet_workbook())
    # The central directory's uncompressed size of xl/workbook.xml, set to 4GB - 1.
    directory = bomb.rindex(b"PK\x01\x02")
    bomb[directory + 24 : directory + 28] = b"\xff\xff\xff\x7f"

    refusal = _refusal(check_spreadsheet, upload("readings.xlsx", bytes(bomb)))

    assert refusal == [WORKBOOK_TOO_LARGE_UNPACKED.format(limit="10MB")]


def test_a_small_document_that_packs_tightly_is_accepted():
    # Packs far tighter than 100 to 1, but unpacks to less than the 10MB any file may.
    document = word_document("x" * 2_000_000)
    assert len(document) * 100 < 2_000_000

    assert check_document(upload("report.docx", document)) == DocumentKind.WORD


def test_a_workbook_of_twenty_thousand_readings_is_accepted():
    # As many readings as an upload may hold (outcomes.readings_files.MAX_ROWS), as Excel packs
    # them: well within the packing limit.
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["indicator", "period_start", "period_end", "value"])
    for row in range(20_000):
        sheet.append(["H1.1", "2014-04-01", "2015-03-31", row % 7])
    buffer = io.BytesIO()
    workbook.save(buffer)

    assert check_spreadsheet(upload("readings.xlsx", buffer.getvalue())) == SpreadsheetKind.WORKBOOK


def test_an_archive_of_thousands_of_parts_is_refused():
    parts = {f"word/media/image{number}.png": b"" for number in range(5001)}

    assert _refusal(check_word_document, upload("report.docx", word_package(parts))) == [
        NOT_A_WORD_DOCUMENT
    ]


@pytest.mark.parametrize(
    "content",
    [
        word_package(overrides={"word/document.xml": DOCM_MAIN_TYPE}),
        word_package(
            {"word/vbaProject.bin": VBA_PROJECT},
            overrides={"word/document.xml": DOCM_MAIN_TYPE},
            defaults={"bin": VBA_PROJECT_TYPE},
        ),
        word_package({"word/vbaProject.bin": VBA_PROJECT}, defaults={"bin": VBA_PROJECT_TYPE}),
        word_package({"word/vbaProject.bin": VBA_PROJECT}),
        word_package({"word/vbaData.xml": "<wne:vbaSuppData/>"}),
        word_package(
            {"word/activeX/activeX1.xml": "<ax:ocx/>"},
            overrides={"word/activeX/activeX1.xml": "application/vnd.ms-office.activeX+xml"},
        ),
        word_package(
            {"word/embeddings/macro.bin": VBA_PROJECT},
            overrides={"word/embeddings/macro.bin": VBA_PROJECT_TYPE},
        ),
    ],
    ids=[
        "docm renamed",
        "docm with its macros",
        "docx type with a VBA project",
        "VBA project untyped",
        "VBA data",
        "ActiveX control",
        "VBA project under another name",
    ],
)
def test_a_word_document_carrying_macros_is_refused(content):
    assert _refusal(check_word_document, upload("report.docx", content)) == [NOT_A_WORD_DOCUMENT]
    assert _refusal(check_document, upload("report.docx", content)) == [NOT_A_WORD_DOCUMENT]


def test_a_macro_enabled_workbook_renamed_xlsx_is_refused():
    workbook = excel_workbook(main_type=XLSM_MAIN_TYPE)

    assert _refusal(check_spreadsheet, upload("readings.xlsx", workbook)) == [NOT_A_CSV_OR_WORKBOOK]


@pytest.mark.parametrize(
    "types",
    [
        "<Types/>",
        content_types({}),
        content_types({"word/document.xml": "application/xml"}),
        content_types(
            {
                "word/document.xml": "application/vnd.openxmlformats-officedocument."
                "wordprocessingml.template.main+xml"
            }
        ),
        '<?xml version="1.0"?><!DOCTYPE Types [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        + content_types({"word/document.xml": WORD_MAIN_TYPE}).split("?>", 1)[1],
        "not XML at all",
    ],
    ids=["no namespace", "no types", "main part untyped", "template", "entities", "not xml"],
)
def test_a_word_document_whose_content_types_are_wrong_is_refused(types):
    content = office_package({"[Content_Types].xml": types, "word/document.xml": DOCUMENT_XML})

    assert _refusal(check_word_document, upload("report.docx", content)) == [NOT_A_WORD_DOCUMENT]


def test_a_main_part_typed_by_its_extension_is_accepted():
    content = word_package(overrides={}, defaults={"xml": WORD_MAIN_TYPE})

    check_word_document(upload("report.docx", content))


@pytest.mark.parametrize(
    ("check", "content"),
    [
        (check_word_document, word_document("x" * 4096)),
        (check_spreadsheet, b"indicator,value\n" + b"H1.1,61\n" * 1000),
        (check_spreadsheet, spreadsheet_workbook("x" * 4096)),
        (check_document, word_document("x" * 4096)),
    ],
    ids=["word", "csv", "xlsx", "document"],
)
def test_an_oversized_file_of_each_kind_is_refused(settings, check, content):
    settings.MAX_UPLOAD_BYTES = 512
    assert len(content) > 512

    assert _refusal(check, upload("file", content)) == [FILE_TOO_LARGE.format(limit="512 bytes")]
