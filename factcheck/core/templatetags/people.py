"""{% load people %}: `user|display_name` and `user|name_and_login` in the desk, `user|public_name:newsroom`
and `user|full_name` for public pages and exports."""

from django import template

from factcheck.core import people

register = template.Library()


@register.filter
def display_name(user):
    return people.display_name(user)


@register.filter
def name_and_login(user):
    return people.name_and_login(user)


@register.filter
def public_name(user, newsroom):
    return people.public_name(user, newsroom)


@register.filter
def full_name(user):
    return people.full_name(user)
