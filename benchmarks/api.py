"""The REST API under load: gunicorn on loopback, 20 clients for 60 s, over a large partnership.

Builds, in the database named by DATABASE_URL (migrated first; use a fresh one), a partnership
with BENCH_MEETINGS meetings (each with a published agenda of one item and published minutes
with a resolution) and frameworks holding BENCH_READINGS indicator readings (the estate of
benchmarks/dashboard.py). Then it starts gunicorn on a free loopback port with the production
settings and drives the main list and detail endpoints, pages of 50, with wrk: one mixed run
of BENCH_SECONDS at BENCH_CLIENTS connections, then a shorter run per endpoint. It prints
requests per second, p50 and p95 latency and the error count of each. Needs wrk (Debian's
package wrk). It prints figures; it is not a test.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_api python benchmarks/api.py
    BENCH_MEETINGS=10000 BENCH_READINGS=100000 python benchmarks/api.py   # a quick look
"""

import datetime
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORK = Path(tempfile.mkdtemp(prefix="bench-api-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK / 'bench.sqlite3'}")
os.environ.setdefault("CELERY_BROKER_FOLDER", str(WORK / "broker"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks import dashboard  # noqa: E402
from governance.models import Board  # noqa: E402
from meetings.models import AgendaItem, Meeting, Minute, Resolution  # noqa: E402
from outcomes.models import Indicator, Reading  # noqa: E402
from partnership.models import Nation, Partnership  # noqa: E402

MEETINGS = int(os.environ.get("BENCH_MEETINGS", "100000"))
READINGS = int(os.environ.get("BENCH_READINGS", "1000000"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "20"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
ENDPOINT_SECONDS = int(os.environ.get("BENCH_ENDPOINT_SECONDS", "10"))
WORKERS = int(os.environ.get("BENCH_GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
BOARDS = 50
BATCH = 10_000

# wrk's Lua: each connection walks the URL list from its own starting point; the summary
# gives the latency percentiles wrk itself does not print (p95) and the errors of every kind.
WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local counter = 0
setup = function(thread) thread:set("offset", counter); counter = counter + 7 end
init = function() index = offset end
request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end
done = function(summary, latency, requests)
  local errors = summary.errors
  local failed = errors.connect + errors.read + errors.write + errors.timeout + errors.status
  io.write(string.format("RESULT %d %.3f %.3f %.3f %d\\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000, failed))
end
"""


def build() -> dict[str, str]:
    """The large partnership; returns ids the endpoint URLs name."""
    started = time.perf_counter()
    partnership = Partnership.objects.create(
        name="Benchmark county partnership",
        slug="benchmark-county",
        kind=Partnership.Kind.LOCAL_STRATEGIC,
        nation=Nation.ENGLAND,
    )
    boards = Board.objects.bulk_create(
        Board(partnership=partnership, name=f"Board {n}", slug=f"board-{n}", kind="delivery_board")
        for n in range(BOARDS)
    )
    first = timezone.now() - datetime.timedelta(days=MEETINGS // BOARDS * 30)
    for start in range(0, MEETINGS, BATCH):
        _meetings(boards, first, range(start, min(start + BATCH, MEETINGS)))
    sys.stdout.write(f"meetings: {Meeting.objects.count():,} built\n")
    dashboard.populate(readings=READINGS, indicators=500)
    sys.stdout.write(
        f"readings: {Reading.objects.count():,} in {Indicator.objects.count():,} indicators; "
        f"estate built in {time.perf_counter() - started:.0f} s\n"
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # statistics for the planner after the bulk load
    return {
        "meeting": str(Meeting.objects.order_by("pk")[MEETINGS // 2].pk),
        "board": str(boards[BOARDS // 2].pk),
        "minute": str(Minute.objects.order_by("pk")[MEETINGS // 3].pk),
        "reading": str(Reading.objects.order_by("pk")[READINGS // 2].pk),
        "indicator": str(Indicator.objects.order_by("pk")[250].pk),
    }


def _meetings(boards: list[Board], first: datetime.datetime, numbers: range) -> None:
    meetings = Meeting.objects.bulk_create(
        Meeting(
            board=boards[n % BOARDS],
            starts_at=first + datetime.timedelta(hours=6 * n),
            venue="Council Chamber",
            status=Meeting.Status.HELD,
            agenda_published_at=first + datetime.timedelta(hours=6 * n - 24 * 8),
            minutes_status=Meeting.MinutesStatus.PUBLISHED,
            minutes_published_at=first + datetime.timedelta(hours=6 * n + 24 * 20),
        )
        for n in numbers
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, position=1, title="Performance report", purpose="To note")
        for meeting in meetings
    )
    minutes = Minute.objects.bulk_create(
        Minute(
            meeting=meeting,
            board_id=meeting.board_id,
            municipal_year=2000 + n // 100_000,
            number=n,
            agenda_item=item,
            title="Performance report",
            body="<p>Noted.</p>",
        )
        for n, meeting, item in zip(numbers, meetings, items, strict=True)
    )
    Resolution.objects.bulk_create(
        Resolution(minute=minute, position=1, text="That the report be noted.")
        for minute in minutes
    )


def endpoints(ids: dict[str, str]) -> dict[str, str]:
    page = "page_size=50"
    return {
        "meetings list": f"/api/v1/meetings/?{page}",
        "meetings of a board": f"/api/v1/meetings/?board={ids['board']}&{page}",
        "meeting": f"/api/v1/meetings/{ids['meeting']}/",
        "agenda items list": f"/api/v1/agenda-items/?{page}",
        "minutes list": f"/api/v1/minutes/?{page}",
        "minute": f"/api/v1/minutes/{ids['minute']}/",
        "readings list": f"/api/v1/readings/?{page}",
        "readings of an indicator": f"/api/v1/readings/?indicator={ids['indicator']}&{page}",
        "reading": f"/api/v1/readings/{ids['reading']}/",
        "indicators list": f"/api/v1/indicators/?{page}",
        "boards list": f"/api/v1/boards/?{page}",
    }


def serve() -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "benchmark-only-secret-key",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_STATIC_ROOT": str(WORK),  # the API serves no static file
        # The load is the point here: the limits a deployment sets are lifted.
        "API_RATE_ANONYMOUS": "100000000/minute",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(60):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    return server, base


def load(base: str, paths: list[str], seconds: int) -> tuple[float, float, float, int, int]:
    """wrk over the paths: requests per second, p50 and p95 in ms, errors, requests."""
    list_file, script = WORK / "paths.txt", WORK / "paths.lua"
    list_file.write_text("\n".join(paths) + "\n")
    script.write_text(WRK_SCRIPT)
    output = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(CLIENTS),
            "-d",
            f"{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            base,
        ],
        env={**os.environ, "BENCH_PATHS": str(list_file)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT"))
    requests, duration, p50, p95, errors = line.split()[1:]
    return int(requests) / float(duration), float(p50), float(p95), int(errors), int(requests)


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("needs wrk: apt-get install wrk")
    call_command("migrate", verbosity=0)
    ids = build()
    urls = endpoints(ids)
    server, base = serve()
    try:
        for name, path in urls.items():  # each answers before it is loaded
            with urllib.request.urlopen(base + path, timeout=30) as answer:
                assert answer.status == 200, name
        sys.stdout.write(
            f"\ngunicorn: {WORKERS} workers; wrk: {CLIENTS} connections, 2 threads, "
            f"on the same {os.cpu_count()}-core machine\n"
        )
        rows = [("all endpoints, mixed", *load(base, list(urls.values()), SECONDS))]
        rows += [(name, *load(base, [path], ENDPOINT_SECONDS)) for name, path in urls.items()]
    finally:
        server.terminate()
        server.wait(timeout=30)
    sys.stdout.write(f"\n{'endpoint':<28} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}\n")
    for name, rps, p50, p95, errors, requests in rows:
        sys.stdout.write(
            f"{name:<28} {rps:>8.0f} {p50:>8.1f} {p95:>8.1f} {errors:>7}  ({requests:,} requests)\n"
        )


if __name__ == "__main__":
    main()
