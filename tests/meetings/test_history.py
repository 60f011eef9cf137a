"""History pages of meetings records, linked from their pages."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from meetings.models import Appendix, Report
from tests.factories import AgendaItemFactory, BoardFactory, MeetingFactory, PersonFactory
from tests.outcomes.helpers import officer_of
from tests.pages import text_of

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def report() -> Report:
    """A report on the published agenda of a Cabinet meeting."""
    board = BoardFactory(name="Cabinet")
    meeting = MeetingFactory(
        board=board,
        starts_at=datetime.datetime(2011, 3, 17, 14, tzinfo=LONDON),
        agenda_published_at=datetime.datetime(2011, 3, 9, 9, tzinfo=LONDON),
    )
    report = Report.objects.create(
        board=board, title="Locality Strategy", purpose="<p>To agree the strategy.</p>"
    )
    AgendaItemFactory(meeting=meeting, position=4, title="Locality Strategy", report=report)
    return report


def test_a_report_with_many_versions_has_its_history_in_a_bounded_number_of_queries(
    client, report, django_assert_max_num_queries
):
    officers = [PersonFactory(name=name) for name in ("Geoff Hughes", "Sally Cole")]
    for number in range(40):
        report.purpose = f"<p>To agree the strategy, draft {number}.</p>"
        report.contact_officer = officers[number % 2]
        report.is_key_decision = bool(number % 2)
        report.save()
    Appendix.objects.create(report=report, label="1", title="Map", body="<p>Map.</p>")
    client.force_login(officer_of(report.board.partnership, "writer"))

    with django_assert_max_num_queries(18):
        response = client.get(f"/meetings/reports/{report.pk}/history/")

    text = text_of(response)
    assert text.count("Contact officer") == 40
    assert "Contact officer Sally Cole → changed to Geoff Hughes" in text
    assert "Is key decision Yes → changed to No" in text
    assert (
        "Purpose The purpose before and after Before To agree the strategy, draft 38. "
        "After To agree the strategy, draft 39."
    ) in text


def test_the_report_and_meeting_pages_link_to_their_histories(client, report):
    appendix = Appendix.objects.create(report=report, label="1", title="Map", body="<p>Map.</p>")
    item = report.agenda_item
    meeting = item.meeting

    report_page = client.get(f"/meetings/reports/{report.pk}/").content.decode()
    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    appendix_history = client.get(
        f"/meetings/reports/{report.pk}/appendices/{appendix.pk}/history/"
    )

    assert f'href="/meetings/reports/{report.pk}/history/"' in report_page
    assert f'href="/meetings/reports/{report.pk}/appendices/{appendix.pk}/history/"' in (
        report_page
    )
    assert f'href="/meetings/{meeting.pk}/history/"' in meeting_page
    assert f'href="/meetings/{meeting.pk}/agenda/items/{item.pk}/history/"' in meeting_page
    assert appendix_history.status_code == 200
    assert "Appendix 1: Map History of changes" in text_of(appendix_history)
