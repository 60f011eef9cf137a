"""The sections of a pack: independent units, each named by a digest of everything it shows.

A section is typeset HTML (the front matter, minutes, a report, a typed appendix, the page
marks) or an appendix uploaded as PDF. Because its key is a digest of its whole content, a
section whose content has not changed is found already rendered, in any pack of the meeting,
and sections can be rendered in any order or in parallel.
"""

import hashlib
import io
from dataclasses import dataclass

import mammoth
import weasyprint
from django.template.loader import render_to_string
from django.utils import timezone
from pypdf import PdfReader

from core.pdf import html_to_pdf, read_stored_file
from governance.models import BoardMembership
from meetings.exemptions import EXEMPT_INFORMATION_SCHEDULE
from meetings.models import AgendaItem, Appendix, Attendance
from meetings.packs.assembly import MinutesRecord, PackContents
from meetings.packs.refusals import (
    APPENDIX_FILE_MISSING,
    APPENDIX_NOT_A_PDF,
    APPENDIX_NOT_WORD,
    APPENDIX_WITHOUT_TEXT,
    PackRefused,
)
from meetings.packs.sanitise import sanitised_pdf

# A new typesetter may lay the same HTML out differently: its sections are new sections.
RENDERER = f"weasyprint {weasyprint.__version__}".encode()
WITHHELD_HEADING = "Item not for publication"
CONFIDENTIAL_BANNER = "CONFIDENTIAL – NOT FOR PUBLICATION"
MEMBERSHIP_LABELS = {"chair": "Chairman", "vice_chair": "Vice-Chairman"}
# Numbered continuously in print, from Key Considerations on, as in the seed's reports.
NUMBERED_SECTIONS = [
    ("Key Considerations", "key_considerations"),
    ("Community Impact", "community_impact"),
    ("Financial Implications", "financial_implications"),
    ("Legal Implications", "legal_implications"),
    ("Risk Management", "risk_management"),
    ("Consultees", "consultees"),
]


def _digest(*parts: bytes) -> str:
    return hashlib.sha256(b"\0".join((RENDERER, *parts))).hexdigest()


@dataclass(frozen=True)
class HtmlSection:
    """A section typeset from HTML."""

    title: str
    html: str

    @property
    def key(self) -> str:
        return _digest(b"html", self.html.encode())

    def render(self) -> bytes:
        return html_to_pdf(self.html)


@dataclass(frozen=True)
class PdfSection:
    """An appendix uploaded as PDF: merged as it is, stripped to its pages for the public."""

    title: str
    item_number: int
    content: bytes
    sanitise: bool

    @property
    def key(self) -> str:
        return _digest(b"sanitised pdf" if self.sanitise else b"pdf", self.content)

    def render(self) -> bytes:
        try:
            if self.sanitise:
                return sanitised_pdf(self.content)
            # Read every page now, so that a broken file fails here with its name.
            reader = PdfReader(io.BytesIO(self.content))
            for page in reader.pages:
                page.get_contents()
            return self.content
        # pypdf raises many kinds of error on malformed input; all mean the same here.
        except Exception as error:
            raise PackRefused(
                APPENDIX_NOT_A_PDF.format(appendix=self.title, item=self.item_number, error=error)
            ) from error


Section = HtmlSection | PdfSection


@dataclass(frozen=True)
class ItemPlan:
    """An agenda item as one pack prints it, with the sections that carry its papers."""

    number: int
    heading: str
    purpose: str
    notice: str
    confidential: bool
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class PageMark:
    """What is stamped on one page of a pack: its number and perhaps a banner."""

    number: str
    width: float
    height: float
    banner: str = ""


def item_plans(contents: PackContents) -> list[ItemPlan]:
    plans = [_item_plan(contents, item) for item in contents.items]
    plans += [
        ItemPlan(withheld.number, WITHHELD_HEADING, "", withheld.notice, False, ())
        for withheld in contents.withheld_items
    ]
    return sorted(plans, key=lambda plan: plan.number)


def _item_plan(contents: PackContents, item: AgendaItem) -> ItemPlan:
    nation = contents.meeting.board.partnership.nation
    notice = exempt_under(nation, item.exempt_paragraph) if item.is_exempt else ""
    sections: list[Section] = []
    if item.kind == AgendaItem.Kind.MINUTES and contents.previous_minutes:
        sections.append(minutes_section(contents.previous_minutes, numbered_pages=False))
    if item.report:
        sections += report_sections(item, notice=notice, sanitise=contents.is_public)
    return ItemPlan(
        item.position, item.title, item.purpose, notice, item.is_exempt, tuple(sections)
    )


def exempt_under(nation: str, paragraph: str) -> str:
    """What marks an exempt item in the members' pack, beside "CONFIDENTIAL"."""
    schedule = EXEMPT_INFORMATION_SCHEDULE[nation]
    return f"Exempt information under paragraph {paragraph} of {schedule}."


def report_sections(item: AgendaItem, *, notice: str, sanitise: bool) -> list[Section]:
    """The report's cover sheet and text, then each appendix as a section of its own."""
    report = item.report
    appendices = list(report.appendices.all())
    html = render_to_string(
        "pdf/report.html",
        {
            "meeting": item.meeting,
            "report": report,
            "confidential_notice": notice,
            "numbered_sections": [
                (heading, getattr(report, field))
                for heading, field in NUMBERED_SECTIONS
                if getattr(report, field)
            ],
            "appendices": appendices,
        },
    )
    sections: list[Section] = [HtmlSection(report.title, html)]
    for appendix in appendices:
        sections.append(_appendix_section(item, appendix, notice=notice, sanitise=sanitise))
    return sections


