"""Checks of the services the app needs: the database, the message broker and file storage.

/healthz runs CHECKS; /readyz runs READINESS_CHECKS, which also asks that every migration has
been applied; `manage.py worker_ready` and `manage.py beat_ready` check a worker and beat.
"""

import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from config.celery import app as celery_app


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_migrations() -> None:
    """Fails while a migration of the code that is running has not been applied."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        names = ", ".join(f"{migration.app_label}.{migration.name}" for migration, _ in plan)
        raise LookupError(f"{len(plan)} not applied: {names}")


def check_broker() -> None:
    with celery_app.connection_for_write() as broker:
        broker.ensure_connection(max_retries=1, timeout=3)


def check_storage() -> None:
    # Round-trips a small file, as the worker writing a pack and the web serving it would.
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as stored:
            if stored.read() != b"ok":
                raise OSError("storage returned different content")
    finally:
        default_storage.delete(name)


def check_worker(node: str, timeout: float) -> None:
    """Fails unless the worker of this name answers a ping over the broker in time."""
    replies = celery_app.control.ping(destination=[node], timeout=timeout)
    if not any(node in reply for reply in replies):
        raise TimeoutError(f"{node} did not answer a ping within {timeout:g} s")


def check_beat_heartbeat(max_age: float) -> None:
    """Fails unless beat has touched its heartbeat file in the last max_age seconds."""
    heartbeat = settings.BEAT_HEARTBEAT_FILE
    try:
        age = time.time() - heartbeat.stat().st_mtime
    except FileNotFoundError:
        raise FileNotFoundError(f"no heartbeat at {heartbeat}: beat has not run") from None
    if age > max_age:
        raise TimeoutError(f"last heartbeat {age:.0f} s ago, more than {max_age:g} s")


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "broker": check_broker,
    "storage": check_storage,
}


def readiness_checks() -> dict[str, Callable[[], None]]:
    """What /readyz asks: the health checks, and the migrations after the database."""
    return {
        "database": CHECKS["database"],
        "migrations": check_migrations,
        "broker": CHECKS["broker"],
        "storage": CHECKS["storage"],
    }


def run_checks(checks: dict[str, Callable[[], None]] | None = None) -> dict[str, str]:
    """Each check's name mapped to "ok" or the reason it failed."""
    results = {}
    for name, check in (CHECKS if checks is None else checks).items():
        try:
            check()
        except Exception as error:  # any failure is a health answer, not a crash
            results[name] = f"failing: {error.__class__.__name__}: {error}"
        else:
            results[name] = "ok"
    return results
