"""The queue's rows as HTML, built in Python (issue 15).

Django's template engine spent about 300 µs on each of the queue's 50 rows (some 50 variable lookups and
two includes a row): half of the page's CPU. The same markup built here with the standard library's
`html.escape` (what Django's `escape` calls) costs a few µs a row. Everything a row shows comes through
`escape()` unless it is markup written here or a number.

The status badge and the assignee cell also exist as templates (`claims/partials/status_badge.html`,
`claims/partials/assignee.html`), which the statement page and the htmx swaps render for one statement;
`tests/claims/test_queue_rows_html.py` renders both for every role and assignment and compares them, so the
two cannot drift apart.
"""

from datetime import time
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from html import escape
from typing import NamedTuple

from django.middleware.csrf import get_token
from django.utils import dateformat, timezone, translation
from django.utils.safestring import SafeString, mark_safe

from factcheck.claims.chips import queue_types
from factcheck.claims.models import Claim

_CENT = Decimal("0.01")


class QueueRow:
    """One statement of a queue page: the columns of `views.queue_row_values` as attributes (a plain object, not
    a Claim: a model instance and its state cost ~20 µs a row to build), and what the view works out for it
    (links, shortened texts, band, is_new)."""

    __slots__ = (
        *("id", "text", "checkworthiness", "checkworthy", "status", "dismissed_reason", "types", "speaker"),
        *("has_failed_check", "has_known_match", "created_at", "article_id", "assignee_id"),
        *("article_title", "outlet_name", "assignee_name", "returned"),
        *("url", "assign_url", "short_text", "article_url", "article_short_title", "band", "is_new"),
    )
    COLUMNS = __slots__[:17]

    def __init__(self, values):
        for name, value in zip(self.COLUMNS, values, strict=True):
            setattr(self, name, value)

    @property
    def pk(self):
        return self.id

    @property
    def type_list(self):
        return self.types.split()

    def get_status_display(self):
        return str(Claim.Status(self.status).label)


class _Page(NamedTuple):
    """What every row of a page shares, looked up once: the time zone, the language, the status labels, the
    Type filter."""

    zone: object
    language: str
    statuses: dict
    keep_type: str | None  # the Type filter's choice: shown on every row even where claims.chips would hide it


def score_label(score):
    """`score|floatformat:2` for a check-worthiness in [0, 1]: the same half-up rounding of the shortest repr,
    without the filter's locale machinery (about 20 µs a call)."""
    return str(Decimal(repr(score)).quantize(_CENT, ROUND_HALF_UP))


@lru_cache(maxsize=4096)
def _day_labels(day, language):
    """("3 Dec 2026", "3 Dec") for a local date: month names are translated, so the language is in the key."""
    return dateformat.format(day, "j M Y"), dateformat.format(day, "j M")


@lru_cache(maxsize=4096)
def _time_label(hour, minute, language):
    """Django's "P" ("6:23 p.m.", "noon", "midnight"), cached per minute of the day and language."""
    return dateformat.time_format(time(hour, minute), "P")


def found_labels(created_at, zone=None, language=None):
    """`created_at|date:'j M Y, P'` and `created_at|date:'j M H:i'` in the current time zone, as a pair
    (dateformat costs ~70 µs a row for the two; this ~3 µs). A page passes its `zone` and `language` once."""
    local = timezone.localtime(created_at, zone)
    language = language or translation.get_language()
    day_full, day_short = _day_labels(local.date(), language)
    return f"{day_full}, {_time_label(local.hour, local.minute, language)}", f"{day_short} {local:%H:%M}"


def status_labels():
    """{status: its label in the current language}: `get_status_display()` rebuilds the choices' dict a call."""
    return {value: str(label) for value, label in Claim.Status.choices}


def status_badge_html(claim, labels=None):
    """claims/partials/status_badge.html (without its htmx out-of-band flag)."""
    reason = claim.dismissed_reason
    title = f"Dismissed: {escape(reason)}" if reason else "Workflow status"
    label = labels[claim.status] if labels and claim.status in labels else str(claim.get_status_display())
    return (
        f'<span id="claim-{claim.pk}-status" class="badge st-{escape(claim.status)}" title="{title}">'
        f"{escape(label)}</span>"
    )


def _take_button(pk, holder):
    """Take, or Take over (asking first, by app.js's data-confirm) when `holder`, someone else, has it."""
    if holder is None:
        return f'class="small" aria-label="Assign statement {pk} to me" title="Assign to me (a)">Take'
    over = f"Take statement {pk} over from {escape(holder)}"
    return f'class="small" aria-label="{over}" title="Assign to me (a)" data-confirm="{over}?">Take over'


def _assign_form(assign_url, pk, *, csrf, next_path, take, holder=None):
    value, css, button = (
        ("me", "inline assign-me", _take_button(pk, holder))
        if take
        else ("", "inline", f'class="small" aria-label="Unassign statement {pk}">Unassign')
    )
    return (
        f'<form method="post" action="{assign_url}" hx-post="{assign_url}" hx-target="#claim-{pk}-assignee" '
        f'hx-swap="outerHTML" class="{css}">'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}"><input type="hidden" name="assignee" '
        f'value="{value}"><input type="hidden" name="next" value="{next_path}">'
        f'<button type="submit" {button}</button></form>'
    )


