"""Rendering an agenda pack, as the worker does it.

First the body sections (the previous minutes, each report and appendix) are rendered or
found rendered; their page counts give each item's pages. Then the front matter, whose agenda
prints those pages, and the page marks (numbers, and banners on exempt items) are rendered in
the same way. A task may share the body sections out to other workers first (see
`render_pack`). The merged PDF of a public pack is checked for exempt text before it is stored
under a new name, and only then does the pack point at it.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.storage import default_storage

from core.pdf import page_count, store_new_file
from meetings.models import AgendaPack, Meeting, RenderedSection
from meetings.packs.assembly import PackContents, pack_contents
from meetings.packs.cache import rendered_section, section_pdf
from meetings.packs.leaks import check_public_pack
from meetings.packs.merging import (
    Bookmark,
    destination_page,
    displayed_sizes,
    merged_pack,
    read_pdf,
)
from meetings.packs.refusals import PackRefused
from meetings.packs.sections import (
    CONFIDENTIAL_BANNER,
    HtmlSection,
    ItemPlan,
    PageMark,
    front_matter_section,
    item_plans,
    page_marks_section,
)
from meetings.services import packs as pack_services

# The front matter, then the page marks, follow the body sections.
SECTIONS_AFTER_BODY = 2
# The anchor of the agenda table in the front matter, where items without papers point.
AGENDA_ANCHOR = "agenda"

# Hands sections not yet rendered to other workers, which render them ahead of the pack.
ShareSections = Callable[[Meeting, list[HtmlSection]], None]

logger = logging.getLogger(__name__)


def render_pack(pack_id: int, *, share: ShareSections | None = None) -> None:
    """Renders a queued pack and makes it ready, or records why it cannot be rendered.

    With `share`, the body sections not yet rendered are first handed out; the pack then
    takes its sections in order, finding rendered those the others have done, and rendering
    itself any they have not. It never waits for them, so one worker is enough.
    """
    context = {"pack_id": pack_id}
    pack = pack_services.agenda_pack_start(pack_id=pack_id)
    if pack is None:
        logger.info("Agenda pack %s: finished or given up already", pack_id, extra=context)
        return
    context["meeting_id"] = pack.meeting_id
    logger.info(
        "Agenda pack %s (%s) of meeting %s: rendering",
        pack.pk,
        pack.variant,
        pack.meeting_id,
        extra=context,
    )
    try:
        pdf = pack_pdf(pack, share=share)
    except PackRefused as refusal:
        pack_services.agenda_pack_fail(pack_id=pack.pk, reason=str(refusal))
        logger.warning("Agenda pack %s refused: %s", pack.pk, refusal, extra=context)
        return
    name = store_new_file(f"packs/{pack.meeting_id}", f"{pack.variant}-{pack.pk}", pdf)
    pages = page_count(pdf)
    try:
        pack_services.agenda_pack_complete(pack_id=pack.pk, file_name=name, page_count=pages)
    except Exception:
        # No pack points at the file, so nobody can be reading it; the retry stores its own.
        default_storage.delete(name)
        raise
    logger.info("Agenda pack %s ready: %d pages", pack.pk, pages, extra=context)


def give_up(pack_id: int, reason: str) -> None:
    pack_services.agenda_pack_fail(pack_id=pack_id, reason=reason)
    logger.warning("Agenda pack %s failed: %s", pack_id, reason, extra={"pack_id": pack_id})


def render_shared_section(meeting_id: int, html: str) -> None:
    """Renders a section handed out by a pack, unless it is rendered already."""
    rendered_section(Meeting.objects.get(pk=meeting_id), HtmlSection("Shared section", html))


def pack_pdf(pack: AgendaPack, *, share: ShareSections | None = None) -> bytes:
    meeting = pack.meeting
    contents = pack_contents(meeting, pack.variant)
    plans = item_plans(contents)
    body_sections = [section for plan in plans for section in plan.sections]
    total = len(body_sections) + SECTIONS_AFTER_BODY

    if share is not None:
        _share_unrendered(meeting, body_sections, share)
    body = []
    for done, section in enumerate(body_sections, start=1):
        body.append(read_pdf(section_pdf(rendered_section(meeting, section))))
        pack_services.agenda_pack_progress(pack_id=pack.pk, done=done, total=total)
    body_sizes = [displayed_sizes(reader) for reader in body]
    placed = _placed(plans, [len(sizes) for sizes in body_sizes])

    pages_column = [item.printed_range for item in placed]
    front = section_pdf(
        rendered_section(meeting, front_matter_section(contents, plans, pages_column))
    )
    pack_services.agenda_pack_progress(pack_id=pack.pk, done=total - 1, total=total)
    page_sizes = iter([size for sizes in body_sizes for size in sizes])
    marks = [
        PageMark(str(number), *next(page_sizes), CONFIDENTIAL_BANNER if item.confidential else "")
        for item in placed
        for number in item.pages
    ]
    marks_pdf = section_pdf(rendered_section(meeting, page_marks_section(marks)))
    pack_services.agenda_pack_progress(pack_id=pack.pk, done=total, total=total)

    pdf = merged_pack(
        front=front,
        body=body,
        marks=marks_pdf,
        bookmarks=_bookmarks(placed, front),
        title=_title(contents),
    )
    if contents.is_public:
        earlier = contents.previous_minutes.meeting if contents.previous_minutes else None
        check_public_pack(pdf, [meeting] + ([earlier] if earlier else []))
    return pdf


def _share_unrendered(meeting: Meeting, sections: list, share: ShareSections) -> None:
    rendered = set(
        RenderedSection.objects.filter(
            meeting=meeting, key__in=[section.key for section in sections]
        ).values_list("key", flat=True)
    )
    # Uploaded PDFs are quick to take as they are, and too big to send through the broker.
    unrendered = [
        section
        for section in dict.fromkeys(sections)
        if isinstance(section, HtmlSection) and section.key not in rendered
    ]
    # The pack renders the first itself at once; the others are handed out from the last, so
    # that the pack and the workers helping it meet somewhere in the middle.
    if len(unrendered) > 1:
        share(meeting, unrendered[:0:-1])


@dataclass(frozen=True)
class PlacedItem:
    """An item of the pack with the printed page on which each of its sections starts."""

    plan: ItemPlan
    starts: tuple[int, ...]
    next_page: int

    @property
    def confidential(self) -> bool:
        return self.plan.confidential

    @property
    def pages(self) -> range:
        return range(self.starts[0], self.next_page) if self.starts else range(0)

    @property
    def printed_range(self) -> str:
        """The agenda's Pages column: "7 - 22", "5" for one page, nothing for no papers."""
        if not self.pages:
            return ""
        first, last = self.pages[0], self.pages[-1]
        return f"{first} - {last}" if last > first else str(first)


