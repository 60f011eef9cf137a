"""Readers of what the app serves, for the tests: page text, error summary, PDF pages."""

import html
import io
import re

from pypdf import PdfReader


def text_of(response) -> str:
    """The page's visible text, without charts or tags, white space closed up."""
    page = re.sub(r"<svg.*?</svg>", " ", response.content.decode(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def error_summary(response) -> list[str]:
    """The messages listed in the page's error summary."""
    page = response.content.decode()
    summary = page[page.index("govuk-error-summary__list") :]
    summary = summary[: summary.index("</ul>")]
    return [
        html.unescape(" ".join(item.split()))
        for item in re.findall(r'<a href="#[^"]*">(.*?)</a>', summary)
    ]


def pdf_reader(record) -> PdfReader:
    """The PDF stored in the record's file (an agenda pack or a performance report)."""
    with record.file.open("rb") as stored:
        return PdfReader(io.BytesIO(stored.read()))


def page_texts(reader: PdfReader) -> list[str]:
    """Each page's text on one line, words split at line ends joined up again."""
    texts = []
    for pdf_page in reader.pages:
        text = re.sub(r"-\s*\n\s*", "-", pdf_page.extract_text())
        texts.append(re.sub(r"\s+", " ", text).strip())
    return texts
