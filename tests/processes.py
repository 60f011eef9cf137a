"""What tests need to start processes of the app (a worker, a command) on the test database."""

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection


def database_url() -> str:
    """The test database as a URL, for processes started by the tests."""
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or 'localhost'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_logging(argv: list[str], env: dict, log: Path) -> subprocess.Popen:
    """Starts a process of the app, everything it writes (stdout and stderr) going to `log`."""
    with log.open("ab") as output:
        return subprocess.Popen(
            argv, cwd=settings.BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT
        )


def start_worker(name: str, env: dict, log: Path, *options: str) -> subprocess.Popen:
    """A Celery worker as production runs it (prefork, no banner), its output going to `log`."""
    argv = [sys.executable, "-m", "celery", "-A", "config", "-q", "worker", "-n", f"{name}@%h"]
    return start_logging([*argv, *options], env, log)


def stop(process: subprocess.Popen, timeout: float = 60) -> None:
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=timeout)


def wait_for(condition: Callable[[], object], what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"Gave up waiting for {what}.")
        time.sleep(0.2)


def json_lines(log: Path) -> list[dict]:
    """Every line a process wrote, each of which must be one JSON object."""
    lines = []
    for number, line in enumerate(log.read_text().splitlines(), start=1):
        try:
            entry = json.loads(line)
        except ValueError:
            entry = None
        if not isinstance(entry, dict):
            raise AssertionError(f"{log.name} line {number} is not a JSON object: {line!r}")
        lines.append(entry)
    return lines


def app_env(**extra: str) -> dict:
    """The environment of a process of the app in production form, on the test's settings."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings_test",
        "DJANGO_DEBUG": "false",
        "DJANGO_LOG_FORMAT": "json",
    }
    if connection.vendor == "postgresql":
        env["DATABASE_URL"] = database_url()
    return {**env, **extra}
