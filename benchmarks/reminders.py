"""How long the daily reminder run takes over many development actions, and how many queries.

Builds, with the scale estate's builders (demo/scale.py, as `manage.py scale_data`), an estate
of partnerships, boards with chairs and seats, people and development actions (deadlines either
side of today, realistic statuses, leads and updates) in the database named by DATABASE_URL,
migrating it first; with none given, a throwaway SQLite file.
It runs the reminder job at two sizes, and prints for each the wall time and SQL queries of
writing the reminders that fell due and of sending the digests. The sweep's queries do not
grow with the number of actions (on SQLite its one insert is split into batches by SQLite's
limit on parameters); the sending makes a few per recipient, each in its own transaction.

    make bench-reminders                 # or: python benchmarks/reminders.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_reminders make bench-reminders
    BENCH_ACTIONS=20000,200000 BENCH_PARTNERSHIPS=200 BENCH_READINGS=1000000 \
        BENCH_INDICATORS=500 make bench-reminders

Each partnership has four boards, with six people to a board.

Then it fills the database with BENCH_READINGS indicator readings and measures the dashboard of a
framework of BENCH_INDICATORS indicators among them (benchmarks/dashboard.py).

Use a fresh database: it adds its rows to whatever is there. It prints figures; it is not a test.
"""

import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORK = Path(tempfile.mkdtemp(prefix="bench-reminders-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK / 'bench.sqlite3'}")
os.environ["DJANGO_EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
os.environ.setdefault("CELERY_BROKER_FOLDER", str(WORK / "broker"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks import dashboard  # noqa: E402
from demo.scale import Estate, Sizes  # noqa: E402
from outcomes.models import Reminder  # noqa: E402
from outcomes.reminders import reminders_fall_due, reminders_send  # noqa: E402
from partnership.models import Person  # noqa: E402

SIZES = [int(size) for size in os.environ.get("BENCH_ACTIONS", "20000,200000").split(",")]
PARTNERSHIPS = int(os.environ.get("BENCH_PARTNERSHIPS", "200"))
BOARDS_PER_PARTNERSHIP = 4
READINGS = int(os.environ.get("BENCH_READINGS", "1000000"))
INDICATORS = int(os.environ.get("BENCH_INDICATORS", "500"))


def _line(text: str) -> None:
    sys.stdout.write(text + "\n")


def timed(work) -> tuple[float, int, object]:
    """Wall time, number of SQL queries (counted, not logged: there may be thousands), result."""
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        result = work()
        elapsed = time.perf_counter() - started
    return elapsed, queries, result


def run_reminders(today: datetime.date) -> None:
    """One day's reminder run: writing the reminders that fell due, then sending them."""
    fall_time, fall_queries, written = timed(lambda: reminders_fall_due(today=today))
    send_time, send_queries, sent = timed(lambda: reminders_send(today=today))
    _line(
        f"    writing the reminders due: {fall_time:6.1f} s, {fall_queries:5} queries, "
        f"{written} reminders written"
    )
    _line(
        f"    sending the digests:       {send_time:6.1f} s, {send_queries:5} queries, "
        f"{sent.sent_digests} digests of {sent.sent_reminders} reminders"
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    _line(f"Database: {connection.vendor}")
    boards = PARTNERSHIPS * BOARDS_PER_PARTNERSHIP
    estate = Estate(
        Sizes(partnerships=PARTNERSHIPS, boards=boards, meetings=0, actions=0, readings=0)
    )
    estate.build_partnerships()
    estate.build_boards()
    estate.build_frameworks()
    _line(f"{PARTNERSHIPS} partnerships, {boards} boards, {Person.objects.count()} people")
    today = timezone.localdate()
    for size in SIZES:
        estate.add_actions(size - estate.actions_made)
        Reminder.objects.all().delete()
        _line(f"Reminder runs over {size:,} development actions:")
        # The first run catches up every action at once; a day later only the points reached.
        _line("  the first run:")
        run_reminders(today)
        _line("  the next day's run:")
        run_reminders(today + datetime.timedelta(1))
    dashboard.report(readings=READINGS, indicators=INDICATORS)


if __name__ == "__main__":
    main()
