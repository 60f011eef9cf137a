"""Stripping a PDF appendix down to its pages before it goes into a public pack.

An uploaded PDF can carry far more than its printed pages: author and title metadata (also as
XMP), embedded files, annotations and comments, form fields with their values, and scripts
run on opening. Only the pages' own content and the resources it draws with are kept.
"""

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject

# Page-level entries that hold something other than what the page shows, or run on view.
PAGE_KEYS_REMOVED = ("/Annots", "/AA", "/Metadata", "/PieceInfo", "/Thumb", "/B")
# Entries of images and form XObjects that describe them rather than draw them.
XOBJECT_KEYS_REMOVED = ("/Metadata", "/PieceInfo", "/OPI")


def sanitised_pdf(pdf: bytes) -> bytes:
    """The same pages, without metadata, attachments, annotations, form fields or scripts."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    for page in reader.pages:
        for key in PAGE_KEYS_REMOVED:
            page.pop(key, None)
        _strip_xobjects(page.get("/Resources"), seen=set())
        writer.add_page(page)
    # Only pages were copied, so the document's catalogue (outline, names tree with files
    # and scripts, AcroForm, OpenAction, XMP) and its information dictionary stay behind.
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _strip_xobjects(resources, *, seen: set[int]) -> None:
    resources = resources.get_object() if resources is not None else None
    if not isinstance(resources, DictionaryObject):
        return
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else None
    if not isinstance(xobjects, DictionaryObject):
        return
    for reference in xobjects.values():
        xobject = reference.get_object()
        # Form XObjects may nest and even refer back to each other.
        if id(xobject) in seen:
            continue
        seen.add(id(xobject))
        for key in XOBJECT_KEYS_REMOVED:
            xobject.pop(key, None)
        _strip_xobjects(xobject.get("/Resources"), seen=seen)
