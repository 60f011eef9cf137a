from django import template

from core.bilingual import in_reader_language

register = template.Library()


@register.filter
def bilingual(obj: object, field: str) -> str:
    """{{ minute|bilingual:"title" }}: the minute's title in Welsh for a reader of Welsh."""
    return in_reader_language(obj, field)
