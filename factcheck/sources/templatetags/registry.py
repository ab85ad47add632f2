from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def path_breaks(address):
    """An address that may wrap after each '/' on a narrow screen (a <wbr> after every slash), escaped."""
    return mark_safe(escape(address or "").replace("/", "/<wbr>"))  # noqa: S308 - escaped first, only <wbr> added
