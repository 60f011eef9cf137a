"""A request's id follows the pack it asks for: in the web process's JSON lines, then in the
lines of the real worker that renders the pack, as an operator would follow it."""

import sys
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.test import Client

from meetings.models import AgendaPack
from tests.processes import (
    app_env,
    free_port,
    json_lines,
    start_logging,
    start_worker,
    stop,
    wait_for,
)

# Web and worker read the same database, so it must be a server and the data committed.
pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REQUEST_ID = "0b7f3c52-6a1e-4d0a-9f57-3c2e8d41a6b9"
CSRF_SECRET = "c" * 32


@pytest.fixture
def env(storage):
    return app_env(DJANGO_MEDIA_ROOT=str(storage))


@pytest.fixture
def web(env, tmp_path):
    """gunicorn as the web container runs it (config/gunicorn.py), on a port of its own."""
    port, log = free_port(), tmp_path / "web.log"
    argv = [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi:application"]
    process = start_logging([*argv, "--bind", f"127.0.0.1:{port}", "--workers", "1"], env, log)
    url = f"http://127.0.0.1:{port}"
    wait_for(lambda: _answers(f"{url}/healthz") or process.poll() is not None, "gunicorn")
    assert process.poll() is None, log.read_text()
    yield url, log
    stop(process)


@pytest.fixture
def worker(env, tmp_path):
    log = tmp_path / "worker.log"
    process = start_worker("trail", env, log, "--concurrency=1", "--without-gossip")
    yield process, log
    stop(process)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except (urllib.error.URLError, OSError):
        return False


def _signed_in_cookies(user) -> str:
    browser = Client()
    browser.force_login(user)
    session = browser.cookies[settings.SESSION_COOKIE_NAME].value
    return f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={CSRF_SECRET}"


def test_a_pack_request_id_is_in_the_web_lines_and_the_worker_lines(web, worker, small_meeting):
    url, web_log = web
    worker_process, worker_log = worker
    meeting = small_meeting.meeting
    request = urllib.request.Request(
        f"{url}/meetings/{meeting.pk}/pack/generate/",
        data=b"variant=public",
        headers={
            "X-Request-ID": REQUEST_ID,
            "Cookie": _signed_in_cookies(small_meeting.clerk),
            "X-CSRFToken": CSRF_SECRET,
            "Content-Type": "application/x-www-form-urlencoded",
        },
        method="POST",
    )

    # The answer is a redirect to the meeting's page, not followed: urllib raises it instead.
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.build_opener(NoRedirect).open(request, timeout=30)

    assert (answer.value.code, answer.value.headers["X-Request-ID"]) == (302, REQUEST_ID)
    pack = AgendaPack.objects.get(meeting=meeting)
    wait_for(
        lambda: AgendaPack.objects.get(pk=pack.pk).status == AgendaPack.Status.READY,
        "the worker to render the pack",
        timeout=120,
    )
    stop(worker_process)
    pack.refresh_from_db()

    web_lines = [line for line in json_lines(web_log) if line.get("request_id") == REQUEST_ID]
    assert {
        "level": "INFO",
        "logger": "core.requests",
        "message": f"POST /meetings/{meeting.pk}/pack/generate/ 302 in "
        f"{web_lines[-1]['duration_ms']} ms for user {small_meeting.clerk.pk}",
        "method": "POST",
        "path": f"/meetings/{meeting.pk}/pack/generate/",
        "status": 302,
        "user": small_meeting.clerk.pk,
    }.items() <= web_lines[-1].items()
    worker_lines = json_lines(worker_log)
    rendering = [line for line in worker_lines if line.get("logger") == "meetings.packs.build"]
    assert [(line["message"], line["request_id"], line["task_name"]) for line in rendering] == [
        (
            f"Agenda pack {pack.pk} (public) of meeting {meeting.pk}: rendering",
            REQUEST_ID,
            "meetings.tasks.render_agenda_pack",
        ),
        (
            f"Agenda pack {pack.pk} ready: {pack.page_count} pages",
            REQUEST_ID,
            "meetings.tasks.render_agenda_pack",
        ),
    ]
    assert rendering[0]["task_id"] == rendering[1]["task_id"]
    # Every line has its time, level, logger and message; the worker's own lines have no id.
    assert all({"time", "level", "logger", "message"} <= line.keys() for line in worker_lines)
    assert any(line["message"].startswith("Worker trail@") for line in worker_lines)
