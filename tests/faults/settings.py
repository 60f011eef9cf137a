"""Settings of the processes the fault tests start: the test settings, with production's cache,
beat's schedule compressed from hours to seconds, and tables made straight from the models."""

import datetime

from config.settings import CACHES as PRODUCTION_CACHES
from config.settings_test import *  # noqa: F403

# As deployed: the cache is the Redis that the broker uses, so an outage reaches it too.
CACHES = PRODUCTION_CACHES

# The sweeps that make up for lost work run every few seconds instead of every few minutes.
# The others (webhooks, announcements) are left out: they are not under test and cost CPU.
CELERY_BEAT_SCHEDULE = {
    "development-action-reminders": {
        "task": "outcomes.tasks.send_development_action_reminders",
        "schedule": 2.0,
    },
    "agenda-pack-resend": {
        "task": "meetings.tasks.resend_agenda_packs",
        "schedule": 2.0,
    },
}
# A pack that has shown no sign of life for this long has lost its worker: the tests' sections
# take a second or two each.
TASK_STALLED_AFTER = datetime.timedelta(seconds=15)


class _NoMigrations:
    """The private database's tables come straight from the models, as pytest-django's
    --nomigrations makes them: running the migrations takes a minute on CI's machine, and CI's
    `makemigrations --check` holds them to the models."""

    def __contains__(self, app: str) -> bool:
        return True

    def __getitem__(self, app: str) -> None:
        return None


MIGRATION_MODULES = _NoMigrations()
