"""Small builders for the HTML that reports and minutes are stored in.

Numbered paragraphs are stored as plain <p> elements without their printed numbers: the
numbers run on across a report's sections and are applied when it is rendered.
"""

from html import escape


def html(*blocks: str) -> str:
    return "".join(blocks)


def p(text: str) -> str:
    return f"<p>{escape(text, quote=False)}</p>"


def paragraphs(*texts: str) -> str:
    return html(*(p(text) for text in texts))


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{escape(item, quote=False)}</li>" for item in items) + "</ul>"


def ol(*items: str, numbering: str = "1", start: int = 1) -> str:
    """A numbered list; `numbering` is the HTML list type: "1", "a" or "i"."""
    attributes = "" if numbering == "1" else f' type="{numbering}"'
    attributes += "" if start == 1 else f' start="{start}"'
    lis = "".join(f"<li>{escape(item, quote=False)}</li>" for item in items)
    return f"<ol{attributes}>{lis}</ol>"


def h3(text: str) -> str:
    return f"<h3>{escape(text, quote=False)}</h3>"
