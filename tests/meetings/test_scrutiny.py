"""The scrutiny member's view of the boards their committee scrutinises, and decision trails."""

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from meetings.models import AgendaItem, Report, Resolution
from tests.factories import MeetingFactory, MinuteFactory, UserFactory

pytestmark = pytest.mark.django_db

EXEMPT_MARKER = "AUBERGINE-ZEPHYR-7731"


def _resolution_93e():
    return Resolution.objects.get(
        minute__meeting__board__slug="cabinet", minute__number=93, label="(e)"
    )


def test_a_scrutiny_member_sees_cabinets_decisions_and_reports_exempt_ones_marked(client, demo):
    client.force_login(User.objects.get(username="scrutiny"))

    response = client.get("/meetings/scrutiny/")

    page = response.content.decode()
    (board,) = response.context["boards"]
    assert board.name == "Cabinet"
    assert "93. Shadow Health and Wellbeing Board (e)" in page
    assert "CAB 93(e)" in page
    exempt = AgendaItem.objects.get(
        meeting__board=board, report__title__isnull=False, is_exempt=True
    )
    assert exempt.report in board.latest_reports
    assert page.count("Exempt</strong>") >= 1


def test_a_decision_is_followed_from_resolution_to_action_and_its_progress(client, demo):
    client.force_login(User.objects.get(username="scrutiny"))

    response = client.get(f"/meetings/resolutions/{_resolution_93e().pk}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Cabinet, <time" in page
    assert "the Monitoring Officer report further on appropriate delegations" in page
    assert "CAB 93(e): Report further on delegations" in page
    assert "In progress" in page
    assert "draft delegations prepared" in page


def test_the_report_before_a_decision_heads_its_trail(client, db):
    meeting = MeetingFactory(
        agenda_published_at=timezone.now(),
        minutes_status="published",
        minutes_published_at=timezone.now(),
    )
    report = Report.objects.create(
        board=meeting.board, title="Library hours", recommendations="<p>Open on Sundays.</p>"
    )
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="Libraries", report=report)
    minute = MinuteFactory(meeting=meeting, agenda_item=item, title="Libraries")
    resolution = Resolution.objects.create(minute=minute, position=1, text="Sundays it is.")

    response = client.get(f"/meetings/resolutions/{resolution.pk}/")

    page = response.content.decode()
    assert (
        page.index("Library hours") < page.index("Open on Sundays.") < page.index("Sundays it is.")
    )
    assert "This resolution set no development action going." in page


def test_a_trail_shows_the_reports_recommendations_sanitised_as_every_page_does(client, db):
    # Rich text is sanitised when saved through the services, but not when written in the
    # administration pages or by a migration: pages sanitise it again when they show it.
    meeting = MeetingFactory(
        agenda_published_at=timezone.now(),
        minutes_status="published",
        minutes_published_at=timezone.now(),
    )
    report = Report.objects.create(
        board=meeting.board,
        title="Library hours",
        recommendations=(
            '<p onclick="steal()">Open on Sundays.</p><script>steal()</script>'
            '<img src=x onerror="steal()"><a href="javascript:steal()">More</a>'
        ),
    )
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="Libraries", report=report)
    minute = MinuteFactory(meeting=meeting, agenda_item=item, title="Libraries")
    resolution = Resolution.objects.create(minute=minute, position=1, text="Sundays it is.")

    page = client.get(f"/meetings/resolutions/{resolution.pk}/").content.decode()

    assert "<p>Open on Sundays.</p>" in page
    assert "steal()" not in page
    assert "<img" not in page


def test_the_public_may_follow_open_decisions_but_not_exempt_ones(client, demo):
    open_trail = client.get(f"/meetings/resolutions/{_resolution_93e().pk}/")
    exempt = Resolution.objects.filter(minute__agenda_item__is_exempt=True).first()

    assert open_trail.status_code == 200
    if exempt is not None:
        assert client.get(f"/meetings/resolutions/{exempt.pk}/").status_code in (302, 403)


def test_the_scrutiny_page_needs_a_sign_in_and_says_when_there_is_nothing(client, demo):
    assert client.get("/meetings/scrutiny/").status_code == 302
    client.force_login(UserFactory())

    response = client.get("/meetings/scrutiny/")

    assert "You do not sit on a scrutiny committee" in response.content.decode()


def test_an_unknown_resolution_is_not_found(client, db):
    assert client.get("/meetings/resolutions/999999/").status_code == 404
