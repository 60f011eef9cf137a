"""How long an agenda pack of about 300 pages takes to render, and how much memory it needs.

Builds a synthetic meeting in a throwaway SQLite database and media folder, then prints:
the cold render of the members' pack (no section rendered yet), the render after one report
changes, the peak memory of the process rendering, and two baselines on the same content in
the same run: WeasyPrint typesetting it as one HTML document, and Chromium printing that
document (`chromium --headless --print-to-pdf`).

When REDIS_URL is set, the packs are also rendered by real Celery workers (`--concurrency=1`,
then 2) started against that broker, and their peak memory is read from /proc.

    make bench-pack                      # or: python benchmarks/pack.py
    REDIS_URL=redis://127.0.0.1:6379/13 make bench-pack
    BENCH_REPORTS=12 BENCH_PARAGRAPHS=31 BENCH_CHROMIUM=chromium make bench-pack

It prints figures; it is not a test.
"""

import datetime
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORK = Path(tempfile.mkdtemp(prefix="bench-pack-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
os.environ["DJANGO_MEDIA_ROOT"] = str(WORK / "media")
os.environ.setdefault("CELERY_BROKER_FOLDER", str(WORK / "broker"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from core.pdf import html_to_pdf, page_count  # noqa: E402
from demo.scale import WORDS, Estate, Sizes, paragraphs, sentence  # noqa: E402
from meetings.models import AgendaItem, AgendaPack, Meeting, RenderedSection, Report  # noqa: E402
from meetings.packs import build  # noqa: E402
from meetings.packs.assembly import pack_contents  # noqa: E402
from meetings.packs.sections import HtmlSection, front_matter_section, item_plans  # noqa: E402
from partnership.models import Person  # noqa: E402

REPORTS = int(os.environ.get("BENCH_REPORTS", "12"))
# Paragraphs in the longest section of each report; 31 gives about 25 pages a report.
PARAGRAPHS = int(os.environ.get("BENCH_PARAGRAPHS", "31"))
CHROMIUM = os.environ.get("BENCH_CHROMIUM", shutil.which("chromium") or "chromium")
VARIANT = AgendaPack.Variant.MEMBERS


def _table(rng: random.Random, rows: int) -> str:
    head = "<tr><th>Line</th><th>Budget (£000)</th><th>Forecast (£000)</th><th>Variance</th></tr>"
    body = ""
    for _ in range(rows):
        budget = rng.randint(100, 9000)
        forecast = budget + rng.randint(-400, 400)
        line = " ".join(rng.choice(WORDS) for _ in range(3)).capitalize()
        body += (
            f"<tr><td>{line}</td><td>{budget:,}</td><td>{forecast:,}</td>"
            f"<td>{forecast - budget:+,}</td></tr>"
        )
    return f"<table><thead>{head}</thead><tbody>{body}</tbody></table>"


def _report_text(rng: random.Random) -> dict[str, str]:
    return {
        "purpose": paragraphs(rng, 1),
        "recommendations": "<ol>"
        + "".join(f"<li>{sentence(rng)}</li>" for _ in range(4))
        + "</ol>",
        "key_points_summary": paragraphs(rng, 3),
        "introduction_and_background": paragraphs(rng, PARAGRAPHS // 4),
        "body": paragraphs(rng, PARAGRAPHS // 2) + _table(rng, 30) + paragraphs(rng, 4),
        "key_considerations": paragraphs(rng, PARAGRAPHS),
        "financial_implications": paragraphs(rng, 4) + _table(rng, 20),
        "legal_implications": paragraphs(rng, 4),
        "risk_management": paragraphs(rng, 6),
        "consultees": "<ul>" + "".join(f"<li>{sentence(rng)}</li>" for _ in range(6)) + "</ul>",
    }


def synthetic_meeting() -> Meeting:
    rng = random.Random(2024)
    # One partnership with one board and its seats, as the scale estate makes them.
    estate = Estate(Sizes(partnerships=1, boards=1, meetings=0, actions=0, readings=0))
    estate.build_partnerships()
    estate.build_boards()
    board = estate.places[0].boards[0]
    meeting = Meeting.objects.create(
        board=board,
        starts_at=datetime.datetime(2024, 6, 4, 10, 0, tzinfo=datetime.UTC),
        venue="Council Chamber",
        agenda_published_at=timezone.now(),
    )
    for position in range(1, REPORTS + 1):
        report = Report.objects.create(
            board=board,
            title=f"Report {position}: " + " ".join(rng.choice(WORDS) for _ in range(5)),
            report_by="Director of Resources",
            **_report_text(rng),
        )
        AgendaItem.objects.create(
            meeting=meeting,
            position=position,
            title=report.title,
            kind=AgendaItem.Kind.REPORT,
            report=report,
        )
    return meeting


def change_one_report(meeting: Meeting) -> None:
    item = meeting.agenda_items.order_by("position")[len(meeting.agenda_items.all()) // 2]
    report = item.report
    report.key_considerations += "<p>A late paragraph, added after the first pack.</p>"
    report.save()


def one_pass_html(meeting: Meeting) -> str:
    """The front matter and every report as one HTML document, each starting a new page."""
    contents = pack_contents(meeting, VARIANT)
    plans = item_plans(contents)
    front = front_matter_section(contents, plans, [""] * len(plans))
    documents = [front] + [s for plan in plans for s in plan.sections]
    styles, bodies = [], []
    for section in documents:
        assert isinstance(section, HtmlSection)
        for style in re.findall(r"<style>(.*?)</style>", section.html, re.S):
            if style not in styles:
                styles.append(style)
        body = re.search(r"<body>(.*)</body>", section.html, re.S).group(1)
        bodies.append(f'<div style="break-before: page">{body}</div>')
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        "<title>One pass</title><style>"
        + "\n".join(styles)
        + "</style></head><body>"
        + "".join(bodies)
        + "</body></html>"
    )


def _line(text: str) -> None:
    sys.stdout.write(text + "\n")


def maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def render_in_process(meeting: Meeting) -> tuple[float, int]:
    pack = AgendaPack.objects.create(
        meeting=meeting, variant=VARIANT, requested_by=Person.objects.first()
    )
    started = time.perf_counter()
    build.render_pack(pack.pk)
    elapsed = time.perf_counter() - started
    pack.refresh_from_db()
    assert pack.status == AgendaPack.Status.READY, pack.failure_reason
    return elapsed, pack.page_count


def _descendants(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in children] + [
        grandchild for child in children for grandchild in _descendants(int(child))
    ]


def _vm_hwm_mib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    found = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else 0.0


class Worker:
    """A real Celery worker against REDIS_URL, whose processes' peak memory is watched."""

    def __init__(self, concurrency: int):
        from config.celery import app

        self.app = app
        app.control.purge()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                f"--concurrency={concurrency}",
                "-n",
                f"bench{concurrency}@%h",
            ],
            cwd=ROOT,
            env=os.environ.copy(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.peaks: dict[int, float] = {}
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            replies = app.control.ping(timeout=1.0)
            if any(name.startswith(f"bench{concurrency}@") for r in replies for name in r):
                return
        raise RuntimeError("the worker did not answer")

    def sample(self) -> None:
        for pid in [self.process.pid, *_descendants(self.process.pid)]:
            self.peaks[pid] = max(self.peaks.get(pid, 0.0), _vm_hwm_mib(pid))

    def render(self, meeting: Meeting) -> tuple[float, int]:
        from meetings.services.packs import agenda_pack_request

        # A pack already ready is reused by nobody: each request queues a new one.
        AgendaPack.objects.filter(meeting=meeting).delete()
        started = time.perf_counter()
        pack = agenda_pack_request(meeting=meeting, variant=VARIANT, by=Person.objects.first())
        while True:
            self.sample()
            pack.refresh_from_db()
            if pack.status in {AgendaPack.Status.READY, AgendaPack.Status.FAILED}:
                break
            time.sleep(0.1)
        elapsed = time.perf_counter() - started
        assert pack.status == AgendaPack.Status.READY, pack.failure_reason
        return elapsed, pack.page_count

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


def clear_sections(meeting: Meeting) -> None:
    RenderedSection.objects.filter(meeting=meeting).delete()


def main() -> None:
    call_command("migrate", verbosity=0)
    meeting = synthetic_meeting()
    rows: list[tuple[str, float, int, str]] = []
    setup_mib = maxrss_mib()

    cold, pages = render_in_process(meeting)
    rows.append(("pack, cold (one process)", cold, pages, ""))
    change_one_report(meeting)
    again, pages = render_in_process(meeting)
    rows.append(("pack, one report changed", again, pages, f"{again / cold:.2f} of cold"))
    pipeline_mib = maxrss_mib()

    html = one_pass_html(meeting)
    started = time.perf_counter()
    one_pass_pdf = html_to_pdf(html)
    one_pass = time.perf_counter() - started
    rows.append(("WeasyPrint, one pass", one_pass, page_count(one_pass_pdf), ""))
    one_pass_mib = maxrss_mib()
    rows[0] = (*rows[0][:3], f"{cold / one_pass:.2f} of one pass")

    html_file = WORK / "one-pass.html"
    html_file.write_text(html, encoding="utf-8")
    chromium_pdf = WORK / "chromium.pdf"
    started = time.perf_counter()
    printed = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={WORK / 'chromium-profile'}",
            f"--print-to-pdf={chromium_pdf}",
            html_file.as_uri(),
        ],
        capture_output=True,
        check=False,
    )
    chromium = time.perf_counter() - started
    if printed.returncode == 0 and chromium_pdf.exists():
        rows.append(("Chromium, one pass", chromium, page_count(chromium_pdf.read_bytes()), ""))
    else:
        rows.append(("Chromium, one pass (failed)", chromium, 0, printed.stderr.decode()[-60:]))

    memory = [
        ("after setting up the meeting", setup_mib),
        ("after rendering both packs", pipeline_mib),
        ("after the one-pass WeasyPrint", one_pass_mib),
    ]

    if os.environ.get("REDIS_URL"):
        for concurrency in (1, 2):
            clear_sections(meeting)
            worker = Worker(concurrency)
            try:
                cold_w, pages = worker.render(meeting)
                rows.append(
                    (
                        f"pack, cold ({concurrency} worker process{'es' * (concurrency > 1)})",
                        cold_w,
                        pages,
                        f"{cold_w / one_pass:.2f} of one pass",
                    )
                )
                change_one_report(meeting)
                again_w, pages = worker.render(meeting)
                rows.append(
                    (
                        f"  one report changed ({concurrency})",
                        again_w,
                        pages,
                        f"{again_w / cold_w:.2f} of cold",
                    )
                )
            finally:
                worker.sample()
                worker.stop()
            main_pid = worker.process.pid
            children = [mib for pid, mib in worker.peaks.items() if pid != main_pid]
            memory.append(
                (
                    f"worker --concurrency={concurrency}, largest child",
                    max(children, default=0.0),
                )
            )
            memory.append(
                (f"worker --concurrency={concurrency}, all processes", sum(worker.peaks.values()))
            )

    _line(f"\n{REPORTS} reports; figures in seconds\n")
    _line(f"{'':34} {'seconds':>8} {'pages':>6}  ratio")
    for name, seconds, pages, ratio in rows:
        _line(f"{name:34} {seconds:8.2f} {pages:6d}  {ratio}")
    _line("\nPeak memory (MiB, resident high-water mark)\n")
    for name, mib in memory:
        _line(f"{name:48} {mib:8.0f}")
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
