"""The Celery application shared by the worker, beat and the web processes that queue tasks."""

import logging
import os

from celery import Celery, signals

from core.broker import survive_redis_outage_with_unacked_tasks

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("partnerships")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
survive_redis_outage_with_unacked_tasks()

logger = logging.getLogger(__name__)


# celeryd_init comes first, so that the worker's warnings at start (running as root, say) are
# logged lines too; setup_logging then stands in for Celery's own set-up, in every process.
@signals.celeryd_init.connect
@signals.setup_logging.connect
def log_as_the_web_does(**kwargs) -> None:
    """Worker and beat log through settings.LOGGING (one JSON object a line in production), in
    place of Celery's own format; --loglevel is then DJANGO_LOG_LEVEL's to set."""
    from django.conf import settings
    from django.utils.log import configure_logging

    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)


@signals.worker_ready.connect
def log_warm_shutdown_instead_of_printing(sender, **kwargs) -> None:
    # Celery prints "worker: Warm shutdown (MainProcess)" on SIGTERM as plain text; the same
    # handler without that print, and the line logged below, keep every line JSON.
    from celery.apps.worker import install_worker_term_handler

    install_worker_term_handler(sender.controller, verbose=False)


@signals.worker_shutting_down.connect
def log_shutdown(sender, sig, how, **kwargs) -> None:
    logger.info("Worker %s: %s shutdown on %s", sender, how.lower(), sig)
