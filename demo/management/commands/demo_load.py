"""Loads the demo data drawn from the seed documents; running it again changes nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import cannock_chase, cardiff, herefordshire, highland, users
from demo.users import (
    DEMO_AUTHENTICATOR_KEY,
    DEMO_RECOVERY_CODES,
    PARTNER_CLIENT_SECRET,
    Account,
)
from partnership.models import PartnerSystem

DEMO_DATA_NOT_ALLOWED = (
    "Refused: the demo accounts' passwords and two-factor codes are published, so they are "
    "loaded only where DJANGO_DEBUG or DJANGO_DEMO_DATA is true (a site for demonstration)."
)


class Command(BaseCommand):
    help = (
        "Loads Highland CPP, Herefordshire Cabinet, Cardiff's IPOC and Cannock Chase LSP from "
        "the seed documents, with demo users. Safe to run again: it changes nothing."
    )

    def handle(self, *args, **options) -> None:
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(DEMO_DATA_NOT_ALLOWED)
        with transaction.atomic():
            highland_records = highland.load()
            herefordshire_records = herefordshire.load()
            cardiff.load()
            cannock_chase.load()
            accounts, system = users.load(
                officer=highland_records["officer"],
                chair=herefordshire_records["chair"],
                clerk=herefordshire_records["clerk"],
                council=herefordshire_records["council"],
                scrutiny_committee=herefordshire_records["scrutiny_committee"],
                highland=highland_records["partnership"],
                nhs_highland=highland_records["nhs_highland"],
            )
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(_accounts_table(accounts))
        self.stdout.write(_two_factor_lines())
        self.stdout.write(_partner_system_line(system))


def _accounts_table(accounts: list[Account]) -> str:
    rows = [Account("Username", "Password", "Signs in as"), *accounts]
    widths = [max(len(row[column]) for row in rows) for column in range(len(Account._fields))]
    rows.insert(1, Account(*("-" * width for width in widths)))
    lines = [
        "  " + "  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True))
        for row in rows
    ]
    note = "Passwords are set only when a user is first created."
    return "\n".join(["", "Demo users:", *(line.rstrip() for line in lines), note, ""])


def _two_factor_lines() -> str:
    return "\n".join(
        [
            "Two-factor sign-in (demo only): after the password, enter the code an authenticator "
            f"app shows for the key {DEMO_AUTHENTICATOR_KEY} (the same for every demo user), "
            f"e.g. oathtool --totp -b {DEMO_AUTHENTICATOR_KEY}; or a recovery code, "
            f"{DEMO_RECOVERY_CODES[0]} to {DEMO_RECOVERY_CODES[-1]}, each once per user.",
            "",
        ]
    )


def _partner_system_line(system: PartnerSystem) -> str:
    scopes = " and ".join(
        scope
        for scope, allowed in (("read", system.can_read), ("write", system.can_write))
        if allowed
    )
    return (
        f"Partner system: {system.name} ({system.organisation}) for {system.partnership}, "
        f"may {scopes}; API client id {system.application.client_id}, secret "
        f"{PARTNER_CLIENT_SECRET} (set when first created). A token: curl -u "
        f"{system.application.client_id}:{PARTNER_CLIENT_SECRET} -d grant_type=client_credentials "
        "http://localhost:8000/api/oauth/token/"
    )
