"""Settings for the test suite: the real settings, with a key and fast hashing."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-any-deployment")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
# The suite loads the demo partnerships as its fixtures.
os.environ.setdefault("DJANGO_DEMO_DATA", "true")

# Under pytest-xdist each test process (gw0, gw1...) has a Redis database of its own, counting
# down from the one REDIS_URL names, so that the real workers one process's tests start never
# take another's tasks. Set in the environment, so that those workers inherit it, and marked
# done there, so that the workers, which read these settings too, do not move it again.
_test_process = os.environ.get("PYTEST_XDIST_WORKER", "")
if (
    _test_process.startswith("gw")
    and os.environ.get("REDIS_URL")
    and os.environ.get("TEST_PROCESS_REDIS") != _test_process
):
    _base, _, _database = os.environ["REDIS_URL"].rpartition("/")
    _number = int(_database or 0) - int(_test_process[2:])
    os.environ["REDIS_URL"] = f"{_base}/{_number % 16}"
    os.environ["TEST_PROCESS_REDIS"] = _test_process

from config.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Each process its own cache: tests clear it, and the Redis one shares its database with the
# broker that the worker tests use.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if not REDIS_URL:  # noqa: F405
    CELERY_BROKER_URL = "memory://"
# Tests never run collectstatic; WhiteNoise serves from the finders instead.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# The tests' webhook receiver (tests/receiver.py) listens on plain http on loopback, and the
# worker tests' worker reads these settings too. Only 127.0.0.1: the tests that check what is
# refused set these back to production's values, off and empty.
WEBHOOK_ALLOW_INSECURE = True
WEBHOOK_ALLOWED_PRIVATE_ADDRESSES = ["127.0.0.1"]
