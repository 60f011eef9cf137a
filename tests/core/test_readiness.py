"""Readiness: /readyz for the web, `manage.py worker_ready` and `manage.py beat_ready` for the
worker and beat, as docker-compose.yml's healthchecks run them; each check passes and fails."""

import io
import os
import socket
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from config.celery import app as celery_app
from core import health
from tests.processes import app_env, json_lines, start_logging, start_worker, stop, wait_for

pytestmark = pytest.mark.django_db

HOST = socket.gethostname()


def _failing(message: str):
    def check(*args) -> None:
        raise ConnectionRefusedError(message)

    return check


def _run(command: str, *args: str) -> tuple[str, str]:
    """Runs a management command here; its output, and the error that ended it, if any."""
    output = io.StringIO()
    try:
        call_command(command, *args, stdout=output)
    except CommandError as error:
        return output.getvalue(), str(error)
    return output.getvalue(), ""


def _run_process(env: dict, *argv: str) -> subprocess.CompletedProcess:
    """Runs a management command as the compose healthcheck does: its own process."""
    return subprocess.run(
        [sys.executable, "manage.py", *argv],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


# /readyz


def test_readyz_reports_each_check_ok(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "broker": "ok", "storage": "ok"},
    }


def test_readyz_answers_503_while_a_migration_is_not_applied(client, caplog):
    [leaf] = MigrationLoader(connection).graph.leaf_nodes("meetings")
    MigrationRecorder(connection).record_unapplied(*leaf)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "failing",
        "checks": {
            "database": "ok",
            "migrations": "failing",
            "broker": "ok",
            "storage": "ok",
        },
    }
    assert f"migrations check failing: LookupError: 1 not applied: {leaf[0]}.{leaf[1]}" in (
        caplog.text
    )


@pytest.mark.parametrize("service", ["database", "broker", "storage"])
def test_readyz_answers_503_naming_the_failing_service(client, monkeypatch, service):
    monkeypatch.setitem(health.CHECKS, service, _failing("Connection refused"))

    response = client.get("/readyz")

    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks.pop(service) == "failing"
    assert set(checks.values()) == {"ok"}
    assert "Connection refused" not in response.content.decode()


def test_readyz_fails_when_storage_cannot_be_written(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "not-a-folder"
    settings.MEDIA_ROOT.write_text("a file where the media folder should be")

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "failing"


def test_readyz_is_answered_over_plain_http_behind_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/readyz").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


# manage.py worker_ready


@pytest.fixture
def worker_checks_pass(monkeypatch):
    """Every check of worker_ready passing, the ping included, until a test fails one."""
    monkeypatch.setattr(health, "check_worker", lambda node, timeout: None)


def test_worker_ready_reports_each_check_ok(worker_checks_pass):
    output, error = _run("worker_ready", "--node", "celery@worker-1")

    assert (output.splitlines(), error) == (
        ["broker: ok", "database: ok", "storage: ok", "worker: ok"],
        "",
    )


@pytest.mark.parametrize("service", ["broker", "database", "storage"])
def test_worker_ready_fails_naming_the_failing_service(worker_checks_pass, monkeypatch, service):
    monkeypatch.setitem(health.CHECKS, service, _failing("Connection refused"))

    output, error = _run("worker_ready")

    assert f"{service}: failing: ConnectionRefusedError: Connection refused" in output
    assert error == f"not ready: {service} failing"


@pytest.mark.redis
def test_worker_ready_exits_0_when_this_worker_answers_and_1_when_none_does(tmp_path):
    env = app_env(DJANGO_MEDIA_ROOT=str(tmp_path / "media"))
    worker = start_worker("ready", env, tmp_path / "worker.log", "--pool=solo")
    try:
        wait_for(
            lambda: celery_app.control.ping(destination=[f"ready@{HOST}"], timeout=1),
            "the worker to answer",
            timeout=120,
        )
        answered = _run_process(env, "worker_ready", "--node", f"ready@{HOST}")
        absent = _run_process(env, "worker_ready", "--node", "absent@nowhere", "--timeout", "1")
    finally:
        stop(worker)

    assert (answered.returncode, answered.stdout.splitlines()[-1]) == (0, "worker: ok")
    assert absent.returncode == 1
    assert "worker: failing: TimeoutError: absent@nowhere did not answer a ping within 1 s" in (
        absent.stdout
    )
    assert "CommandError: not ready: worker failing" in absent.stderr
    assert json_lines(tmp_path / "worker.log")


# manage.py beat_ready


@pytest.fixture
def heartbeat(settings, tmp_path):
    settings.BEAT_HEARTBEAT_FILE = tmp_path / "beat" / "heartbeat"
    return settings.BEAT_HEARTBEAT_FILE


def test_beat_ready_passes_with_a_fresh_heartbeat(heartbeat):
    heartbeat.parent.mkdir()
    heartbeat.touch()

    assert _run("beat_ready") == ("broker: ok\nheartbeat: ok\n", "")


def test_beat_ready_fails_when_beat_has_not_run(heartbeat):
    output, error = _run("beat_ready")

    assert output.splitlines()[1] == (
        f"heartbeat: failing: FileNotFoundError: no heartbeat at {heartbeat}: beat has not run"
    )
    assert error == "not ready: heartbeat failing"


def test_beat_ready_fails_when_the_heartbeat_is_stale(heartbeat):
    heartbeat.parent.mkdir()
    heartbeat.touch()
    ten_minutes_ago = time.time() - 600
    os.utime(heartbeat, (ten_minutes_ago, ten_minutes_ago))

    output, error = _run("beat_ready", "--max-age", "180")

    assert output.splitlines()[1].startswith("heartbeat: failing: TimeoutError: last heartbeat 6")
    assert output.splitlines()[1].endswith(" s ago, more than 180 s")
    assert error == "not ready: heartbeat failing"


def test_beat_ready_fails_when_the_broker_is_down(heartbeat, monkeypatch):
    heartbeat.parent.mkdir()
    heartbeat.touch()
    monkeypatch.setitem(health.CHECKS, "broker", _failing("Connection refused"))

    output, error = _run("beat_ready")

    assert output.splitlines()[0] == "broker: failing: ConnectionRefusedError: Connection refused"
    assert error == "not ready: broker failing"


def test_a_running_beat_keeps_its_heartbeat_and_logs_json(tmp_path):
    heartbeat = tmp_path / "heartbeat"
    env = app_env(DJANGO_BEAT_HEARTBEAT_FILE=str(heartbeat))
    argv = [sys.executable, "-m", "celery", "-A", "config", "-q", "beat"]
    log = tmp_path / "beat.log"
    beat = start_logging([*argv, "--schedule", str(tmp_path / "schedule")], env, log)
    try:
        wait_for(heartbeat.exists, "beat's first heartbeat", timeout=120)
        ready = _run_process(env, "beat_ready")
    finally:
        stop(beat)

    assert (ready.returncode, ready.stdout) == (0, "broker: ok\nheartbeat: ok\n")
    messages = [line["message"] for line in json_lines(log)]
    assert "beat: Starting..." in messages
