"""The reminder job against PostgreSQL in processes of its own, as production runs it: twice at
once, dying part-way, refused by the mail server. Each reminder goes exactly once."""

import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.db import connection, transaction

from outcomes.models import Reminder
from outcomes.reminders import SendResult, reminders_fall_due, reminders_send
from partnership.models import Person
from tests.outcomes.reminders.conftest import TODAY, messages_per_address
from tests.outcomes.reminders.mail import BREAK_AFTER, DELAY, REFUSE, logged_messages

# The processes read the same database, so it must be a server and the data committed.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def start_run(env: dict, **extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "send_reminders", "--date", TODAY.isoformat()],
        cwd=settings.BASE_DIR,
        env={**env, **extra},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(run: subprocess.Popen) -> tuple[int, str]:
    _, stderr = run.communicate(timeout=60)
    return run.returncode, stderr


def test_two_runs_at_once_send_each_reminder_exactly_once(leads, process_env, mail_log):
    addresses = leads(40)

    # Slow mail, so that each run is still sending when the other starts.
    runs = [start_run(process_env, **{DELAY: "0.1"}) for _ in range(2)]
    results = [finish(run) for run in runs]

    assert [code for code, _ in results] == [0, 0], results
    assert messages_per_address(mail_log) == dict.fromkeys(addresses, 1)
    # Both sent some: they ran at the same time and shared the work out.
    assert {message["pid"] for message in logged_messages(mail_log)} == {run.pid for run in runs}
    assert Reminder.objects.count() == 80
    assert Reminder.objects.filter(sent_at__isnull=True).count() == 0


def test_a_run_that_dies_part_way_is_completed_by_the_next_without_repeats(
    leads, process_env, mail_log
):
    addresses = leads(10)

    code, stderr = finish(start_run(process_env, **{BREAK_AFTER: "3"}))

    assert code != 0
    assert "MailServerBroke: Broke after 3 messages." in stderr
    assert len(logged_messages(mail_log)) == 3
    assert Reminder.objects.filter(sent_at__isnull=False).count() == 6

    code, stderr = finish(start_run(process_env))

    assert code == 0, stderr
    assert messages_per_address(mail_log) == dict.fromkeys(addresses, 1)
    assert Reminder.objects.filter(sent_at__isnull=True).count() == 0


def test_a_refused_message_is_retried_by_the_next_run_and_blocks_no_other(
    leads, process_env, mail_log
):
    addresses = leads(5)

    code, stderr = finish(start_run(process_env, **{REFUSE: "lead2@example.org"}))

    assert code == 0, stderr
    assert sorted(messages_per_address(mail_log)) == [
        a for a in addresses if a != "lead2@example.org"
    ]
    refused = Reminder.objects.filter(recipient__email="lead2@example.org")
    assert [(r.sent_at, r.failed_attempts) for r in refused] == [(None, 1), (None, 1)]

    code, stderr = finish(start_run(process_env))

    assert code == 0, stderr
    assert messages_per_address(mail_log) == dict.fromkeys(addresses, 1)
    assert Reminder.objects.filter(sent_at__isnull=True).count() == 0


def test_a_lead_another_run_is_sending_to_is_skipped_whole_not_split(leads, mailoutbox):
    (address,) = leads(1)
    reminders_fall_due(today=TODAY)
    lead = Person.objects.get(email=address)
    held, release = threading.Event(), threading.Event()

    def other_run_sending_to_the_lead() -> None:
        with transaction.atomic():
            list(Person.objects.select_for_update().filter(pk=lead.pk))
            held.set()
            release.wait(timeout=30)
        connection.close()

    other_run = threading.Thread(target=other_run_sending_to_the_lead)
    other_run.start()
    held.wait(timeout=30)
    try:
        result = reminders_send(today=TODAY)
    finally:
        release.set()
        other_run.join()

    assert result == SendResult(sent_digests=0, sent_reminders=0, failed_digests=0)
    assert mailoutbox == []
    assert Reminder.objects.filter(recipient=lead, sent_at__isnull=True).count() == 2
