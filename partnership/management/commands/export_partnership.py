"""Writes one partnership and everything that hangs off it to an archive (core/portability.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.portability import ArchiveRefused, archive_export
from partnership.models import Partnership

NO_SUCH_PARTNERSHIP = "No partnership has the slug or id {reference!r}."


def partnership_named(reference: str) -> Partnership:
    """The partnership with this slug, or this id."""
    found = Partnership.objects.filter(slug=reference).first()
    if found is None and reference.isdigit():
        found = Partnership.objects.filter(pk=int(reference)).first()
    if found is None:
        raise CommandError(NO_SUCH_PARTNERSHIP.format(reference=reference))
    return found


class Command(BaseCommand):
    help = (
        "Export a partnership's records and uploaded files to one archive (a zip with a "
        "manifest) that import_partnership takes into another database."
    )

    def add_arguments(self, parser):
        parser.add_argument("partnership", help="The partnership's slug or id.")
        parser.add_argument(
            "--output", help="The archive to write; default <slug>.partnership.zip here."
        )

    def handle(self, *args, partnership: str, output: str | None, **options) -> None:
        found = partnership_named(partnership)
        path = Path(output or f"{found.slug}.partnership.zip")
        try:
            summary = archive_export(found, path)
        except ArchiveRefused as error:
            raise CommandError(str(error)) from error
        records = sum(summary.counts.values())
        self.stdout.write(
            f"Exported {found} to {summary.path}: {records:,} records, {summary.files} files, "
            f"{summary.size:,} bytes."
        )
