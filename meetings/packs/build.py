"""Rendering an agenda pack, as the worker does it.

First the body sections (the previous minutes, each report and appendix) are rendered or
found rendered; their page counts give each item's pages. Then the front matter, whose agenda
prints those pages, and the page marks (numbers, and banners on exempt items) are rendered in
the same way. The merged PDF of a public pack is checked for exempt text before it is stored
under a new name, and only then does the pack point at it.
"""

from core.pdf import page_count, store_new_file
from meetings.models import AgendaPack
from meetings.packs.assembly import PackContents, pack_contents
from meetings.packs.cache import rendered_section, section_pdf
from meetings.packs.leaks import check_public_pack
from meetings.packs.merging import Bookmark, destination_page, displayed_sizes, merged_pack
from meetings.packs.refusals import PackRefused
from meetings.packs.sections import (
    CONFIDENTIAL_BANNER,
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


def render_pack(pack_id: int) -> None:
    """Renders a queued pack and makes it ready, or records why it cannot be rendered."""
    pack = pack_services.agenda_pack_start(pack_id=pack_id)
    if pack is None:
        return
    try:
        pdf = pack_pdf(pack)
    except PackRefused as refusal:
        pack_services.agenda_pack_fail(pack_id=pack.pk, reason=str(refusal))
        return
    name = store_new_file(f"packs/{pack.meeting_id}", f"{pack.variant}-{pack.pk}", pdf)
    pack_services.agenda_pack_complete(pack_id=pack.pk, file_name=name, page_count=page_count(pdf))


def give_up(pack_id: int, reason: str) -> None:
    pack_services.agenda_pack_fail(pack_id=pack_id, reason=reason)


def pack_pdf(pack: AgendaPack) -> bytes:
    meeting = pack.meeting
    contents = pack_contents(meeting, pack.variant)
    plans = item_plans(contents)
    body_sections = [section for plan in plans for section in plan.sections]
    total = len(body_sections) + SECTIONS_AFTER_BODY

    body = []
    for done, section in enumerate(body_sections, start=1):
        body.append(section_pdf(rendered_section(meeting, section)))
        pack_services.agenda_pack_progress(pack_id=pack.pk, done=done, total=total)
    body_sizes = [displayed_sizes(pdf) for pdf in body]
    first_pages = _first_pages(plans, [len(sizes) for sizes in body_sizes])

    front = section_pdf(
        rendered_section(meeting, front_matter_section(contents, plans, _ranges(first_pages)))
    )
    pack_services.agenda_pack_progress(pack_id=pack.pk, done=total - 1, total=total)
    page_sizes = iter([size for sizes in body_sizes for size in sizes])
    marks = [
        PageMark(str(number), *next(page_sizes), CONFIDENTIAL_BANNER if plan.confidential else "")
        for plan in plans
        for number in _pages_of(plan, first_pages)
    ]
    marks_pdf = section_pdf(rendered_section(meeting, page_marks_section(marks)))
    pack_services.agenda_pack_progress(pack_id=pack.pk, done=total, total=total)

    pdf = merged_pack(
        front=front,
        body=body,
        marks=marks_pdf,
        bookmarks=_bookmarks(plans, first_pages, front),
        title=_title(contents),
    )
    if contents.is_public:
        earlier = contents.previous_minutes.meeting if contents.previous_minutes else None
        check_public_pack(pdf, [meeting] + ([earlier] if earlier else []))
    return pdf


def _first_pages(plans: list[ItemPlan], section_lengths: list[int]) -> dict[int, list[int]]:
    """The printed first page of each section of each item; the body starts at page 1."""
    lengths = iter(section_lengths)
    first_pages, page = {}, 1
    for plan in plans:
        first_pages[plan.number] = []
        for _section in plan.sections:
            first_pages[plan.number].append(page)
            page += next(lengths)
        first_pages[plan.number].append(page)  # where the next item starts
    return first_pages


def _pages_of(plan: ItemPlan, first_pages: dict[int, list[int]]) -> range:
    return range(first_pages[plan.number][0], first_pages[plan.number][-1])


def _ranges(first_pages: dict[int, list[int]]) -> dict[int, str]:
    """The Pages column of the agenda: "7 - 22", "5" for one page, nothing for no papers."""
    ranges = {}
    for number, pages in first_pages.items():
        first, last = pages[0], pages[-1] - 1
        if last >= first:
            ranges[number] = f"{first} - {last}" if last > first else str(first)
    return ranges


def _bookmarks(
    plans: list[ItemPlan], first_pages: dict[int, list[int]], front: bytes
) -> list[Bookmark]:
    front_pages = page_count(front)
    agenda_page = destination_page(front, AGENDA_ANCHOR)
    bookmarks = [Bookmark("Agenda", agenda_page)]
    for plan in plans:
        starts = [front_pages + page - 1 for page in first_pages[plan.number][:-1]]
        children = tuple(
            Bookmark(section.title, start)
            for section, start in zip(plan.sections[1:], starts[1:], strict=True)
        )
        page = starts[0] if starts else agenda_page
        bookmarks.append(Bookmark(f"{plan.number}. {plan.heading}", page, children))
    return bookmarks


def _title(contents: PackContents) -> str:
    audience = "public" if contents.is_public else "members' pack, confidential"
    return f"{contents.meeting}: agenda pack ({audience})"
