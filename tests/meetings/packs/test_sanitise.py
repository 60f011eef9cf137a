"""PDF appendices for the public pack keep their pages and nothing hidden behind them."""

import io

from pypdf import PdfReader

from meetings.packs.sanitise import sanitised_pdf
from tests.meetings.packs.documents import (
    HIDDEN_MARKERS,
    VISIBLE_TEXT,
    appendix_with_hidden_markers,
)


def test_the_fixture_hides_every_marker_where_a_reader_could_find_it():
    raw = appendix_with_hidden_markers()

    found = [place for place, marker in HIDDEN_MARKERS.items() if marker.encode() in raw]
    assert found == list(HIDDEN_MARKERS)


def test_sanitising_removes_metadata_attachments_annotations_fields_and_scripts():
    clean = sanitised_pdf(appendix_with_hidden_markers())

    assert [place for place, marker in HIDDEN_MARKERS.items() if marker.encode() in clean] == []
    catalogue = PdfReader(io.BytesIO(clean)).trailer["/Root"]
    assert sorted(catalogue.keys()) == ["/Pages", "/Type"]


def test_sanitising_keeps_the_pages_as_printed():
    reader = PdfReader(io.BytesIO(sanitised_pdf(appendix_with_hidden_markers())))

    assert len(reader.pages) == 1
    assert reader.pages[0].extract_text() == VISIBLE_TEXT
    assert "/Annots" not in reader.pages[0]
