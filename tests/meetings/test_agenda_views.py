import datetime

import pytest
from django.contrib.auth.models import User
from django.template.loader import render_to_string
from django.utils import timezone

from governance.models import Board
from meetings.models import AgendaItem, Declaration, Meeting
from meetings.notice import agenda_notice, last_day_to_publish
from meetings.services.agenda import agenda_item_add, meeting_schedule
from partnership.models import Nation, Person
from tests.two_factor import VERIFIED_SESSION_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def cabinet(demo) -> Board:
    return Board.objects.get(slug="cabinet")


@pytest.fixture
def cog(demo) -> Board:
    return Board.objects.get(slug="chief-officers-group")


@pytest.fixture
def march(demo) -> Meeting:
    return Meeting.objects.get(board__slug="cabinet", starts_at__month=3)


@pytest.fixture
def agenda(cabinet) -> Meeting:
    """A Cabinet meeting weeks ahead: the three opening items and two reports."""
    meeting = upcoming(cabinet, days=40)
    for title in ["Engagement Framework", "Locality Strategy"]:
        agenda_item_add(meeting=meeting, title=title)
    return meeting


def signed_in(client, username: str):
    client.force_login(User.objects.get(username=username))
    return client


def upcoming(board: Board, days: int) -> Meeting:
    starts_at = timezone.localtime() + datetime.timedelta(days=days)
    return meeting_schedule(board=board, starts_at=starts_at, venue="Brockington")


def page_of(response) -> str:
    return response.content.decode()


def positions(meeting: Meeting) -> list[tuple[int, str]]:
    return list(meeting.agenda_items.order_by("position").values_list("position", "title"))


def test_the_clerk_schedules_a_cabinet_meeting_with_the_opening_items(client, cabinet):
    response = signed_in(client, "clerk").post(
        f"/meetings/schedule/{cabinet.pk}/",
        {
            "date_0": "21",
            "date_1": "4",
            "date_2": "2011",
            "starts_at": "2pm",
            "ends_at": "16.30",
            "venue": "The Council Chamber, Brockington, 35 Hafod Road, Hereford",
            "online_link": "",
            "contact": "",
        },
        follow=True,
    )

    meeting = cabinet.meetings.get(starts_at__date=datetime.date(2011, 4, 21))
    assert response.redirect_chain == [(f"/meetings/{meeting.pk}/agenda/", 302)]
    assert timezone.localtime(meeting.starts_at).time() == datetime.time(14, 0)
    assert timezone.localtime(meeting.ends_at).time() == datetime.time(16, 30)
    assert positions(meeting) == [
        (1, "Apologies for absence"),
        (2, "Declarations of interest"),
        (3, "Minutes"),
    ]
    page = page_of(response)
    assert "Meeting scheduled for 21 April 2011. Now build its agenda." in page
    assert "To approve and sign the minutes of the meeting held on 17 March 2011." in page


def test_scheduling_with_bad_input_shows_each_error_and_saves_nothing(client, cabinet):
    response = signed_in(client, "clerk").post(
        f"/meetings/schedule/{cabinet.pk}/",
        {"date_0": "30", "date_1": "2", "date_2": "2027", "starts_at": "25:00", "venue": ""},
    )

    page = page_of(response)
    assert response.status_code == 200
    assert "<title>Error: Schedule a meeting of Cabinet – Partnership governance</title>" in page
    assert "There is a problem" in page
    assert "The date of the meeting must be a real date, for example 17 3 2011." in page
    assert "Enter a time like 14:00 or 2pm." in page
    assert cabinet.meetings.count() == 2


def test_a_meeting_without_a_venue_or_link_is_refused_on_the_venue_field(client, cabinet):
    response = signed_in(client, "clerk").post(
        f"/meetings/schedule/{cabinet.pk}/",
        {"date_0": "21", "date_1": "4", "date_2": "2011", "starts_at": "14:00", "ends_at": "13:00"},
    )

    page = page_of(response)
    assert '<a href="#id_venue">Give a venue, an online link, or both.</a>' in page
    assert '<a href="#id_ends_at">The meeting must end after it starts.</a>' in page
    assert cabinet.meetings.count() == 2


