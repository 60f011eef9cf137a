"""Log lines: one JSON object each in production, with the request id that a caller sent (when
well formed) or that was made for the request, sent back on the response."""

import json
import logging
import re
import subprocess
import sys

import pytest
from celery import shared_task
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from core.logs import JsonFormatter, RequestContext, TextFormatter

pytestmark = pytest.mark.django_db

SENT = "0b7f3c52-6a1e-4d0a-9f57-3c2e8d41a6b9"
NEW_ID = re.compile(r"[0-9a-f]{32}")


@shared_task(name="tests.core.log_a_line")
def log_a_line() -> None:
    logging.getLogger("tests.core").info("inside a task")


@pytest.mark.parametrize("sent", [SENT, SENT.upper(), SENT.replace("-", "")])
def test_a_well_formed_request_id_is_kept_and_sent_back(client, sent):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=sent)

    assert response["X-Request-ID"] == sent


@pytest.mark.parametrize(
    "sent",
    [
        "",
        "request-1",
        f"urn:uuid:{SENT}",
        f"{{{SENT}}}",
        SENT + "-" * 200,
        SENT.replace("-", "_"),
        f"{SENT} ",
        "<script>alert(1)</script>",
    ],
)
def test_any_other_request_id_is_replaced_by_a_new_uuid(client, sent):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=sent)

    assert NEW_ID.fullmatch(response["X-Request-ID"])


def test_each_request_without_an_id_gets_a_new_one(client):
    first, second = (client.get("/healthz")["X-Request-ID"] for _ in range(2))

    assert NEW_ID.fullmatch(first)
    assert NEW_ID.fullmatch(second)
    assert first != second


def test_every_line_logged_answering_a_request_carries_its_id(client, log_lines):
    client.get("/no-such-page/", HTTP_X_REQUEST_ID=SENT)

    lines = log_lines()
    assert [(line["logger"], line["level"], line["message"]) for line in lines] == [
        ("core.requests", "INFO", f"GET /no-such-page/ 404 in {lines[0]['duration_ms']} ms"),
        ("django.request", "WARNING", "Not Found: /no-such-page/"),
    ]
    assert all(line["request_id"] == SENT for line in lines)
    assert {"method": "GET", "path": "/no-such-page/", "status": 404}.items() <= lines[0].items()


def test_a_refusal_is_logged_with_the_account_refused(log_lines):
    clerk = User.objects.create_user("clerk")
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)

    client.post("/api/v1/readings/", [], content_type="application/json")

    line = next(line for line in log_lines() if line["logger"] == "core.requests")
    assert (line["status"], line["user"]) == (403, clerk.pk)
    assert line["message"] == (
        f"POST /api/v1/readings/ 403 in {line['duration_ms']} ms for user {clerk.pk}"
    )


def test_probes_that_answer_are_not_logged_at_info(client, log_lines):
    client.get("/healthz")
    client.get("/readyz")

    assert log_lines() == []


def test_a_line_logged_in_a_task_names_the_task(log_lines):
    result = log_a_line.apply()

    [line, succeeded] = log_lines()
    assert succeeded["logger"] == "celery.app.trace"
    assert succeeded["task_id"] == result.id
    assert list(line)[:4] == ["time", "level", "logger", "message"]
    assert (line["logger"], line["message"]) == ("tests.core", "inside a task")
    assert (line["task_name"], line["task_id"]) == ("tests.core.log_a_line", result.id)
    # Run outside a request, as beat runs a task: an id of its own.
    assert NEW_ID.fullmatch(line["request_id"])


def test_a_json_line_has_the_time_in_utc_and_the_exception():
    record = logging.LogRecord("tests.core", logging.ERROR, __file__, 1, "failed: %s", ("x",), None)
    record.created = 1_780_000_000.25
    try:
        raise ValueError("bad value")
    except ValueError:
        record.exc_info = sys.exc_info()

    line = json.loads(JsonFormatter().format(record))

    assert {key: line[key] for key in ("time", "level", "logger", "message")} == {
        "time": "2026-05-28T20:26:40.250000+00:00",
        "level": "ERROR",
        "logger": "tests.core",
        "message": "failed: x",
    }
    assert line["exc_info"].endswith("ValueError: bad value")


def test_a_text_line_shows_the_request_and_the_task_in_brackets():
    record = logging.LogRecord("tests.core", logging.INFO, __file__, 1, "hello", (), None)
    record.request_id, record.task_name, record.task_id = SENT, "meetings.tasks.x", "t-1"

    line = TextFormatter().format(record)

    assert line.endswith(f" INFO tests.core [{SENT} meetings.tasks.x[t-1]]: hello")


def test_the_filter_adds_nothing_outside_a_request_or_a_task():
    record = logging.LogRecord("tests.core", logging.INFO, __file__, 1, "hello", (), None)

    assert RequestContext().filter(record)

    assert not hasattr(record, "request_id")
    assert not hasattr(record, "task_id")


def test_the_console_handler_writes_json_in_production():
    assert settings.LOG_FORMAT == "json"
    assert settings.LOGGING["handlers"]["console"] == {
        "class": "logging.StreamHandler",
        "filters": ["context"],
        "formatter": "json",
    }


def _log_from_a_process(**env: str) -> subprocess.CompletedProcess:
    script = (
        "import logging, warnings, django; django.setup(); "
        "logging.getLogger('partnership.api.use').warning('used', extra={'token': 7}); "
        "warnings.warn('careful')"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_SECRET_KEY": "test-only",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_process_logs_json_lines_by_default_warnings_included():
    run = _log_from_a_process(DJANGO_DEBUG="false")

    lines = [json.loads(line) for line in run.stderr.splitlines()]
    assert [(line["logger"], line["level"]) for line in lines[-2:]] == [
        ("partnership.api.use", "WARNING"),
        ("py.warnings", "WARNING"),
    ]
    assert (lines[-2]["message"], lines[-2]["token"]) == ("used", 7)
    assert "UserWarning: careful" in lines[-1]["message"]


@pytest.mark.parametrize(
    "env", [{"DJANGO_DEBUG": "true"}, {"DJANGO_DEBUG": "false", "DJANGO_LOG_FORMAT": "text"}]
)
def test_a_process_logs_text_when_debugging_or_asked(env):
    run = _log_from_a_process(**env)

    assert re.search(r" WARNING partnership\.api\.use: used$", run.stderr, re.MULTILINE)


def test_an_unknown_log_format_stops_the_process():
    run = _log_from_a_process(DJANGO_LOG_FORMAT="xml")

    assert run.returncode != 0
    assert "DJANGO_LOG_FORMAT must be json or text, not 'xml'" in run.stderr
