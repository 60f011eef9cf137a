"""The minutes of a meeting as a PDF in the seed's style, for those who may read them."""

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from meetings.models import Meeting, Resolution
from tests.factories import AgendaItemFactory, MinuteFactory
from tests.pages import page_texts

pytestmark = pytest.mark.django_db


def _minutes_text(client, meeting: Meeting) -> str:
    response = client.get(f"/meetings/{meeting.pk}/minutes.pdf")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return " ".join(page_texts(reader))


@pytest.fixture
def published_minutes(small_meeting) -> Meeting:
    meeting = small_meeting.meeting
    meeting.ends_at = meeting.starts_at + datetime.timedelta(hours=1, minutes=45)
    meeting.minutes_status = Meeting.MinutesStatus.PUBLISHED
    meeting.minutes_published_at = timezone.now()
    meeting.save()
    minute = MinuteFactory(meeting=meeting, number=12, title="Highways maintenance costs")
    Resolution.objects.create(minute=minute, position=1, text="That the costs be noted.", label="")
    return meeting


def test_minutes_pdf_follows_the_seed_numbers_resolutions_end_and_signature(client, february):
    text = _minutes_text(client, february)

    assert text.startswith(
        "HEREFORDSHIRE PARTNERSHIP MINUTES of the meeting of Cabinet held at The Council "
        "Chamber, Brockington, 35 Hafod Road, Hereford on Thursday 17 February 2011 at 2.00 pm "
        "Present: Councillor RJ Phillips (Chairman) Councillors: LO Barnett, AJM Blackshaw, "
        "H Bramer, JP French, JG Jarvis, PD Price and DB Wilcox In attendance: Councillors "
        "WU Attfield, WLS Bowen, PJ Edwards, MAF Hubbard, TM James, RI Matthews and PM Morgan "
        "86. APOLOGIES FOR ABSENCE Apologies for absence were received from Councillor JA Hyde"
    )
    assert (
        "88. MINUTES RESOLVED: That the Minutes of the meeting held on 20 January 2011 be "
        "approved as a correct record and signed by the Chairman."
    ) in text
    assert "RESOLVED: That Cabinet: a) Noted the report and the forecast deficit" in text
    assert "The meeting ended at 3.30 pm CHAIRMAN" in text


def test_minutes_pdf_pages_are_numbered(client, february):
    response = client.get(f"/meetings/{february.pk}/minutes.pdf")
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))

    assert [text.rsplit(" ", 1)[-1] for text in page_texts(reader)] == [
        str(number) for number in range(1, len(reader.pages) + 1)
    ]
    assert response["Content-Disposition"] == (
        'attachment; filename="cabinet-2011-02-17-minutes.pdf"'
    )


def test_draft_minutes_pdf_is_for_the_board_only_and_says_it_is_a_draft(client, small_meeting):
    meeting = small_meeting.meeting
    meeting.minutes_status = Meeting.MinutesStatus.DRAFT
    meeting.save()
    MinuteFactory(meeting=meeting, number=1, title="Apologies for absence")

    anonymous = client.get(f"/meetings/{meeting.pk}/minutes.pdf")
    client.force_login(small_meeting.member)
    text = _minutes_text(client, meeting)

    assert anonymous.status_code == 302
    assert "Draft minutes, not yet approved." in text
    assert "1. APOLOGIES FOR ABSENCE" in text


def test_public_minutes_pdf_leaves_out_exempt_minutes_but_the_board_sees_them(
    client, small_meeting, published_minutes
):
    exempt_item = AgendaItemFactory(
        meeting=published_minutes,
        position=2,
        title="Depot lease terms",
        is_exempt=True,
        exempt_paragraph="3",
    )
    MinuteFactory(
        meeting=published_minutes, number=13, title="Depot lease terms", agenda_item=exempt_item
    )

    public = _minutes_text(client, published_minutes)
    client.force_login(small_meeting.member)
    board = _minutes_text(client, published_minutes)

    assert "12. HIGHWAYS MAINTENANCE COSTS RESOLVED: That the costs be noted." in public
    assert "depot lease" not in public.lower()
    assert (
        "13. NOT FOR PUBLICATION Not for publication: exempt information under paragraph 3 of "
        "Schedule 12A to the Local Government Act 1972."
    ) in public
    assert "13. DEPOT LEASE TERMS" in board
    assert "The meeting ended at 12.45 pm CHAIRMAN" in public


def test_minutes_not_yet_written_are_not_found(client, small_meeting):
    client.force_login(small_meeting.clerk)

    assert client.get(f"/meetings/{small_meeting.meeting.pk}/minutes.pdf").status_code == 404
