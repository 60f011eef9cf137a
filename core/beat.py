"""Celery beat's scheduler, leaving a heartbeat for `manage.py beat_ready`."""

from celery.beat import PersistentScheduler
from django.conf import settings


class HeartbeatScheduler(PersistentScheduler):
    """The usual schedule file, and a heartbeat file touched on every pass of beat's loop.

    Beat passes at least every beat_max_loop_interval seconds, so a heartbeat older than a few
    of those means that beat has stopped, even if its process is still there.
    """

    def tick(self, *args, **kwargs) -> float:
        interval = super().tick(*args, **kwargs)
        heartbeat = settings.BEAT_HEARTBEAT_FILE
        heartbeat.parent.mkdir(parents=True, exist_ok=True)
        heartbeat.touch()
        return interval
