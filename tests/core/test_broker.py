"""Tasks handed to the broker from services, and the worker's connection to Redis going away."""

import logging
from types import SimpleNamespace
from unittest import mock

import pytest
import redis
from kombu.exceptions import OperationalError as BrokerUnreachable
from kombu.transport import redis as kombu_redis

import config.celery  # noqa: F401 (applies survive_redis_outage_with_unacked_tasks)
from core.broker import task_send, task_send_on_commit

pytestmark = pytest.mark.django_db


def broken_task(error: Exception | None = None) -> mock.Mock:
    task = mock.Mock(delay=mock.Mock(side_effect=error))
    task.name = "app.tasks.work"
    return task


def test_a_task_is_sent_once_the_transaction_commits(django_capture_on_commit_callbacks):
    task, sent = broken_task(), mock.Mock()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        task_send_on_commit(task, 7, then=sent)
        task.delay.assert_not_called()

    assert len(callbacks) == 1
    task.delay.assert_called_once_with(7)
    sent.assert_called_once_with()


def test_a_task_the_broker_cannot_take_is_logged_not_raised(
    django_capture_on_commit_callbacks, caplog
):
    task = broken_task(BrokerUnreachable("Error 111 connecting to 127.0.0.1:6379."))
    sent = mock.Mock()

    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        task_send_on_commit(task, 7, then=sent)

    sent.assert_not_called()
    assert [record.getMessage() for record in caplog.records] == [
        "Task app.tasks.work(7,) not sent: the broker cannot be reached "
        "(Error 111 connecting to 127.0.0.1:6379.); its sweep will send it"
    ]


def test_other_errors_of_sending_are_not_hidden():
    with pytest.raises(TypeError):
        task_send(broken_task(TypeError("bad argument")), 7)


def test_closing_a_collected_redis_connection_is_a_connection_error_kombu_ignores():
    # What Celery leaves after it collects a lost connection: a transport without its client.
    channel = SimpleNamespace(connection=SimpleNamespace(client=None))

    with pytest.raises(redis.exceptions.ConnectionError):
        kombu_redis.Channel._connparams(channel)

    assert redis.exceptions.ConnectionError in kombu_redis.Transport.connection_errors
