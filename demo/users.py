"""Demo sign-ins, one for each kind of user, linked to people from the seeds; and an API client.

Each password is set only when its user is first created, so reloading changes no user and a
password changed since is kept. Every demo user needs two-factor sign-in: each gets the same
published authenticator key and recovery codes when it has no authenticator app, so that a
newcomer can sign in at once. They are for the demo only, and as public as the passwords.
"""

import base64
import datetime
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django_otp.plugins.otp_totp.models import TOTPDevice
from oauth2_provider.models import Application

from core.two_factor.services import AUTHENTICATOR_NAME, authenticator_of, recovery_codes_replace
from demo.upsert import update, upsert
from governance.models import Board, BoardMembership
from partnership.models import Organisation, Partnership, PartnerSystem, Person


class Account(NamedTuple):
    username: str
    password: str
    signs_in_as: str


# Illustrative, not from the seeds: the pack names no member of the Overview and Scrutiny
# Committee, and the demo needs one to show what a scrutiny member may see of Cabinet.
SCRUTINY_MEMBER = "Demo Scrutiny Member"
SCRUTINY_SEAT_FROM = datetime.date(2010, 5, 1)

PARTNER_SYSTEM = "NHS Highland performance system"
# Its OAuth2 client credentials; the secret, like the passwords, is set only on first creation.
PARTNER_CLIENT_ID = "demo-nhs-highland"
PARTNER_CLIENT_SECRET = "demo-partner-secret-2026"

# Demo only: the base32 key to give an authenticator app (or `oathtool --totp -b KEY`).
DEMO_AUTHENTICATOR_KEY = "DEMOKEYNOTSECRETDEMOKEYNOTSECRET"
# Demo only: each works once per user; reloading gives them again only to a user who was reset.
DEMO_RECOVERY_CODES = [f"demo{number:04d}" for number in range(1, 11)]

PASSWORDS = {
    "officer": "demo-officer-2026",
    "chair": "demo-chair-2026",
    "clerk": "demo-clerk-2026",
    "scrutiny": "demo-scrutiny-2026",
    "admin": "demo-admin-2026",
}


def load(
    *,
    officer: Person,
    chair: Person,
    clerk: Person,
    council: Organisation,
    scrutiny_committee: Board,
    highland: Partnership,
    nhs_highland: Organisation,
) -> tuple[list[Account], PartnerSystem]:
    """Loads the demo users and the partner system; returns what to tell whoever runs the demo."""
    scrutiny_member = upsert(
        Person,
        {"name": SCRUTINY_MEMBER, "organisation": council},
        honorific_prefix="Councillor",
        capacity=Person.Capacity.ELECTED_MEMBER,
    )
    upsert(
        BoardMembership,
        {
            "board": scrutiny_committee,
            "person": scrutiny_member,
            "role": BoardMembership.Role.MEMBER,
        },
        organisation=council,
        started_on=SCRUTINY_SEAT_FROM,
    )
    people = {
        "officer": officer,
        "chair": chair,
        "clerk": clerk,
        "scrutiny": scrutiny_member,
    }
    accounts = []
    for username, person in people.items():
        user = _user(username, email=person.email)
        update(person, user=user)
        _authenticator(user)
        accounts.append(Account(username, PASSWORDS[username], _describe(person)))
    _authenticator(_user("admin", is_superuser=True))
    accounts.append(Account("admin", PASSWORDS["admin"], "Administrator (no person)"))

    system = upsert(
        PartnerSystem,
        {"partnership": highland, "name": PARTNER_SYSTEM},
        organisation=nhs_highland,
        can_read=True,
        can_write=True,
        is_active=True,
        application=_application(),
    )
    return accounts, system


def _application() -> Application:
    application = Application.objects.filter(client_id=PARTNER_CLIENT_ID).first()
    if application is None:
        application = Application.objects.create(
            name=PARTNER_SYSTEM,
            client_id=PARTNER_CLIENT_ID,
            client_secret=PARTNER_CLIENT_SECRET,
            client_type=Application.CLIENT_CONFIDENTIAL,
            authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
        )
    return application


def _user(username: str, *, email: str = "", is_superuser: bool = False):
    user_model: type[AbstractUser] = get_user_model()
    values = {"email": email, "is_staff": is_superuser, "is_superuser": is_superuser}
    try:
        user = user_model.objects.get(username=username)
    except user_model.DoesNotExist:
        user = user_model(username=username, **values)
        user.set_password(PASSWORDS[username])
        user.full_clean()
        user.save()
        return user
    update(user, **values)
    return user


def _authenticator(user) -> None:
    """The demo authenticator app and recovery codes, for a user who has no authenticator."""
    if authenticator_of(user) is not None:
        return
    key = base64.b32decode(DEMO_AUTHENTICATOR_KEY).hex()
    device = TOTPDevice(user=user, name=AUTHENTICATOR_NAME, key=key, confirmed=True)
    device.full_clean()
    device.save()
    recovery_codes_replace(user=user, codes=DEMO_RECOVERY_CODES)


def _describe(person: Person) -> str:
    parts = [str(person), person.job_title, str(person.organisation or "")]
    return ", ".join(part for part in parts if part)
