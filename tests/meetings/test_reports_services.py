import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from core.html import WORD_DOCUMENT_UNREADABLE
from core.uploads import (
    FILE_TOO_LARGE,
    NOT_A_PDF_OR_WORD_DOCUMENT,
    NOT_A_WORD_DOCUMENT,
    PDF_IS_DAMAGED,
    PDF_IS_ENCRYPTED,
)
from meetings.models import Appendix, Report
from meetings.services.reports import (
    APPENDIX_FILE_OR_TEXT,
    APPENDIX_LABEL_TAKEN,
    APPENDIX_NEEDS_CONTENT,
    appendix_add,
    appendix_remove,
    report_create,
    report_import_docx,
    report_update,
)
from tests.documents import pdf_document, png_image, upload, word_document
from tests.factories import BoardFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def report() -> Report:
    return Report.objects.create(
        board=BoardFactory(name="Cabinet"),
        title="Locality Strategy for Herefordshire",
        body="<p>The strategy as typed.</p>",
    )


def stored_files(media) -> list[str]:
    return sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())


def refusal(call) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.messages


def test_a_report_is_written_with_its_cover_sheet_sanitised():
    board = BoardFactory(name="Cabinet")
    officer = PersonFactory(name="Geoff Hughes")

    report = report_create(
        board=board,
        fields={
            "title": "Locality Strategy for Herefordshire",
            "portfolio_area": "Economic Development and Community Services",
            "wards_affected": "County-wide",
            "purpose": "<p onclick='x()'>To approve the Locality Strategy.</p><script>x()</script>",
            "key_decision_note": "This is not a Key Decision.",
            "contact_officer": officer,
        },
    )

    report.refresh_from_db()
    assert report.board == board
    assert report.title == "Locality Strategy for Herefordshire"
    assert report.portfolio_area == "Economic Development and Community Services"
    assert report.purpose == "<p>To approve the Locality Strategy.</p>"
    assert report.contact_officer == officer


def test_a_report_without_a_title_is_refused_and_not_saved():
    with pytest.raises(ValidationError) as refused:
        report_create(board=BoardFactory(), fields={"title": ""})

    assert refused.value.message_dict == {"title": ["This field cannot be blank."]}
    assert Report.objects.count() == 0


def test_a_report_update_changes_the_cover_sheet_sanitised(report):
    report_update(
        report=report,
        fields={"key_considerations": '<p>Localities <a href="javascript:x()">form</a> part.</p>'},
    )

    report.refresh_from_db()
    assert report.key_considerations == (
        '<p>Localities <a rel="noopener noreferrer">form</a> part.</p>'
    )


def test_a_report_update_refuses_what_is_not_on_the_cover_sheet(report):
    with pytest.raises(TypeError, match="Not part of a report's cover sheet: board"):
        report_update(report=report, fields={"board": BoardFactory()})


def test_a_word_upload_becomes_the_body_and_is_kept_as_the_source(report, media):
    report_import_docx(
        report=report,
        upload=upload("Locality Strategy.docx", word_document("Our vision.", heading="Preface")),
    )

    report.refresh_from_db()
    assert report.body == "<h3>Preface</h3><p>Our vision.</p>"
    assert report.source_document.name == "reports/sources/locality-strategy.docx"
    assert stored_files(media) == ["reports/sources/locality-strategy.docx"]


@pytest.mark.parametrize(
    "content",
    [png_image(), b"Purpose: to approve the strategy.", pdf_document()],
    ids=["picture", "plain text", "pdf"],
)
def test_a_file_named_docx_that_is_not_word_changes_nothing(report, media, content):
    messages = refusal(
        lambda: report_import_docx(report=report, upload=upload("strategy.docx", content))
    )

    assert messages == [NOT_A_WORD_DOCUMENT]
    report.refresh_from_db()
    assert report.body == "<p>The strategy as typed.</p>"
    assert report.source_document.name == ""
    assert stored_files(media) == []


def test_a_word_document_that_cannot_be_read_changes_nothing(report, media):
    broken = word_document(document_xml="<w:document")

    messages = refusal(
        lambda: report_import_docx(report=report, upload=upload("strategy.docx", broken))
    )

    assert messages == [WORD_DOCUMENT_UNREADABLE]
    report.refresh_from_db()
    assert report.body == "<p>The strategy as typed.</p>"
    assert stored_files(media) == []


