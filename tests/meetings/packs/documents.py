"""Documents built for tests: a PDF hiding markers everywhere but its pages, a broken PDF, a
small Word file."""

import io

from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript
from pypdf.annotations import FreeText
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from core.pdf import html_to_pdf

# Letters and digits only: pypdf writes "-" in strings as an escape, which would hide it.
HIDDEN_MARKERS = {
    "title": "HIDDENTITLE4411",
    "author": "HIDDENAUTHOR4412",
    "xmp": "HIDDENXMP4413",
    "attachment": "HIDDENATTACHMENT4414",
    "annotation": "HIDDENANNOTATION4415",
    "form field": "HIDDENFIELD4416",
    "script": "HIDDENSCRIPT4417",
}
VISIBLE_TEXT = "Costs by year, as printed on the page"
NOT_A_PDF = b"%PDF-1.7\nThis file was cut short in the upload and is not a PDF"


def landscape_appendix(*, rotate: int = 0) -> bytes:
    """A landscape table: laid out landscape, or portrait and turned by the /Rotate entry."""
    size = "A4 portrait" if rotate else "A4 landscape"
    pdf = html_to_pdf(
        f'<html lang="en-GB"><head><title>Counts</title><style>@page {{ size: {size} }}'
        "</style></head><p>Vehicles a day by road</p></html>"
    )
    if not rotate:
        return pdf
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.pages[0].rotate(rotate)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def appendix_with_hidden_markers(visible_text: str = VISIBLE_TEXT) -> bytes:
    """A one-page PDF whose page shows `visible_text` and which hides a marker in each place."""
    page = html_to_pdf(
        f'<html lang="en-GB"><head><title>Appendix</title></head><p>{visible_text}</p></html>'
    )
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(page)))
    writer.add_metadata({"/Title": HIDDEN_MARKERS["title"], "/Author": HIDDEN_MARKERS["author"]})
    xmp = DecodedStreamObject()
    xmp.set_data(
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>'
        + HIDDEN_MARKERS["xmp"].encode()
        + b"</dc:creator></x:xmpmeta>"
    )
    xmp[NameObject("/Type")] = NameObject("/Metadata")
    xmp[NameObject("/Subtype")] = NameObject("/XML")
    writer.root_object[NameObject("/Metadata")] = writer._add_object(xmp)
    writer.add_attachment("notes.txt", HIDDEN_MARKERS["attachment"].encode())
    writer.add_annotation(0, FreeText(text=HIDDEN_MARKERS["annotation"], rect=(50, 550, 200, 650)))
    field = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/FT"): NameObject("/Tx"),
                NameObject("/T"): TextStringObject("reviewer"),
                NameObject("/V"): TextStringObject(HIDDEN_MARKERS["form field"]),
                NameObject("/Rect"): ArrayObject([FloatObject(0)] * 4),
            }
        )
    )
    writer.pages[0][NameObject("/Annots")].append(field)
    writer.root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([field])}
    )
    writer.add_open_action(JavaScript(f"app.alert('{HIDDEN_MARKERS['script']}');"))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
