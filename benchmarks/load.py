"""The public pages and the API under load: gunicorn over the scale estate, many clients at once.

    make bench-load              # or: python benchmarks/load.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_load \\
        REDIS_URL=redis://127.0.0.1:6379/14 make bench-load
    BENCH_MEETINGS=2000 BENCH_ACTIONS=4000 BENCH_READINGS=20000 BENCH_SECONDS=10 \\
        make bench-load          # a quick look at small data

What it does:

1. The estate. In the database named by DATABASE_URL (migrated first): when it holds no
   partnership, `manage.py scale_data` builds one of BENCH_PARTNERSHIPS partnerships,
   BENCH_BOARDS boards, BENCH_MEETINGS meetings, BENCH_ACTIONS development actions and
   BENCH_READINGS indicator readings (defaults 50, 1,000, 100,000, 200,000, 1,000,000: the full
   size takes a while, so use a database of its own and keep it); when it holds partnerships
   already, what it holds is measured as it is, and its size printed. With no DATABASE_URL it
   uses a throwaway SQLite file: fine for checking the tool, not for figures.
2. The server. gunicorn on a free loopback port with the production settings (DEBUG off,
   static files collected to a temporary folder, BENCH_GUNICORN_WORKERS sync workers, by
   default 2 x cores + 1), PostgreSQL and, when REDIS_URL is set, Redis for the cache and the
   API's rate limits (the anonymous limit is lifted: the load is the point here).
3. The load. wrk (Debian's package wrk) with BENCH_CLIENTS connections (50), each on its own
   thread, for BENCH_SECONDS (60). Each connection asks for each page in turn, from its own
   starting point; a page with several URLs ("meeting": twenty meetings) gives the next each
   time, so every page weighs the same in the mix. The pages: the main public ones (home, a
   partnership, its meetings calendar and iCalendar feed, meeting pages, its decisions,
   search) and the main API endpoints (lists in pages of 50, and details), of the partnership
   with the most meetings. Each connection times its own requests, so every page has figures
   of its own from the same mixed run. With BENCH_ENDPOINT_SECONDS above 0, each page is then
   loaded alone for that long too (its throughput on its own).

It prints, per page and in all: requests, requests per second, p50 and p95 latency in
milliseconds and errors (answers of 400 and above; connection errors and time-outs are
counted in all). The client runs on the same machine as the server and takes some of its CPU:
compare runs on the same machine. It prints figures; it is not a test.

Knobs: BENCH_PARTNERSHIPS, BENCH_BOARDS, BENCH_MEETINGS, BENCH_ACTIONS, BENCH_READINGS (the
estate), BENCH_CLIENTS, BENCH_SECONDS, BENCH_ENDPOINT_SECONDS, BENCH_GUNICORN_WORKERS,
BENCH_TIMEOUT (seconds before a request counts as timed out, 10). benchmarks/api.py runs the
same tool over the API alone, as `make bench-api`.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORK = Path(tempfile.mkdtemp(prefix="bench-load-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK / 'bench.sqlite3'}")
os.environ.setdefault("CELERY_BROKER_FOLDER", str(WORK / "broker"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402

from demo.scale import Sizes  # noqa: E402
from governance.models import Board  # noqa: E402
from meetings.models import Meeting, Minute  # noqa: E402
from outcomes.models import DevelopmentAction, Indicator, Reading  # noqa: E402
from partnership.models import Partnership  # noqa: E402

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "50"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
ENDPOINT_SECONDS = int(os.environ.get("BENCH_ENDPOINT_SECONDS", "0"))
TIMEOUT = int(os.environ.get("BENCH_TIMEOUT", "10"))
WORKERS = int(os.environ.get("BENCH_GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
# How many different records stand for "a meeting page", "a minute" and so on.
SPREAD = 20

# wrk's Lua. One connection per thread, so a thread's request and response are one exchange:
# each is timed with the monotonic clock and kept under its page's name; done() gathers every
# thread's samples and prints each page's count, p50, p95 and errors, then the totals.
WRK_SCRIPT = r"""
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *now);
]]
local clock = ffi.new("bench_timespec")
local function microseconds()
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

