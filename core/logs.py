"""Log lines of the web, worker and beat processes: one JSON object a line in production.

Every record gets the id of the request it serves (django-guid's context, set by
core.middleware.RequestIdMiddleware in the web process and by django-guid's Celery signals in
a task queued by that request; a task that beat started gets an id of its own), and in a
worker the name and id of the task it runs. The formatters are named in settings.LOGGING.
"""

import datetime
import logging
import logging.config
import re
import uuid

from celery import current_task
from django_guid import get_guid
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

# A UUID in its usual 36-character form, or as 32 hex digits (nginx's $request_id, our own).
WELL_FORMED_REQUEST_ID = re.compile(
    r"[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE
)


def configure(config: dict) -> None:
    """settings.LOGGING_CONFIG: applies settings.LOGGING, and logs Python's warnings through it
    (Django no longer does), so that they too are lines in the configured format."""
    logging.config.dictConfig(config)
    logging.captureWarnings(True)


def request_id_accept(sent: str | None) -> str:
    """The id a caller sent, if it is a well-formed UUID; otherwise a new one.

    Anything else is refused rather than cleaned, so that an id in the logs is always one of a
    known shape and length, whatever a caller puts in the header.
    """
    if sent and WELL_FORMED_REQUEST_ID.fullmatch(sent):
        return sent
    return uuid.uuid4().hex


class RequestContext(logging.Filter):
    """Adds request_id, and task_name and task_id inside a Celery task, where there is one."""

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = get_guid()
        if request_id and not hasattr(record, "request_id"):
            record.request_id = request_id
        task = current_task
        if task and not hasattr(record, "task_id"):
            record.task_name, record.task_id = task.name, task.request.id
        return True


class JsonFormatter(BaseJsonFormatter):
    """One JSON object a line: time (UTC), level, logger, message, then the record's context
    (request_id, task_name, task_id) and any `extra` fields, and exc_info for an exception."""

    def __init__(self, **kwargs) -> None:
        super().__init__(
            "%(levelname)s %(name)s %(message)s",
            rename_fields={"levelname": "level", "name": "logger"},
            **kwargs,
        )

    def add_fields(self, log_data: dict, record: logging.LogRecord, message_dict: dict) -> None:
        # First, so that a reader finds it at the start of every line.
        log_data["time"] = datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC)
        super().add_fields(log_data, record, message_dict)


class TextFormatter(logging.Formatter):
    """A readable line for a developer's terminal, with the request id and task in brackets."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s%(context)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        context = [getattr(record, "request_id", "")]
        if getattr(record, "task_id", None):
            context.append(f"{record.task_name}[{record.task_id}]")
        context = [part for part in context if part]
        record.context = f" [{' '.join(context)}]" if context else ""
        return super().format(record)
