"""gunicorn's settings for the web process (`gunicorn -c config/gunicorn.py config.wsgi`).

gunicorn's own lines (starting, listening, booting and stopping workers, timeouts) are logged
through the app's settings.LOGGING, so that they too are one JSON object a line in production.
Each request is logged by the app (logger core.requests, with its request id), so gunicorn's
access log is left off.
"""

import importlib
import logging
import os

bind = "0.0.0.0:8000"
# WEB_CONCURRENCY is gunicorn's own variable for the number of worker processes.
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))

_settings = importlib.import_module(os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings"))
logconfig_dict = {
    **_settings.LOGGING,
    "loggers": {
        **_settings.LOGGING["loggers"],
        "gunicorn.error": {"level": "INFO", "handlers": [], "propagate": True},
        "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": True},
    },
}
# Python's warnings too, as settings.LOGGING_CONFIG has it in the app's own processes.
logging.captureWarnings(True)
