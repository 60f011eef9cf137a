"""What the fault tests look at from outside the app: its database, its pages and its mail."""

import email
import http.client
import io
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

import psycopg2
import psycopg2.extras
from django.conf import settings
from pypdf import PdfReader

# Any 32 letters: Django takes a CSRF token that matches the cookie's secret as it is.
CSRF_SECRET = "faults" + "x" * 26


class Database:
    """Reads the private database, a connection per question so that a restart does not
    stay in the way; a question asked while it is down is asked again."""

    def __init__(self, url: str) -> None:
        self.url = url

    def rows(self, sql: str, *parameters) -> list[dict]:
        for attempt in range(50):
            try:
                with (
                    psycopg2.connect(self.url) as connection,
                    connection.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cursor,
                ):
                    cursor.execute(sql, parameters)
                    return [dict(row) for row in cursor.fetchall()]
            except psycopg2.OperationalError:
                if attempt == 49:
                    raise
                time.sleep(0.2)
        raise AssertionError("unreachable")

    def packs(self, meeting: int) -> list[dict]:
        return self.rows(
            "SELECT id, variant, status, sections_done, sections_total, file, page_count, "
            "failure_reason FROM meetings_agendapack WHERE meeting_id = %s ORDER BY id",
            meeting,
        )

    def pack(self, meeting: int) -> dict | None:
        packs = self.packs(meeting)
        return packs[0] if packs else None

    def reminders(self, addresses: list[str]) -> dict:
        """How many reminders the addresses have, and how many of them are marked sent."""
        [row] = self.rows(
            "SELECT count(*) AS due, count(reminder.sent_at) AS sent "
            "FROM outcomes_reminder reminder JOIN partnership_person person "
            "ON person.id = reminder.recipient_id WHERE person.email = ANY(%s)",
            list(addresses),
        )
        return row


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str]
    asked_at: float


class Web:
    """A browser of the clerk's session against the app's gunicorn."""

    def __init__(self, port: int, session: str) -> None:
        self.port = port
        self.cookie = (
            f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={CSRF_SECRET}"
        )

    def get(self, path: str) -> Answer:
        return self._ask("GET", path)

    def post(self, path: str, data: dict[str, str]) -> Answer:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": CSRF_SECRET})
        return self._ask(
            "POST", path, body.encode(), {"Content-Type": "application/x-www-form-urlencoded"}
        )

    def _ask(self, method: str, path: str, body: bytes | None = None, headers=None) -> Answer:
        asked_at = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body, {"Cookie": self.cookie, **(headers or {})})
            response = connection.getresponse()
            return Answer(
                response.status,
                response.read(),
                {name.lower(): value for name, value in response.getheaders()},
                asked_at,
            )
        finally:
            connection.close()


def complete_pdf_problem(content: bytes) -> str | None:
    """Why these bytes are not a whole PDF, or None if they are one."""
    if not content.startswith(b"%PDF-"):
        return f"does not start as a PDF: {content[:20]!r}"
    if not content.rstrip().endswith(b"%%EOF"):
        return f"does not end with %%EOF: {content[-20:]!r}"
    try:
        pages = len(PdfReader(io.BytesIO(content), strict=True).pages)
    except Exception as error:
        return f"pypdf cannot read it: {error!r}"
    return None if pages else "has no pages"


@dataclass
class Poller:
    """Asks for a path again and again in a thread, keeping every answer."""

    ask: object
    interval: float = 0.2
    answers: list[Answer] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.answers.append(self.ask())
            except OSError as error:  # the web process itself is never stopped by these tests
                self.errors.append(repr(error))
            self._stop.wait(self.interval)

    def stop(self) -> list[Answer]:
        self._stop.set()
        self._thread.join(timeout=90)
        return self.answers


# The file-based e-mail backend ends each message with this line.
SEPARATOR = b"\n" + b"-" * 79 + b"\n"


@dataclass
class Mailbox:
    """The messages the file-based e-mail backend wrote: those written whole, and any cut off
    by a kill (a mail server does not deliver a message whose sending was cut off)."""

    messages: list[Message]
    cut_off: int

    @classmethod
    def read(cls, folder: Path) -> "Mailbox":
        messages, cut_off = [], 0
        for path in sorted(folder.glob("*.log")):
            *whole, rest = path.read_bytes().split(SEPARATOR)
            messages += [email.message_from_bytes(text) for text in whole]
            cut_off += bool(rest.strip())
        return cls(messages, cut_off)

    def to(self, addresses: list[str]) -> list[Message]:
        wanted = set(addresses)
        return [message for message in self.messages if message["To"] in wanted]
