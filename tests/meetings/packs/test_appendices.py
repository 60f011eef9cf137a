"""Appendices in packs: PDFs merged as they are (stripped for the public), text typeset."""

import pytest

from meetings.models import AgendaPack
from meetings.packs.refusals import APPENDIX_FILE_MISSING
from tests.documents import word_document
from tests.meetings.packs.documents import (
    HIDDEN_MARKERS,
    NOT_A_PDF,
    VISIBLE_TEXT,
    appendix_with_hidden_markers,
    landscape_appendix,
)
from tests.pages import page_texts, pdf_reader

pytestmark = pytest.mark.django_db


def test_pdf_appendix_is_merged_with_its_own_pages_numbered_and_bookmarked(
    small_meeting, rendered_pack
):
    small_meeting.add_appendix("1", "Costs by year", "costs.pdf", appendix_with_hidden_markers())

    pack = rendered_pack(small_meeting.meeting, AgendaPack.Variant.MEMBERS)

    reader = pdf_reader(pack)
    texts = page_texts(reader)
    assert pack.status == AgendaPack.Status.READY
    assert texts[-1] == f"{VISIBLE_TEXT} 2"
    [item, appendices] = reader.outline[1:]
    assert item.title == "1. Highways maintenance costs"
    assert [(entry.title, reader.get_destination_page_number(entry)) for entry in appendices] == [
        ("Appendix 1: Costs by year", len(texts) - 1)
    ]


def test_public_pack_merges_pdf_appendices_without_what_they_hide(small_meeting, rendered_pack):
    small_meeting.add_appendix("1", "Costs by year", "costs.pdf", appendix_with_hidden_markers())

    pack = rendered_pack(small_meeting.meeting, AgendaPack.Variant.PUBLIC)

    raw = pack.file.read()
    assert pack.status == AgendaPack.Status.READY
    assert [marker for marker in HIDDEN_MARKERS.values() if marker.encode() in raw] == []
    assert page_texts(pdf_reader(pack))[-1] == f"{VISIBLE_TEXT} 2"


def test_word_appendix_is_typeset_with_the_report(small_meeting, rendered_pack):
    small_meeting.add_appendix(
        "2", "Route plan", "route.docx", word_document("Resurfacing starts in the north.")
    )

    pack = rendered_pack(small_meeting.meeting, AgendaPack.Variant.PUBLIC)

    assert page_texts(pdf_reader(pack))[-1] == (
        "Appendix 2: Route plan Appendix to item 1: Highways maintenance costs "
        "Resurfacing starts in the north. 2"
    )


def test_corrupt_pdf_appendix_fails_the_pack_with_a_clear_reason(small_meeting, rendered_pack):
    small_meeting.add_appendix("1", "Costs by year", "costs.pdf", NOT_A_PDF)

    pack = rendered_pack(small_meeting.meeting, AgendaPack.Variant.PUBLIC)

    assert pack.status == AgendaPack.Status.FAILED
    assert pack.failure_reason.startswith(
        "Appendix 1: Costs by year to item 1 is not a readable PDF ("
    )
    assert pack.failure_reason.endswith("). Upload it again.")
    assert pack.file.name == ""


def test_appendix_whose_file_is_gone_fails_the_pack_with_the_reason(small_meeting, rendered_pack):
    appendix = small_meeting.add_appendix(
        "1", "Costs by year", "costs.pdf", appendix_with_hidden_markers()
    )
    appendix.file.storage.delete(appendix.file.name)

    pack = rendered_pack(small_meeting.meeting, AgendaPack.Variant.MEMBERS)

    assert pack.status == AgendaPack.Status.FAILED
    assert pack.failure_reason == APPENDIX_FILE_MISSING.format(
        appendix="Appendix 1: Costs by year", item=1
    )


def _number_position(page) -> tuple[str, float, float]:
    """The last piece of text drawn on a page, and where: the stamped page number."""
    drawn = []
    page.extract_text(
        visitor_text=lambda text, cm, tm, *_: text.strip() and drawn.append((text.strip(), cm, tm))
    )
    text, cm, tm = drawn[-1]
    # Where the text matrix's origin lands once the current transformation is applied.
    return text, tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]


@pytest.mark.parametrize("rotate", [0, 90])
def test_landscape_and_turned_appendix_pages_are_numbered_at_their_foot(
    small_meeting, rendered_pack, rotate
):
    small_meeting.add_appendix(
        "1", "Traffic counts", "counts.pdf", landscape_appendix(rotate=rotate)
    )

    pack = rendered_pack(small_meeting.meeting, AgendaPack.Variant.PUBLIC)

    page = pdf_reader(pack).pages[-1]
    number, x, y = _number_position(page)
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (number, width > height) == ("2", True)
    assert abs(x - width / 2) < 20
    assert y < 40
