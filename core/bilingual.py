"""Content written in English and, where a Welsh body fills it in, in Welsh beside it.

A bilingual field `title` has its Welsh in `title_cy`. Readers who chose Welsh see the Welsh
where there is some and the English where there is none, so nothing is ever blank.
"""

from django.utils.translation import get_language

WELSH = "cy"


def in_reader_language(obj: object, field: str) -> str:
    """The field's Welsh when the reader reads Welsh and it has some, else its English."""
    if get_language() == WELSH:
        welsh = getattr(obj, f"{field}_cy", "")
        if welsh:
            return welsh
    return getattr(obj, field)
