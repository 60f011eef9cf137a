"""A meeting's minutes as a PDF of their own, in the style of the seed's minutes."""

from meetings.models import Meeting, RenderedSection
from meetings.packs.assembly import minutes_record
from meetings.packs.cache import rendered_section
from meetings.packs.sections import minutes_section


def minutes_pdf(meeting: Meeting, *, include_exempt: bool) -> RenderedSection:
    """The minutes, rendered once per version and audience; exempt minutes only if asked."""
    record = minutes_record(meeting, include_exempt=include_exempt)
    return rendered_section(meeting, minutes_section(record, numbered_pages=True))
