"""Putting rendered sections together: one PDF with page numbers, banners and bookmarks."""

import io
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, TextStringObject

from core.tagged_pdf import StructureMerger, pagination_artifacts


@dataclass(frozen=True)
class Bookmark:
    """An entry of the PDF's outline, pointing at a page (counted from 0) of the whole pack."""

    title: str
    page: int
    children: tuple["Bookmark", ...] = ()


def read_pdf(pdf: bytes) -> PdfReader:
    """A reader for a section; parsing its pages is the slow part, so each is read once."""
    return PdfReader(io.BytesIO(pdf))


def displayed_sizes(reader: PdfReader) -> list[tuple[float, float]]:
    """Each page's width and height in points, as it is shown (after any rotation)."""
    sizes = []
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        if page.rotation % 180:
            width, height = height, width
        sizes.append((round(width, 2), round(height, 2)))
    return sizes


def destination_page(pdf: bytes, name: str) -> int:
    """The page (counted from 0) of a named destination: an HTML element's id."""
    reader = PdfReader(io.BytesIO(pdf))
    return reader.get_destination_page_number(reader.named_destinations[name])


def merged_pack(
    *, front: bytes, body: list[PdfReader], marks: bytes, bookmarks: list[Bookmark], title: str
) -> bytes:
    """The front matter as it is, then the body with one page of `marks` laid over each page."""
    writer = PdfWriter()
    structure = StructureMerger(writer)
    front_reader = PdfReader(io.BytesIO(front))
    structure.add(front_reader, [writer.add_page(page) for page in front_reader.pages])
    mark_pages = iter(pagination_artifacts(marks))
    for reader in body:
        pages = []
        for page in reader.pages:
            added = writer.add_page(page)
            # Upright first, so that the mark lands at the foot of the page as it is read.
            # (Only when rotated: turning the content means rewriting it, which is slow.)
            if added.rotation:
                added.transfer_rotation_to_content()
            origin = Transformation().translate(added.mediabox.left, added.mediabox.bottom)
            added.merge_transformed_page(next(mark_pages), origin)
            added.compress_content_streams()
            pages.append(added)
        structure.add(reader, pages)
    structure.finish()
    for bookmark in bookmarks:
        _add_bookmark(writer, bookmark, parent=None)
    writer.add_metadata({"/Title": title})
    writer.root_object[NameObject("/Lang")] = TextStringObject("en-GB")
    writer.create_viewer_preferences().display_doctitle = True
    writer.page_mode = "/UseOutlines"
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _add_bookmark(writer: PdfWriter, bookmark: Bookmark, *, parent) -> None:
    entry = writer.add_outline_item(title=bookmark.title, page_number=bookmark.page, parent=parent)
    for child in bookmark.children:
        _add_bookmark(writer, child, parent=entry)
