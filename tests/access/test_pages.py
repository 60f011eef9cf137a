"""Pages show each reader what the rules allow, and exempt content to no outsider."""

import pytest
from django.utils import timezone

from meetings.models import Report
from tests.two_factor import authenticator_for, code_now

pytestmark = pytest.mark.django_db

EXEMPT_NOTICE = (
    "Not for publication: exempt information under paragraph 8 of "
    "Schedule 7A to the Local Government (Scotland) Act 1973."
)


@pytest.fixture
def published(world):
    world.meeting.agenda_published_at = timezone.now()
    world.meeting.save()
    world.exempt_item.purpose = "Award of the home care contract to the preferred bidder"
    world.exempt_item.report = Report.objects.create(
        board=world.board, title="Home care tender evaluation", purpose="Confidential scores"
    )
    world.exempt_item.save()
    world.open_item.purpose = "To note the remit of the group"
    world.open_item.save()
    return world


def test_unpublished_agenda_sends_the_public_to_sign_in(client, world):
    response = client.get(world.meeting.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


def test_unpublished_agenda_is_refused_to_an_outsider(client, world):
    client.force_login(world.users["other_officer"])

    response = client.get(world.meeting.get_absolute_url())

    assert response.status_code == 403
    assert "You do not have permission to see this page" in response.content.decode()


def test_public_sees_exempt_item_title_and_paragraph_only(client, published):
    response = client.get(published.meeting.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "To note the remit of the group" in page
    assert "2. Contract award" in page
    assert EXEMPT_NOTICE in page
    assert "preferred bidder" not in page
    assert "Home care tender evaluation" not in page
    assert "Confidential scores" not in page


def test_board_member_sees_exempt_report(client, published):
    client.force_login(published.users["member"])

    page = client.get(published.meeting.get_absolute_url()).content.decode()

    assert EXEMPT_NOTICE in page
    assert "Award of the home care contract to the preferred bidder" in page
    assert "Report: Home care tender evaluation" in page


def test_signed_in_home_lists_the_users_boards(client, world):
    client.force_login(world.users["chair"])

    page = client.get("/").content.decode()

    assert "Your boards and actions" in page
    assert "COG" in page
    assert "Chair" in page


def test_anonymous_home_lists_partnerships_and_offers_sign_in(client, world):
    page = client.get("/").content.decode()

    assert "Highland CPP" in page
    assert "Cardiff Partnership" in page
    assert "Sign in" in page
    assert "Your boards and actions" not in page


def test_sign_in_and_sign_out(client, world):
    world.users["officer"].set_password("a-long-demo-password")
    world.users["officer"].save()
    authenticator = authenticator_for(world.users["officer"])

    asked_for_code = client.post(
        "/sign-in/", {"username": "officer", "password": "a-long-demo-password"}, follow=True
    )
    signed_in = client.post(
        asked_for_code.redirect_chain[-1][0], {"code": code_now(authenticator)}, follow=True
    )
    assert "Enter the code from your authenticator app" in asked_for_code.content.decode()
    assert "Your boards and actions" in signed_in.content.decode()

    signed_out = client.post("/sign-out/", follow=True)
    assert "Your boards and actions" not in signed_out.content.decode()


def test_wrong_password_is_refused_with_a_clear_message(client, world):
    response = client.post("/sign-in/", {"username": "officer", "password": "wrong"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Please enter a correct username and password." in page
