"""Which verdicts a report holds: the builder's filters applied to a newsroom's verdicts.

Filters are stored on the ReportExport row as plain JSON (primary keys, ISO dates, strings), so a
worker rebuilds exactly the selection the editor saw. Every lookup starts from the newsroom.
"""

import datetime

from django.db.models import F, Prefetch, Q

from factcheck.verdicts.models import Evidence, Verdict

FILTER_KEYS = ("published_from", "published_to", "ratings", "statuses", "outlet", "article", "checker", "claim_type")


def claim_type_q(claim_type):
    """Claim.types holds space-separated tokens; match one token exactly on every database."""
    t = claim_type
    return (
        Q(claim__types=t)
        | Q(claim__types__startswith=f"{t} ")
        | Q(claim__types__endswith=f" {t}")
        | Q(claim__types__contains=f" {t} ")
    )


def report_verdicts(*, newsroom, filters, internal=False):
    """The verdicts of a report, in a stable order, with everything the formats read prefetched.

    Private evidence is prefetched only for internal reports, so no public format can reach it.
    """
    qs = Verdict.objects.for_newsroom(newsroom)
    statuses = filters.get("statuses") or [Verdict.Status.PUBLISHED]
    qs = qs.filter(status__in=statuses)
    if filters.get("published_from"):
        qs = qs.filter(published_at__date__gte=datetime.date.fromisoformat(filters["published_from"]))
    if filters.get("published_to"):
        qs = qs.filter(published_at__date__lte=datetime.date.fromisoformat(filters["published_to"]))
    if filters.get("ratings"):
        qs = qs.filter(rating_id__in=[int(pk) for pk in filters["ratings"]])
    if filters.get("outlet"):
        qs = qs.filter(claim__article__outlet_id=int(filters["outlet"]))
    if filters.get("article"):
        qs = qs.filter(claim__article_id=int(filters["article"]))
    if filters.get("checker"):
        qs = qs.filter(author_id=int(filters["checker"]))
    if filters.get("claim_type"):
        qs = qs.filter(claim_type_q(filters["claim_type"]))
    evidence = Evidence.objects.select_related("source", "added_by").order_by("created_at", "pk")
    if not internal:
        evidence = evidence.public()
    return (
        qs.select_related(
            "rating", "author", "reviewer", "claim", "claim__article", "claim__article__outlet", "claim__claimant"
        )
        .prefetch_related(Prefetch("claim__evidence", queryset=evidence, to_attr="report_evidence"))
        .order_by(F("published_at").desc(nulls_last=True), "-pk")
    )


def filters_describe(*, newsroom, filters):
    """The filters as (label, value) pairs a person reads, for the PDF cover and the export page."""
    from django.contrib.auth import get_user_model

    from factcheck.claims.models import Article, Claim
    from factcheck.sources.models import Source
    from factcheck.verdicts.models import RatingScale

    statuses = filters.get("statuses") or [Verdict.Status.PUBLISHED]
    rows = [("Status", ", ".join(str(Verdict.Status(s).label) for s in statuses))]
    start, end = filters.get("published_from"), filters.get("published_to")
    if start or end:
        rows.append(("Published", f"{start or '…'} to {end or 'today'}"))
    if filters.get("ratings"):
        labels = (
            RatingScale.objects.for_newsroom(newsroom).filter(pk__in=filters["ratings"]).values_list("label", flat=True)
        )
        rows.append(("Rating", ", ".join(labels)))
    if filters.get("outlet"):
        rows.append(("Outlet", str(Source.objects.for_newsroom(newsroom).filter(pk=filters["outlet"]).first() or "—")))
    if filters.get("article"):
        rows.append(
            ("Article", str(Article.objects.for_newsroom(newsroom).filter(pk=filters["article"]).first() or "—"))
        )
    if filters.get("checker"):
        user = get_user_model().objects.filter(pk=filters["checker"], memberships__newsroom=newsroom).first()
        rows.append(("Checker", (user.get_full_name() or user.get_username()) if user else "—"))
    if filters.get("claim_type"):
        rows.append(("Claim type", str(Claim.Type(filters["claim_type"]).label)))
    return rows
