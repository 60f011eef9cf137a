"""Uploads are judged by their content: Word documents, PDFs, spreadsheets, and neither."""

import io
import zipfile

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
from tests.documents import pdf_document, png_image, upload, word_document


def spreadsheet_workbook(filler: str = "") -> bytes:
    """The parts that make a zip an Excel workbook, and as much filler as asked."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", f"<workbook>{filler}</workbook>")
    return buffer.getvalue()


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
