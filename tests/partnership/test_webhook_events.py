"""The changes partner systems hear of, and only the public parts of them."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from meetings.models import AgendaPack
from meetings.services.announcements import announce_pack_ready
from meetings.services.minutes import minutes_publish
from outcomes.models import Indicator
from outcomes.services.announcements import overdue_actions_announce
from outcomes.services.readings import ReadingEntry, readings_upsert
from partnership.models import WebhookDelivery
from partnership.services import webhook_endpoint_register
from tests.factories import (
    BoardFactory,
    DevelopmentActionFactory,
    IndicatorFactory,
    MeetingFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def _subscribe(partnership, *events):
    return webhook_endpoint_register(
        partnership=partnership,
        url="https://example.org/hooks",
        events=events,
        description="",
        by=None,
    )


def _payloads(event):
    return [d.payload["data"] for d in WebhookDelivery.objects.filter(event=event)]


def test_publishing_minutes_tells_the_partnership_s_endpoints():
    board = BoardFactory()
    meeting = MeetingFactory(board=board, minutes_status="approved")
    _subscribe(board.partnership, "minutes.published")
    _subscribe(BoardFactory().partnership, "minutes.published")  # another partnership's

    minutes_publish(meeting=meeting, by=PersonFactory())

    [data] = _payloads("minutes.published")
    assert data["event"] == meeting.pk
    assert data["minutes_url"] == f"http://localhost:8000/api/v1/minutes/?meeting={meeting.pk}"
    assert WebhookDelivery.objects.count() == 1


def test_new_readings_are_announced_and_updated_ones_not():
    indicator = IndicatorFactory()
    _subscribe(indicator.outcome.framework.partnership, "reading.added")
    entry = ReadingEntry(
        indicator.pk, datetime.date(2014, 4, 1), datetime.date(2015, 3, 31), Decimal("61.5")
    )

    readings_upsert(entries=[entry], indicators=Indicator.objects.all())
    readings_upsert(entries=[entry._replace(value=Decimal(62))], indicators=Indicator.objects.all())

    [data] = _payloads("reading.added")
    assert data["readings"] == [
        {
            "id": indicator.readings.get().pk,
            "indicator": indicator.pk,
            "period_start": "2014-04-01",
            "period_end": "2015-03-31",
            "value": "61.5",
        }
    ]


def test_an_overdue_action_is_announced_once_for_its_deadline():
    today = timezone.localdate()
    action = DevelopmentActionFactory(deadline=today - datetime.timedelta(days=1))
    DevelopmentActionFactory(partnership=action.partnership, deadline=today)  # not yet overdue
    _subscribe(action.partnership, "action.overdue")

    overdue_actions_announce(today=today)
    overdue_actions_announce(today=today)

    assert _payloads("action.overdue") == [
        {
            "development_action": action.pk,
            "reference": action.reference,
            "deadline": action.deadline.isoformat(),
            "status": "not_started",
        }
    ]


@pytest.mark.parametrize(("variant", "announced"), [("public", 1), ("members", 0)])
def test_only_the_public_pack_is_announced(variant, announced):
    meeting = MeetingFactory()
    _subscribe(meeting.board.partnership, "pack.ready")
    pack = AgendaPack.objects.create(
        meeting=meeting,
        variant=variant,
        requested_by=PersonFactory(),
        status="ready",
        page_count=12,
        file="packs/pack.pdf",
    )

    announce_pack_ready(pack)

    assert WebhookDelivery.objects.filter(event="pack.ready").count() == announced
