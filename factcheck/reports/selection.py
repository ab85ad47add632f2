"""Which verdicts a report holds: the builder's filters applied to a newsroom's verdicts.

Filters are stored on the ReportExport row as plain JSON (primary keys, ISO dates, strings), so a
worker rebuilds exactly the selection the editor saw. Every lookup starts from the newsroom.
"""

import datetime
from collections import defaultdict
from itertools import islice

from django.db.models import F, Q

from factcheck.core.people import display_name
from factcheck.reports.common import credited
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


# The columns the formats read: loading only these keeps a 100k-verdict export fast.
_PEOPLE = ("username", "first_name", "last_name")
REPORT_FIELDS = [
    "status", "rating", "conclusion", "version", "correction_reason", "published_at", "newsroom", "claim",
    "author", "reviewer", "published_outlet_name", "published_outlet_url",
    "newsroom__name", "newsroom__url", "newsroom__slug",
    "rating__label", "rating__value", "rating__colour", "rating__description", "rating__on_scale",
    *(f"author__{f}" for f in _PEOPLE), *(f"reviewer__{f}" for f in _PEOPLE),
    "claim__text", "claim__start", "claim__end", "claim__speaker", "claim__types", "claim__article", "claim__claimant",
    "claim__article__title", "claim__article__url", "claim__article__published_on", "claim__article__outlet",
    "claim__article__outlet__name", "claim__article__outlet__url",
    "claim__claimant__name", "claim__claimant__kind", "claim__claimant__role", "claim__claimant__same_as",
]  # fmt: skip


def report_verdicts(*, newsroom, filters, with_body=True):
    """The verdicts of a report, in a stable order, with their statement, article and people joined.

    Evidence is attached by `report_rows`, chunk by chunk. `with_body=False` leaves the article
    text in the database (CSV and JSON-LD never read it; only the PDF quotes the context).
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
    fields = [*REPORT_FIELDS, "claim__article__body"] if with_body else REPORT_FIELDS
    return (
        qs.select_related("newsroom", "rating", "author", "reviewer", "claim__article__outlet", "claim__claimant")
        .only(*fields)
        .order_by(F("published_at").desc(nulls_last=True), "-pk")
    )


def report_rows(verdicts, *, internal=False, chunk_size=500):
    """Iterate `verdicts` in chunks, attaching each statement's evidence as `claim.report_evidence`.

    Private evidence is fetched only for internal reports, so no public format can reach it. The
    evidence rows carry no link back to their statement (unlike prefetch_related), so a chunk is
    freed as soon as it is written: memory stays flat however many verdicts the report holds.
    """
    rows = verdicts.iterator(chunk_size=chunk_size)
    while True:
        batch = list(islice(rows, chunk_size))
        if not batch:
            return
        evidence = Evidence.all_objects.filter(claim_id__in={v.claim_id for v in batch}).select_related(
            "source", "added_by"
        )
        if not internal:
            evidence = evidence.public()
        by_claim = defaultdict(list)
        for item in evidence.order_by("claim_id", "created_at", "pk"):
            by_claim[item.claim_id].append(item)
        for verdict in batch:
            verdict.claim.report_evidence = evidence_for(verdict, by_claim.get(verdict.claim_id, []))
        yield from batch
        del batch


def filters_describe(*, newsroom, filters):
    """The filters as (label, value) pairs a person reads, for the PDF cover and the export page."""
    from django.contrib.auth import get_user_model

    from factcheck.claims.models import Article, Claim
    from factcheck.sources.models import Source
    from factcheck.verdicts.models import RatingScale

    statuses = filters.get("statuses") or [Verdict.Status.PUBLISHED]
    # the statuses of the verdicts selected, not of the export: the label says so
    rows = [("Verdicts included", ", ".join(str(Verdict.Status(s).label) for s in statuses))]
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
        rows.append(("Checker", display_name(user) or "—"))
    if filters.get("claim_type"):
        rows.append(("Claim type", str(Claim.Type(filters["claim_type"]).label)))
    return rows


def evidence_for(verdict, items):
    """A published verdict's evidence as approved (see EvidenceQuerySet.as_published); else the live evidence.
    Each item carries `.credit`, its source as this verdict names it (common.credited)."""
    if verdict.status == Verdict.Status.PUBLISHED:
        chosen = [e for e in items if e.in_version(verdict.version)]
    else:
        chosen = [e for e in items if e.removed_in_version is None]
    return credited(chosen, published=verdict.was_published)
