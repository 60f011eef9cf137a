"""Runs the daily reminder sweep by hand, as the worker's beat schedule does each morning."""

import datetime
import uuid

from django.core.management.base import BaseCommand, CommandError
from django_guid import clear_guid, set_guid

from outcomes.reminders import reminders_run

DATE_INVALID = "Give the date as YYYY-MM-DD, for example 2014-03-31."


class Command(BaseCommand):
    help = "Write the development-action reminders that have fallen due and send them."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run as of this day (YYYY-MM-DD); default today.")

    def handle(self, *args, date: str | None = None, **options) -> None:
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(DATE_INVALID) from error
        # A run by hand has an id of its own in the logs, as a run that beat starts has.
        set_guid(uuid.uuid4().hex)
        try:
            run = reminders_run(today=today)
        finally:
            clear_guid()
        self.stdout.write(
            f"{run.fell_due} reminders fell due; sent {run.sent.sent_reminders} reminders "
            f"in {run.sent.sent_digests} digests; {run.sent.failed_digests} digests refused."
        )
