import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from governance.models import Board, BoardMembership, Interest
from meetings.models import Attendance, Declaration, Meeting, MinuteCorrection, Resolution
from meetings.services.minutes import ResolutionText, minute_record, minutes_approve
from outcomes.models import DevelopmentAction
from partnership.models import Organisation, Person
from tests.factories import MeetingFactory
from tests.pages import error_summary, text_of
from tests.two_factor import VERIFIED_SESSION_QUERIES

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def cabinet(demo) -> Board:
    return Board.objects.get(slug="cabinet")


@pytest.fixture
def february(demo) -> Meeting:
    return Meeting.objects.get(board__slug="cabinet", starts_at__month=2)


@pytest.fixture
def march(demo) -> Meeting:
    return Meeting.objects.get(board__slug="cabinet", starts_at__month=3)


@pytest.fixture
def april(cabinet) -> Meeting:
    return MeetingFactory(
        board=cabinet, starts_at=datetime.datetime(2011, 4, 21, 14, 0, tzinfo=LONDON)
    )


@pytest.fixture
def clerk(client, demo) -> User:
    user = User.objects.get(username="clerk")
    client.force_login(user)
    return user


@pytest.fixture
def partnership_officer(client, demo) -> User:
    """An officer of a partner organisation, who keeps records but does not chair or clerk."""
    user = User.objects.create_user(username="gethin")
    Person.objects.filter(name="Julie Gethin").update(user=user)
    client.force_login(user)
    return user


def test_the_record_page_shows_minutes_and_quorum_within_a_query_budget(
    client, clerk, february, django_assert_max_num_queries
):
    with django_assert_max_num_queries(16 + VERIFIED_SESSION_QUERIES):
        response = client.get(reverse("meetings:meeting_record", args=[february.pk]))

    text = text_of(response)
    assert "Published on 17 March 2011 ." in text
    assert "Approved as a correct record at the meeting of 17 March 2011 ." in text
    assert "8 voting members present; no quorum is set for Cabinet." in text
    assert "Apologies Councillor JA Hyde (Cabinet Member Children's Services)" in text
    assert "93. Shadow Health and Wellbeing Board" in text
    assert "RESOLVED: That it be recommended to Council that:" in text
    # Approved minutes are corrected, not changed, and take no more declarations.
    assert "Correct minute 93" in text
    assert "Change minute 93" not in text
    assert "Record a declaration" not in text


@pytest.mark.parametrize(("username", "status"), [("officer", 403), ("scrutiny", 403)])
def test_the_record_is_kept_by_the_boards_officers_chair_and_clerk_only(
    client, february, username, status
):
    client.force_login(User.objects.get(username=username))

    assert client.get(reverse("meetings:meeting_record", args=[february.pk])).status_code == status


