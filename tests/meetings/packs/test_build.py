"""The demo Cabinet pack of 17 March 2011, read back with pypdf: pages, numbers, bookmarks."""

import re

import pytest

from demo.herefordshire import DEMONSTRATION_EXEMPT_REPORT, EXEMPT_MARKER
from meetings.models import AgendaPack, RenderedSection
from tests.pages import page_texts, pdf_reader

pytestmark = pytest.mark.django_db

REPORT_TITLES = {
    4: "HEREFORDSHIRE PARTNERSHIP ENGAGEMENT FRAMEWORK",
    5: "LOCALITY STRATEGY FOR HEREFORDSHIRE",
    6: "INFORMATION AND ICT STRATEGY",
}
MINUTES_HEADING = "MINUTES of the meeting of Cabinet held at The Council Chamber"
NOTICE = (
    "Not for publication: exempt information under paragraph 3 of Schedule 12A to the Local "
    "Government Act 1972."
)


@pytest.fixture
def public_pack(march, rendered_pack) -> AgendaPack:
    return rendered_pack(march, AgendaPack.Variant.PUBLIC)


@pytest.fixture
def members_pack(march, rendered_pack) -> AgendaPack:
    return rendered_pack(march, AgendaPack.Variant.MEMBERS)


def _first_page(texts: list[str], heading: str) -> int:
    return next(index for index, text in enumerate(texts) if heading in text)


def _item_starts(texts: list[str], exempt_title: str | None = None) -> dict[int, int]:
    """Where each item's papers begin, found by their headings: page indexes from 0."""
    headings = {3: MINUTES_HEADING} | {
        number: f"TITLE OF REPORT: {title}" for number, title in REPORT_TITLES.items()
    }
    if exempt_title:
        headings[7] = f"TITLE OF REPORT: {exempt_title.upper()}"
    return {number: _first_page(texts, heading) for number, heading in headings.items()}


def test_public_pack_is_ready_with_its_file_and_page_count(public_pack):
    reader = pdf_reader(public_pack)

    assert public_pack.status == AgendaPack.Status.READY
    assert public_pack.failure_reason == ""
    assert public_pack.page_count == len(reader.pages)
    assert public_pack.sections_done == public_pack.sections_total
    assert reader.metadata.title == "Cabinet, 17 March 2011: agenda pack (public)"


def test_agenda_page_ranges_are_the_pages_where_items_start_and_end(public_pack):
    texts = page_texts(pdf_reader(public_pack))
    starts = _item_starts(texts)
    front = starts[3]  # The minutes are page 1, as in the seed.
    agenda = texts[_first_page(texts, "AGENDA ITEM Pages")]

    ends = {3: starts[4] - 1, 4: starts[5] - 1, 5: starts[6] - 1, 6: len(texts) - 1}
    for number, start in starts.items():
        printed = f"{start - front + 1} - {ends[number] - front + 1}"
        assert re.search(rf"{number}\. .*?{printed}(?!\d)", agenda), (number, printed, agenda)
    assert "1. APOLOGIES FOR ABSENCE To receive any apologies for absence. 2." in agenda


def test_every_page_after_the_front_matter_carries_its_number(public_pack):
    texts = page_texts(pdf_reader(public_pack))
    front = _item_starts(texts)[3]

    assert [text.rsplit(" ", 1)[-1] for text in texts[front:]] == [
        str(number) for number in range(1, len(texts) - front + 1)
    ]
    assert not any(text.endswith(" 1") for text in texts[:front])


def test_page_count_is_the_front_matter_plus_every_section(public_pack):
    texts = page_texts(pdf_reader(public_pack))
    front = _item_starts(texts)[3]
    body = len(texts) - front
    counts = list(RenderedSection.objects.values_list("page_count", flat=True))

    # Each section once (front matter, minutes, reports, appendices), and the page marks
    # laid over the body: one sheet per numbered page.
    assert sum(counts) == front + body + body
    assert public_pack.page_count == front + body


