"""Appendices in packs: PDFs merged as they are (stripped for the public), text typeset."""

import pytest

from meetings.models import AgendaPack
from meetings.packs.refusals import APPENDIX_FILE_MISSING
from tests.meetings.packs.conftest import page_texts, pdf_reader
from tests.meetings.packs.documents import (
    HIDDEN_MARKERS,
    NOT_A_PDF,
    VISIBLE_TEXT,
    appendix_with_hidden_markers,
    word_document,
)

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
