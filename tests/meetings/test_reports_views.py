import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from core.uploads import NOT_A_WORD_DOCUMENT, PDF_IS_DAMAGED, PDF_IS_ENCRYPTED
from governance.models import Board
from meetings.models import Appendix, Report
from meetings.services.reports import APPENDIX_NEEDS_CONTENT, appendix_add, report_import_docx
from tests.documents import pdf_document, png_image, upload, word_document
from tests.pages import error_summary, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def cabinet(demo) -> Board:
    return Board.objects.get(slug="cabinet")


@pytest.fixture
def clerk(client, demo) -> User:
    user = User.objects.get(username="clerk")
    client.force_login(user)
    return user


@pytest.fixture
def locality_strategy(demo) -> Report:
    return Report.objects.get(title="Locality Strategy for Herefordshire")


@pytest.fixture
def draft_report(cabinet) -> Report:
    """A report not yet on any agenda."""
    return Report.objects.create(
        board=cabinet, title="Shadow Health and Wellbeing Board", body="<p>As typed.</p>"
    )


def stored_files(media) -> list[str]:
    return sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())


def test_the_clerk_writes_a_report_in_typed_text(client, clerk, cabinet):
    response = client.post(
        reverse("meetings:report_create", args=[cabinet.pk]),
        {
            "title": "Shadow Health and Wellbeing Board",
            "classification": "open",
            "wards_affected": "County-wide",
            "purpose": "To agree the terms of reference.",
            "key_considerations": "The Board is an early implementer.\n\nIts members are:\n"
            "- the Chief Executive\n- a representative of LINk",
        },
    )

    report = Report.objects.get(title="Shadow Health and Wellbeing Board")
    assert response.status_code == 302
    assert response.url == reverse("meetings:report_detail", args=[report.pk])
    assert report.board == cabinet
    assert report.purpose == "<p>To agree the terms of reference.</p>"
    assert report.key_considerations == (
        "<p>The Board is an early implementer.</p><p>Its members are:</p>"
        "<ul><li>the Chief Executive</li><li>a representative of LINk</li></ul>"
    )


def test_a_report_without_a_title_is_refused_with_the_reason(client, clerk, cabinet):
    response = client.post(
        reverse("meetings:report_create", args=[cabinet.pk]),
        {"title": "", "classification": "open"},
    )

    assert response.status_code == 200
    assert error_summary(response) == ["Enter the title of the report."]
    assert not Report.objects.filter(board=cabinet, title="").exists()


def test_the_edit_form_shows_stored_paragraphs_as_typed_text(client, clerk, locality_strategy):
    response = client.get(reverse("meetings:report_edit", args=[locality_strategy.pk]))

    page = response.content.decode()
    assert (
        "Localities form part of the Communities First work stream of the Rising to the "
        "Challenge Transformation Programme."
    ) in page
    assert "&lt;p&gt;Localities form part" not in page


def test_a_report_page_prints_the_cover_sheet_in_order_with_numbered_paragraphs(
    client, locality_strategy
):
    response = client.get(reverse("meetings:report_detail", args=[locality_strategy.pk]))

    text = text_of(response)
    headings = [
        "Meeting Cabinet , item 5",
        "Date 17 March 2011",
        "Title of report Locality Strategy for Herefordshire",
        "Portfolio area Economic Development and Community Services",
        "Classification Open",
        "Wards affected County-wide",
        "Purpose To approve the Locality Strategy for Herefordshire.",
        "Key decision This is a not a Key Decision.",
        "Recommendations THAT: Cabinet approves the Locality Strategy.",
        "Key points summary Early in 2010",
        "Alternative options Not implementing",
        "Reasons for recommendations The Locality Strategy and the identified nine areas",
        "Introduction and background The Locality Strategy builds",
        "Key considerations 1 Localities form part of the Communities First work stream",
        "3 The objectives of the Locality Strategy are.",
        "Community impact 6 A collaborative approach",
        "Financial implications 8 The adoption of the Locality Strategy",
        "Legal implications 9 None identified.",
        "Risk management 10 The risk is that",
        "Consultees 11 Work on Localities",
        "Appendices Appendix 1: Locality Strategy for Herefordshire",
        "Background papers None identified.",
        "Further information on the subject of this report is available from Geoff Hughes, "
        "Sustainable Communities Director on (01432) 260695.",
    ]
    positions = [text.find(heading) for heading in headings]
    assert -1 not in positions, [h for h, p in zip(headings, positions, strict=True) if p == -1]
    assert positions == sorted(positions)
    assert response.status_code == 200


def test_the_public_reads_a_report_on_a_published_agenda(client, locality_strategy):
    response = client.get(reverse("meetings:report_detail", args=[locality_strategy.pk]))

    assert response.status_code == 200
    assert "Change the cover sheet" not in response.content.decode()


