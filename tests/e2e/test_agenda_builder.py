"""The clerk of Herefordshire's Cabinet schedules a meeting, builds its agenda and publishes it."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from demo.users import PASSWORDS
from governance.models import Board
from meetings.models import Meeting, Report
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]


def test_clerk_schedules_builds_and_publishes_a_cabinet_agenda(page, demo, tmp_path):
    cabinet = Board.objects.get(slug="cabinet")
    Report.objects.create(board=cabinet, title="Budget Monitoring Report 2011/12")
    meeting_day = timezone.localdate() + datetime.timedelta(days=40)
    sign_in(page, "clerk", PASSWORDS["clerk"])

    page.goto(f"/meetings/schedule/{cabinet.pk}/")
    page.get_by_label("Day").fill(str(meeting_day.day))
    page.get_by_label("Month").fill(str(meeting_day.month))
    page.get_by_label("Year").fill(str(meeting_day.year))
    page.get_by_label("Start time").fill("2pm")
    page.get_by_label("Venue", exact=True).fill("The Council Chamber, Brockington, Hereford")
    page.get_by_role("button", name="Schedule meeting").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Agenda")
    rows = page.locator("table.govuk-table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Apologies for absence")
    expect(rows.nth(1)).to_contain_text("Declarations of interest")
    expect(rows.nth(2)).to_contain_text(
        "To approve and sign the minutes of the meeting held on 17 March 2011."
    )

    page.get_by_role("link", name="Add an item").click()
    page.get_by_label("Title").fill("Budget monitoring")
    page.get_by_label("Purpose (optional)").fill("To note the budget position.")
    page.get_by_label("Report (optional)").select_option(label="Budget Monitoring Report 2011/12")
    page.get_by_role("button", name="Save item").click()
    expect(page.get_by_text("Item 4, Budget monitoring, has been added.")).to_be_visible()

    page.get_by_role("link", name="Add an item").click()
    page.get_by_label("Title").fill("Highways maintenance contract")
    page.get_by_label("Exempt: the public is excluded").check()
    page.get_by_label("Exempt-information paragraph").select_option("3")
    page.get_by_role("button", name="Save item").click()
    expect(rows.nth(4)).to_contain_text("Highways maintenance contract")
    expect(rows.nth(4)).to_contain_text("Exempt")
    expect(rows.nth(4)).to_contain_text("paragraph 3 of Schedule 12A")

    page.get_by_role("button", name="Move up item 5").click()
    expect(rows.nth(3)).to_contain_text("Highways maintenance contract")
    expect(rows.nth(4)).to_contain_text("Budget monitoring")
    page.screenshot(path=tmp_path / "agenda.png", full_page=True)

    expect(page.get_by_text("Not yet published")).to_be_visible()
    page.get_by_role("button", name="Publish the agenda").click()

    expect(page.get_by_text("The agenda has been published.")).to_be_visible()
    meeting = Meeting.objects.get(board=cabinet, starts_at__date=meeting_day)
    assert meeting.is_agenda_published
    assert meeting.urgency_reason == ""
    assert list(meeting.agenda_items.values_list("position", "title", "exempt_paragraph")) == [
        (1, "Apologies for absence", ""),
        (2, "Declarations of interest", ""),
        (3, "Minutes", ""),
        (4, "Highways maintenance contract", "3"),
        (5, "Budget monitoring", ""),
    ]
