"""The dashboard: the newsroom's statements by status, published ratings, statements found per day,
the median time from found to first publication, and who holds the open work.

Each aggregate is one query scoped to the newsroom; the view only assembles them.
"""

import statistics
from datetime import datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from factcheck.claims.models import Claim
from factcheck.newsrooms.access import get_membership
from factcheck.verdicts.models import Verdict

DAYS = 14
WAIT_SAMPLE = 1000  # the latest first publications the median wait is computed from


# --- aggregates ------------------------------------------------------------------------------


def status_counts(claims):
    """[(status, label, n)] in the workflow's order, and the total."""
    by_status = dict(claims.order_by().values_list("status").annotate(n=Count("pk")))
    return [(value, label, by_status.get(value, 0)) for value, label in Claim.Status.choices], sum(by_status.values())


def rating_rows(newsroom):
    """[(label, n, colour)] of published verdicts, truest rating first."""
    rows = (
        Verdict.objects.for_newsroom(newsroom)
        .published()
        .order_by()
        .values("rating__label", "rating__colour", "rating__value")
        .annotate(n=Count("pk"))
        .order_by("-rating__value")
    )
    return [(r["rating__label"] or "Unrated", r["n"], r["rating__colour"] or "#6e7781") for r in rows]


def found_per_day(claims, today, days=DAYS):
    """[(day, n)] of statements found on each of the last `days` days, oldest first."""
    start = today - timedelta(days=days - 1)
    per_day = dict(
        # a range on created_at itself, so claim_newsroom_created_idx serves it (created_at__date cannot)
        claims.filter(created_at__gte=timezone.make_aware(datetime.combine(start, time.min)))
        .annotate(day=TruncDate("created_at"))
        .order_by()
        .values_list("day")
        .annotate(n=Count("pk"))
    )
    return [(start + timedelta(days=i), per_day.get(start + timedelta(days=i), 0)) for i in range(days)]


def first_publication_waits(newsroom):
    """Seconds from found to first published verdict, for the latest WAIT_SAMPLE first publications."""
    recent = (
        Verdict.objects.for_newsroom(newsroom)
        .filter(status__in=[Verdict.Status.PUBLISHED, Verdict.Status.SUPERSEDED], version=1)
        .exclude(published_at=None)
        .order_by("-published_at")
        .values_list("published_at", "claim__created_at")[:WAIT_SAMPLE]
    )
    return [(published - found).total_seconds() for published, found in recent]


def workload(claims):
    """Open statements per assignee: total, in progress, in review."""
    return list(
        claims.open()
        .exclude(assignee=None)
        .order_by()
        .values("assignee__username")
        .annotate(
            total=Count("pk"),
            in_progress=Count("pk", filter=Q(status=Claim.Status.IN_PROGRESS)),
            in_review=Count("pk", filter=Q(status=Claim.Status.IN_REVIEW)),
        )
        .order_by("-total", "assignee__username")
    )


# --- chart geometry (server-rendered SVG) ------------------------------------------------------


def _bars(rows, width=420, bar=22, gap=8, label_width=110):
    """Horizontal bar chart geometry for a server-rendered SVG: rows of (label, value, colour)."""
    top = max([value for _, value, _ in rows] or [0]) or 1
    usable = width - label_width - 40
    out = []
    for i, (label, value, colour) in enumerate(rows):
        out.append(
            {
                "label": label,
                "value": value,
                "colour": colour,
                "y": i * (bar + gap),
                "text_y": i * (bar + gap) + bar * 0.7,
                "w": max(2, round(usable * value / top)) if value else 0,
                "value_x": label_width + (max(2, round(usable * value / top)) if value else 0) + 6,
            }
        )
    return {"rows": out, "width": width, "height": max(1, len(rows)) * (bar + gap), "bar": bar, "x": label_width}


def _columns(days, height=90, width=420):
    top = max([n for _, n in days] or [0]) or 1
    step = width / max(1, len(days))
    cols = []
    for i, (day, n) in enumerate(days):
        h = round((height - 14) * n / top) if n else 0
        cols.append({"day": day, "n": n, "x": round(i * step + 1, 1), "w": round(step - 2, 1), "h": h, "y": height - h})
    return {"cols": cols, "width": width, "height": height}


def _duration_text(seconds):
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes:02d} min"
    return f"{hours // 24} days {hours % 24} h"


# --- the screen --------------------------------------------------------------------------------


@require_GET
@login_required
def dashboard(request):
    newsroom = get_membership(request).newsroom
    claims = Claim.objects.for_newsroom(newsroom)
    statuses, total = status_counts(claims)
    ratings = _bars(rating_rows(newsroom))
    days = found_per_day(claims, timezone.localdate())
    waits = first_publication_waits(newsroom)
    context = {
        "status_counts": statuses,
        "total": total,
        "ratings": ratings,
        "published_total": sum(r["value"] for r in ratings["rows"]),
        "days": _columns(days),
        "days_total": sum(n for _, n in days),
        "median_wait": _duration_text(statistics.median(waits)) if waits else None,
        "median_n": len(waits),
        "workload": workload(claims),
        "unassigned_open": claims.open().filter(assignee=None).count(),
    }
    template = "verdicts/partials/dashboard_body.html" if request.htmx else "verdicts/dashboard.html"
    return render(request, template, context)
