"""Handing tasks to the broker from services, without failing the request when it is down.

A service writes its records, then queues the task that does the work once the transaction has
committed. If Redis cannot be reached then, the records are already saved and say what is still
to do; raising would only answer the user with a server error for work that was accepted. So the
task is left unsent, with a warning, and a periodic sweep of the same records (on Celery beat)
sends it once the broker is back: the render-pack sweep, the webhook deliveries that are due.
"""

import functools
import logging
from collections.abc import Callable

import redis
from celery import Task
from django.db import transaction
from django.db.models import QuerySet
from kombu.exceptions import OperationalError as BrokerUnreachable
from kombu.transport import redis as kombu_redis

logger = logging.getLogger(__name__)


def task_send(task: Task, *args: object) -> bool:
    """Sends the task now; False, with a warning logged, if the broker cannot be reached."""
    try:
        task.delay(*args)
    except BrokerUnreachable as error:
        logger.warning(
            "Task %s%r not sent: the broker cannot be reached (%s); its sweep will send it",
            task.name,
            args,
            error,
        )
        return False
    return True


def tasks_resend(task: Task, stalled: QuerySet) -> list[int]:
    """The sweeps' common step: sends the task again for each record of `stalled` (whose task
    was lost: never sent, or gone with an emptied Redis or a killed worker), logging each; the
    task must be safe to run twice. Returns the records' ids."""
    ids = list(stalled.order_by("pk").values_list("pk", flat=True))
    for record_id in ids:
        logger.warning(
            "%s %s: sending its task %s again", stalled.model.__name__, record_id, task.name
        )
        task_send(task, record_id)
    return ids


def task_send_on_commit(task: Task, *args: object, then: Callable[[], None] | None = None) -> None:
    """Sends the task once the current transaction commits, then calls `then` if it was sent."""

    def send() -> None:
        if task_send(task, *args) and then is not None:
            then()

    transaction.on_commit(send)


def survive_redis_outage_with_unacked_tasks() -> None:
    """Keeps a worker alive when Redis goes away while it holds unacknowledged tasks.

    kombu 5.7's Redis transport crashes the worker then ("Unrecoverable error:
    AttributeError: 'NoneType' object has no attribute 'hostname'"; tests/faults/
    test_redis_down.py): on losing the connection, Celery collects it, which forgets the
    broker's address, then closes it, and closing the channel tries to put the unacknowledged
    tasks back on the queue over a new connection to that forgotten address. Raising a
    connection error there instead is one that kombu ignores while closing; the tasks stay
    in Redis's unacknowledged set, which hands them out again after the visibility timeout.
    """
    connparams = kombu_redis.Channel._connparams
    if getattr(connparams, "survives_collected_connection", False):
        return

    @functools.wraps(connparams)
    def connparams_of_a_live_connection(channel, *args, **kwargs):
        if channel.connection.client is None:
            raise redis.exceptions.ConnectionError("The connection to Redis has been closed.")
        return connparams(channel, *args, **kwargs)

    connparams_of_a_live_connection.survives_collected_connection = True
    kombu_redis.Channel._connparams = connparams_of_a_live_connection
