"""Published documents are kept six years from the later of publication and their meeting, and
every version of them for good: the services, the admin and (on PostgreSQL) the database."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.forms import inlineformset_factory
from django.utils import timezone

from meetings.admin import RetainedDocumentsFormSet
from meetings.models import AgendaItem, Appendix, Meeting, Minute, Report, Resolution
from meetings.retention import DOCUMENT_RETAINED, kept_until, retention_message
from meetings.services.agenda import agenda_item_remove
from meetings.services.reports import appendix_remove, report_import_docx
from tests.documents import upload, word_document
from tests.factories import AgendaItemFactory, BoardFactory, MeetingFactory, MinuteFactory
from tests.outcomes.helpers import officer_of
from tests.pages import text_of

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int, hour: int = 14) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def report_on_agenda(*, starts_at, published_at) -> Report:
    """A report on the agenda of a Cabinet meeting, published when given."""
    board = BoardFactory(name="Cabinet")
    meeting = MeetingFactory(board=board, starts_at=starts_at, agenda_published_at=published_at)
    report = Report.objects.create(board=board, title="Locality Strategy")
    AgendaItemFactory(meeting=meeting, position=4, title="Locality Strategy", report=report)
    return report


@pytest.fixture
def appendix() -> Appendix:
    """Appendix 1 of a report on the agenda published on 7 March 2019, for 14 March 2019."""
    report = report_on_agenda(starts_at=at(2019, 3, 14), published_at=at(2019, 3, 7, 9))
    return Appendix.objects.create(report=report, label="1", title="Map", body="<p>Map.</p>")


def recently_published_appendix() -> Appendix:
    starts_at = timezone.now() - datetime.timedelta(days=30)
    report = report_on_agenda(
        starts_at=starts_at, published_at=starts_at - datetime.timedelta(days=7)
    )
    return Appendix.objects.create(report=report, label="1", title="Map", body="<p>Map.</p>")


# The rule: six years from the later of publication and the meeting.


def test_an_agenda_is_kept_six_years_from_its_meeting_as_it_is_published_before(appendix):
    assert kept_until(appendix) == datetime.date(2025, 3, 14)
    assert kept_until(appendix.report.agenda_item) == datetime.date(2025, 3, 14)


def test_minutes_are_kept_six_years_from_their_publication_after_the_meeting():
    meeting = MeetingFactory(
        starts_at=at(2019, 3, 14),
        minutes_status=Meeting.MinutesStatus.PUBLISHED,
        minutes_published_at=at(2019, 4, 20, 10),
    )
    minute = MinuteFactory(meeting=meeting, number=86)
    resolution = Resolution.objects.create(minute=minute, position=1, text="Noted.")

    assert kept_until(minute) == kept_until(resolution) == datetime.date(2025, 4, 20)
    assert kept_until(meeting) == datetime.date(2025, 4, 20)


def test_a_document_of_29_february_may_be_deleted_from_1_march():
    meeting = MeetingFactory(starts_at=at(2020, 2, 29, 10), agenda_published_at=at(2020, 2, 20))

    assert kept_until(meeting) == datetime.date(2026, 3, 1)


def test_what_is_not_published_is_no_document():
    draft = MeetingFactory(starts_at=at(2019, 3, 14))
    unlisted = Report.objects.create(board=draft.board, title="Not on an agenda")

    assert kept_until(draft) is None
    assert kept_until(AgendaItemFactory(meeting=draft)) is None
    assert kept_until(unlisted) is None
    assert kept_until(MinuteFactory(meeting=draft)) is None


# The services.


def test_a_published_appendix_is_not_removed_before_six_years(appendix):
    with pytest.raises(ValidationError) as refusal:
        appendix_remove(appendix=appendix, on=datetime.date(2025, 3, 13))

    assert refusal.value.messages == [
        DOCUMENT_RETAINED.format(
            document="Appendix 1: Map", published="7 March 2019", date="14 March 2025"
        )
    ]
    assert refusal.value.messages[0] == (
        "“Appendix 1: Map” was published on 7 March 2019 and is kept for six years: it may be "
        "deleted from 14 March 2025."
    )
    assert Appendix.objects.filter(pk=appendix.pk).exists()


def test_a_published_appendix_is_removed_once_six_years_have_passed(appendix):
    pk = appendix.pk

    appendix_remove(appendix=appendix, on=datetime.date(2025, 3, 14))

    assert not Appendix.objects.filter(pk=pk).exists()
    # Its versions stay, the removal the last of them.
    assert [row.history_type for row in Appendix.history.filter(id=pk)] == ["-", "+"]


def test_an_item_of_a_published_agenda_is_not_removed_before_six_years(appendix):
    item = appendix.report.agenda_item

    with pytest.raises(ValidationError) as refusal:
        agenda_item_remove(item=item, on=datetime.date(2024, 1, 1))

    assert refusal.value.messages == [
        DOCUMENT_RETAINED.format(
            document="4. Locality Strategy", published="7 March 2019", date="14 March 2025"
        )
    ]
    assert AgendaItem.objects.filter(pk=item.pk).exists()


def test_an_appendix_of_a_report_on_no_published_agenda_is_removed_at_once():
    report = report_on_agenda(starts_at=timezone.now(), published_at=None)
    appendix = Appendix.objects.create(report=report, label="1", title="Map", body="<p>Map.</p>")

    appendix_remove(appendix=appendix)

    assert not Appendix.objects.filter(pk=appendix.pk).exists()


# Files replaced stay in storage, reachable from the history.


def test_a_replaced_word_source_stays_in_storage_and_is_served_from_the_history(
    client, appendix, media
):
    report = appendix.report
    first, second = word_document("As first written."), word_document("As rewritten.")
    report_import_docx(report=report, upload=upload("strategy.docx", first))
    first_name = Report.objects.get(pk=report.pk).source_document.name
    report_import_docx(report=report, upload=upload("strategy.docx", second))
    report.refresh_from_db()
    client.force_login(officer_of(report.board.partnership, "writer"))

    page = client.get(f"/meetings/reports/{report.pk}/history/").content.decode()
    links = re.findall(
        rf'href="(/meetings/reports/{report.pk}/history/\d+/source_document/)"', page
    )
    old_file = client.get(links[0])

    assert report.source_document.name != first_name
    assert (media / first_name).read_bytes() == first
    assert (media / report.source_document.name).read_bytes() == second
    # Newest first: the file replaced, its replacement, then the first upload.
    assert links == [links[0], links[1], links[0]]
    assert b"".join(old_file.streaming_content) == first


def test_a_replaced_word_source_is_served_from_the_history_to_its_writers_only(client, appendix):
    report = appendix.report
    for text in ["As first written.", "As rewritten."]:
        report_import_docx(report=report, upload=upload("strategy.docx", word_document(text)))
    version = report.history.order_by("history_date").first().history_id
    url = f"/meetings/reports/{report.pk}/history/{version}/source_document/"

    page = client.get(f"/meetings/reports/{report.pk}/history/")

    # The public reads the report's history (its agenda is published), not its Word files.
    assert page.status_code == 200
    assert "/source_document/" not in page.content.decode()
    assert client.get(url).status_code == 302


# The admin.


def test_the_admin_refuses_to_delete_a_published_appendix_younger_than_six_years(admin_client):
    appendix = recently_published_appendix()
    until = kept_until(appendix)

    response = admin_client.post(f"/admin/meetings/appendix/{appendix.pk}/delete/", {"post": "yes"})

    assert response.status_code == 200
    assert (
        f"“Appendix 1: Map” was published on {appendix_published_day(appendix)} and is kept for "
        f"six years: it may be deleted from {until:%-d %B %Y}."
    ) in text_of(response)
    assert Appendix.objects.filter(pk=appendix.pk).exists()


def test_the_admin_refuses_to_delete_a_meeting_whose_agenda_must_be_kept(admin_client):
    appendix = recently_published_appendix()
    meeting = appendix.report.agenda_item.meeting

    response = admin_client.post(
        "/admin/meetings/meeting/", {"action": "delete_selected", "_selected_action": [meeting.pk]}
    )

    text = text_of(response)
    assert f"“{meeting}” was published on" in text
    assert "“4. Locality Strategy” was published on" in text
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_the_admin_deletes_a_published_appendix_six_years_on(admin_client, appendix):
    response = admin_client.post(f"/admin/meetings/appendix/{appendix.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Appendix.objects.filter(pk=appendix.pk).exists()


def test_the_admin_refuses_an_appendix_ticked_for_deletion_on_its_report(admin_client):
    appendix = recently_published_appendix()
    Appendices = inlineformset_factory(
        Report, Appendix, formset=RetainedDocumentsFormSet, fields=["label", "title"]
    )
    data = {
        "appendices-TOTAL_FORMS": "1",
        "appendices-INITIAL_FORMS": "1",
        "appendices-0-id": str(appendix.pk),
        "appendices-0-report": str(appendix.report_id),
        "appendices-0-label": "1",
        "appendices-0-title": "Map",
        "appendices-0-DELETE": "on",
    }

    formset = Appendices(data, instance=appendix.report, prefix="appendices")

    assert not formset.is_valid()
    assert formset.non_form_errors() == [retention_message(appendix, kept_until(appendix))]


def appendix_published_day(appendix: Appendix) -> str:
    published = appendix.report.agenda_item.meeting.agenda_published_at
    return f"{timezone.localdate(published):%-d %B %Y}"


# The database, on PostgreSQL.


def delete_row(model, pk: int) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {model._meta.db_table} WHERE id = %s", [pk])


@pytest.mark.postgres
def test_the_database_refuses_to_delete_a_published_document_younger_than_six_years():
    appendix = recently_published_appendix()
    minute = MinuteFactory(
        meeting=appendix.report.agenda_item.meeting, number=1, title="Locality Strategy"
    )
    Meeting.objects.filter(pk=minute.meeting_id).update(
        minutes_status=Meeting.MinutesStatus.PUBLISHED, minutes_published_at=timezone.now()
    )

    for model, pk in [(Appendix, appendix.pk), (Minute, minute.pk), (Meeting, minute.meeting_id)]:
        with pytest.raises(IntegrityError, match="kept for six years"):
            delete_row(model, pk)

    assert Appendix.objects.filter(pk=appendix.pk).exists()
    assert Minute.objects.filter(pk=minute.pk).exists()


@pytest.mark.postgres
def test_the_database_deletes_a_published_document_six_years_on(appendix):
    delete_row(Appendix, appendix.pk)

    assert not Appendix.objects.filter(pk=appendix.pk).exists()


@pytest.mark.postgres
def test_the_database_never_purges_the_versions_of_documents(appendix):
    with pytest.raises(IntegrityError, match="never purged"), transaction.atomic():
        Appendix.history.filter(id=appendix.pk).delete()

    assert Appendix.history.filter(id=appendix.pk).count() == 1
