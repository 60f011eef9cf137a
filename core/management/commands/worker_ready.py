"""Whether this container's Celery worker is ready for tasks: the docker-compose healthcheck."""

import functools
import socket

from django.core.management.base import BaseCommand, CommandError

from core import health


class Command(BaseCommand):
    help = (
        "Checks the broker, the database and file storage from here, and pings this worker's "
        "node over the broker; exits 0 when all answer, 1 naming what failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--node",
            default=f"celery@{socket.gethostname()}",
            help="the worker's node name (default: celery@ this host's name, as celery names it)",
        )
        parser.add_argument(
            "--timeout", type=float, default=10.0, help="seconds to wait for the ping's answer"
        )

    def handle(self, *args, node: str, timeout: float, **options):
        results = health.run_checks(
            {
                "broker": health.CHECKS["broker"],
                "database": health.CHECKS["database"],
                "storage": health.CHECKS["storage"],
                "worker": functools.partial(health.check_worker, node, timeout),
            }
        )
        report(self, results)


def report(command: BaseCommand, results: dict[str, str]) -> None:
    """Prints each check's result; a failing one ends the command with exit code 1."""
    for name, result in results.items():
        command.stdout.write(f"{name}: {result}")
    failing = [name for name, result in results.items() if result != "ok"]
    if failing:
        raise CommandError(f"not ready: {', '.join(failing)} failing")
