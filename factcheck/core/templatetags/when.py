"""{% load when %}: `value|ago` reads "just now" under a minute, else "5 minutes ago" (timesince)."""

import datetime

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

register = template.Library()


@register.filter
def ago(value, now=None):
    if not value:
        return ""
    now = now or timezone.now()
    if now - value < datetime.timedelta(minutes=1):
        return "just now"  # timesince says "0 minutes"
    return f"{timesince(value, now)} ago"