def _placed(plans: list[ItemPlan], section_lengths: list[int]) -> list[PlacedItem]:
    """Lays the sections end to end from page 1, the first page after the front matter."""
    lengths = iter(section_lengths)
    placed, page = [], 1
    for plan in plans:
        starts = []
        for _section in plan.sections:
            starts.append(page)
            page += next(lengths)
        placed.append(PlacedItem(plan, tuple(starts), page))
    return placed


def _bookmarks(placed: list[PlacedItem], front: bytes) -> list[Bookmark]:
    front_pages = page_count(front)
    agenda_page = destination_page(front, AGENDA_ANCHOR)
    bookmarks = [Bookmark("Agenda", agenda_page)]
    for item in placed:
        plan = item.plan
        starts = [front_pages + page - 1 for page in item.starts]
        children = tuple(
            Bookmark(section.title, start)
            for section, start in zip(plan.sections[1:], starts[1:], strict=True)
        )
        # An item without papers is found where the agenda lists it.
        first = starts[0] if starts else agenda_page
        bookmarks.append(Bookmark(f"{plan.number}. {plan.heading}", first, children))
    return bookmarks


def _title(contents: PackContents) -> str:
    audience = "public" if contents.is_public else "members' pack, confidential"
    return f"{contents.meeting}: agenda pack ({audience})"
