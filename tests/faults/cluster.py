"""A private PostgreSQL and Redis for the fault tests, and the app's processes pointed at them.

The shared servers (PostgreSQL on 5432, Redis on 6379) serve other tests and people, so the
fault tests never stop them: they start servers of their own on free ports, in a temporary
folder, and stop, kill or restart those.
"""

import contextlib
import glob
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

REPOSITORY = Path(settings.BASE_DIR)
DATABASE_NAME = "partnerships_faults"
# The settings of every process the fault tests start (see tests/faults/settings.py).
PROCESS_SETTINGS = "tests.faults.settings"


def wait_for(condition: Callable[[], object], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"Gave up after {timeout:.0f} s waiting for {what}.")
        time.sleep(0.1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def accepts(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def postgres_binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder, if there is one with initdb."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _version(path: str) -> tuple[int, ...]:
    version = Path(path).parent.parent.name
    return tuple(int(part) for part in version.split(".") if part.isdigit())


class PrivatePostgres:
    """A PostgreSQL cluster of the tests' own, on a free port, that they may restart."""

    def __init__(self, binaries: Path, folder: Path) -> None:
        self.binaries = binaries
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE_NAME}"
        # PostgreSQL refuses to run as root: as root, its files and processes are postgres's.
        self.owner = "postgres" if os.geteuid() == 0 else None
        if self.owner:
            entry = pwd.getpwnam(self.owner)
            os.chown(folder, entry.pw_uid, entry.pw_gid)
        self._run(
            "initdb",
            *("-D", str(self.data), "--auth=trust", "-U", "postgres"),
            *("--encoding=UTF8", "--locale=C", "--no-sync"),
        )
        self.start()
        subprocess.run(
            [
                *(str(binaries / "psql"), "-h", "127.0.0.1", "-p", str(self.port)),
                *("-U", "postgres", "-d", "postgres", "-q", "-v", "ON_ERROR_STOP=1"),
                *("-c", f"CREATE DATABASE {DATABASE_NAME}"),
            ],
            check=True,
            capture_output=True,
        )

    def _run(self, program: str, *arguments: str) -> None:
        command = [str(self.binaries / program), *arguments]
        if self.owner:
            command = ["runuser", "-u", self.owner, "--", *command]
        completed = subprocess.run(command, capture_output=True, text=True, cwd=self.folder)
        if completed.returncode:
            raise RuntimeError(f"{program} failed:\n{completed.stdout}\n{completed.stderr}")

    def start(self) -> None:
        # Durability is not under test here: a restart is a clean shutdown, never a crash.
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def restart(self) -> None:
        """A fast restart: every connection is cut, and the server takes new ones again."""
        self._run(
            "pg_ctl", "-D", str(self.data), *("-l", str(self.log)), "-m", "fast", "-w", "restart"
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    @property
    def log(self) -> Path:
        return self.folder / "postgres.log"


class PrivateRedis:
    """A Redis of the tests' own that keeps nothing on disk: while it is down, nothing queues,
    and what was queued is gone when it comes back."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.folder)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: accepts(self.port), "Redis to start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None


class AppProcess:
    """A process of the app (worker, beat, web) in a process group of its own, so that a kill
    reaches every process it forked, as a machine or container going away would."""

    def __init__(self, name: str, argv: list[str], env: dict[str, str], log: Path) -> None:
        self.name = name
        self.log = log
        with open(log, "ab") as output:
            self.process = subprocess.Popen(
                argv,
                env=env,
                cwd=REPOSITORY,
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    def kill(self) -> None:
        """SIGKILL to the whole group: no shutdown, no acknowledgement, nothing cleaned up."""
        self._signal_group(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        """SIGTERM, and SIGKILL to what is left after a few seconds: the test is over."""
        if self.process.poll() is not None:
            self._signal_group(signal.SIGKILL)  # children it may have left behind
            return
        self._signal_group(signal.SIGTERM)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._signal_group(signal.SIGKILL)
            self.process.wait(timeout=30)
        self._signal_group(signal.SIGKILL)

    def _signal_group(self, signal_number: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal_number)

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace").splitlines()[-lines:]
        return "\n".join([f"--- last lines of the {self.name} log ({self.log}) ---", *text])


class App:
    """Starts the app's processes against the private servers; keeps them to stop at the end."""

    def __init__(self, postgres: PrivatePostgres, redis: PrivateRedis, folder: Path) -> None:
        self.folder = folder
        self.media = folder / "media"
        self.mail = folder / "mail"
        self.media.mkdir()
        self.mail.mkdir()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": PROCESS_SETTINGS,
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis.url,
            "DJANGO_MEDIA_ROOT": str(self.media),
            "DJANGO_EMAIL_BACKEND": "tests.faults.mail.EmailBackend",
            "DJANGO_EMAIL_FILE_PATH": str(self.mail),
            "DJANGO_BEAT_HEARTBEAT_FILE": str(folder / "beat-heartbeat"),
            "PYTHONUNBUFFERED": "1",
        }
        self.processes: list[AppProcess] = []
        self.web_port: int | None = None

    def _start(self, name: str, argv: list[str]) -> AppProcess:
        process = AppProcess(name, argv, self.env, self.folder / f"{name}.log")
        self.processes.append(process)
        return process

    def worker(self) -> AppProcess:
        """A worker as Procfile.dev runs it: prefork, two processes."""
        number = sum(process.name.startswith("worker") for process in self.processes) + 1
        return self._start(
            f"worker-{number}",
            [
                *(sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork"),
                *("--concurrency=2", "--without-gossip", "--without-mingle", "--loglevel=INFO"),
                *("-n", f"faults-{number}@%h"),
            ],
        )

    def beat(self) -> AppProcess:
        return self._start(
            "beat",
            [
                *(sys.executable, "-m", "celery", "-A", "config", "beat", "--loglevel=INFO"),
                *("--schedule", str(self.folder / "beat-schedule")),
            ],
        )

    def web(self) -> AppProcess:
        """gunicorn as docker-compose runs it, with two sync workers."""
        self.web_port = free_port()
        process = self._start(
            "web",
            [
                *(sys.executable, "-m", "gunicorn", "config.wsgi:application"),
                *("--bind", f"127.0.0.1:{self.web_port}", "--workers", "2", "--timeout", "60"),
            ],
        )
        wait_for(lambda: accepts(self.web_port), "gunicorn to listen")
        return process

    def driver(self, command: str, **arguments) -> dict:
        """Runs a command of tests/faults/driver.py on the private database; its JSON answer."""
        completed = subprocess.run(
            [sys.executable, "-m", "tests.faults.driver", command, json.dumps(arguments)],
            env=self.env,
            cwd=REPOSITORY,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if completed.returncode:
            raise RuntimeError(f"driver {command} failed:\n{completed.stderr}")
        return json.loads(completed.stdout.strip().splitlines()[-1])

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.stop()

    def logs(self) -> str:
        return "\n".join(process.tail() for process in self.processes)
