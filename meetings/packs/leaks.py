"""The last guard on a public pack: its extracted text must hold nothing of an exempt record.

The exempt records are read here by queries of their own, apart from those that assembled the
pack, so that a fault in assembling cannot also hide itself from this check.
"""

import html
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.html import strip_tags
from pypdf import PdfReader

from core.pdf import read_stored_file
from meetings.models import AgendaItem, Appendix, Meeting, Minute, Report
from meetings.packs.refusals import EXEMPT_TEXT_IN_PUBLIC_PACK, PackRefused

# Runs of this many words are long enough to be particular to one text, and short enough
# to be caught however the page breaks fall.
PHRASE_WORDS = 8
REPORT_FIELDS = ("title", *Report.RICH_TEXT_FIELDS)


@dataclass(frozen=True)
class ExemptText:
    """Text of an exempt record; its title is matched whole, its text by runs of words."""

    record: str
    title: str
    text: str


def check_public_pack(pdf: bytes, meetings: list[Meeting]) -> None:
    """Refuses the pack if it shows an exempt title, or a run of words of exempt text."""
    words = _words(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    printed = f" {' '.join(words)} "
    phrases = {" ".join(run) for run in _runs(words, PHRASE_WORDS)}
    for exempt in exempt_texts(meetings):
        title = " ".join(_words(exempt.title))
        if title and f" {title} " in printed:
            raise PackRefused(
                EXEMPT_TEXT_IN_PUBLIC_PACK.format(record=exempt.record, phrase=exempt.title)
            )
        for run in _runs(_words(exempt.text), PHRASE_WORDS):
            if " ".join(run) in phrases:
                raise PackRefused(
                    EXEMPT_TEXT_IN_PUBLIC_PACK.format(record=exempt.record, phrase=" ".join(run))
                )


def exempt_texts(meetings: list[Meeting]) -> Iterator[ExemptText]:
    items = (
        AgendaItem.objects.filter(meeting__in=meetings, is_exempt=True)
        .select_related("report")
        .prefetch_related("report__appendices")
    )
    for item in items:
        record = f"item {item.position}"
        yield ExemptText(record, item.title, item.purpose)
        if item.report:
            report = item.report
            texts = [_plain(getattr(report, field)) for field in REPORT_FIELDS]
            yield ExemptText(record, report.title, " ".join(texts))
            for appendix in report.appendices.all():
                # Appendix titles are often generic ("Financial summary"): matched as text.
                yield ExemptText(record, "", f"{appendix.title} {_appendix_text(appendix)}")
    minutes = Minute.objects.filter(
        meeting__in=meetings, agenda_item__is_exempt=True
    ).prefetch_related("resolutions")
    for minute in minutes:
        resolutions = " ".join(_plain(resolution.text) for resolution in minute.resolutions.all())
        yield ExemptText(
            f"minute {minute.number}", minute.title, f"{_plain(minute.body)} {resolutions}"
        )


def _appendix_text(appendix: Appendix) -> str:
    if not appendix.file or not appendix.file.name.lower().endswith(".pdf"):
        return _plain(appendix.body)
    try:
        reader = PdfReader(io.BytesIO(read_stored_file(appendix.file.name)))
        return " ".join(page.extract_text() for page in reader.pages)
    # A file that cannot be read cannot have been merged into the pack either.
    except Exception:
        return ""


def _plain(markup: str) -> str:
    return html.unescape(strip_tags(markup or ""))


def _words(text: str) -> list[str]:
    # Compatibility forms undo ligatures (ﬁ) that PDF text extraction can return.
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.findall(r"\w+", folded)


def _runs(words: list[str], length: int) -> Iterator[list[str]]:
    for start in range(len(words) - length + 1):
        yield words[start : start + length]
