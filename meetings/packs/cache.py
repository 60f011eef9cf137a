"""Rendered sections kept in storage under their digest, and found again while unchanged."""

from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from core.pdf import page_count, read_stored_file, store_new_file
from meetings.models import Meeting, RenderedSection
from meetings.packs.sections import Section


def rendered_section(meeting: Meeting, section: Section) -> RenderedSection:
    """The section as rendered before, or rendered now and kept for the next pack."""
    found = RenderedSection.objects.filter(meeting=meeting, key=section.key).first()
    if found is not None:
        if default_storage.exists(found.file.name):
            return found
        # The stored file has gone (storage restored or cleared): render it again.
        found.delete()
    pdf = section.render()
    name = store_new_file(f"packs/sections/{meeting.pk}", section.key[:16], pdf)
    try:
        with transaction.atomic():
            return RenderedSection.objects.create(
                meeting=meeting, key=section.key, file=name, page_count=page_count(pdf)
            )
    except IntegrityError:
        # Another worker rendered the same section meanwhile: keep theirs, drop ours.
        default_storage.delete(name)
        return RenderedSection.objects.get(meeting=meeting, key=section.key)


def section_pdf(rendered: RenderedSection) -> bytes:
    return read_stored_file(rendered.file.name)