def test_bookmarks_point_at_each_items_first_page_and_each_appendix(public_pack):
    reader = pdf_reader(public_pack)
    texts = page_texts(reader)
    starts = _item_starts(texts)
    outline = reader.outline
    top = [entry for entry in outline if not isinstance(entry, list)]
    pages = {entry.title: reader.get_destination_page_number(entry) for entry in top}
    agenda_page = _first_page(texts, "AGENDA ITEM Pages")

    assert pages == {
        "Agenda": agenda_page,
        "1. Apologies for absence": agenda_page,
        "2. Declarations of interest": agenda_page,
        "3. Minutes": starts[3],
        "4. Herefordshire Partnership Engagement Framework": starts[4],
        "5. Locality Strategy for Herefordshire": starts[5],
        "6. Information and ICT Strategy": starts[6],
        "7. Item not for publication": agenda_page,
    }
    appendices = {
        entry.title: reader.get_destination_page_number(entry)
        for children in outline
        if isinstance(children, list)
        for entry in children
    }
    assert set(appendices) == {
        "Appendix (a): Draft engagement framework",
        "Appendix 1: Locality Strategy for Herefordshire",
        "Appendix 1: Strategy Summary",
        "Appendix 2: Herefordshire Public Services Information and ICT Strategy 2011-2015",
    }
    for title, page in appendices.items():
        assert texts[page].startswith(title), title


def test_public_pack_leaves_out_the_exempt_item_and_names_its_paragraph(public_pack):
    texts = page_texts(pdf_reader(public_pack))
    everything = " ".join(texts)

    assert EXEMPT_MARKER not in everything
    assert "Demonstration exempt item" not in everything
    assert "highways maintenance" not in everything.lower()
    assert f"7. ITEM NOT FOR PUBLICATION {NOTICE}" in everything
    assert "CONFIDENTIAL" not in everything


def test_members_pack_includes_the_exempt_item_marked_confidential(members_pack):
    texts = page_texts(pdf_reader(members_pack))
    exempt_title = DEMONSTRATION_EXEMPT_REPORT["title"]
    starts = _item_starts(texts, exempt_title)
    exempt_pages = texts[starts[7] :]

    assert any(EXEMPT_MARKER in text for text in exempt_pages)
    assert all(text.startswith("CONFIDENTIAL – NOT FOR PUBLICATION") for text in exempt_pages)
    assert (
        "Exempt information under paragraph 3 of Schedule 12A to the Local Government Act 1972."
        in exempt_pages[0]
    )
    assert not any("CONFIDENTIAL" in text for text in texts[starts[3] : starts[7]])
    assert f"7. {exempt_title.upper()} CONFIDENTIAL – NOT FOR PUBLICATION." in " ".join(texts)


def test_report_paragraphs_are_numbered_on_from_key_considerations(public_pack):
    everything = " ".join(page_texts(pdf_reader(public_pack)))

    assert "Key Considerations 1 There are a number of key strategic developments" in everything
    assert "12 The proposed partnership approach assumes" in everything
    assert "Community Impact 13 A collaborative approach to engagement" in everything


def test_report_cover_sheet_follows_the_seed(public_pack):
    texts = page_texts(pdf_reader(public_pack))
    cover = texts[_item_starts(texts)[4]]

    assert cover.startswith(
        "MEETING: CABINET DATE: 17 MARCH 2011 TITLE OF REPORT: HEREFORDSHIRE PARTNERSHIP "
        "ENGAGEMENT FRAMEWORK PORTFOLIO AREA: CORPORATE & CUSTOMER SERVICES AND HUMAN RESOURCES"
    )
    assert "CLASSIFICATION: Open Wards Affected County-wide Purpose" in cover
    assert (
        "Further information on the subject of this report is available from Julie Gethin, "
        "Head of Partnership Support on 01432 260610"
    ) in cover


def test_front_matter_has_the_cover_membership_guidance_and_rights(public_pack):
    texts = page_texts(pdf_reader(public_pack))

    assert texts[0].startswith(
        "HEREFORDSHIRE PARTNERSHIP AGENDA Cabinet Date: Thursday 17 March 2011 Time: 2.00 pm "
        "Place: The Council Chamber, Brockington, 35 Hafod Road, Hereford"
    )
    assert "Sally Cole, Committee Manager Executive Tel: (01432) 260249" in texts[0]
    assert texts[1].startswith(
        "Agenda for the Meeting of the Cabinet Membership Chairman Councillor RJ Phillips "
        "Councillor LO Barnett Councillor AJM Blackshaw Councillor H Bramer"
    )
    assert "GUIDANCE ON DECLARING PERSONAL AND PREJUDICIAL INTERESTS AT MEETINGS" in texts[1]
    assert any(
        text.startswith("The Public's Rights to Information and Attendance at Meetings")
        for text in texts
    )
