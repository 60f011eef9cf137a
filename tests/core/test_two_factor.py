"""Two-factor sign-in: after the password, a code from an authenticator app or a recovery code,
for every account that sees or changes more than the public does; nothing else until then.

These tests sign in by password, as a person does; client.force_login (tests/conftest.py) gives
the code too, and stands for a session that has finished signing in.
"""

import base64
import datetime
import re
import time

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from oauth2_provider.models import AccessToken, Application

from core.two_factor.middleware import API_TWO_FACTOR_REQUIRED
from core.two_factor.services import (
    CODE_FORMAT,
    CODE_WRONG,
    RECOVERY_CODE_WRONG,
    recovery_code_verify,
    recovery_codes_replace,
)
from core.two_factor.views import NEW_CODES_SESSION_KEY
from governance.models import BoardMembership
from partnership.models import PartnerSystem, Person
from tests.factories import (
    AgendaItemFactory,
    BoardMembershipFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)
from tests.pages import error_summary, text_of
from tests.two_factor import authenticator_for

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"
CODE_PAGE = "/sign-in/code/"
RECOVERY_PAGE = "/sign-in/recovery-code/"
SET_UP_PAGE = "/sign-in/set-up/"
NEW_RECOVERY_CODES = "/account/security/recovery-codes/"


def _with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def chair():
    """The chair of a board: sees its agenda before it is published, exempt items and all."""
    user = _with_password(UserFactory(username="chair"))
    person = PersonFactory(user=user, capacity=Person.Capacity.ELECTED_MEMBER)
    BoardMembershipFactory(person=person, role=BoardMembership.Role.CHAIR)
    return user


@pytest.fixture
def meeting(chair):
    """A meeting of the chair's board whose agenda is not yet published: insiders only."""
    meeting = MeetingFactory(board=chair.person.board_memberships.get().board)
    AgendaItemFactory(meeting=meeting, title="Contract award", is_exempt=True, exempt_paragraph="3")
    return meeting


@pytest.fixture
def public_account():
    """An account linked to nobody, with no permission: it sees what the public sees."""
    return _with_password(UserFactory(username="reader"))


def sign_in(client, username: str = "chair", next_page: str = ""):
    """The password step; returns the page signing in goes on to, following redirects."""
    query = f"?next={next_page}" if next_page else ""
    return client.post(
        f"/sign-in/{query}", {"username": username, "password": PASSWORD}, follow=True
    )


def landed_on(response) -> str:
    return (
        response.redirect_chain[-1][0] if response.redirect_chain else response.request["PATH_INFO"]
    )