@pytest.mark.parametrize(
    ("username", "status"),
    [("clerk", 200), ("chair", 200), ("officer", 403), ("scrutiny", 403)],
)
def test_only_those_who_run_or_edit_the_board_may_schedule_its_meetings(
    client, cabinet, username, status
):
    response = signed_in(client, username).get(f"/meetings/schedule/{cabinet.pk}/")

    assert response.status_code == status


def test_anonymous_visitors_are_asked_to_sign_in_to_schedule(client, cabinet):
    response = client.get(f"/meetings/schedule/{cabinet.pk}/")

    assert response.status_code == 302
    assert response.url == f"/sign-in/?next=/meetings/schedule/{cabinet.pk}/"


def test_the_agenda_page_shows_items_and_the_last_date_to_publish(
    client, march, django_assert_max_num_queries
):
    client = signed_in(client, "clerk")

    with django_assert_max_num_queries(10 + VERIFIED_SESSION_QUERIES):
        response = client.get(f"/meetings/{march.pk}/agenda/")

    page = page_of(response)
    assert "Wednesday 9 March 2011" in page
    assert (
        "5 clear working days before the meeting, under section 100B of the Local Government"
        in page
    )
    assert "Published on time" in page
    assert "Information and ICT Strategy" in page
    assert 'Move up<span class="govuk-visually-hidden"> item 6</span>' in page


def test_an_officer_edits_the_cog_agenda_with_scottish_exempt_paragraphs(client, cog):
    meeting = cog.meetings.get()
    client = signed_in(client, "officer")

    page = page_of(client.get(f"/meetings/{meeting.pk}/agenda/items/add/"))

    assert (
        "Paragraph 14: Action taken or to be taken to prevent, investigate or prosecute crime"
        in page
    )
    assert "the paragraphs are those that apply in Scotland" in page


def test_adding_an_exempt_item_with_its_paragraph(client, agenda):
    response = signed_in(client, "clerk").post(
        f"/meetings/{agenda.pk}/agenda/items/add/",
        {
            "title": "ICT support contract",
            "kind": "report",
            "purpose": "To award the contract.",
            "is_exempt": "on",
            "exempt_paragraph": "3",
        },
        follow=True,
    )

    item = agenda.agenda_items.get(position=6)
    assert (item.title, item.is_exempt, item.exempt_paragraph) == (
        "ICT support contract",
        True,
        "3",
    )
    page = page_of(response)
    assert "Item 6, ICT support contract, has been added." in page
    assert (
        "Not for publication: exempt information under paragraph 3 of Schedule 12A to the Local "
        "Government Act 1972." in page
    )


def test_an_exempt_item_without_a_paragraph_is_shown_the_error_and_not_saved(client, agenda):
    response = signed_in(client, "clerk").post(
        f"/meetings/{agenda.pk}/agenda/items/add/",
        {"title": "ICT support contract", "kind": "report", "is_exempt": "on"},
    )

    page = page_of(response)
    assert (
        '<a href="#id_exempt_paragraph">Choose the paragraph of Schedule 12A to the Local '
        "Government Act 1972 that makes this item exempt.</a>" in page
    )
    assert 'class="govuk-error-message"' in page
    assert agenda.agenda_items.count() == 5


def test_a_paragraph_of_another_nation_is_not_a_choice(client, agenda):
    response = signed_in(client, "clerk").post(
        f"/meetings/{agenda.pk}/agenda/items/add/",
        {"title": "Contract", "kind": "report", "is_exempt": "on", "exempt_paragraph": "14"},
    )

    assert '<a href="#id_exempt_paragraph">Choose one from the list.</a>' in page_of(response)
    assert agenda.agenda_items.count() == 5


def test_changing_an_item_attaches_one_of_the_boards_free_reports(client, cabinet):
    meeting = upcoming(cabinet, days=40)
    item = agenda_item_add(meeting=meeting, title="Budget")
    report = cabinet.reports.create(title="Budget Monitoring Report 2011/12")
    client = signed_in(client, "clerk")

    form_page = page_of(client.get(f"/meetings/{meeting.pk}/agenda/items/{item.pk}/edit/"))
    response = client.post(
        f"/meetings/{meeting.pk}/agenda/items/{item.pk}/edit/",
        {"title": "Budget monitoring", "kind": "report", "report": report.pk},
    )

    # The March reports are on the March agenda, so only the new one is offered.
    assert 'name="title" value="Budget"' in form_page
    assert "Budget Monitoring Report 2011/12</option>" in form_page
    assert "Locality Strategy for Herefordshire</option>" not in form_page
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.report) == ("Budget monitoring", report)


