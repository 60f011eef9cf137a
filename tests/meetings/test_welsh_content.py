"""A Welsh partnership's records in Welsh beside English: written by officers, read in the
reader's language, English wherever no Welsh was given."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation

from meetings.forms.minutes import WELSH_RESOLUTIONS_MISMATCH
from meetings.models import AgendaItem, Meeting
from tests.pages import error_summary, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(demo) -> Meeting:
    return Meeting.objects.get(board__slug="ipoc", minutes_status="published")


@pytest.fixture
def coming(demo) -> Meeting:
    return Meeting.objects.get(board__slug="ipoc", minutes_status="none")


@pytest.fixture
def admin(client, demo) -> User:
    user = User.objects.get(username="admin")
    client.force_login(user)
    return user


def _in_welsh(client) -> None:
    client.post(reverse("set_language"), {"language": "cy", "next": "/"})


def test_a_reader_of_welsh_reads_the_meeting_in_welsh(client, held):
    _in_welsh(client)

    text = text_of(client.get(held.get_absolute_url()))

    assert "Grŵp Swyddogion Polisi Mewnol" in text
    assert "3. Yr Offeryn Asesu Integredig" in text
    assert "Cyflwynodd y grŵp gorchwyl ei ddrafft o'r Offeryn Asesu Integredig." in text
    assert "Bod y drafft o'r offeryn yn cael ei brofi ar ddau bolisi cyn y cyfarfod nesaf." in text
    assert "The Integrated Assessment Tool" not in text


def test_a_reader_of_english_reads_the_same_meeting_in_english(client, held):
    text = text_of(client.get(held.get_absolute_url()))

    assert "Internal Policy Officers Group" in text
    assert "3. The Integrated Assessment Tool" in text
    assert "That the draft tool be tested on two policies before the next meeting." in text
    assert "Yr Offeryn Asesu Integredig" not in text


def test_a_field_without_welsh_is_shown_in_english_to_a_reader_of_welsh(client, held):
    item = held.agenda_items.get(position=4)
    item.title_cy = ""
    item.save()
    _in_welsh(client)

    text = text_of(client.get(held.get_absolute_url()))

    assert "4. Cross-cutting issues" in text
    assert "Rhannu gwybodaeth am gynigion polisi ar draws gwasanaethau." in text


def test_the_decisions_page_and_the_partnership_are_named_in_welsh(client, held):
    _in_welsh(client)

    decisions = text_of(client.get(reverse("meetings:decisions", args=["cardiff"])))
    partnership = text_of(client.get(reverse("partnership:partnership_detail", args=["cardiff"])))

    assert (
        "Bod swyddogion arweiniol yn anfon eu cynigion polisi at y grŵp drwy e-bost." in decisions
    )
    assert "Partneriaeth Caerdydd" in partnership
    assert "Swyddogion y Cyngor sy'n arwain ei strategaethau" in partnership


def test_a_welsh_partnerships_minute_is_written_in_both_languages(client, admin, coming):
    response = client.post(
        reverse("meetings:minute_add", args=[coming.pk]),
        {
            "title": "Apologies for absence",
            "title_cy": "Ymddiheuriadau am absenoldeb",
            "body": "None.",
            "body_cy": "Dim.",
            "resolutions": "(a) That the notes be agreed.\n\n(b) That the group meets again.",
            "resolutions_cy": "Bod y nodiadau'n cael eu cytuno.\n\nBod y grŵp yn cwrdd eto.",
        },
    )

    assert response.status_code == 302
    minute = coming.minutes.get()
    assert (minute.title, minute.title_cy) == (
        "Apologies for absence",
        "Ymddiheuriadau am absenoldeb",
    )
    assert (minute.body, minute.body_cy) == ("<p>None.</p>", "<p>Dim.</p>")
    assert list(minute.resolutions.values_list("label", "text", "text_cy")) == [
        ("(a)", "That the notes be agreed.", "Bod y nodiadau'n cael eu cytuno."),
        ("(b)", "That the group meets again.", "Bod y grŵp yn cwrdd eto."),
    ]


def test_welsh_resolutions_that_do_not_pair_with_the_english_are_refused(client, admin, coming):
    response = client.post(
        reverse("meetings:minute_add", args=[coming.pk]),
        {
            "title": "Apologies for absence",
            "body": "None.",
            "resolutions": "(a) That the notes be agreed.\n\n(b) That the group meets again.",
            "resolutions_cy": "Bod y nodiadau'n cael eu cytuno.",
        },
    )

    assert response.status_code == 200
    assert error_summary(response) == [WELSH_RESOLUTIONS_MISMATCH.format(english=2, welsh=1)]
    assert not coming.minutes.exists()


def test_a_welsh_partnerships_agenda_item_is_written_in_both_languages(client, admin, coming):
    response = client.post(
        reverse("meetings:agenda_item_add", args=[coming.pk]),
        {
            "title": "Health impact checks",
            "title_cy": "Gwiriadau effaith ar iechyd",
            "kind": AgendaItem.Kind.OTHER,
            "purpose": "To hear how the checks went.",
            "purpose_cy": "Clywed sut aeth y gwiriadau.",
        },
    )

    assert response.status_code == 302
    item = coming.agenda_items.get()
    assert (item.title_cy, item.purpose_cy) == (
        "Gwiriadau effaith ar iechyd",
        "Clywed sut aeth y gwiriadau.",
    )
    with translation.override("cy"):
        assert str(item) == "1. Gwiriadau effaith ar iechyd"


def test_partnerships_outside_wales_are_not_asked_for_welsh(client, admin):
    march = Meeting.objects.get(board__slug="cabinet", starts_at__month=3)

    form = client.get(reverse("meetings:minute_add", args=[march.pk])).context["form"]
    item_form = client.get(reverse("meetings:agenda_item_add", args=[march.pk])).context["form"]

    assert not {"title_cy", "body_cy", "resolutions_cy"} & set(form.fields)
    assert not {"title_cy", "purpose_cy"} & set(item_form.fields)