def code_of(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wait_out_the_pause(device: TOTPDevice) -> None:
    """As if the wait after the last wrong code had passed."""
    device.refresh_from_db()
    delay = 2 ** (device.throttling_failure_count - 1)
    device.throttling_failure_timestamp -= datetime.timedelta(seconds=delay + 1)
    device.save()


# Setting up an authenticator app


def test_an_account_without_an_authenticator_is_asked_to_set_one_up_after_its_password(
    client, chair
):
    response = sign_in(client)

    assert response.status_code == 200
    assert landed_on(response) == f"{SET_UP_PAGE}?next=%2F"
    device = TOTPDevice.objects.get(user=chair)
    assert not device.confirmed
    text = text_of(response)
    assert "Set up an authenticator app" in text
    key = base64.b32encode(device.bin_key).decode()
    assert " ".join(re.findall(".{4}", key)) in text
    page = response.content.decode()
    image = re.search(
        r'<img class="app-qr-code" src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]+)"', page
    )
    assert image.group(2).startswith("QR code for your authenticator app.")
    svg = base64.b64decode(image.group(1)).decode()
    assert svg.startswith("<svg")
    assert "<script" not in svg
    assert "style=" not in svg
    assert 'autocomplete="one-time-code"' in page
    assert 'inputmode="numeric"' in page
    assert 'style="' not in page


def test_reloading_the_set_up_page_keeps_the_key_already_scanned(client, chair):
    first = sign_in(client)
    again = client.get(SET_UP_PAGE)

    key = " ".join(re.findall(".{4}", base64.b32encode(TOTPDevice.objects.get().bin_key).decode()))
    assert key in text_of(first)
    assert key in text_of(again)


def test_a_code_from_the_new_app_confirms_it_and_shows_ten_recovery_codes_once(
    client, chair, meeting
):
    sign_in(client, next_page=meeting.get_absolute_url())
    device = TOTPDevice.objects.get(user=chair)

    confirmed = client.post(
        f"{SET_UP_PAGE}?next={meeting.get_absolute_url()}", {"code": code_of(device)}, follow=True
    )

    device.refresh_from_db()
    assert device.confirmed
    assert landed_on(confirmed).startswith(NEW_RECOVERY_CODES)
    text = text_of(confirmed)
    assert "Save your recovery codes" in text
    assert "You will not be shown these codes again." in text
    saved = sorted(StaticToken.objects.filter(device__user=chair).values_list("token", flat=True))
    shown = sorted(
        code.replace(" ", "")
        for code in re.findall(r"<code>([a-z2-7 ]{9})</code>", confirmed.content.decode())
    )
    assert len(saved) == 10
    assert shown == saved
    assert f'href="{meeting.get_absolute_url()}"' in confirmed.content.decode()
    # Shown once: a second look finds only how to make new ones.
    assert "have been shown already" in text_of(client.get(NEW_RECOVERY_CODES))
    # The session has finished signing in.
    assert client.get(meeting.get_absolute_url()).status_code == 200


def test_a_wrong_code_does_not_set_up_the_app(client, chair):
    sign_in(client)
    device = TOTPDevice.objects.get(user=chair)
    wrong = f"{(int(code_of(device)) + 1) % 1_000_000:06d}"

    response = client.post(SET_UP_PAGE, {"code": wrong})

    device.refresh_from_db()
    assert response.status_code == 200
    assert error_summary(response) == [CODE_WRONG]
    assert not device.confirmed
    assert not StaticDevice.objects.exists()


def test_an_account_with_an_authenticator_cannot_set_up_another_without_its_code(client, chair):
    authenticator_for(chair)
    sign_in(client)

    response = client.get(SET_UP_PAGE)

    assert response.status_code == 302
    assert response["Location"] == f"{CODE_PAGE}?next=%2F"
    assert TOTPDevice.objects.count() == 1


# The code at each sign-in


def test_an_account_with_an_authenticator_is_asked_for_its_code_then_goes_where_it_was_going(
    client, chair, meeting
):
    device = authenticator_for(chair)
    asked = client.get(meeting.get_absolute_url(), follow=True)
    asked = sign_in(client, next_page=landed_on(asked).split("next=")[1])

    assert landed_on(asked).startswith(CODE_PAGE)
    assert "Enter the code from your authenticator app" in text_of(asked)
    assert "Use a recovery code instead" in text_of(asked)

    response = client.post(landed_on(asked), {"code": code_of(device)})

    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    assert "Contract award" in text_of(client.get(meeting.get_absolute_url()))


def test_the_code_page_only_goes_on_to_this_site(client, chair):
    device = authenticator_for(chair)
    sign_in(client)

    response = client.post(
        f"{CODE_PAGE}?next=https://elsewhere.example/", {"code": code_of(device)}
    )

    assert response["Location"] == "/"


def test_a_code_is_accepted_once(client, chair):
    device = authenticator_for(chair)
    code = code_of(device)
    sign_in(client)
    client.post(CODE_PAGE, {"code": code})
    client.post("/sign-out/")
    sign_in(client)

    response = client.post(CODE_PAGE, {"code": code})

    assert error_summary(response) == [CODE_WRONG]


def test_a_wrong_code_is_refused_with_a_clear_message(client, chair):
    device = authenticator_for(chair)
    sign_in(client)

    wrong = client.post(CODE_PAGE, {"code": f"{(int(code_of(device)) + 1) % 1_000_000:06d}"})
    not_a_code = client.post(CODE_PAGE, {"code": "12345x"})

    assert wrong.status_code == 200
    assert error_summary(wrong) == [CODE_WRONG]
    assert "Error: Enter the code from your authenticator app" in text_of(wrong)
    assert error_summary(not_a_code) == [CODE_FORMAT]
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    assert client.get("/").status_code == 302


def test_repeated_wrong_codes_refuse_even_the_right_one_until_the_wait_is_over(client, chair):
    device = authenticator_for(chair)
    sign_in(client)
    for _try in range(4):
        client.post(CODE_PAGE, {"code": "000000" if code_of(device) != "000000" else "111111"})
        wait_out_the_pause(device)
    client.post(CODE_PAGE, {"code": "000000" if code_of(device) != "000000" else "111111"})
    device.refresh_from_db()
    assert device.throttling_failure_count == 5

    refused = client.post(CODE_PAGE, {"code": code_of(device)})

    assert error_summary(refused)[0] in {
        f"Too many wrong codes. Wait {seconds} seconds, then try again." for seconds in (15, 16)
    }
    assert client.get("/")["Location"].startswith(CODE_PAGE)
    device.refresh_from_db()
    assert device.throttling_failure_count == 5

    wait_out_the_pause(device)
    accepted = client.post(CODE_PAGE, {"code": code_of(device)})

    assert accepted["Location"] == "/"
    device.refresh_from_db()
    assert (device.throttling_failure_count, device.throttling_failure_timestamp) == (0, None)


def test_the_code_page_is_in_welsh_too(client, chair):
    authenticator_for(chair)
    client.post("/i18n/setlang/", {"language": "cy", "next": "/"})

    text = text_of(sign_in(client))

    assert "Rhowch y cod o'ch ap dilysu" in text


# Recovery codes


def test_a_recovery_code_signs_in_once(client, chair):
    authenticator_for(chair)
    codes = recovery_codes_replace(user=chair)
    sign_in(client)

    used = client.post(
        RECOVERY_PAGE, {"code": f"{codes[0][:4].upper()} {codes[0][4:]}"}, follow=True
    )

    assert "You have 9 recovery codes left." in text_of(used)
    assert landed_on(used) == "/"
    client.post("/sign-out/")
    sign_in(client)
    again = client.post(RECOVERY_PAGE, {"code": codes[0]})
    assert error_summary(again) == [RECOVERY_CODE_WRONG]
    assert StaticToken.objects.filter(device__user=chair).count() == 9


def test_wrong_recovery_codes_are_refused_and_slowed_down(client, chair):
    authenticator_for(chair)
    codes = recovery_codes_replace(user=chair)
    sign_in(client)

    wrong = client.post(RECOVERY_PAGE, {"code": "notacode"})
    right_too_soon = client.post(RECOVERY_PAGE, {"code": codes[0]})

    assert error_summary(wrong) == [RECOVERY_CODE_WRONG]
    assert error_summary(right_too_soon) == ["Too many wrong codes. Wait 1 second, then try again."]
    assert StaticToken.objects.filter(device__user=chair).count() == 10


def test_new_recovery_codes_end_the_old_ones(client, chair):
    old = recovery_codes_replace(user=chair)
    client.force_login(chair)

    made = client.post(
        NEW_RECOVERY_CODES, {"next": "/account/security/", "password": PASSWORD}, follow=True
    )

    text = text_of(made)
    assert "These replace your old recovery codes, which no longer work." in text
    new = [
        code.replace(" ", "")
        for code in re.findall(r"<code>([a-z2-7 ]{9})</code>", made.content.decode())
    ]
    assert len(new) == 10
    assert not set(new) & set(old)
    assert recovery_code_verify(user=chair, code=new[1])
    with pytest.raises(ValidationError, match="not right"):
        recovery_code_verify(user=chair, code=old[1])


@pytest.mark.parametrize(
    ("password", "message"),
    [("", "Enter your password."), ("not the password", "The password is not right.")],
)
def test_new_recovery_codes_need_the_password_again(client, chair, password, message):
    old = recovery_codes_replace(user=chair)
    client.force_login(chair)

    response = client.post(NEW_RECOVERY_CODES, {"password": password})

    assert response.status_code == 200
    assert error_summary(response) == [message]
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(old)
    assert NEW_CODES_SESSION_KEY not in client.session


def test_the_security_page_shows_the_app_and_the_codes_left(client, chair):
    authenticator_for(chair)
    recovery_codes_replace(user=chair)
    client.force_login(chair)

    text = text_of(client.get("/account/security/"))

    assert f"Set up on {timezone.localdate():%-d %B %Y}" in text
    assert "10 of 10 left" in text
    assert "Sign-in security" in text_of(client.get("/"))


def test_new_recovery_codes_need_the_code_first(client, chair):
    authenticator_for(chair)
    old = recovery_codes_replace(user=chair)
    sign_in(client)

    response = client.post(NEW_RECOVERY_CODES)

    assert response["Location"].startswith(CODE_PAGE)
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(old)


# The gate


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/partnerships/",
        "/search/",
        "/my-actions/",
        "/account/security/",
        "/admin/",
        "/sign-in/",
    ],
)
def test_a_session_that_has_not_given_its_code_reaches_none_of_the_other_pages(client, chair, path):
    authenticator_for(chair)
    sign_in(client)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"{CODE_PAGE}?next={path.replace('/', '%2F')}"


