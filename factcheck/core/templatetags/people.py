"""{% load people %}: `user|public_name:newsroom` and `user|full_name` for public pages and exports."""

from django import template

from factcheck.core import people

register = template.Library()


@register.filter
def public_name(user, newsroom):
    return people.public_name(user, newsroom)


@register.filter
def full_name(user):
    return people.full_name(user)