def test_an_oversized_word_upload_changes_nothing(report, media, settings):
    settings.MAX_UPLOAD_BYTES = 100

    messages = refusal(
        lambda: report_import_docx(
            report=report, upload=upload("strategy.docx", word_document("Our vision."))
        )
    )

    assert messages == [FILE_TOO_LARGE.format(limit="100 bytes")]
    report.refresh_from_db()
    assert report.body == "<p>The strategy as typed.</p>"
    assert stored_files(media) == []


def test_a_pdf_appendix_is_kept_to_be_merged_as_it_is(report, media):
    appendix = appendix_add(
        report=report,
        label="1",
        title="Strategy summary",
        upload=upload("summary.docx", pdf_document(pages=2)),
    )

    appendix.refresh_from_db()
    assert appendix.body == ""
    # Named by its content, though it was uploaded as .docx.
    assert appendix.file.name == "reports/appendices/summary.pdf"
    assert stored_files(media) == ["reports/appendices/summary.pdf"]


def test_a_word_appendix_is_converted_and_its_file_kept(report, media):
    appendix = appendix_add(
        report=report,
        label="(a)",
        title="Draft engagement framework",
        upload=upload("framework.docx", word_document("Implementing a partnership approach.")),
    )

    appendix.refresh_from_db()
    assert appendix.body == "<p>Implementing a partnership approach.</p>"
    assert appendix.file.name == "reports/appendices/framework.docx"


def test_a_typed_appendix_is_saved_sanitised(report, media):
    appendix = appendix_add(
        report=report,
        label="2",
        title="Full strategy",
        body="<p>Information and ICT Strategy</p><img src=x>",
    )

    appendix.refresh_from_db()
    assert appendix.body == "<p>Information and ICT Strategy</p>"
    assert appendix.file.name == ""
    assert stored_files(media) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (pdf_document(pages=2)[:300], PDF_IS_DAMAGED),
        (pdf_document(password="secret"), PDF_IS_ENCRYPTED),
        (png_image(), NOT_A_PDF_OR_WORD_DOCUMENT),
    ],
    ids=["truncated pdf", "encrypted pdf", "picture"],
)
def test_an_appendix_that_cannot_be_merged_or_read_changes_nothing(report, media, content, message):
    messages = refusal(
        lambda: appendix_add(
            report=report, label="1", title="Summary", upload=upload("summary.pdf", content)
        )
    )

    assert messages == [message]
    assert Appendix.objects.count() == 0
    assert stored_files(media) == []


def test_an_oversized_appendix_changes_nothing(report, media, settings):
    settings.MAX_UPLOAD_BYTES = 256

    messages = refusal(
        lambda: appendix_add(
            report=report,
            label="1",
            title="Summary",
            upload=upload("summary.pdf", pdf_document(pages=4)),
        )
    )

    assert messages == ["The selected file must be smaller than 256 bytes."]
    assert Appendix.objects.count() == 0
    assert stored_files(media) == []


def test_an_appendix_label_is_used_once_per_report(report, media):
    appendix_add(report=report, label="1", title="Summary", body="<p>Summary</p>")

    with pytest.raises(ValidationError) as refused:
        appendix_add(
            report=report, label="1", title="Strategy", upload=upload("s.pdf", pdf_document())
        )

    assert refused.value.message_dict == {"label": [APPENDIX_LABEL_TAKEN.format(label="1")]}
    assert list(report.appendices.values_list("title", flat=True)) == ["Summary"]
    assert stored_files(media) == []


def test_an_appendix_needs_a_file_or_text_but_not_both(report, media):
    assert refusal(lambda: appendix_add(report=report, label="1", title="Summary")) == [
        APPENDIX_NEEDS_CONTENT
    ]
    assert refusal(
        lambda: appendix_add(
            report=report,
            label="1",
            title="Summary",
            upload=upload("s.pdf", pdf_document()),
            body="<p>Summary</p>",
        )
    ) == [APPENDIX_FILE_OR_TEXT]
    assert Appendix.objects.count() == 0
    assert stored_files(media) == []


def test_a_file_stored_for_an_appendix_that_then_fails_to_save_is_removed(
    report, media, monkeypatch
):
    def clash(*args, **kwargs):
        raise IntegrityError("unique_appendix_label")

    monkeypatch.setattr(Appendix, "save", clash)

    with pytest.raises(IntegrityError):
        appendix_add(
            report=report, label="1", title="Summary", upload=upload("s.pdf", pdf_document())
        )

    assert stored_files(media) == []


def test_an_appendix_is_removed_from_its_report(report):
    appendix = appendix_add(report=report, label="1", title="Summary", body="<p>Summary</p>")

    appendix_remove(appendix=appendix)

    assert report.appendices.count() == 0