def test_nor_the_officer_pages(client, chair, meeting):
    authenticator_for(chair)
    sign_in(client)

    response = client.get(meeting.get_absolute_url())

    assert response["Location"].startswith(CODE_PAGE)


def test_it_may_sign_out_switch_language_and_load_static_files_and_health(client, chair):
    authenticator_for(chair)
    sign_in(client)

    assert client.get("/static/app/app.css").status_code == 200
    assert client.get("/healthz").status_code in {200, 503}
    switched = client.post("/i18n/setlang/", {"language": "cy", "next": CODE_PAGE})
    assert switched["Location"] == CODE_PAGE
    signed_out = client.post("/sign-out/")
    assert signed_out["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_the_code_page_offers_only_signing_out_in_the_header(client, chair):
    authenticator_for(chair)

    page = sign_in(client).content.decode()

    header = page.split('<ul id="navigation"')[1].split("</ul>")[0]
    assert "Sign out" in header
    assert "Partnerships" not in header
    assert "Administration" not in header


def test_administration_needs_the_code_too(client):
    admin = _with_password(UserFactory(username="admin", is_staff=True, is_superuser=True))
    device = authenticator_for(admin)
    sign_in(client, username="admin")

    assert client.get("/admin/")["Location"] == f"{CODE_PAGE}?next=%2Fadmin%2F"
    client.post(CODE_PAGE, {"code": code_of(device)})
    assert client.get("/admin/").status_code == 200


def test_the_api_answers_an_unverified_session_with_403_json(client, chair):
    authenticator_for(chair)
    sign_in(client)

    response = client.get("/api/v1/partnerships/")

    assert response.status_code == 403
    assert response.json() == {
        "status": 403,
        "code": "two_factor_required",
        "detail": API_TWO_FACTOR_REQUIRED,
    }


def test_the_api_answers_a_verified_session(client, chair):
    device = authenticator_for(chair)
    sign_in(client)
    client.post(CODE_PAGE, {"code": code_of(device)})

    assert client.get("/api/v1/partnerships/").status_code == 200


def test_partner_systems_calling_with_a_token_are_unaffected(client, chair):
    partnership = chair.person.board_memberships.get().board.partnership
    application = Application.objects.create(
        name="Performance system",
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
    )
    PartnerSystem.objects.create(
        name="Performance system",
        partnership=partnership,
        organisation=OrganisationFactory(),
        application=application,
    )
    AccessToken.objects.create(
        application=application,
        token="a-partner-systems-token",
        scope="read",
        expires=timezone.now() + datetime.timedelta(hours=1),
    )
    authenticator_for(chair)
    # Even from a browser whose session has not given its code, the token is what counts.
    sign_in(client)

    response = client.get(
        "/api/v1/partnerships/", HTTP_AUTHORIZATION="Bearer a-partner-systems-token"
    )

    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [partnership.pk]


def test_an_account_that_sees_only_what_the_public_sees_signs_in_with_its_password(
    client, public_account
):
    response = sign_in(client, username="reader")

    assert landed_on(response) == "/"
    assert response.status_code == 200
    assert client.get("/search/").status_code == 200
    assert client.get("/api/v1/partnerships/").status_code == 200
    # The steps have nothing to ask it.
    assert client.get(CODE_PAGE)["Location"] == "/"
    assert not TOTPDevice.objects.exists()


# An administrator's reset


def test_an_administrator_resets_a_users_two_factor_sign_in(
    client, admin_client, admin_user, chair
):
    authenticator_for(chair)
    recovery_codes_replace(user=chair)
    client.force_login(chair)
    assert client.get("/").status_code == 200

    response = admin_client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [chair.pk]},
        follow=True,
    )

    assert "Two-factor sign-in reset for 1 user" in text_of(response)
    assert not TOTPDevice.objects.filter(user=chair).exists()
    assert not StaticDevice.objects.filter(user=chair).exists()
    entry = LogEntry.objects.get(object_id=str(chair.pk))
    assert entry.user == admin_user
    assert entry.get_change_message().startswith("Reset two-factor sign-in: removed 2 device(s)")
    # The chair's session, verified by the removed app, ends; signing in again sets one up anew.
    ended = client.get("/partnerships/")
    assert ended["Location"] == "/sign-in/?next=%2Fpartnerships%2F"
    assert "_auth_user_id" not in client.session
    assert landed_on(sign_in(client)).startswith(SET_UP_PAGE)


