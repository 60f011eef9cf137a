"""HTML to tagged PDF with WeasyPrint, PDF page counts, and storing PDFs so no reader sees half.

The HTML carries its own language (`<html lang="en-GB">`) and title; both go into the PDF.
"""

import io
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from pypdf import PdfReader
from weasyprint import HTML
from weasyprint.urls import URLFetcher

# Tagged for screen readers: PDF/UA-1 needs a title and a language, which the HTML gives.
PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str) -> bytes:
    """Typesets a complete HTML document as a tagged PDF."""
    # Stored rich text may hold <img src="http://..."> or file:// links: rendering must not
    # fetch from the network or read the server's disk on anyone's behalf.
    fetcher = URLFetcher(allowed_protocols={"data"})
    # Uncompressed: packs are merged from sections with pypdf, whose pure-Python parsing of
    # compressed object streams took most of a re-render; the merge compresses page content.
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        pdf_variant=PDF_VARIANT, uncompressed_pdf=True
    )


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def store_new_file(folder: str, stem: str, content: bytes) -> str:
    """Saves bytes under a name nobody knows yet and returns it.

    Storage backends write a file in chunks, so a reader of a known name could see it half
    written. Only once this returns may a record be pointed at the name.
    """
    name = f"{folder.rstrip('/')}/{stem}-{uuid.uuid4().hex}.pdf"
    return default_storage.save(name, ContentFile(content))


def read_stored_file(name: str) -> bytes:
    with default_storage.open(name, "rb") as stored:
        return stored.read()
