"""Rich text (reports, minutes) as stored HTML: from typed text or Word, sanitised, numbered.

Everything stored passes through sanitise_html, and pages sanitise again on output with the
same rules (core/templatetags/rich_text.py), so what is saved and what is shown agree.
"""

import re
from html import escape
from html.parser import HTMLParser
from typing import IO

import mammoth
import nh3
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WORD_DOCUMENT_UNREADABLE = _(
    "The selected Word document cannot be read. Open it in Word, save it as a .docx and upload "
    "it again."
)

# What reports and minutes need: headings below the page's own, paragraphs, lists, tables,
# emphasis and links. No images, styles, classes or scripts.
ALLOWED_TAGS = {
    *("h2", "h3", "h4", "h5", "h6", "p", "br", "blockquote"),
    *("ul", "ol", "li"),
    *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"),
    *("strong", "b", "em", "i", "sup", "sub", "a"),
}
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "ol": {"type", "start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# Word's headings sit under the section headings of the page (h1 title, h2 sections).
_WORD_STYLE_MAP = "\n".join(
    f"p[style-name='Heading {level}'] => h{level + 2}:fresh\np.Heading{level} => h{level + 2}:fresh"
    for level in range(1, 5)
)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_BULLET = re.compile(r"^\s*[-*•]\s+")
_VOID_ELEMENTS = {"br", "hr", "img", "wbr", "col", "area", "source", "track", "embed", "input"}


def sanitise_html(html: str | None) -> str:
    """The HTML with everything outside the allowed tags, attributes and links removed."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
    )


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text))


def text_to_html(text: str) -> str:
    """Typed text as HTML: a blank line starts a paragraph, a line starting '- ' a bullet.

    Text that already holds HTML tags is returned unchanged, for sanitising by the caller.
    """
    if looks_like_html(text):
        return text
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        run: list[str] = []
        for line in lines:
            is_bullet = bool(_BULLET.match(line))
            if run and is_bullet != bool(_BULLET.match(run[0])):
                blocks.append(_block(run))
                run = []
            run.append(line)
        if run:
            blocks.append(_block(run))
    return "".join(blocks)


def html_to_text(html: str) -> str | None:
    """Stored HTML back as typed text, if it is no richer than text_to_html makes; else None."""
    reader = _SimpleBlocks()
    reader.feed(html)
    reader.close()
    return None if reader.too_rich else "\n\n".join(reader.blocks)


def number_paragraphs(html: str, first: int) -> tuple[str, int]:
    """Numbers the top-level paragraphs of sanitised HTML from `first`, as a council report
    does; returns the numbered HTML and the number the next section carries on from."""
    finder = _TopLevelParagraphs()
    finder.feed(html)
    finder.close()
    line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
    pieces, last, number = [], 0, first
    for line, column in finder.positions:
        offset = line_starts[line - 1] + column
        pieces += [
            html[last:offset],
            f'<p class="app-numbered-paragraph"><span class="app-paragraph-number">{number}'
            "</span> ",
        ]
        last = offset + len("<p>")
        number += 1
    pieces.append(html[last:])
    return "".join(pieces), number


def html_from_word_document(document: IO[bytes]) -> str:
    """The text of a checked .docx (core.uploads.check_word_document) as sanitised HTML."""
    try:
        result = mammoth.convert_to_html(document, style_map=_WORD_STYLE_MAP)
    except Exception as error:
        # mammoth raises what its XML and zip readers raise on a broken part (ExpatError,
        # ValueError, KeyError, ...); any of them means the document cannot be read.
        raise ValidationError(WORD_DOCUMENT_UNREADABLE, code="docx_unreadable") from error
    finally:
        document.seek(0)
    return sanitise_html(result.value)


def _block(lines: list[str]) -> str:
    if _BULLET.match(lines[0]):
        items = "".join(f"<li>{escape(_BULLET.sub('', line), quote=False)}</li>" for line in lines)
        return f"<ul>{items}</ul>"
    return "<p>" + "<br>".join(escape(line, quote=False) for line in lines) + "</p>"


class _TopLevelParagraphs(HTMLParser):
    """Where each <p> that is not inside another element starts, as (line, column)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.positions: list[tuple[int, int]] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID_ELEMENTS:
            return
        # Sanitised HTML gives <p> no attributes, so its start tag is exactly "<p>".
        if self.depth == 0 and tag == "p" and self.get_starttag_text() == "<p>":
            self.positions.append(self.getpos())
        self.depth += 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        """A self-closed tag opens nothing."""

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID_ELEMENTS:
            self.depth -= 1


class _SimpleBlocks(HTMLParser):
    """Reads paragraphs (with line breaks) and bullet lists back into typed text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.open: list[str] = []
        self.lines: list[str] = []
        self.too_rich = False

    def handle_starttag(self, tag: str, attrs) -> None:
        expected = {(): "p ul", ("p",): "br", ("ul",): "li", ("ul", "li"): ""}
        if attrs or tag not in expected.get(tuple(self.open), "").split():
            self.too_rich = True
        elif tag == "br":
            self.lines.append("")
        else:
            self.open.append(tag)
            if tag in {"p", "li"}:
                self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            return
        if not self.open or self.open[-1] != tag:
            self.too_rich = True
            return
        self.open.pop()
        if tag == "p":
            self.blocks.append("\n".join(self.lines))
            self.lines = []
        elif tag == "ul":
            self.blocks.append("\n".join(f"- {line}" for line in self.lines))
            self.lines = []

    def handle_data(self, data: str) -> None:
        if not self.open or self.open[-1] == "ul":
            # Text outside a paragraph or list item is richer than typed text makes.
            self.too_rich = self.too_rich or bool(data.strip())
        else:
            self.lines[-1] += data
