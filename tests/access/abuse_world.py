"""The world the abuse walk attacks: the demo, two partnerships whose every record is marked
with who may see it, and a partnership of the attackers' own.

Partnerships A and B are the estate of the API's access matrix (tests/api/estate.py): each record
is marked PUBLIC-x, EXEMPT-x or PRIVATE-x. Here they also get what only the web has: agenda packs,
uploaded files, circulations, webhooks, interests, a declaration, a performance report and a
milestone. The scrutiny member (the demo's, who scrutinises Herefordshire's Cabinet) also sits
on a committee scrutinising A's board, so may read A's exempt papers and the demo's exempt
report (AUBERGINE-ZEPHYR-7731), and nothing of B's. Every other attacker belongs to partnership
Z, whose records the walk never aims at, and may read only what is published and open.
"""

import datetime
import functools
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.utils import timezone

from demo.herefordshire import EXEMPT_MARKER
from governance.models import (
    Board,
    BoardMembership,
    Circulation,
    CirculationRecipient,
    EngagementActivity,
    Interest,
    JointAppointment,
)
from meetings.models import (
    AgendaItem,
    AgendaPack,
    Appendix,
    Declaration,
    Meeting,
    Minute,
    Report,
    Resolution,
)
from outcomes.models import Milestone, OutcomeFramework, PerformanceReport, Project
from partnership.models import (
    Organisation,
    PartnerMembership,
    Partnership,
    Person,
    Theme,
    WebhookEndpoint,
)
from tests.api.estate import build_side, partner_system_token

ROLES = ("anonymous", "public", "scrutiny", "officer_elsewhere", "system_elsewhere")
# What each role may read of the marked records; any other marker in an answer is a leak.
MARKERS = ("PUBLIC-A", "PUBLIC-B", "EXEMPT-A", "EXEMPT-B", "PRIVATE-A", "PRIVATE-B", EXEMPT_MARKER)
MAY_READ = {
    "anonymous": {"PUBLIC-A", "PUBLIC-B"},
    "public": {"PUBLIC-A", "PUBLIC-B"},
    "scrutiny": {"PUBLIC-A", "PUBLIC-B", "EXEMPT-A", EXEMPT_MARKER},
    "officer_elsewhere": {"PUBLIC-A", "PUBLIC-B"},
    "system_elsewhere": {"PUBLIC-A", "PUBLIC-B"},
}
# Tables whose rows a request may change without changing anything of the record: sessions,
# django-axes' log of sign-ins, the time of a user's last sign-in, and the cache of rendered PDF
# sections (a reader's minutes PDF is rendered once and kept under its HTML's digest, so that
# what one audience's rendering holds is never found by another's).
VOLATILE_TABLES = {
    "django_session",
    "axes_accessattempt",
    "axes_accesslog",
    "meetings_renderedsection",
}
VOLATILE_COLUMNS = {"auth_user": {"last_login"}}


@dataclass
class Side:
    """One marked partnership's records, by what the walk aims at."""

    x: str
    partnership: Partnership
    organisation: Organisation
    author: Person
    board: Board
    framework: OutcomeFramework
    project: Project
    published: Meeting
    drafted: Meeting
    upcoming: Meeting
    open_report: Report
    exempt_report: Report
    draft_report: Report
    unlisted_report: Report
    open_minute: Minute
    exempt_minute: Minute
    draft_minute: Minute
    open_resolution: Resolution
    exempt_resolution: Resolution
    extras: dict = field(default_factory=dict)


@dataclass
class AbuseWorld:
    a: Side
    b: Side
    demo_exempt_report: Report
    demo_exempt_item: AgendaItem
    demo_partnership: Partnership
    demo_board: Board
    demo_member: Person
    scrutiny_user: User
    system_token: str
    clients: dict[str, Client]

    def sign_in_again(self, role: str) -> None:
        """After a sign-out: the role's client signed in as it was."""
        if role == "public":
            self.clients[role].force_login(User.objects.get(username="abuse-public"))
        elif role == "scrutiny":
            self.clients[role].force_login(self.scrutiny_user)
        elif role == "officer_elsewhere":
            self.clients[role].force_login(User.objects.get(username="abuse-officer-z"))