def assignee_html(claim, assign_url, *, user_pk, membership, csrf, next_path):
    """claims/partials/assignee.html: who has the statement, and its Take, Take over or Unassign button."""
    pk, assignee_id = claim.pk, claim.assignee_id
    if assignee_id is not None:
        me = " me" if assignee_id == user_pk else ""
        who = f'<span class="who-chip{me}">{escape(claim.assignee_name)}</span>'
    else:
        who = '<span class="muted">—</span>'
    form = ""
    if assignee_id != user_pk:
        if membership.can_edit or (membership.can_write and not assignee_id):
            holder = claim.assignee_name if assignee_id is not None else None
            form = _assign_form(assign_url, pk, csrf=csrf, next_path=next_path, take=True, holder=holder)
    elif membership.can_write:
        form = _assign_form(assign_url, pk, csrf=csrf, next_path=next_path, take=False)
    return f'<div id="claim-{pk}-assignee" class="assignee">{who}{form}</div>'


def _type_chips(types, keep):
    """The chips of the types a queue row shows (claims.chips); when some are hidden, each names them all."""
    shown = queue_types(types, keep)
    title = f' title="All types: {escape(", ".join(types))}"' if len(shown) < len(types) else ""
    return (f'<span class="chip t-{escape(t)}"{title}>{escape(t)}</span>' for t in shown)


def _chips(claim, keep):
    chips = []
    if claim.is_new:
        chips.append('<span class="chip chip-new">new</span>')
    if claim.has_failed_check:
        chips.append('<span class="chip chip-bad" title="An arithmetic or comparison check fails">✗ check fails</span>')
    if claim.has_known_match:
        chips.append(
            '<span class="chip chip-known" title="Another fact-check of a similar claim is on record">'
            "checked elsewhere</span>"
        )
    chips.extend(_type_chips(claim.type_list, keep))
    if claim.speaker:
        chips.append(f'<span class="chip chip-speaker">{escape(claim.speaker)}</span>')
    return "".join(chips)


# Beside the status badge ("In progress" says nothing of it): the statement's open verdict went back to its author.
RETURNED_CHIP = (
    ' <span class="chip chip-returned" title="A reviewer returned its verdict draft with a comment; '
    'not submitted again yet">Returned</span>'
)


def _row(claim, *, can_edit, assignee_cell, page):
    pk, url = claim.pk, claim.url
    score = score_label(claim.checkworthiness)
    band = claim.band or "low"
    worthy = " (check-worthy)" if claim.band and claim.band != "low" else ""
    outlet = claim.outlet_name
    outlet = f'<div class="muted small">{escape(outlet)}</div>' if outlet else ""
    found_title, found = found_labels(claim.created_at, page.zone, page.language)
    select = (
        f'<td class="sel"><input type="checkbox" name="ids" value="{pk}" form="bulk-form" '
        f'aria-label="Select statement {pk}"></td>'
        if can_edit
        else ""
    )
    return (
        f'<tr id="claim-{pk}-row" class="queue-row{" is-new" if claim.is_new else ""}" tabindex="0" data-href="{url}">'
        f"{select}"
        f'<td class="num"><span class="score band-{escape(band)}" title="Check-worthiness {score}{worthy}">'
        f"{score}</span></td>"
        f'<td class="stmt-cell"><a href="{url}" class="row-link">{escape(claim.short_text)}</a>'
        f'<div class="chips">{_chips(claim, page.keep_type)}</div></td>'
        f'<td class="article-cell col-article"><a href="{claim.article_url}">{escape(claim.article_short_title)}</a>'
        f"{outlet}</td>"
        f"<td>{status_badge_html(claim, page.statuses)}{RETURNED_CHIP if claim.returned else ''}</td>"
        f"<td>{assignee_cell}</td>"
        f'<td class="nowrap muted small col-found" title="{escape(found_title)}">{escape(found)}</td></tr>\n'
    )


def queue_rows_html(rows, *, request, membership, type_filter=None) -> SafeString:
    """The <tr> elements of a queue page. `rows` are claims prepared by the view (url, assign_url, short_text,
    article_url, article_short_title, band, is_new) from `views.queue_row_columns` (outlet_name, assignee_name);
    `type_filter`: the claim type the queue is filtered on, if any."""
    csrf, next_path, user_pk = escape(get_token(request)), escape(request.get_full_path()), request.user.pk
    page = _Page(timezone.get_current_timezone(), translation.get_language(), status_labels(), type_filter or None)
    html = []
    for claim in rows:
        cell = assignee_html(
            claim, claim.assign_url, user_pk=user_pk, membership=membership, csrf=csrf, next_path=next_path
        )
        html.append(_row(claim, can_edit=membership.can_edit, assignee_cell=cell, page=page))
    return mark_safe("".join(html))  # noqa: S308 -- every value above went through escape() or is a number
