"""What a fault can do to a reminder run: at least once, never more than the digest in flight,
sent again with the same Message-ID; a run cut short is retried, and made up within the hour."""

from unittest import mock

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core import mail
from django.core.mail.backends import locmem
from django.db import OperationalError, transaction

from outcomes import tasks
from outcomes.models import Reminder
from outcomes.reminders import digest_message_id, reminders_fall_due, reminders_send
from tests.outcomes.reminders.conftest import TODAY

pytestmark = pytest.mark.django_db


class CheckingBackend(locmem.EmailBackend):
    """Notes, as each e-mail is handed over, how many reminders are not yet marked sent."""

    unsent_at_send: list[int] = []

    def send_messages(self, messages):
        CheckingBackend.unsent_at_send.append(Reminder.objects.filter(sent_at__isnull=True).count())
        return super().send_messages(messages)


def test_the_reminders_are_marked_sent_before_their_email_is_handed_over(settings, leads):
    settings.EMAIL_BACKEND = f"{__name__}.CheckingBackend"
    CheckingBackend.unsent_at_send = []
    leads(2)
    reminders_fall_due(today=TODAY)

    reminders_send(today=TODAY)

    # Inside each digest's transaction: after the mail server has it, only the COMMIT is left.
    assert CheckingBackend.unsent_at_send == [2, 0]


def test_a_digest_whose_commit_never_came_goes_again_with_the_same_message_id(leads):
    [address] = leads(1)
    reminders_fall_due(today=TODAY)
    reminders = list(Reminder.objects.all())

    # The e-mail went, then the fault: the transaction that marked it sent never committed.
    with transaction.atomic():
        reminders_send(today=TODAY)
        transaction.set_rollback(True)
    assert Reminder.objects.filter(sent_at__isnull=True).count() == 2
    reminders_send(today=TODAY)

    assert [message.to for message in mail.outbox] == [[address], [address]]
    first, again = (message.message()["Message-ID"] for message in mail.outbox)
    assert first == again == digest_message_id(reminders)
    assert first.endswith("@localhost>")


def test_digests_of_different_reminders_have_different_message_ids(leads):
    leads(2)
    reminders_fall_due(today=TODAY)

    reminders_send(today=TODAY)

    assert len({message.message()["Message-ID"] for message in mail.outbox}) == 2


def test_a_run_cut_short_by_the_database_is_tried_again(monkeypatch):
    run = mock.Mock(side_effect=OperationalError("server closed the connection unexpectedly"))
    monkeypatch.setattr(tasks, "reminders_run", run)

    result = tasks.send_development_action_reminders.apply()

    assert run.call_count == tasks.REMINDER_RETRIES + 1
    assert result.state == "FAILURE"


def test_a_run_missed_at_seven_is_made_up_within_the_quarter_hour():
    schedule = settings.CELERY_BEAT_SCHEDULE["development-action-reminders"]["schedule"]

    assert isinstance(schedule, crontab)
    assert (min(schedule.hour), max(schedule.hour)) == (7, 18)
    assert sorted(schedule.minute) == [0, 15, 30, 45]
