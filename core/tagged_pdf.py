"""Keeping tagged PDFs tagged when their pages are put together into one document.

WeasyPrint's PDF/UA output ties each page's marked content to a structure tree through the
page's /StructParents key. pypdf copies pages without that key and without the tree, so a
merged document would lose its tags. `StructureMerger` carries each tagged source's tree into
the merged document as one part of a single Document element, with the parent-tree keys of
each source moved past those of the sources before it.
"""

import io
from collections.abc import Iterator

from pypdf import PdfReader, PdfWriter
from pypdf._page import PageObject
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ContentStream,
    DictionaryObject,
    NameObject,
    NumberObject,
    PdfObject,
)

_TYPE, _KIDS, _PARENT, _ROLE = (
    NameObject("/Type"),
    NameObject("/K"),
    NameObject("/P"),
    NameObject("/S"),
)


class StructureMerger:
    """Collects the structure trees of tagged sources as their pages are added to `writer`."""

    def __init__(self, writer: PdfWriter):
        self._writer = writer
        self._document = DictionaryObject(
            {_TYPE: NameObject("/StructElem"), _ROLE: NameObject("/Document"), _KIDS: ArrayObject()}
        )
        self._document_ref = writer._add_object(self._document)
        self._numbers = ArrayObject()
        self._next_key = 0

    def add(self, source: PdfReader, added: list[PageObject]) -> None:
        """Brings in the tree of `source`, whose pages were added to the writer as `added`.

        A source without tags (an uploaded PDF appendix, say) adds its pages untagged.
        """
        tree = source.trailer["/Root"].get("/StructTreeRoot")
        if tree is None:
            return
        tree = tree.get_object()
        offset = self._next_key
        kids = tree[_KIDS] if isinstance(tree[_KIDS], ArrayObject) else ArrayObject([tree[_KIDS]])
        for kid in kids:
            element = kid.get_object()
            # The source's document becomes one part of the merged one.
            element[_PARENT] = self._document_ref
            if element.get(_ROLE) == "/Document":
                element[_ROLE] = NameObject("/Part")
            self._document[_KIDS].append(kid.clone(self._writer))
        keys = []
        for key, value in _number_tree(tree["/ParentTree"].get_object()):
            keys.append(key)
            self._numbers += [NumberObject(key + offset), value.clone(self._writer)]
        for page, copy in zip(source.pages, added, strict=True):
            if "/StructParents" in page:
                copy[NameObject("/StructParents")] = NumberObject(page["/StructParents"] + offset)
            for annotation in copy.get("/Annots", ArrayObject()):
                annotation = annotation.get_object()
                if "/StructParent" in annotation:
                    annotation[NameObject("/StructParent")] = NumberObject(
                        annotation["/StructParent"] + offset
                    )
        self._next_key = offset + (max(keys) + 1 if keys else 0)

    def finish(self) -> None:
        """Makes the collected trees the document's structure."""
        parent_tree = DictionaryObject({NameObject("/Nums"): self._numbers})
        root = DictionaryObject(
            {
                _TYPE: NameObject("/StructTreeRoot"),
                _KIDS: self._document_ref,
                NameObject("/ParentTree"): self._writer._add_object(parent_tree),
                NameObject("/ParentTreeNextKey"): NumberObject(self._next_key),
            }
        )
        root_ref = self._writer._add_object(root)
        self._document[_PARENT] = root_ref
        catalog = self._writer.root_object
        catalog[NameObject("/StructTreeRoot")] = root_ref
        catalog[NameObject("/MarkInfo")] = DictionaryObject(
            {NameObject("/Marked"): BooleanObject(True)}
        )


def pagination_artifacts(pdf: bytes) -> list[PageObject]:
    """The pages of `pdf` with their marked content turned into pagination artifacts.

    Page numbers and banners laid over another document's pages are not part of its text,
    and their own marked-content ids would clash with the page's.
    """
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    artifact = [NameObject("/Artifact"), DictionaryObject({_TYPE: NameObject("/Pagination")})]
    for page in writer.pages:
        content = ContentStream(page.get_contents(), writer)
        content.operations = [
            (artifact, b"BDC") if operator == b"BDC" else (operands, operator)
            for operands, operator in content.operations
        ]
        page.replace_contents(content)
        page.pop(NameObject("/StructParents"), None)
    return list(writer.pages)


def _number_tree(node: DictionaryObject) -> Iterator[tuple[int, PdfObject]]:
    """The (key, value) pairs of a PDF number tree, flat or with /Kids."""
    numbers = node.get("/Nums", ArrayObject())
    for index in range(0, len(numbers), 2):
        yield int(numbers[index]), numbers[index + 1]
    for kid in node.get("/Kids", ArrayObject()):
        yield from _number_tree(kid.get_object())