def test_an_exempt_report_is_not_shown_to_the_public(client, demo):
    exempt = Report.objects.get(classification=Report.Classification.EXEMPT)

    response = client.get(reverse("meetings:report_detail", args=[exempt.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_an_exempt_report_is_shown_to_the_clerk_with_its_exemption(client, clerk, demo):
    exempt = Report.objects.get(classification=Report.Classification.EXEMPT)

    response = client.get(reverse("meetings:report_detail", args=[exempt.pk]))

    assert response.status_code == 200
    assert (
        "Not for publication: exempt information under paragraph 3 of Schedule 12A to the "
        "Local Government Act 1972."
    ) in text_of(response)


def test_a_report_not_on_an_agenda_is_for_its_writers_only(client, draft_report):
    client.force_login(User.objects.get(username="scrutiny"))

    response = client.get(reverse("meetings:report_detail", args=[draft_report.pk]))

    assert response.status_code == 403


def test_an_officer_of_another_partnership_may_not_write_to_the_board(client, cabinet):
    client.force_login(User.objects.get(username="officer"))

    response = client.get(reverse("meetings:report_create", args=[cabinet.pk]))

    assert response.status_code == 403


def test_the_board_report_list_shows_which_are_on_an_agenda(
    client, clerk, cabinet, draft_report, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get(reverse("meetings:report_list", args=[cabinet.pk]))

    text = text_of(response)
    assert "Shadow Health and Wellbeing Board Not yet on an agenda" in text
    assert "Locality Strategy for Herefordshire Item 5, 17 March 2011" in text


def test_a_word_document_becomes_the_report_text(client, clerk, draft_report, media):
    response = client.post(
        reverse("meetings:report_word_upload", args=[draft_report.pk]),
        {"document": upload("board.docx", word_document("Terms of reference.", heading="Remit"))},
    )

    assert response.status_code == 302
    draft_report.refresh_from_db()
    assert draft_report.body == "<h3>Remit</h3><p>Terms of reference.</p>"
    assert stored_files(media) == ["reports/sources/board.docx"]


@pytest.mark.parametrize("content", [png_image(), b"Just some text"], ids=["picture", "plain text"])
def test_a_renamed_file_uploaded_as_word_is_refused_and_changes_nothing(
    client, clerk, draft_report, media, content
):
    response = client.post(
        reverse("meetings:report_word_upload", args=[draft_report.pk]),
        {"document": upload("board.docx", content)},
    )

    assert response.status_code == 200
    assert error_summary(response) == [NOT_A_WORD_DOCUMENT]
    draft_report.refresh_from_db()
    assert draft_report.body == "<p>As typed.</p>"
    assert draft_report.source_document.name == ""
    assert stored_files(media) == []


def test_an_oversized_word_upload_is_refused_and_changes_nothing(
    client, clerk, draft_report, media, settings
):
    settings.MAX_UPLOAD_BYTES = 200

    response = client.post(
        reverse("meetings:report_word_upload", args=[draft_report.pk]),
        {"document": upload("board.docx", word_document("Terms of reference."))},
    )

    assert error_summary(response) == ["The selected file must be smaller than 200 bytes."]
    draft_report.refresh_from_db()
    assert draft_report.body == "<p>As typed.</p>"
    assert stored_files(media) == []


def test_a_pdf_appendix_is_added_and_can_be_downloaded_by_readers(
    client, clerk, locality_strategy, media
):
    response = client.post(
        reverse("meetings:appendix_add", args=[locality_strategy.pk]),
        {"label": "2", "title": "Locality profiles", "document": upload("p.pdf", pdf_document())},
    )

    appendix = locality_strategy.appendices.get(label="2")
    assert response.status_code == 302
    assert appendix.file.name == "reports/appendices/p.pdf"

    client.logout()
    download = client.get(
        reverse("meetings:appendix_file", args=[locality_strategy.pk, appendix.pk])
    )
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("content", "message"),
    [(pdf_document(pages=2)[:400], PDF_IS_DAMAGED), (pdf_document(password="x"), PDF_IS_ENCRYPTED)],
    ids=["truncated", "encrypted"],
)
def test_a_pdf_appendix_that_cannot_be_merged_is_refused_and_changes_nothing(
    client, clerk, locality_strategy, media, content, message
):
    response = client.post(
        reverse("meetings:appendix_add", args=[locality_strategy.pk]),
        {"label": "2", "title": "Locality profiles", "document": upload("p.pdf", content)},
    )

    assert error_summary(response) == [message]
    assert list(locality_strategy.appendices.values_list("label", flat=True)) == ["1"]
    assert stored_files(media) == []


def test_an_appendix_without_a_file_or_text_is_refused(client, clerk, locality_strategy):
    response = client.post(
        reverse("meetings:appendix_add", args=[locality_strategy.pk]),
        {"label": "2", "title": "Locality profiles"},
    )

    assert error_summary(response) == [APPENDIX_NEEDS_CONTENT]
    assert Appendix.objects.filter(report=locality_strategy).count() == 1


def test_an_appendix_of_an_exempt_report_is_not_downloaded_by_the_public(client, demo, media):
    exempt = Report.objects.get(classification=Report.Classification.EXEMPT)
    appendix = appendix_add(
        report=exempt, label="A", title="Tender scores", upload=upload("s.pdf", pdf_document())
    )

    response = client.get(reverse("meetings:appendix_file", args=[exempt.pk, appendix.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_an_appendix_is_removed(client, clerk, locality_strategy):
    appendix = locality_strategy.appendices.get(label="1")

    response = client.post(
        reverse("meetings:appendix_remove", args=[locality_strategy.pk, appendix.pk])
    )

    assert response.status_code == 302
    assert not Appendix.objects.filter(pk=appendix.pk).exists()


def test_the_word_source_is_for_the_reports_writers_only(client, demo, draft_report, media):
    report_import_docx(report=draft_report, upload=upload("b.docx", word_document("Text")))
    url = reverse("meetings:report_source", args=[draft_report.pk])
    client.force_login(User.objects.get(username="scrutiny"))

    assert client.get(url).status_code == 403

    client.force_login(User.objects.get(username="clerk"))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="Shadow Health and Wellbeing Board.docx"'
    )