def test_moving_an_item_up_from_the_agenda_page(client, agenda):
    item = agenda.agenda_items.get(position=5)

    response = signed_in(client, "clerk").post(
        f"/meetings/{agenda.pk}/agenda/items/{item.pk}/move/", {"position": "4"}
    )

    assert response.status_code == 302
    assert positions(agenda)[2:] == [
        (3, "Minutes"),
        (4, "Locality Strategy"),
        (5, "Engagement Framework"),
    ]


def test_moving_to_a_position_that_does_not_exist_shows_why_and_changes_nothing(client, agenda):
    item = agenda.agenda_items.get(position=4)
    before = positions(agenda)

    response = signed_in(client, "clerk").post(
        f"/meetings/{agenda.pk}/agenda/items/{item.pk}/move/", {"position": "9"}
    )

    assert response.status_code == 200
    assert (
        '<a href="#id_position">There is no position 9 on this agenda; choose from 1 to 5.</a>'
        in page_of(response)
    )
    assert positions(agenda) == before


def test_a_position_that_is_not_a_number_is_refused(client, agenda):
    item = agenda.agenda_items.get(position=4)

    response = signed_in(client, "clerk").post(
        f"/meetings/{agenda.pk}/agenda/items/{item.pk}/move/", {"position": "top"}
    )

    assert "Enter the new position as a whole number, for example 2." in page_of(response)


def test_removing_an_item_after_confirming(client, agenda):
    item = agenda.agenda_items.get(position=2)
    client = signed_in(client, "clerk")

    confirm = page_of(client.get(f"/meetings/{agenda.pk}/agenda/items/{item.pk}/remove/"))
    response = client.post(f"/meetings/{agenda.pk}/agenda/items/{item.pk}/remove/")

    assert "Remove item 2, Declarations of interest?" in confirm
    assert response.status_code == 302
    assert [title for _, title in positions(agenda)][:2] == ["Apologies for absence", "Minutes"]
    assert [position for position, _ in positions(agenda)] == [1, 2, 3, 4]


def test_an_item_with_declarations_is_not_removed_and_the_page_says_why(client, agenda):
    item = agenda.agenda_items.get(position=4)
    Declaration.objects.create(
        meeting=agenda,
        agenda_item=item,
        person=Person.objects.get(name="RJ Phillips"),
        kind=Declaration.Kind.PERSONAL,
        description="Member of the Partnership Board",
    )

    response = signed_in(client, "clerk").post(
        f"/meetings/{agenda.pk}/agenda/items/{item.pk}/remove/"
    )

    assert response.status_code == 200
    assert (
        "Item 4 has declarations or a minute recorded against it, so it cannot be removed."
        in page_of(response)
    )
    assert agenda.agenda_items.count() == 5


def test_changing_the_meeting_starts_from_its_details_and_saves_the_new_ones(client, agenda):
    client = signed_in(client, "clerk")
    day = timezone.localdate(agenda.starts_at)

    form_page = page_of(client.get(f"/meetings/{agenda.pk}/edit/"))
    response = client.post(
        f"/meetings/{agenda.pk}/edit/",
        {
            "date_0": str(day.day),
            "date_1": str(day.month),
            "date_2": str(day.year),
            "starts_at": "10.30am",
            "venue": "",
            "online_link": "meet.example/cabinet",
        },
    )

    assert 'name="venue" value="Brockington"' in form_page
    assert f'name="starts_at" value="{timezone.localtime(agenda.starts_at):%H:%M}"' in form_page
    assert response.status_code == 302
    agenda.refresh_from_db()
    assert timezone.localtime(agenda.starts_at).time() == datetime.time(10, 30)
    assert (agenda.venue, agenda.online_link) == ("", "https://meet.example/cabinet")


