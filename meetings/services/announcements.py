"""What a meeting's webhooks tell partner systems: only what the public may already read."""

from django.conf import settings
from django.urls import reverse

from meetings.models import AgendaPack, Meeting
from partnership.models import WebhookEvent
from partnership.services import webhook_event_emit


def _meeting_data(meeting: Meeting) -> dict:
    return {
        "event": meeting.pk,
        "organization": meeting.board_id,
        "name": str(meeting),
        "start_date": meeting.starts_at.isoformat(),
        "web_url": settings.SITE_URL + meeting.get_absolute_url(),
        "api_url": settings.SITE_URL + reverse("api:meeting-detail", args=[meeting.pk]),
    }


def announce_agenda_published(meeting: Meeting) -> None:
    webhook_event_emit(
        partnership_id=meeting.board.partnership_id,
        event=WebhookEvent.AGENDA_PUBLISHED,
        key=f"{meeting.pk}:{meeting.agenda_published_at.isoformat()}",
        data=_meeting_data(meeting),
    )


def announce_minutes_published(meeting: Meeting) -> None:
    webhook_event_emit(
        partnership_id=meeting.board.partnership_id,
        event=WebhookEvent.MINUTES_PUBLISHED,
        key=f"{meeting.pk}:{meeting.minutes_published_at.isoformat()}",
        data={
            **_meeting_data(meeting),
            "minutes_url": settings.SITE_URL
            + reverse("api:minute-list")
            + f"?meeting={meeting.pk}",
        },
    )


def announce_pack_ready(pack: AgendaPack) -> None:
    """Only the public pack is announced: the members' pack holds exempt items."""
    if pack.variant != AgendaPack.Variant.PUBLIC:
        return
    webhook_event_emit(
        partnership_id=pack.meeting.board.partnership_id,
        event=WebhookEvent.PACK_READY,
        key=str(pack.pk),
        data={
            **_meeting_data(pack.meeting),
            "pack": pack.pk,
            "page_count": pack.page_count,
            "download_url": settings.SITE_URL + reverse("meetings:pack_download", args=[pack.pk]),
        },
    )
