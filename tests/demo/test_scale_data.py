"""scale_data: a large made-up estate of the sizes asked for, whose records hang together."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.utils import timezone

from governance.models import Board, BoardMembership
from meetings.models import Meeting, Minute, Resolution
from outcomes.models import DevelopmentAction, Indicator, Reading
from partnership.models import Partnership

pytestmark = pytest.mark.django_db

SMALL = ["--partnerships", "3", "--boards", "20", "--meetings", "300"]
SMALL += ["--actions", "450", "--readings", "2500"]


@pytest.fixture
def estate() -> str:
    out = io.StringIO()
    call_command("scale_data", *SMALL, stdout=out)
    return out.getvalue()


def test_builds_the_numbers_asked_for_and_says_how_long_it_took(estate):
    assert Partnership.objects.count() == 3
    assert Board.objects.count() == 20
    assert Meeting.objects.count() == 300
    assert DevelopmentAction.objects.count() == 450
    assert Reading.objects.count() == 2500
    assert "s] meetings: 300 of 300" in estate
    assert estate.rstrip().endswith(" s.")
    assert "Built 3 partnerships, 20 boards, 300 meetings, 450 development actions" in estate


@pytest.mark.usefixtures("estate")
def test_boards_are_shared_out_in_a_tree_under_each_partnership_board():
    per_partnership = Board.objects.values("partnership").annotate(n=Count("pk"))
    assert sorted(row["n"] for row in per_partnership) == [6, 7, 7]
    for board in Board.objects.select_related("reports_to"):
        if board.reports_to is not None:
            assert board.reports_to.partnership_id == board.partnership_id
    tops = Board.objects.filter(reports_to__isnull=True, kind="partnership_board")
    assert tops.count() == 3
    chairs = BoardMembership.objects.filter(role="chair", ended_on__isnull=True)
    assert chairs.values("board").distinct().count() == 20


@pytest.mark.usefixtures("estate")
def test_meetings_run_over_years_held_and_to_come_with_published_minutes_and_resolutions():
    now = timezone.now()
    meetings = Meeting.objects.all()
    first, last = min(m.starts_at for m in meetings), max(m.starts_at for m in meetings)
    assert (last - first).days > 3 * 365
    assert meetings.filter(starts_at__gte=now, status="scheduled").exists()
    assert meetings.filter(status="cancelled").exists()
    published = meetings.filter(minutes_status="published")
    assert published.count() > meetings.count() // 2
    for meeting in published[:20]:
        assert meeting.minutes_published_at is not None
        assert meeting.minutes_approved_at_meeting.starts_at > meeting.starts_at
        assert meeting.minutes_approved_at_meeting.board_id == meeting.board_id
        assert meeting.minutes.exists()
    assert Resolution.objects.filter(minute__meeting__minutes_status="published").exists()
    # Minute numbers run on per board through each municipal year, from 1.
    for board, year in Minute.objects.values_list("board", "municipal_year").distinct()[:10]:
        numbers = sorted(
            Minute.objects.filter(board=board, municipal_year=year).values_list("number", flat=True)
        )
        assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.usefixtures("estate")
def test_actions_are_overdue_coming_and_done_and_readings_fill_indicators():
    today = timezone.localdate()
    actions = DevelopmentAction.objects.all()
    assert actions.overdue(today).exists()
    assert actions.open().filter(deadline__gt=today).exists()
    assert actions.filter(status="done").exists()
    assert not actions.filter(status="done", deadline__gt=today).exists()
    assert all(a.framework.partnership_id == a.partnership_id for a in actions[:50])
    assert Indicator.objects.filter(frequency="monthly").exists()
    assert not Reading.objects.filter(period_end__gt=today).exists()


def test_refuses_a_database_that_holds_anything(demo):
    partnerships = Partnership.objects.count()
    with pytest.raises(CommandError) as refusal:
        call_command("scale_data", *SMALL, stdout=io.StringIO())
    assert str(refusal.value).startswith(
        f"The database already holds {partnerships} partnerships, "
    )
    assert "scale_data fills an empty database only" in str(refusal.value)
    assert Partnership.objects.count() == partnerships


def test_refuses_sizes_that_cannot_be_built():
    with pytest.raises(CommandError) as refusal:
        call_command("scale_data", "--partnerships", "5", "--boards", "3", stdout=io.StringIO())
    assert str(refusal.value) == "--boards must be at least one per partnership."
    assert not Partnership.objects.exists()