-- Pages in the order listed, each with its URLs: a connection asks for each page in turn,
-- and for the page's next URL each time, so every page weighs the same in the mix.
local pages, urls = {}, {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  local name, path = line:match("^(.-)\t(.*)$")
  if urls[name] == nil then
    pages[#pages + 1] = name
    urls[name] = {}
  end
  urls[name][#urls[name] + 1] = path
end
local threads, counter = {}, 0

setup = function(thread)
  thread:set("offset", counter)
  counter = counter + 1
  threads[#threads + 1] = thread
end

-- wrk copies only flat tables between threads: one table of latencies per page, by number.
init = function()
  page, turn, failures = offset % #pages, offset, {}
  for number = 1, #pages do
    _G["latencies_" .. number] = {}
    failures[number] = 0
  end
end

request = function()
  page = page % #pages + 1
  if page == 1 then turn = turn + 1 end
  local list = urls[pages[page]]
  started = microseconds()
  return wrk.format("GET", list[turn % #list + 1])
end

response = function(status)
  local list = _G["latencies_" .. page]
  list[#list + 1] = microseconds() - started
  if status >= 400 then failures[page] = failures[page] + 1 end
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  local rank = math.max(1, math.ceil(p / 100 * #sorted))
  return sorted[rank] / 1000
end

done = function(summary, latency, requests)
  for page, name in ipairs(pages) do
    local all, bad = {}, 0
    for _, thread in ipairs(threads) do
      for _, value in ipairs(thread:get("latencies_" .. page) or {}) do all[#all + 1] = value end
      bad = bad + ((thread:get("failures") or {})[page] or 0)
    end
    table.sort(all)
    io.write(string.format("PAGE\t%s\t%d\t%.3f\t%.3f\t%d\n", name, #all,
      percentile(all, 50), percentile(all, 95), bad))
  end
  local errors = summary.errors
  local failed = errors.connect + errors.read + errors.write + errors.timeout + errors.status
  io.write(string.format("RESULT\t%d\t%.3f\t%.3f\t%.3f\t%d\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000, failed))
end
"""

Urls = dict[str, list[str]]


def sizes_from_environment() -> Sizes:
    defaults = Sizes()
    return Sizes(
        **{
            name: int(os.environ.get(f"BENCH_{name.upper()}", getattr(defaults, name)))
            for name in vars(defaults)
        }
    )


def estate_ready() -> None:
    """The scale estate: built by scale_data in an empty database, else taken as it is."""
    call_command("migrate", verbosity=0)
    held = Partnership.objects.count()
    if held:
        _line(f"The database holds {held} partnerships already: measuring them as they are.")
    else:
        sizes = sizes_from_environment()
        arguments = [f"--{name}={value}" for name, value in vars(sizes).items()]
        call_command("scale_data", *arguments)
    _line(
        f"Estate ({connection.vendor}): {Partnership.objects.count():,} partnerships, "
        f"{Board.objects.count():,} boards, {Meeting.objects.count():,} meetings, "
        f"{DevelopmentAction.objects.count():,} development actions, "
        f"{Reading.objects.count():,} readings"
    )


def _spread(values: list, count: int = SPREAD) -> list:
    """Up to `count` of the values, taken evenly through them."""
    if len(values) <= count:
        return values
    step = len(values) / count
    return [values[int(n * step)] for n in range(count)]


def _records() -> dict:
    """The records the URLs name: the partnership with the most meetings, and its records."""
    partnership = (
        Partnership.objects.annotate(meeting_count=Count("boards__meetings"))
        .order_by("-meeting_count", "slug")
        .first()
    )
    board = (
        Board.objects.filter(partnership=partnership)
        .annotate(meeting_count=Count("meetings"))
        .order_by("-meeting_count", "pk")
        .first()
    )
    meetings = list(
        Meeting.objects.filter(board__partnership=partnership, minutes_status="published")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    minutes = list(
        Minute.objects.filter(meeting__in=_spread(meetings))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    indicators = list(
        Indicator.objects.filter(outcome__framework__partnership=partnership)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    readings = list(
        Reading.objects.filter(indicator__in=_spread(indicators))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    actions = list(
        DevelopmentAction.objects.filter(partnership=partnership)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return {
        "partnership": partnership,
        "board": board,
        "meetings": _spread(meetings),
        "minutes": _spread(minutes),
        "indicators": _spread(indicators),
        "readings": _spread(readings),
        "actions": _spread(actions),
    }


def pages(records: dict) -> Urls:
    """The main public pages, as a reader who is not signed in asks for them."""
    slug = records["partnership"].slug
    return {
        "home": ["/"],
        "partnership": [f"/partnerships/{slug}/"],
        "meetings calendar": [f"/meetings/partnerships/{slug}/"],
        "calendar feed (.ics)": [f"/meetings/calendars/{slug}.ics"],
        "meeting": [f"/meetings/{pk}/" for pk in records["meetings"]],
        "decisions": [f"/meetings/partnerships/{slug}/decisions/"],
        "search": [
            "/search/?q=budget",
            "/search/?q=community+safety",
            f"/search/?q=performance&partnership={slug}",
        ],
    }


def api_endpoints(records: dict) -> Urls:
    """The main API endpoints, lists in pages of 50 and details."""
    page = "page_size=50"
    partnership, board = records["partnership"], records["board"]
    return {
        "API partnerships list": [f"/api/v1/partnerships/?{page}"],
        "API partnership": [f"/api/v1/partnerships/{partnership.pk}/"],
        "API boards list": [f"/api/v1/boards/?partnership={partnership.pk}&{page}"],
        "API meetings list": [f"/api/v1/meetings/?{page}"],
        "API meetings of a board": [f"/api/v1/meetings/?board={board.pk}&{page}"],
        "API meeting": [f"/api/v1/meetings/{pk}/" for pk in records["meetings"]],
        "API agenda items list": [f"/api/v1/agenda-items/?{page}"],
        "API minutes list": [f"/api/v1/minutes/?{page}"],
        "API minute": [f"/api/v1/minutes/{pk}/" for pk in records["minutes"]],
        "API indicators list": [f"/api/v1/indicators/?{page}"],
        "API readings list": [f"/api/v1/readings/?{page}"],
        "API readings of an indicator": [
            f"/api/v1/readings/?indicator={pk}&{page}" for pk in records["indicators"]
        ],
        "API reading": [f"/api/v1/readings/{pk}/" for pk in records["readings"]],
        "API actions list": [f"/api/v1/development-actions/?{page}"],
        "API action": [f"/api/v1/development-actions/{pk}/" for pk in records["actions"]],
    }


def serve() -> tuple[subprocess.Popen, str]:
    """gunicorn with the production settings on a free loopback port, once it answers."""
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
        "DJANGO_STATIC_ROOT": str(WORK / "static"),
        # The load is the point here: the limit a deployment sets is lifted.
        "API_RATE_ANONYMOUS": "100000000/minute",
    }
    # Pages name their static files through the production manifest, so it must exist.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
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
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=2)
            return server, base
        except OSError:
            time.sleep(0.5)
    server.terminate()
    sys.exit("gunicorn did not answer /healthz within 60 s")


def check(base: str, urls: Urls) -> None:
    """Each URL answers 200 before any is loaded: a broken page is not a fast one."""
    for name, paths in urls.items():
        for path in paths:
            with urllib.request.urlopen(base + path, timeout=120) as answer:
                if answer.status != 200:
                    sys.exit(f"{name}: {path} answered {answer.status}")


class Figures(dict):
    """name -> (requests, p50 ms, p95 ms, errors), and the totals of the run."""

    duration = 0.0
    total: tuple[int, float, float, int] = (0, 0.0, 0.0, 0)


def load(base: str, urls: Urls, seconds: int) -> Figures:
    """wrk over the URLs for `seconds`, one connection per thread."""
    listing, script = WORK / "paths.tsv", WORK / "load.lua"
    listing.write_text("".join(f"{name}\t{path}\n" for name, ps in urls.items() for path in ps))
    script.write_text(WRK_SCRIPT)
    output = subprocess.run(
        [
            "wrk",
            "-t",
            str(CLIENTS),
            "-c",
            str(CLIENTS),
            "-d",
            f"{seconds}s",
            "--timeout",
            f"{TIMEOUT}s",
            "-s",
            str(script),
            base,
        ],
        env={**os.environ, "BENCH_PATHS": str(listing)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = Figures()
    for line in output.splitlines():
        fields = line.split("\t")
        if fields[0] == "PAGE":
            name, count, p50, p95, errors = fields[1:]
            figures[name] = (int(count), float(p50), float(p95), int(errors))
        elif fields[0] == "RESULT":
            requests, duration, p50, p95, errors = fields[1:]
            figures.duration = float(duration)
            figures.total = (int(requests), float(p50), float(p95), int(errors))
    return figures


def _line(text: str) -> None:
    sys.stdout.write(text + "\n")


def report(title: str, figures: Figures, order: list[str], *, total: bool = True) -> None:
    duration = figures.duration or 1.0
    _line(f"\n{title}")
    _line(f"{'page':<30} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    for name in order:
        count, p50, p95, errors = figures.get(name, (0, 0.0, 0.0, 0))
        _line(
            f"{name:<30} {count:>9,} {count / duration:>8.1f} {p50:>8.1f} {p95:>8.1f} {errors:>7}"
        )
    if not total:
        return
    count, p50, p95, errors = figures.total
    _line(
        f"{'all':<30} {count:>9,} {count / duration:>8.1f} {p50:>8.1f} {p95:>8.1f} {errors:>7}"
        "  (errors include connection errors and time-outs)"
    )


def main(
    *,
    urls_for: Callable[[dict], Urls] | None = None,
    endpoint_seconds: int = ENDPOINT_SECONDS,
) -> None:
    """Builds or takes the estate, serves it and loads the URLs `urls_for` names (by default
    the public pages and the API)."""
    if not shutil.which("wrk"):
        sys.exit("needs wrk: apt-get install wrk")
    started = time.perf_counter()
    estate_ready()
    records = _records()
    urls = (urls_for or (lambda r: pages(r) | api_endpoints(r)))(records)
    _line(f"URLs of {records['partnership']} (ready in {time.perf_counter() - started:.0f} s)")
    server, base = serve()
    try:
        check(base, urls)
        _line(
            f"gunicorn: {WORKERS} sync workers; wrk: {CLIENTS} connections for {SECONDS} s, "
            f"on the same {os.cpu_count()}-core machine; cache: "
            f"{'Redis' if os.environ.get('REDIS_URL') else 'in each process'}"
        )
        mixed = load(base, urls, SECONDS)
        report(f"All together, {CLIENTS} clients for {SECONDS} s", mixed, list(urls))
        if endpoint_seconds > 0:
            alone = Figures()
            for name, paths in urls.items():
                figures = load(base, {name: paths}, endpoint_seconds)
                alone[name] = figures.get(name, (0, 0.0, 0.0, 0))
                alone.duration = figures.duration
            report(f"Each alone, {endpoint_seconds} s", alone, list(urls), total=False)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
