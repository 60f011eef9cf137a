"""Commands the fault tests run on the private database, in a process of their own:

    python -m tests.faults.driver COMMAND '{"argument": ...}'

Each prints one line of JSON. The test process keeps its own (pytest-django's) database; this
one is the app's, shared with the worker and web processes under test.
"""

import datetime
import json
import sys

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from governance.models import BoardMembership  # noqa: E402
from meetings.models import Report  # noqa: E402
from tests.factories import (  # noqa: E402
    AgendaItemFactory,
    BoardFactory,
    BoardMembershipFactory,
    DevelopmentActionFactory,
    MeetingFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)

# Enough text that each report's section takes a moment to typeset and runs to a few pages.
PARAGRAPH = (
    "<p>The partnership reviewed the delivery of its priorities across the county's "
    "localities, the resources each partner committed, and the risks to the programme over "
    "the coming financial year, with the measures proposed to manage each of them.</p>"
)


def schema() -> dict:
    """Makes the app's tables in the empty private database."""
    call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
    return {}


def meeting(*, prefix: str, reports: int) -> dict:
    """A published agenda of this many reports, and a signed-in session of the board's clerk."""
    partnership = PartnershipFactory(name=f"{prefix} partnership", slug=f"{prefix}-partnership")
    board = BoardFactory(partnership=partnership, name=f"{prefix} board", slug=f"{prefix}-board")
    clerk = UserFactory(username=f"{prefix}-clerk")
    BoardMembershipFactory(
        board=board,
        person=PersonFactory(name=f"{prefix} clerk", user=clerk),
        role=BoardMembership.Role.CLERK,
        started_on=datetime.date(2020, 1, 1),
    )
    agenda = MeetingFactory(board=board, agenda_published_at=timezone.now())
    for number in range(1, reports + 1):
        report = Report.objects.create(
            board=board,
            title=f"Delivery report {number}",
            purpose=PARAGRAPH,
            introduction_and_background=PARAGRAPH * 12,
            key_considerations=PARAGRAPH * 12,
        )
        AgendaItemFactory(
            meeting=agenda, position=number, title=report.title, kind="report", report=report
        )
    return {"meeting": agenda.pk, "session": signed_in_session(clerk)}


def signed_in_session(user) -> str:
    """The key of a session of the user's, with its two-factor step done where there is one."""
    client = Client()
    client.force_login(user)
    if apps.is_installed("django_otp.plugins.otp_totp"):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def leads(*, prefix: str, count: int) -> dict:
    """Leads each with two actions due in three days: one digest of two reminders each."""
    partnership = PartnershipFactory(name=f"{prefix} actions", slug=f"{prefix}-actions")
    due = timezone.localdate() + datetime.timedelta(3)
    addresses = []
    for number in range(count):
        address = f"{prefix}{number}@example.org"
        lead = PersonFactory(name=f"{prefix.title()} lead {number}", email=address)
        for action in range(2):
            DevelopmentActionFactory(
                partnership=partnership,
                reference=f"{number}.{action + 1}",
                activity=f"Improvement activity {number}.{action + 1}",
                deadline=due,
                lead_person=lead,
            )
        addresses.append(address)
    return {"addresses": addresses}


COMMANDS = {"schema": schema, "meeting": meeting, "leads": leads}

if __name__ == "__main__":
    command, arguments = sys.argv[1], json.loads(sys.argv[2] if len(sys.argv) > 2 else "{}")
    print(json.dumps(COMMANDS[command](**arguments)))  # noqa: T201
