"""The queue's page links: Next by keyset cursor, Previous by the trail of the cursors that led here.

Keyset cursors only go forward. Each Next link carries, in `back`, the cursors of the pages before the one
it leads to (page 1, which has no cursor, left out), oldest first, joined by commas; Previous pops the last
one off. The trail holds at most BACK_MAX cursors: past that the oldest are dropped and a BACK_CUT entry
stands first, where Previous stops (First page still goes to the top). A trail that does not parse for
the page's sort is read as cut, never trusted: no Previous link rather than a wrong page.
"""

from factcheck.claims.queue import cursor_parse

BACK_MAX = 20  # earlier pages Previous can walk back through, one by one
BACK_CUT = "_"  # the trail's first entry when older pages were dropped


def back_trail(value, sort, after):
    """The cursors of the pages before the current one (oldest first), from the `back` parameter."""
    if not after:
        return []
    if not value:
        return []  # page 2: the page before is page 1
    entries = value.split(",")
    if len(entries) > BACK_MAX or not entries[0]:
        return [BACK_CUT]
    first = 1 if entries[0] == BACK_CUT else 0
    if any(cursor_parse(entry, sort) is None for entry in entries[first:]):
        return [BACK_CUT]
    return entries


def _with(base, **values):
    params = base.copy()
    for name, value in values.items():
        if value:
            params[name] = value
    return params.urlencode()


def pager_queries(base, *, sort, after, back, next_cursor):
    """Query strings of this page (what a bulk action returns to), of Next ('' for none), of Previous (None for
    none: page 2's is the first page's, '' without filters) and of the first page. `base`: the filters,
    without `after` and `back`."""
    trail = back_trail(back, sort, after)
    here = _with(base, after=after, back=",".join(trail))
    previous = None
    if after and trail[-1:] != [BACK_CUT]:
        previous = _with(base, after=trail[-1] if trail else "", back=",".join(trail[:-1]))
    following = ""
    if next_cursor:
        ahead = [*trail, after] if after else []
        if len(ahead) > BACK_MAX:
            ahead = [BACK_CUT, *ahead[-(BACK_MAX - 1) :]]
        following = _with(base, after=next_cursor, back=",".join(ahead))
    return {"page_query": here, "previous_query": previous, "next_query": following, "first_query": base.urlencode()}
