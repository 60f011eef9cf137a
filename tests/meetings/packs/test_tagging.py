"""The merged pack stays a tagged PDF: language, outline, and one structure tree in which every
piece of marked content on every page has its element, and the page marks are artifacts."""

import pytest
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject

from meetings.models import AgendaPack
from tests.pages import pdf_reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(march, rendered_pack):
    return pdf_reader(rendered_pack(march, AgendaPack.Variant.PUBLIC))


def _marked_content(page) -> tuple[list[int], int]:
    """The page's marked-content ids in order, and how many pagination artifacts it has."""
    ids, artifacts = [], 0
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator != b"BDC":
            continue
        if operands[0] == "/Artifact":
            artifacts += 1
        elif isinstance(operands[1], DictionaryObject) and "/MCID" in operands[1]:
            ids.append(int(operands[1]["/MCID"]))
    return ids, artifacts


def _parent_tree(reader) -> dict[int, object]:
    numbers = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    return {int(numbers[i]): numbers[i + 1] for i in range(0, len(numbers), 2)}


def _page_of(element) -> object:
    while "/Pg" not in element:
        element = element["/P"].get_object()
    return element["/Pg"].get_object()


def test_the_pack_declares_its_language_outline_and_tags(reader):
    root = reader.trailer["/Root"]

    assert root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/StructTreeRoot"]["/K"]["/S"] == "/Document"
    assert reader.outline
    assert reader.metadata.title == "Cabinet, 17 March 2011: agenda pack (public)"


def test_every_sections_tree_is_a_part_of_the_one_document(reader):
    document = reader.trailer["/Root"]["/StructTreeRoot"]["/K"].get_object()
    parts = [kid.get_object() for kid in document["/K"]]

    # The front matter and each section of the body: the agenda's items with papers.
    assert len(parts) > 5
    assert all(part["/P"].get_object() is document for part in parts)
    assert {part["/S"] for part in parts} <= {"/Part", "/Sect", "/Div"}


def test_each_pages_marked_content_has_its_element_on_that_page(reader):
    tree = _parent_tree(reader)
    keys = [page["/StructParents"] for page in reader.pages]

    assert len(set(keys)) == len(keys)
    for number, page in enumerate(reader.pages):
        ids, _ = _marked_content(page)
        elements = tree[page["/StructParents"]]
        assert isinstance(elements, ArrayObject), number
        assert len(elements) >= len(ids), number
        for mcid in ids:
            assert _page_of(elements[mcid].get_object()) == page.get_object(), (number, mcid)


def test_page_numbers_laid_over_the_body_are_artifacts(reader):
    artifacts = [_marked_content(page)[1] for page in reader.pages]
    first_numbered = next(number for number, count in enumerate(artifacts) if count)

    # The front matter is unnumbered; every page after it carries its number as an artifact.
    assert 0 < first_numbered < len(artifacts) / 2
    assert all(artifacts[first_numbered:])
