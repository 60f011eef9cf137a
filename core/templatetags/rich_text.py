"""Showing stored rich text (reports, minutes) safely: sanitised at output as well as input."""

import nh3
from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def sanitised(html: str) -> SafeString:
    # Safe to mark: nh3 has just removed every element and attribute that could run script.
    return mark_safe(nh3.clean(html or ""))
