"""Sections whose content has not changed are reused from the last render, not typeset again."""

import pytest

from demo.herefordshire import DEMONSTRATION_EXEMPT_REPORT
from meetings.models import AgendaPack, RenderedSection
from meetings.packs import sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def typeset_titles(monkeypatch) -> list[str]:
    """The <title> of every HTML section typeset from now on, in order."""
    titles = []
    typeset = sections.html_to_pdf

    def counting(html: str) -> bytes:
        titles.append(html.split("<title>", 1)[1].split("</title>", 1)[0])
        return typeset(html)

    monkeypatch.setattr(sections, "html_to_pdf", counting)
    return titles


def test_a_second_pack_of_an_unchanged_agenda_typesets_nothing(
    march, rendered_pack, typeset_titles
):
    first = rendered_pack(march, AgendaPack.Variant.PUBLIC)
    rendered_first = typeset_titles[:]
    typeset_titles.clear()

    second = rendered_pack(march, AgendaPack.Variant.PUBLIC)

    assert rendered_first == [
        "Minutes of Cabinet, 17 February 2011",
        "Herefordshire Partnership Engagement Framework",
        "Appendix (a): Draft engagement framework",
        "Locality Strategy for Herefordshire",
        "Appendix 1: Locality Strategy for Herefordshire",
        "Information and ICT Strategy",
        "Appendix 1: Strategy Summary",
        "Appendix 2: Herefordshire Public Services Information and ICT Strategy 2011-2015",
        "Cabinet, 17 March 2011: agenda",
        "Page marks",
    ]
    assert RenderedSection.objects.count() == len(rendered_first)
    assert typeset_titles == []
    assert second.status == AgendaPack.Status.READY
    assert second.file.name != first.file.name
    assert second.page_count == first.page_count


def test_a_changed_report_typesets_only_its_own_section(march, rendered_pack, typeset_titles):
    rendered_pack(march, AgendaPack.Variant.PUBLIC)
    typeset_titles.clear()
    report = march.agenda_items.get(position=5).report
    report.legal_implications = "<p>None identified at this stage.</p>"
    report.save()

    pack = rendered_pack(march, AgendaPack.Variant.PUBLIC)

    assert typeset_titles == ["Locality Strategy for Herefordshire"]
    assert pack.status == AgendaPack.Status.READY


def test_the_members_pack_reuses_every_open_section_of_the_public_pack(
    march, rendered_pack, typeset_titles
):
    rendered_pack(march, AgendaPack.Variant.PUBLIC)
    typeset_titles.clear()

    rendered_pack(march, AgendaPack.Variant.MEMBERS)

    # Its own front matter and page marks, and the exempt report only it may show.
    assert typeset_titles == [
        DEMONSTRATION_EXEMPT_REPORT["title"],
        "Cabinet, 17 March 2011: agenda",
        "Page marks",
    ]