def test_the_user_list_shows_who_has_set_up_an_app(admin_client, chair):
    authenticator_for(chair)

    page = admin_client.get(reverse("admin:auth_user_changelist")).content.decode()

    assert "Authenticator app" in page


# How long a verified session lasts


def _age(client, **seconds_ago) -> None:
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_a_session_left_idle_too_long_is_signed_out(client, chair, settings):
    client.force_login(chair)
    _age(client, two_factor_last_seen=settings.SESSION_IDLE_SECONDS + 1)

    response = client.get("/partnerships/", follow=True)

    assert response.redirect_chain == [("/sign-in/?next=%2Fpartnerships%2F", 302)]
    assert "For your security, you have been signed out." in text_of(response)
    assert "_auth_user_id" not in client.session


def test_a_session_ends_a_working_day_after_its_code_however_busy(client, chair, settings):
    client.force_login(chair)
    _age(client, two_factor_verified_at=settings.SESSION_COOKIE_AGE + 1, two_factor_last_seen=60)

    assert client.get("/")["Location"] == "/sign-in/?next=%2F"


def test_a_request_notes_the_time_only_every_few_minutes(client, chair):
    client.force_login(chair)
    _age(client, two_factor_last_seen=60)
    client.get("/")
    assert int(time.time()) - client.session["two_factor_last_seen"] >= 60

    _age(client, two_factor_last_seen=6 * 60)
    client.get("/")
    assert int(time.time()) - client.session["two_factor_last_seen"] < 60
