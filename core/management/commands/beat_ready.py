"""Whether Celery beat is running its schedule: the docker-compose healthcheck for beat."""

from django.core.management.base import BaseCommand

from core import health
from core.management.commands.worker_ready import report


class Command(BaseCommand):
    help = (
        "Checks that beat has touched its heartbeat file lately (it does on every pass of its "
        "loop, at least once a minute) and that the broker it sends to answers; exits 0 or 1."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-age",
            type=float,
            default=180.0,
            help="seconds since beat's last heartbeat after which it counts as stopped",
        )

    def handle(self, *args, max_age: float, **options):
        results = health.run_checks(
            {
                "broker": health.CHECKS["broker"],
                "heartbeat": lambda: health.check_beat_heartbeat(max_age),
            }
        )
        report(self, results)