def build_abuse_world(settings, tmp_path) -> AbuseWorld:
    """The demo must be loaded first (the `demo` fixture)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    a, b = _side("A"), _side("B")

    scrutiny_user = User.objects.get(username="scrutiny")
    committee = Board.objects.create(
        partnership=a.partnership, name="A's scrutiny", slug="scrutiny", kind="scrutiny_committee"
    )
    committee.scrutinises.add(a.board)
    BoardMembership.objects.create(board=committee, person=scrutiny_user.person)

    home = Partnership.objects.create(name="Partnership Z", slug="partnership-z", kind="lsp")
    council = Organisation.objects.create(name="Council Z", kind="council")
    PartnerMembership.objects.create(partnership=home, organisation=council)
    officer = User.objects.create_user("abuse-officer-z")
    Person.objects.create(name="Officer Z", capacity="officer", organisation=council, user=officer)
    token = partner_system_token(home, council, scopes="read write", name="z")

    # A server error is answered as one, for the walk to report, rather than raised.
    clients = {
        "anonymous": Client(raise_request_exception=False),
        "public": Client(raise_request_exception=False),
        "scrutiny": Client(raise_request_exception=False),
        "officer_elsewhere": Client(raise_request_exception=False),
        "system_elsewhere": Client(
            raise_request_exception=False, headers={"Authorization": f"Bearer {token}"}
        ),
    }
    clients["public"].force_login(User.objects.create_user("abuse-public"))
    clients["scrutiny"].force_login(scrutiny_user)
    clients["officer_elsewhere"].force_login(officer)

    demo_exempt_item = AgendaItem.objects.select_related("report", "meeting__board").get(
        report__body__contains=EXEMPT_MARKER
    )
    demo_board = demo_exempt_item.meeting.board
    return AbuseWorld(
        a=a,
        b=b,
        demo_exempt_report=demo_exempt_item.report,
        demo_exempt_item=demo_exempt_item,
        demo_partnership=demo_board.partnership,
        demo_board=demo_board,
        demo_member=BoardMembership.objects.filter(board=demo_board).first().person,
        scrutiny_user=scrutiny_user,
        system_token=token,
        clients=clients,
    )


def _side(x: str) -> Side:
    built = build_side(x)
    board = built.board
    meetings = Meeting.objects.filter(board=board)
    reports = Report.objects.filter(board=board)
    minutes = Minute.objects.filter(meeting__board=board)
    side = Side(
        x=x,
        partnership=built.partnership,
        organisation=built.organisation,
        author=built.author,
        board=board,
        framework=OutcomeFramework.objects.get(partnership=built.partnership),
        project=Project.objects.get(partnership=built.partnership),
        published=meetings.get(minutes_status="published"),
        drafted=meetings.get(minutes_status="draft", status="held"),
        upcoming=meetings.get(agenda_published_at__isnull=True),
        open_report=reports.get(purpose=f"PUBLIC-{x}"),
        exempt_report=reports.get(classification="exempt"),
        draft_report=reports.get(title="Draft"),
        unlisted_report=reports.get(title="Unlisted"),
        open_minute=minutes.get(body=f"PUBLIC-{x}"),
        exempt_minute=minutes.get(body=f"EXEMPT-{x}"),
        draft_minute=minutes.get(body=f"PRIVATE-{x}"),
        open_resolution=Resolution.objects.get(
            minute__body=f"PUBLIC-{x}", minute__meeting__board=board
        ),
        exempt_resolution=Resolution.objects.get(
            minute__body=f"EXEMPT-{x}", minute__meeting__board=board
        ),
    )
    # An upcoming meeting's date and place are public (the calendars list it); its agenda is not.
    side.upcoming.venue = "Council Chamber"
    side.upcoming.save()
    _extras(side)
    return side


def _file(marker: str, name: str) -> ContentFile:
    return ContentFile(f"%PDF-1.7\n% {marker}\n".encode(), name=name)


def _extras(side: Side) -> None:
    x, author, today = side.x, side.author, timezone.localdate()
    extras = side.extras
    for name, meeting, variant, marker in (
        ("members_pack", side.published, AgendaPack.Variant.MEMBERS, "EXEMPT"),
        ("public_pack", side.published, AgendaPack.Variant.PUBLIC, "PUBLIC"),
        ("unpublished_pack", side.upcoming, AgendaPack.Variant.PUBLIC, "PRIVATE"),
    ):
        extras[name] = AgendaPack.objects.create(
            meeting=meeting,
            variant=variant,
            status=AgendaPack.Status.READY,
            requested_by=author,
            file=_file(f"{marker}-{x}", f"{name}.pdf"),
        )
    extras["exempt_appendix"] = Appendix.objects.create(
        report=side.exempt_report, label="1", title="Scores", file=_file(f"EXEMPT-{x}", "a.pdf")
    )
    extras["draft_appendix"] = Appendix.objects.create(
        report=side.draft_report, label="1", title="Plan", file=_file(f"PRIVATE-{x}", "d.pdf")
    )
    extras["open_appendix"] = Appendix.objects.create(
        report=side.open_report, label="1", title="Map", file=_file(f"PUBLIC-{x}", "o.pdf")
    )
    side.exempt_report.source_document = _file(f"EXEMPT-{x}", "source.docx")
    side.exempt_report.save()
    appointment = JointAppointment.objects.get(partnership=side.partnership)
    appointment.memorandum_of_understanding = _file(f"PRIVATE-{x}", "mou.pdf")
    appointment.save()
    extras["appointment"] = appointment
    circulation = Circulation.objects.create(
        board=side.board,
        kind="document",
        title=f"PRIVATE-{x}",
        summary=f"PRIVATE-{x}",
        document=_file(f"PRIVATE-{x}", "circulated.pdf"),
        circulated_by=author,
        status="sent",
    )
    CirculationRecipient.objects.create(circulation=circulation, person=author, email="")
    extras["circulation"] = circulation
    extras["webhook"] = WebhookEndpoint.objects.create(
        partnership=side.partnership,
        url=f"https://hooks.example/PRIVATE-{x}",
        description=f"PRIVATE-{x}",
        events=["minutes.published"],
        secret=f"whsec_PRIVATE-{x}",
    )
    extras["interest"] = Interest.objects.create(
        person=author, kind="employment", description=f"PRIVATE-{x}", registered_on=today
    )
    extras["declaration"] = Declaration.objects.create(
        meeting=side.published, person=author, kind="personal", description=f"PUBLIC-{x}"
    )
    extras["performance_report"] = PerformanceReport.objects.create(
        framework=side.framework,
        as_of=today,
        status=PerformanceReport.Status.READY,
        file=_file(f"PUBLIC-{x}", "performance.pdf"),
    )
    extras["milestone"] = Milestone.objects.create(
        project=side.project,
        title=f"PUBLIC-{x}",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=30),
    )
    extras["theme"] = Theme.objects.create(
        partnership=side.partnership, name=f"Theme {x}", slug=f"theme-{x.lower()}"
    )
    extras["membership"] = BoardMembership.objects.get(board=side.board, person=author)
    extras["engagement"] = EngagementActivity.objects.get(partnership=side.partnership)


def row_counts(ignoring: str = "") -> tuple[int, ...]:
    """How many rows each table holds (but those named starting `ignoring`), in one query."""
    tables = _tables(ignoring)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT "
            + ", ".join(f"(SELECT COUNT(*) FROM {connection.ops.quote_name(t)})" for t in tables)
        )
        return tuple(cursor.fetchone())


def fingerprint(ignoring: str = "", *, audited: bool = True) -> dict[str, int]:
    """Every row of every table but the volatile ones, hashed table by table; without the
    audited records and their history, if asked. A change to an audited record adds a row to
    its history, which row_counts sees, and an update that bypasses the history fails every
    test (tests/audit_guard.py): those tables need hashing only once in a while."""
    prints = {}
    skipped = set() if audited else _audited_tables()
    with connection.cursor() as cursor:
        for table in sorted(set(_tables(ignoring)) - skipped):
            columns = _compared_columns(table)
            cursor.execute(
                f"SELECT {', '.join(connection.ops.quote_name(c) for c in columns)} "
                f"FROM {connection.ops.quote_name(table)}"
            )
            prints[table] = hash(tuple(sorted(map(repr, cursor.fetchall()))))
    return prints


# The schema does not change while the walk runs: each table's columns, the tables and the
# audited ones are read from the database once.
@functools.cache
def _compared_columns(table: str) -> tuple[str, ...]:
    """The table's columns but its volatile ones."""
    volatile = VOLATILE_COLUMNS.get(table, set())
    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, table)
    return tuple(column.name for column in description if column.name not in volatile)


@functools.cache
def _audited_tables() -> set[str]:
    """The tables of the records django-simple-history keeps, and of their histories."""
    tables = set()
    for model in apps.get_models():
        history = getattr(model, "history", None)
        if history is not None and hasattr(history, "model"):
            tables |= {model._meta.db_table, history.model._meta.db_table}
    return tables


def _tables(ignoring: str = "") -> list[str]:
    return [t for t in _all_tables() if not (ignoring and t.startswith(ignoring))]


@functools.cache
def _all_tables() -> tuple[str, ...]:
    return tuple(sorted(set(connection.introspection.table_names()) - VOLATILE_TABLES))