def _appendix_section(
    item: AgendaItem, appendix: Appendix, *, notice: str, sanitise: bool
) -> Section:
    name = appendix.file.name.lower() if appendix.file else ""
    if name.endswith(".pdf"):
        return PdfSection(str(appendix), item.position, _stored(item, appendix), sanitise)
    if appendix.body:
        body = appendix.body
    elif name.endswith(".docx"):
        body = _word_to_html(item, appendix)
    else:
        raise PackRefused(APPENDIX_WITHOUT_TEXT.format(appendix=appendix, item=item.position))
    html = render_to_string(
        "pdf/appendix.html",
        {
            "appendix": appendix,
            "item_number": item.position,
            "body": body,
            "confidential_notice": notice,
        },
    )
    return HtmlSection(str(appendix), html)


def _stored(item: AgendaItem, appendix: Appendix) -> bytes:
    try:
        return read_stored_file(appendix.file.name)
    except FileNotFoundError as error:
        raise PackRefused(
            APPENDIX_FILE_MISSING.format(appendix=appendix, item=item.position)
        ) from error


def _word_to_html(item: AgendaItem, appendix: Appendix) -> str:
    try:
        return mammoth.convert_to_html(io.BytesIO(_stored(item, appendix))).value
    except PackRefused:
        raise
    # A damaged .docx fails inside the zip or XML readers, with many kinds of error.
    except Exception as error:
        raise PackRefused(
            APPENDIX_NOT_WORD.format(appendix=appendix, item=item.position, error=error)
        ) from error


def minutes_section(record: MinutesRecord, *, numbered_pages: bool) -> HtmlSection:
    meeting = record.meeting
    status_note = ""
    if meeting.minutes_status == meeting.MinutesStatus.DRAFT:
        status_note = "Draft minutes, not yet approved."
    html = render_to_string(
        "pdf/minutes.html",
        {
            "meeting": meeting,
            "minutes": record.minutes,
            "withheld_minutes": record.withheld,
            "attendance": attendance_lines(record.attendances),
            "status_note": status_note,
            "numbered_pages": numbered_pages,
        },
    )
    held_on = timezone.localtime(meeting.starts_at)
    return HtmlSection(f"Minutes of the meeting of {held_on:%-d %B %Y}", html)


def attendance_lines(attendances: list[Attendance]) -> list[tuple[str, str]]:
    """Who was there as the minutes print it: "Councillors: LO Barnett, ... and DB Wilcox"."""
    attendances = sorted(attendances, key=lambda attendance: _surname_first(attendance.person))
    present = [a for a in attendances if a.status == Attendance.Status.PRESENT]
    in_attendance = [a for a in attendances if a.status == Attendance.Status.IN_ATTENDANCE]
    lines = []
    holders = [a for a in present if a.capacity]
    if holders:
        lines.append(("Present", _and([f"{a.person} ({a.capacity})" for a in holders])))
    others = [a.person for a in present if not a.capacity]
    if others:
        label, names = _grouped_by_prefix(others)
        lines.append((label or ("Also present" if holders else "Present"), names))
    if in_attendance:
        label, names = _grouped_by_prefix([a.person for a in in_attendance])
        lines.append(("In attendance", f"{label} {names}" if label else names))
    return lines


def _grouped_by_prefix(people: list) -> tuple[str, str]:
    prefixes = {person.honorific_prefix for person in people}
    if len(prefixes) == 1 and (prefix := prefixes.pop()):
        return prefix + ("s" if len(people) > 1 else ""), _and([p.name for p in people])
    return "", _and([str(person) for person in people])


def _surname_first(person) -> tuple[str, str]:
    # Names are printed "LO Barnett" but listed by surname, as the seed's minutes list them.
    return (person.name.split()[-1], person.name) if person else ("", "")


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def front_matter_section(
    contents: PackContents, plans: list[ItemPlan], pages: list[str]
) -> HtmlSection:
    """Cover, membership, guidance on interests, the agenda with its pages, public's rights."""
    meeting = contents.meeting
    seats = sorted(
        contents.membership,
        key=lambda seat: (
            BoardMembership.VOTING_ROLES.index(seat.role),
            _surname_first(seat.person),
        ),
    )
    membership = [
        (
            MEMBERSHIP_LABELS.get(seat.role, ""),
            str(seat.person) if seat.person else f"Vacancy: {seat.office or seat.organisation}",
        )
        for seat in seats
    ]
    agenda = [
        {
            "number": plan.number,
            "heading": plan.heading,
            "purpose": plan.purpose,
            "notice": plan.notice,
            "confidential": plan.confidential,
            "pages": printed_pages,
        }
        for plan, printed_pages in zip(plans, pages, strict=True)
    ]
    html = render_to_string(
        "pdf/front_matter.html",
        {
            "meeting": meeting,
            "membership": membership,
            "agenda": agenda,
            "is_public": contents.is_public,
        },
    )
    return HtmlSection("Agenda", html)


def page_marks_section(marks: list[PageMark]) -> HtmlSection:
    sizes = sorted({(mark.width, mark.height) for mark in marks})
    html = render_to_string(
        "pdf/page_marks.html",
        {
            "sizes": sizes,
            "marks": [
                {
                    "number": m.number,
                    "banner": m.banner,
                    "size_index": sizes.index((m.width, m.height)),
                }
                for m in marks
            ],
        },
    )
    return HtmlSection("Page marks", html)
