"""Takes a partnership's archive into this database, whole or not at all (core/portability.py)."""

from django.core.management.base import BaseCommand, CommandError

from core.portability import ArchiveRefused, archive_import


class Command(BaseCommand):
    help = (
        "Import a partnership archive made by export_partnership. Everything is written in one "
        "transaction: an archive that is damaged, of another format version, or of a "
        "partnership this database already holds is refused and nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The archive file (.zip).")

    def handle(self, *args, archive: str, **options) -> None:
        try:
            summary = archive_import(archive)
        except ArchiveRefused as error:
            raise CommandError(str(error)) from error
        created = sum(summary.created.values())
        reused = sum(summary.reused.values())
        self.stdout.write(
            f"Imported {summary.root}: {created:,} records created, {reused:,} shared records "
            f"(people, organisations, places, accounts) found here already, "
            f"{summary.files} files stored."
        )
        for note in summary.notes:
            self.stdout.write(f"- {note}")