def test_an_item_of_another_meeting_is_not_found(client, march):
    february = Meeting.objects.get(board__slug="cabinet", starts_at__month=2)
    item = AgendaItem.objects.create(meeting=february, position=1, title="Elsewhere")

    response = signed_in(client, "clerk").get(f"/meetings/{march.pk}/agenda/items/{item.pk}/edit/")

    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/meetings/{pk}/edit/",
        "/meetings/{pk}/agenda/",
        "/meetings/{pk}/agenda/items/add/",
    ],
)
def test_building_another_partnerships_agenda_is_forbidden(client, march, url):
    response = signed_in(client, "officer").get(url.format(pk=march.pk))

    assert response.status_code == 403


def test_an_officer_builds_the_cog_agenda_but_only_its_chair_or_clerk_publishes(client, cog):
    meeting = cog.meetings.get()
    client = signed_in(client, "officer")

    assert client.get(f"/meetings/{meeting.pk}/agenda/").status_code == 200
    assert client.post(f"/meetings/{meeting.pk}/agenda/publish/").status_code == 403


def test_anonymous_visitors_cannot_publish_and_are_asked_to_sign_in(client, cabinet):
    meeting = upcoming(cabinet, days=30)

    response = client.post(f"/meetings/{meeting.pk}/agenda/publish/")

    assert response.status_code == 302
    assert response.url.startswith("/sign-in/")
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is None


def test_the_clerk_publishes_on_time_in_one_press(client, cabinet):
    meeting = upcoming(cabinet, days=30)

    response = signed_in(client, "clerk").post(
        f"/meetings/{meeting.pk}/agenda/publish/", follow=True
    )

    meeting.refresh_from_db()
    assert meeting.is_agenda_published
    page = page_of(response)
    assert response.redirect_chain == [(f"/meetings/{meeting.pk}/", 302)]
    assert "The agenda has been published." in page


def test_a_late_agenda_asks_for_the_urgency_and_is_refused_without_it(client, cabinet):
    meeting = upcoming(cabinet, days=1)
    last_day = last_day_to_publish(timezone.localdate(meeting.starts_at), Nation.ENGLAND)
    client = signed_in(client, "chair")

    response = client.post(f"/meetings/{meeting.pk}/agenda/publish/", {"urgency_reason": ""})

    page = page_of(response)
    assert f"The last date to publish this agenda was {last_day:%A} {last_day.day}" in page
    assert "Why must the agenda be published late?" in page
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is None


def test_a_late_agenda_is_published_with_its_urgency_shown(client, cabinet):
    meeting = upcoming(cabinet, days=1)
    client = signed_in(client, "chair")

    client.post(
        f"/meetings/{meeting.pk}/agenda/publish/",
        {"urgency_reason": "The grant offer expires before the next meeting."},
    )
    page = page_of(client.get(f"/meetings/{meeting.pk}/agenda/"))

    assert "Published late" in page
    assert "The grant offer expires before the next meeting." in page


def test_meeting_actions_show_the_notice_and_links_to_those_who_build_the_agenda(march):
    context = {"meeting": march, "agenda_notice": agenda_notice(march)}

    for_clerk = render_to_string(
        "meetings/includes/meeting_actions.html",
        {**context, "user": User.objects.get(username="clerk")},
    )
    for_scrutiny = render_to_string(
        "meetings/includes/meeting_actions.html",
        {**context, "user": User.objects.get(username="scrutiny")},
    )

    assert "Wednesday 9 March 2011" in for_clerk
    assert "Published on time" in for_clerk
    assert f'href="/meetings/{march.pk}/agenda/">Build the agenda</a>' in for_clerk
    assert f'href="/meetings/{march.pk}/edit/">Change the date, time or place</a>' in for_clerk
    assert for_scrutiny.strip() == ""


def test_meeting_page_offers_the_clerk_the_agenda_and_the_publish_button(client, cabinet):
    meeting = upcoming(cabinet, days=30)

    page = page_of(signed_in(client, "clerk").get(meeting.get_absolute_url()))

    assert "Build the agenda</a>" in page
    assert f'action="/meetings/{meeting.pk}/agenda/publish/"' in page
    assert ">Publish the agenda</button>" in page
