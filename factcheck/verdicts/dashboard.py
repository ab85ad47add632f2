"""The dashboard: the newsroom's statements by status, published ratings, statements found per day,
the median time from found to first publication, and who holds the open work.

On PostgreSQL the counts come from the rollup the triggers keep (`factcheck.claims.rollup`,
`factcheck.verdicts.rollup`): three small reads whose size does not depend on the number of
statements, and the median wait from at most WAIT_SAMPLE rows read in index order. The live scans
below stay as the reference the rollup is tested against (tests/verdicts/test_rollup.py,
`manage.py rollup --check`) and as the fallback where there are no triggers (the SQLite demo).
"""

import statistics
from datetime import datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from factcheck.claims import rollup as claim_rollup
from factcheck.claims.models import Claim
from factcheck.claims.queue import capped_count, queue_filter
from factcheck.core.people import display_name_sql
from factcheck.newsrooms.access import get_membership
from factcheck.verdicts import rollup
from factcheck.verdicts.models import Verdict

DAYS = rollup.DAYS
OPEN = {value for value, _ in Claim.Status.choices} - {Claim.Status.DISMISSED, Claim.Status.PUBLISHED}
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


def median_wait(newsroom):
    """(median seconds, n) of the latest WAIT_SAMPLE first publications; (None, 0) when there are none."""
    if claim_rollup.available():
        return rollup.median_first_wait(newsroom.pk, WAIT_SAMPLE)
    waits = first_publication_waits(newsroom)
    return (statistics.median(waits) if waits else None), len(waits)


def workload(claims):
    """Open statements per assignee (login and name): total, in progress, in review."""
    return list(
        claims.open()
        .exclude(assignee=None)
        .order_by()
        .values("assignee", "assignee__username", name=display_name_sql("assignee__"))
        .annotate(
            total=Count("pk"),
            in_progress=Count("pk", filter=Q(status=Claim.Status.IN_PROGRESS)),
            in_review=Count("pk", filter=Q(status=Claim.Status.IN_REVIEW)),
        )
        .order_by("-total", "assignee__username")
    )


def unassigned_open(claims):
    return claims.open().filter(assignee=None).count()


def returned_to(membership):
    """How many verdicts reviewers returned to this member: the queue's Verdict filter "Returned to me" counted
    (claims.queue.returned_lookups), so the tile and the list it links to agree. None for who writes none."""
    if not membership.can_write:
        return None
    return capped_count(queue_filter(membership, {"review": "returned"}))


def live_counts(newsroom, today):
    """Every count of the screen by scanning statements and verdicts (the reference)."""
    claims = Claim.objects.for_newsroom(newsroom)
    statuses, total = status_counts(claims)
    return {
        "status_counts": statuses,
        "total": total,
        "ratings": rating_rows(newsroom),
        "days": found_per_day(claims, today),
        "workload": workload(claims),
        "unassigned_open": unassigned_open(claims),
    }


# --- the same counts from the rollup ------------------------------------------------------------


def rollup_counts(newsroom, today):
    """What live_counts returns, from the rollup: three reads sized by the number of keys (status ×
    assignee, ratings, the 15-minute buckets of DAYS days), not by the number of statements."""
    tallies, claim_extra = claim_rollup.claim_tally_rows(newsroom.pk)
    by_status, people, unassigned = {}, {}, 0
    for row in tallies:
        status, n = row["status"], row["n"]
        by_status[status] = by_status.get(status, 0) + n
        if status not in OPEN:
            continue
        if row["assignee_id"] is None:
            unassigned += n
            continue
        person = people.setdefault(
            row["assignee_id"],
            {
                "assignee": row["assignee_id"],
                "assignee__username": row["assignee__username"],
                "name": row["name"],
                "total": 0,
                "in_progress": 0,
                "in_review": 0,
            },
        )
        person["total"] += n
        person["in_progress"] += n if status == Claim.Status.IN_PROGRESS else 0
        person["in_review"] += n if status == Claim.Status.IN_REVIEW else 0
    start = rollup.window_start(today)
    per_day, day_extra = claim_rollup.found_per_local_day(newsroom.pk, start, timezone.get_current_timezone_name())
    ratings, rating_extra = rollup.rating_tally_rows(newsroom.pk)
    if claim_extra + day_extra + rating_extra > rollup.COMPACT_AT:
        rollup.rollup_compact(newsroom_id=newsroom.pk, since=start)
    # Sorted as the scans order them: truest rating first (PostgreSQL sorts "Unrated", a NULL, first).
    ratings.sort(key=lambda r: (r["rating__value"] is not None, -(r["rating__value"] or 0), r["rating__label"] or ""))
    first = start.date()
    return {
        "status_counts": [(value, label, by_status.get(value, 0)) for value, label in Claim.Status.choices],
        "total": sum(by_status.values()),
        "ratings": [(r["rating__label"] or "Unrated", r["n"], r["rating__colour"] or "#6e7781") for r in ratings],
        "days": [(first + timedelta(days=i), per_day.get(first + timedelta(days=i), 0)) for i in range(DAYS)],
        "workload": sorted(people.values(), key=lambda w: (-w["total"], w["assignee__username"] or "")),
        "unassigned_open": unassigned,
    }


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
    membership = get_membership(request)
    newsroom = membership.newsroom
    today = timezone.localdate()
    counts = rollup_counts(newsroom, today) if claim_rollup.available() else live_counts(newsroom, today)
    ratings = _bars(counts["ratings"])
    median, median_n = median_wait(newsroom)
    context = {
        "status_counts": counts["status_counts"],
        "total": counts["total"],
        "ratings": ratings,
        "published_total": sum(r["value"] for r in ratings["rows"]),
        "days": _columns(counts["days"]),
        "days_total": sum(n for _, n in counts["days"]),
        "median_wait": _duration_text(median) if median is not None else None,
        "median_n": median_n,
        "workload": counts["workload"],
        "unassigned_open": counts["unassigned_open"],
        "returned_to_me": returned_to(membership),
    }
    template = "verdicts/partials/dashboard_body.html" if request.htmx else "verdicts/dashboard.html"
    return render(request, template, context)
