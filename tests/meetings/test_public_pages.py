"""A partnership's public record: the meetings calendar, the decisions and the forward plan."""

import datetime

import pytest
from django.utils import timezone

from meetings.models import AgendaItem, Meeting, Minute, Report, Resolution
from meetings.notice import decision_notice
from partnership.models import Nation, Person
from tests.factories import BoardFactory, MeetingFactory, PartnershipFactory, UserFactory
from tests.pages import text_of

pytestmark = pytest.mark.django_db


def _at(day: datetime.date, hour: int = 14) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _meeting(
    board, held: datetime.date, *, minutes_published: datetime.date | None = None, **fields
):
    return MeetingFactory(
        board=board,
        starts_at=_at(held),
        agenda_published_at=_at(held - datetime.timedelta(days=10)),
        minutes_status="published" if minutes_published else fields.pop("minutes_status", "none"),
        minutes_published_at=_at(minutes_published, 9) if minutes_published else None,
        **fields,
    )


def _decision(meeting, number, title, text, *, exempt=False):
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=number,
        title=title,
        is_exempt=exempt,
        exempt_paragraph="14" if exempt else "",
    )
    minute = Minute(meeting=meeting, number=number, agenda_item=item, title=title)
    minute.full_clean()
    minute.save()
    Resolution.objects.create(minute=minute, position=1, label="(a)", text=text)


@pytest.fixture
def cabinet():
    return BoardFactory(name="Cabinet", slug="cabinet", partnership__slug="shire")


def test_the_calendar_lists_meetings_to_come_and_meetings_held(client, cabinet):
    today = timezone.localdate()
    _meeting(cabinet, today + datetime.timedelta(days=30), venue="Brockington")
    _meeting(cabinet, today - datetime.timedelta(days=30), venue="Shire Hall")
    other = BoardFactory(partnership=cabinet.partnership, name="Scrutiny", slug="scrutiny")
    _meeting(other, today - datetime.timedelta(days=40), venue="Town Hall")

    everything = client.get("/meetings/partnerships/shire/")
    cabinet_only = client.get("/meetings/partnerships/shire/", {"board": "cabinet"})

    assert [str(m.venue) for m in everything.context["upcoming"]] == ["Brockington"]
    assert [m.venue for m in everything.context["past"]] == ["Shire Hall", "Town Hall"]
    assert [m.venue for m in cabinet_only.context["past"]] == ["Shire Hall"]
    assert "Meetings to come" in everything.content.decode()


def test_the_calendar_copes_with_an_unknown_board_and_a_page_past_the_end(client, cabinet):
    today = timezone.localdate()
    for days in range(1, 30):
        _meeting(cabinet, today - datetime.timedelta(days=days))

    response = client.get("/meetings/partnerships/shire/", {"board": "nope", "page": "99"})

    assert response.status_code == 200
    assert response.context["past"].number == 2
    assert len(response.context["past"]) == 4
    assert "There is no such board in this partnership" in response.content.decode()


def test_an_unknown_partnership_is_not_found(client):
    for page in ("", "decisions/", "forward-plan/"):
        assert client.get(f"/meetings/partnerships/nope/{page}").status_code == 404


def test_decisions_come_from_published_minutes_of_open_items(client, cabinet):
    held = datetime.date(2011, 2, 17)
    published = _meeting(cabinet, held, minutes_published=datetime.date(2011, 3, 20))
    _decision(published, 86, "Budget", "the budget be approved.")
    _decision(published, 87, "Land sale", "SECRETPLUM accepted.", exempt=True)
    draft = _meeting(cabinet, datetime.date(2011, 3, 17), minutes_status="draft")
    _decision(draft, 88, "Draft matter", "not yet minuted.")

    response = client.get("/meetings/partnerships/shire/decisions/")

    page = response.content.decode()
    assert [m.pk for m in response.context["page"]] == [published.pk]
    assert "the budget be approved." in page
    assert "SECRETPLUM" not in page
    assert "not yet minuted." not in page
    assert "Local Government and Elections (Wales) Act" not in page


@pytest.fixture
def welsh_board():
    return BoardFactory(partnership=PartnershipFactory(slug="caerdydd", nation=Nation.WALES))


def test_welsh_decisions_published_after_seven_working_days_are_flagged(client, welsh_board):
    # Held Monday 2 March 2026: the seventh working day after is Wednesday 11 March.
    on_time = _meeting(
        welsh_board, datetime.date(2026, 3, 2), minutes_published=datetime.date(2026, 3, 11)
    )
    late = _meeting(
        welsh_board, datetime.date(2026, 3, 9), minutes_published=datetime.date(2026, 3, 19)
    )
    _decision(on_time, 1, "Budget", "approved.")
    _decision(late, 2, "Plan", "adopted.")

    response = client.get("/meetings/partnerships/caerdydd/decisions/")

    notices = {meeting.pk: meeting.decision_notice for meeting in response.context["page"]}
    assert notices[on_time.pk].due_on == datetime.date(2026, 3, 11)
    assert not notices[on_time.pk].late
    assert notices[late.pk].due_on == datetime.date(2026, 3, 18)
    assert notices[late.pk].late
    page = response.content.decode()
    assert page.count("Published late") == 1
    assert "requires them within 7 working days, by 18 March 2026." in page


