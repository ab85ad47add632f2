"""The statement page's similar-statements panel: other statements of the newsroom with similar text."""

from django.db import OperationalError, connection, transaction
from django.db.models import F, FloatField, Func, Value

from factcheck.claims import similar
from factcheck.claims.models import Claim
from factcheck.core.trigrams import trigram_similarity
from factcheck.verdicts.models import Verdict

SIMILAR_LIMIT = 5
# The candidate set is bounded (issue 15, factcheck.claims.similar): the SIMILAR_CANDIDATES statements sharing
# most word keys with the statement (or, for a text of short words, the most similar of the newest), then
# ranked by similarity.
SIMILAR_CANDIDATES = 60
SIMILAR_MIN = 0.3
# The panel's budget, a guard: past it the search is stopped and the panel says so. The bounded search takes
# 2-17 ms at 10,000 and at a million statements; the GiST walk it replaced took up to 1-2 s at a million.
SIMILAR_TIMEOUT_MS = 250


# --- reads used by the statement page ------------------------------------------------------


def similar_candidates(claim, text):
    """Ids of at most SIMILAR_CANDIDATES statements of `claim`'s newsroom, other articles, likely similar to
    `text` (PostgreSQL): `factcheck.claims.similar.candidates`, whose cost is the same in any newsroom."""
    return similar.candidates(
        newsroom_id=claim.newsroom_id, text=text, limit=SIMILAR_CANDIDATES, article_id=claim.article_id or 0
    )


def _ranked(others, candidates, text, limit):
    """The `limit` candidates most similar to `text` (ties: newest first), at least SIMILAR_MIN, with their
    articles. Ranked on the statements alone first, then only those joined to their articles: at a million
    statements each candidate's rows are random reads, and the panel shows a handful of the 60."""
    # a Func on F("text"), not RawSQL naming claims_claim: inside the subquery the table has another alias
    similarity = Func(F("text"), Value(text), function="similarity", output_field=FloatField())
    ranked = others.filter(pk__in=candidates).alias(similarity=similarity).filter(similarity__gte=SIMILAR_MIN)
    shown = ranked.order_by("-similarity", "-pk").values("pk")[:limit]
    rows = others.filter(pk__in=shown).select_related("article").defer("article__body")  # bodies: kilobytes each
    return list(rows.annotate(similarity=similarity).order_by("-similarity", "-pk"))


class SimilarRows(list):
    """The panel's rows; `timed_out` when the search was stopped at `budget_ms` (then empty)."""

    timed_out = False
    budget_ms = SIMILAR_TIMEOUT_MS


def similar_claims(claim, limit=SIMILAR_LIMIT):
    """Other statements of the newsroom with similar text, most similar first, with their verdicts.

    PostgreSQL: the candidates of `similar_candidates` (a bounded set found by word keys) ranked by pg_trgm's
    similarity (ties: newest first) and cut at SIMILAR_MIN. The exact nearest-neighbour walk over the GiST
    trigram index (claims 0008) it replaced grew with the newsroom (issue 15): to prove nothing is nearer,
    it opened every page whose signature could not rule that out, i.e. the newsroom's whole index for a
    statement with no close neighbour (about 1 s at a million statements, 15 ms at 10,000) and thousands
    of pages for one whose nearest are near copies (0.2-2 s for 1-2% of a sample at a million). On 300
    statements of each bench archive the keys find 93% of what the walk found (score for score); the panel
    takes 7-13 ms (p50-p95) at both sizes, 4-6 ms for a statement with no neighbour. A statement similar
    only in short words, or only to statements past the newest PER_KEY of each key, is missed; a statement
    of short words only is compared with the newsroom's newest RECENT statements (claims.similar).
    SIMILAR_TIMEOUT_MS guards the search: past it the panel says it stopped (`timed_out`, no rows).
    Elsewhere (SQLite, make run): pg_trgm's similarity computed in Python over the newsroom's 2,000 most
    recent statements, so SIMILAR_MIN means the same (difflib's ratio had put unrelated statements at 0.3-0.4).
    """
    others = Claim.objects.filter(newsroom_id=claim.newsroom_id)
    others = others.exclude(pk=claim.pk).exclude(article_id=claim.article_id)
    timed_out = False
    if connection.vendor == "postgresql":
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL statement_timeout = %s", [SIMILAR_TIMEOUT_MS])
                candidates = similar_candidates(claim, claim.text)
        except OperationalError:  # the timeout fired: say so rather than hang (or pretend there is nothing)
            candidates, timed_out = [], True
        rows = _ranked(others, candidates, claim.text, limit)
    else:
        scored = []
        for other in others.select_related("article").defer("article__body").order_by("-pk")[:2000]:
            similarity = trigram_similarity(claim.text, other.text)
            if similarity >= SIMILAR_MIN:
                other.similarity = similarity
                scored.append(other)
        rows = sorted(scored, key=lambda c: (-c.similarity, -c.pk))[:limit]
    if rows:
        verdicts = {
            v.claim_id: v
            for v in Verdict.objects.filter(claim__in=rows, status=Verdict.Status.PUBLISHED).select_related("rating")
        }
        for row in rows:
            row.published_verdict = verdicts.get(row.pk)
    rows = SimilarRows(rows)
    rows.timed_out, rows.budget_ms = timed_out, SIMILAR_TIMEOUT_MS
    return rows
