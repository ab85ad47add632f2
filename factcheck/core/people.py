"""How people are named outside the desk: by their full name, never by their login."""


def full_name(user):
    """First and last name, or "" when the account has none (or there is no user)."""
    if user is None:
        return ""
    return user.get_full_name().strip()


def team_name(newsroom):
    return f"the {newsroom.name} fact-check team"


def public_name(user, newsroom):
    """The user's full name, else the newsroom's team: for anything the public may read."""
    return full_name(user) or team_name(newsroom)