def test_welsh_meetings_past_the_deadline_without_decisions_are_listed_first(client, welsh_board):
    overdue = _meeting(welsh_board, datetime.date(2026, 3, 2), minutes_status="draft")
    _meeting(welsh_board, timezone.localdate() - datetime.timedelta(days=1), minutes_status="draft")

    response = client.get("/meetings/partnerships/caerdydd/decisions/")

    assert response.context["awaiting"] == [overdue]
    assert "Not yet published" in response.content.decode()


def test_the_welsh_deadline_skips_weekends_and_welsh_bank_holidays(welsh_board):
    # Thursday 2 April 2026: Good Friday and Easter Monday are bank holidays in Wales.
    meeting = _meeting(welsh_board, datetime.date(2026, 4, 2), minutes_status="draft")

    notice = decision_notice(meeting, today=datetime.date(2026, 4, 15))

    assert notice.due_on == datetime.date(2026, 4, 15)
    assert not notice.late
    assert decision_notice(meeting, today=datetime.date(2026, 4, 16)).late


def test_no_decision_deadline_outside_wales(cabinet):
    assert decision_notice(_meeting(cabinet, datetime.date(2026, 3, 2))) is None


def test_the_forward_plan_lists_key_decisions_to_come_and_withholds_exempt_ones(client, cabinet):
    officer = Person.objects.create(name="Ann Officer", capacity=Person.Capacity.OFFICER)
    soon = _meeting(cabinet, timezone.localdate() + datetime.timedelta(days=5))
    past = _meeting(cabinet, timezone.localdate() - datetime.timedelta(days=5))
    unpublished = _meeting(cabinet, timezone.localdate() + datetime.timedelta(days=20))
    unpublished.agenda_published_at = None
    unpublished.save()

    def key_decision(meeting, position, title, **fields):
        report = Report.objects.create(
            board=cabinet, title=title, is_key_decision=True, contact_officer=officer, **fields
        )
        return AgendaItem.objects.create(
            meeting=meeting,
            position=position,
            title=title,
            report=report,
            is_exempt=fields.get("classification") == Report.Classification.EXEMPT,
            exempt_paragraph="3" if fields.get("classification") else "",
        )

    key_decision(soon, 1, "Library closures", key_decision_note="Affects all wards")
    key_decision(
        soon,
        2,
        "Sale of depot",
        key_decision_note="SECRETPLUM price",
        classification=Report.Classification.EXEMPT,
    )
    key_decision(past, 1, "Decided already")
    key_decision(unpublished, 1, "Not yet on a published agenda")
    AgendaItem.objects.create(meeting=soon, position=3, title="Not a key decision")

    response = client.get("/meetings/partnerships/shire/forward-plan/")

    page = response.content.decode()
    assert [item.title for item in response.context["items"]] == [
        "Library closures",
        "Sale of depot",
    ]
    assert "Affects all wards" in page
    assert "Not for publication: exempt information under paragraph 3" in page
    assert "SECRETPLUM" not in page
    assert page.count("Ann Officer") == 1


def test_meeting_status_shows_on_the_calendar(client, cabinet):
    _meeting(
        cabinet,
        timezone.localdate() + datetime.timedelta(days=3),
        status=Meeting.Status.CANCELLED,
    )

    response = client.get("/meetings/partnerships/shire/")

    assert "Cancelled" in response.content.decode()


def test_a_meetings_page_withholds_the_minutes_of_exempt_items_from_the_public(client, cabinet):
    held = timezone.localdate() - datetime.timedelta(days=20)
    meeting = _meeting(cabinet, held, minutes_published=held + datetime.timedelta(days=3))
    _decision(meeting, 1, "Library hours", "Libraries open on Sundays.")
    _decision(meeting, 2, "Care home contract", "Award the contract to Acme Care.", exempt=True)
    member = Person.objects.create(name="Councillor Price", capacity="elected_member")
    member.user = UserFactory()
    member.save()
    cabinet.memberships.create(person=member, role="member")

    public = text_of(client.get(f"/meetings/{meeting.pk}/"))
    client.force_login(member.user)
    members = text_of(client.get(f"/meetings/{meeting.pk}/"))

    assert "1. Library hours" in public
    assert "Libraries open on Sundays." in public
    assert "2. NOT FOR PUBLICATION" in public
    assert "exempt information under paragraph 14 of Schedule 12A" in public
    assert "Award the contract to Acme Care." not in public
    assert "Care home contract RESOLVED" not in public
    assert "2. Care home contract" in members
    assert "Award the contract to Acme Care." in members
