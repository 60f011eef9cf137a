"""Showing stored rich text (reports, minutes) safely: sanitised at output as well as input."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from core.html import sanitise_html

register = template.Library()


@register.filter
def sanitised(html: str) -> SafeString:
    # Safe to mark: the sanitiser has just removed every element and attribute that could run
    # script, by the same rules that stored text was saved under.
    return mark_safe(sanitise_html(html))
