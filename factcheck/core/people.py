"""How people are named: in the desk by their name (`display_name`), outside it by their full name, never by
their login (`public_name`). The login shows only where it is the point: "Maria Lopez (mlopez)" on the member
admin, and beside a name two colleagues share in a select of people (`name_choices`)."""

from django.contrib.auth import get_user_model
from django.db.models import CharField, Value
from django.db.models.functions import Coalesce, Concat, NullIf, Trim


def full_name(user):
    """First and last name, or "" when the account has none (or there is no user)."""
    if user is None:
        return ""
    return user.get_full_name().strip()


def display_name(user):
    """How the desk names a colleague: the full name, else the login; "" when there is no user."""
    if user is None:
        return ""
    return full_name(user) or user.get_username()


def name_and_login(user):
    """The name with the login beside it, "Maria Lopez (mlopez)"; the login alone when there is no name."""
    if user is None:
        return ""
    name, login = full_name(user), user.get_username()
    return f"{name} ({login})" if name else login


def display_name_sql(prefix=""):
    """display_name as a database expression, for rows read with values(): `prefix` is the path to the user,
    e.g. "assignee__" (a NULL user gives NULL)."""
    first_last = Concat(f"{prefix}first_name", Value(" "), f"{prefix}last_name", output_field=CharField())
    return Coalesce(NullIf(Trim(first_last), Value("")), f"{prefix}username", output_field=CharField())


def name_columns():
    """The user columns name_choices reads, for values_list()."""
    return ("pk", "first_name", "last_name", get_user_model().USERNAME_FIELD)


def name_choices(people):
    """(pk, label) choices of a select of people from their name_columns() rows, ordered by
    label: each is named as display_name does, and where two share a name the login is added to both."""
    named = [(pk, f"{first} {last}".strip(), login) for pk, first, last, login in people]
    counts = {}
    for _, name, login in named:
        key = (name or login).casefold()
        counts[key] = counts.get(key, 0) + 1
    choices = []
    for pk, name, login in named:
        label = name or login
        if name and counts[label.casefold()] > 1:
            label = f"{name} ({login})"
        choices.append((pk, label))
    return sorted(choices, key=lambda choice: (choice[1].casefold(), choice[0]))


def team_name(newsroom):
    return f"the {newsroom.name} fact-check team"


def public_name(user, newsroom):
    """The user's full name, else the newsroom's team: for anything the public may read."""
    return full_name(user) or team_name(newsroom)
