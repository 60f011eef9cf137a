"""Deletes a partnership and every record that is its own, as export_partnership carries them."""

from django.core.management.base import BaseCommand, CommandError

from core.dates import long_date
from core.portability import archive_remove
from meetings.models import Meeting
from meetings.retention import documents_kept, retention_message
from partnership.management.commands.export_partnership import partnership_named


class Command(BaseCommand):
    help = (
        "Delete a partnership with its boards, meetings, frameworks and everything else that "
        "is its own; people, organisations and places stay. Export it first: this cannot be "
        "undone. Without --yes it only says what it would delete."
    )

    def add_arguments(self, parser):
        parser.add_argument("partnership", help="The partnership's slug or id.")
        parser.add_argument("--yes", action="store_true", help="Delete, not just tell.")

    def handle(self, *args, partnership: str, yes: bool, **options) -> None:
        found = partnership_named(partnership)
        # Refused here with the reason, before the database's own guard would refuse it.
        kept = documents_kept(Meeting.objects.filter(board__partnership=found))
        if kept:
            last = max(until for _, until in kept)
            raise CommandError(
                f"{found} cannot be deleted yet: {len(kept)} of its published documents are "
                f"kept for six years, the last until {long_date(last)}. The first: "
                f"{retention_message(*kept[0])}"
            )
        if not yes:
            self.stdout.write(
                f"Would delete {found} and everything that is its own. Run again with --yes."
            )
            return
        removed = archive_remove(found)
        self.stdout.write(f"Deleted {found}: {sum(removed.values()):,} records.")