def test_the_public_is_sent_to_sign_in(client, february):
    response = client.get(reverse("meetings:meeting_record", args=[february.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_attendance_is_recorded_and_the_quorum_shown(client, clerk, cabinet, march):
    cabinet.quorum = 3
    cabinet.save()
    people = {
        person.name: person for person in Person.objects.filter(board_memberships__board=cabinet)
    }
    visitor = Person.objects.get(name="WU Attfield")
    data = {f"status_{person.pk}": "" for person in people.values()}
    data |= {
        f"status_{people['RJ Phillips'].pk}": "present",
        f"capacity_{people['RJ Phillips'].pk}": "Chairman",
        f"status_{people['LO Barnett'].pk}": "present",
        f"status_{people['JA Hyde'].pk}": "apologies",
        f"status_{people['Sally Cole'].pk}": "present",
        "other_1_person": visitor.pk,
        "other_1_status": "in_attendance",
    }

    response = client.post(reverse("meetings:attendance_record", args=[march.pk]), data)

    assert response.status_code == 302
    assert sorted(march.attendances.values_list("person__name", "status", "capacity")) == [
        ("JA Hyde", "apologies", ""),
        ("LO Barnett", "present", ""),
        ("RJ Phillips", "present", "Chairman"),
        ("Sally Cole", "present", ""),
        ("WU Attfield", "in_attendance", ""),
    ]
    # The clerk was present but does not count towards the quorum.
    record = text_of(client.get(response.url))
    assert "Not quorate 2 voting members present; the quorum is 3." in record


def test_the_attendance_form_lists_each_seat_with_its_role(client, clerk, march):
    text = text_of(client.get(reverse("meetings:attendance_record", args=[march.pk])))

    assert "Councillor RJ Phillips Chair" in text
    assert "Councillor JA Hyde Member (Cabinet Member Children's Services)" in text
    assert "Sally Cole Clerk (Committee Manager Executive)" in text


def test_attendance_of_published_minutes_is_refused_and_unchanged(client, clerk, february):
    hyde = Person.objects.get(name="JA Hyde")

    response = client.post(
        reverse("meetings:attendance_record", args=[february.pk]),
        {f"status_{hyde.pk}": "present"},
    )

    assert error_summary(response) == [
        "The minutes of 17 February 2011 are published: they change only by a recorded "
        "correction to a minute."
    ]
    assert february.attendances.get(person=hyde).status == Attendance.Status.APOLOGIES


def test_a_declaration_is_recorded_against_the_register(client, clerk, march):
    price = Person.objects.get(name="PD Price")
    interest = Interest.objects.create(
        person=price,
        kind=Interest.Kind.MEMBERSHIP,
        description="Trustee of a community transport charity",
        registered_on=datetime.date(2010, 6, 1),
    )
    item = march.agenda_items.get(position=5)

    response = client.post(
        reverse("meetings:declaration_add", args=[march.pk]),
        {
            "person": price.pk,
            "agenda_item": item.pk,
            "kind": "personal",
            "interest": interest.pk,
            "description": "Trustee of a charity working in the localities",
        },
    )

    assert response.status_code == 302
    declaration = Declaration.objects.get(meeting=march)
    assert (declaration.person, declaration.agenda_item, declaration.interest) == (
        price,
        item,
        interest,
    )


def test_a_declaration_without_its_description_is_refused(client, clerk, march):
    price = Person.objects.get(name="PD Price")

    response = client.post(
        reverse("meetings:declaration_add", args=[march.pk]),
        {"person": price.pk, "kind": "personal", "description": ""},
    )

    assert error_summary(response) == ["Describe the interest as it was declared."]
    assert not Declaration.objects.filter(meeting=march).exists()


def test_a_minute_is_added_with_its_labelled_resolutions(client, clerk, march):
    item = march.agenda_items.get(position=5)

    response = client.post(
        reverse("meetings:minute_add", args=[march.pk]),
        {
            "title": "Locality Strategy for Herefordshire",
            "agenda_item": item.pk,
            "body": "The Cabinet Member presented the report.\n\n- nine localities\n- four "
            "objectives",
            "resolution_preamble": "That Cabinet:",
            "resolutions": "a) approves the Locality Strategy; and\n\n(b) notes that a "
            "similar report\ngoes to NHS Herefordshire.\n\nThanks the officers.",
        },
    )

    assert response.status_code == 302
    minute = march.minutes.get()
    assert (minute.number, minute.agenda_item) == (94, item)
    assert minute.body == (
        "<p>The Cabinet Member presented the report.</p>"
        "<ul><li>nine localities</li><li>four objectives</li></ul>"
    )
    assert list(minute.resolutions.values_list("position", "label", "text")) == [
        (1, "a)", "approves the Locality Strategy; and"),
        (2, "(b)", "notes that a similar report\ngoes to NHS Herefordshire."),
        (3, "", "Thanks the officers."),
    ]


def test_a_draft_minute_is_changed_from_its_own_words(client, clerk, march):
    minute = minute_record(
        meeting=march,
        title="Apologies",
        body="<p>None.</p>",
        resolutions=[ResolutionText("a)", "notes")],
    )
    url = reverse("meetings:minute_edit", args=[march.pk, minute.pk])

    form = client.get(url).content.decode()
    response = client.post(
        url, {"title": "Apologies for absence", "body": "None were received.", "resolutions": ""}
    )

    assert ">\nNone.</textarea>" in form
    assert ">\na) notes</textarea>" in form
    assert response.status_code == 302
    minute.refresh_from_db()
    assert (minute.title, minute.body) == ("Apologies for absence", "<p>None were received.</p>")
    assert minute.resolutions.count() == 0


def test_a_published_minute_edited_other_than_by_correction_is_refused(client, clerk, february):
    minute = february.minutes.get(number=87)

    response = client.post(
        reverse("meetings:minute_edit", args=[february.pk, minute.pk]),
        {"title": "Declarations of interest", "body": "Councillor Price declared an interest."},
    )

    assert error_summary(response) == [
        "The minutes of 17 February 2011 are published: they change only by a recorded "
        "correction to a minute."
    ]
    minute.refresh_from_db()
    assert minute.body == "<p>There were no declarations of interest made.</p>"


def test_the_chair_approves_draft_minutes_at_a_later_meeting(client, march, april):
    minute_record(meeting=march, title="Apologies for absence", body="")
    client.force_login(User.objects.get(username="chair"))

    response = client.post(
        reverse("meetings:minutes_approve", args=[march.pk]), {"at_meeting": april.pk}
    )

    assert response.status_code == 302
    march.refresh_from_db()
    assert (march.minutes_status, march.minutes_approved_at_meeting) == ("approved", april)


def test_minutes_approved_twice_are_refused_with_the_reason(client, clerk, february, march, april):
    response = client.post(
        reverse("meetings:minutes_approve", args=[february.pk]), {"at_meeting": april.pk}
    )

    assert error_summary(response) == [
        "The minutes of 17 February 2011 were already approved at the meeting of 17 March 2011."
    ]
    february.refresh_from_db()
    assert (february.minutes_status, february.minutes_approved_at_meeting) == ("published", march)


def test_an_officer_who_is_not_chair_or_clerk_may_not_approve(
    client, partnership_officer, march, april
):
    minute_record(meeting=march, title="Apologies for absence", body="")

    record = client.get(reverse("meetings:meeting_record", args=[march.pk]))
    response = client.post(
        reverse("meetings:minutes_approve", args=[march.pk]), {"at_meeting": april.pk}
    )

    assert record.status_code == 200
    assert "Approve the minutes" not in text_of(record)
    assert response.status_code == 403
    march.refresh_from_db()
    assert march.minutes_status == "draft"


def test_approved_minutes_are_published(client, clerk, march, april):
    minute_record(meeting=march, title="Apologies for absence", body="")
    minutes_approve(meeting=march, at_meeting=april, by=clerk.person)

    response = client.post(reverse("meetings:minutes_publish", args=[march.pk]))

    assert response.status_code == 302
    assert response.url == march.get_absolute_url()
    march.refresh_from_db()
    assert march.minutes_status == "published"


def test_draft_minutes_are_not_published(client, clerk, march):
    minute_record(meeting=march, title="Apologies for absence", body="")

    response = client.post(reverse("meetings:minutes_publish", args=[march.pk]))

    assert error_summary(response) == [
        "Only approved minutes are published; the minutes of 17 March 2011 are draft."
    ]
    march.refresh_from_db()
    assert march.minutes_status == "draft"


def test_a_published_minute_is_corrected_and_the_correction_shown(client, clerk, february, march):
    minute = february.minutes.get(number=87)

    response = client.post(
        reverse("meetings:minute_correct", args=[february.pk, minute.pk]),
        {
            "corrected_body": "Councillor PD Price declared a personal interest in minute 93.",
            "reason": "Left out of the published minutes.",
            "agreed_at": march.pk,
        },
    )

    assert response.status_code == 302
    minute.refresh_from_db()
    assert minute.body == "<p>Councillor PD Price declared a personal interest in minute 93.</p>"
    correction = MinuteCorrection.objects.get(minute=minute)
    assert correction.previous_body == "<p>There were no declarations of interest made.</p>"
    record = text_of(client.get(response.url))
    assert "by Sally Cole, agreed at the meeting of 17 March 2011: Left out of the" in record
    assert "There were no declarations of interest made." in record


def test_a_correction_is_for_the_chair_or_clerk(client, partnership_officer, february):
    minute = february.minutes.get(number=87)

    response = client.post(
        reverse("meetings:minute_correct", args=[february.pk, minute.pk]),
        {"corrected_body": "Changed.", "reason": "Because."},
    )

    assert response.status_code == 403
    minute.refresh_from_db()
    assert minute.body == "<p>There were no declarations of interest made.</p>"


def test_a_resolution_becomes_a_development_action(client, clerk, february):
    resolution = Resolution.objects.get(minute__meeting=february, minute__number=90, label="1.")
    council = Organisation.objects.get(name="Herefordshire Council")

    form = client.get(reverse("meetings:resolution_action", args=[february.pk, resolution.pk]))
    response = client.post(
        reverse("meetings:resolution_action", args=[february.pk, resolution.pk]),
        {
            "reference": "LDF1",
            "activity": "Consult on the Local Development Framework Core Strategy.",
            "lead_organisation": council.pk,
            "deadline_wording": "Before June 2011",
        },
    )

    assert 'value="901."' in form.content.decode()
    assert response.status_code == 302
    action = DevelopmentAction.objects.get(reference="LDF1")
    resolution.refresh_from_db()
    assert resolution.development_action == action
    assert (action.partnership, action.lead_organisation) == (february.board.partnership, council)
    assert action.deadline == datetime.date(2011, 5, 31)
    assert "Development action LDF1" in text_of(client.get(response.url))


def test_the_meeting_page_offers_the_clerk_the_record_and_approval(client, clerk, march):
    minute_record(meeting=march, title="Apologies for absence", body="")

    text = text_of(client.get(march.get_absolute_url()))

    assert "Record of the meeting Minutes Draft" in text
    assert "Record attendance" in text
    assert "Approve the minutes" in text


def test_the_meeting_page_offers_the_public_no_record_actions(client, march):
    text = text_of(client.get(march.get_absolute_url()))

    assert "Record of the meeting" not in text
    assert "Record attendance" not in text


def test_a_board_member_without_a_role_in_the_record_sees_no_actions(client, march):
    member = BoardMembership.objects.get(board=march.board, person__name="JP French").person
    member.user = User.objects.create_user(username="french")
    member.save()
    client.force_login(member.user)

    text = text_of(client.get(march.get_absolute_url()))

    assert "Record of the meeting" not in text
