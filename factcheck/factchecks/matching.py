"""Is a statement about the same claim as a known fact-check? Scoring, and bounded candidate queries.

Candidates are bounded and read under a statement timeout: for a statement, the known checks nearest
by trigram distance through the GiST index on their claim text (factchecks 0002); for a known check,
the statements sharing most word keys with its claim (factcheck.claims.similar, as the similar panel).
Each candidate pair is then scored on its own:

    score = EMBEDDING_WEIGHT x cosine(mean WordLlama vectors) + (1 - EMBEDDING_WEIGHT) x trigram similarity

both read after cutting the attribution off the statement ("…, the minister said"), which says who
spoke, not what was claimed. The embedding is the check-worthiness model's (factcheck.extraction.features);
where its wheel is missing, the trigram similarity alone decides, with its own threshold. Weights and
thresholds were chosen on the TUNING pairs of factcheck/factchecks/pairs.py
(`python -m factcheck.factchecks.evaluate` prints both the tuning and the held-out TEST figures).

On SQLite (the embedded demo database) there is no trigram index: the newsroom's latest
SQLITE_WINDOW rows are ranked in Python instead, then scored the same way.
"""

import logging
import re
from functools import lru_cache

from django.db import OperationalError, connection, transaction
from django.db.models import FloatField
from django.db.models.expressions import RawSQL

from factcheck.claims import similar
from factcheck.claims.models import Claim
from factcheck.core.trigrams import trigram_similarity

logger = logging.getLogger(__name__)

EMBEDDING_WEIGHT = 0.7
THRESHOLD_EMBEDDING = 0.52  # chosen on the tuning pairs by evaluate.best_threshold (README has the figures)
THRESHOLD_TRIGRAM = 0.285  # the same rule for the trigram-only fallback
KNOWN_CANDIDATES = 20  # nearest known checks looked at per statement
CLAIM_CANDIDATES = 50  # nearest statements looked at per known check
SQLITE_WINDOW = 500  # SQLite: how many of the newsroom's latest rows are ranked in Python
TIMEOUT_MS = 2000  # one candidate query; past it the statement gets no candidates this time
MAX_TEXT = 2000  # characters of a text that are compared

_ATTRIBUTION_TAIL = re.compile(
    r",\s*(?:according to [^,]{1,80}|[^,]{1,60}?\b(?:said|says|claimed|claims|warned|warns|told [^,]{1,60}|wrote|"
    r"found|suggests?|announced|reported|argued|insisted))\s*[.!]?\s*$",
    re.I,
)
_ATTRIBUTION_HEAD = re.compile(r"^[^,.]{1,60}?\b(?:said|says|claimed|claims|told [^,.]{1,40})(?: that)?\s+", re.I)


def claim_core(text):
    """The claim without who said it: 'Crime has doubled, his opponent claimed.' -> 'Crime has doubled'."""
    text = " ".join((text or "")[:MAX_TEXT].split())
    core = _ATTRIBUTION_HEAD.sub("", _ATTRIBUTION_TAIL.sub("", text)).strip()
    return core if len(core) >= 15 else text


@lru_cache(maxsize=1)
def embedding():
    """The extractor's WordLlama static embedding, or None where its files are not installed."""
    try:
        from factcheck.extraction.features import default_embedding

        return default_embedding()
    except (ImportError, OSError, ValueError) as exc:
        logger.warning("known fact-check matching runs on trigrams only: no embedding (%s)", exc)
        return None


class Scorer:
    """Scores (statement, known claim) pairs; caches each text's vector for one matching pass."""

    def __init__(self, use_embedding=True):
        self.embedding = embedding() if use_embedding else None
        self.method = "embedding" if self.embedding is not None else "trigram"
        self.threshold = THRESHOLD_EMBEDDING if self.embedding is not None else THRESHOLD_TRIGRAM
        self._vectors = {}

    def _vector(self, text):
        vector = self._vectors.get(text)
        if vector is None:
            vector = self._vectors[text] = self.embedding.vector(text)
        return vector

    def score(self, statement, known_claim):
        a, b = claim_core(statement), claim_core(known_claim)
        lexical = trigram_similarity(a, b)
        if self.embedding is None:
            return lexical
        cosine = float(self._vector(a) @ self._vector(b))
        return EMBEDDING_WEIGHT * cosine + (1 - EMBEDDING_WEIGHT) * lexical

    def matches(self, score):
        return score >= self.threshold


def _nearest(queryset, column, text, limit):
    """Primary keys of `queryset` nearest to `text` by trigram distance, through a GiST index, bounded."""
    text = text[:MAX_TEXT]
    if connection.vendor != "postgresql":
        return rank_by_trigrams(queryset.order_by("-pk").values_list("pk", column)[:SQLITE_WINDOW], text, limit)
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = %s", [TIMEOUT_MS])
            return list(nearest_query(queryset, column, text, limit))
    except OperationalError:  # the timeout fired: no candidates this time rather than a stuck worker
        logger.warning("known fact-check candidates timed out after %s ms", TIMEOUT_MS)
        return []


def nearest_query(queryset, column, text, limit):
    """The PostgreSQL query of _nearest: keys ordered by trigram distance (`<->`, a GiST index walk)."""
    table = queryset.model._meta.db_table
    distance = RawSQL(f"{table}.{column} <-> %s", [text], output_field=FloatField())  # noqa: S611 - names only
    return queryset.order_by(distance).values_list("pk", flat=True)[:limit]


def rank_by_trigrams(rows, text, limit):
    """The SQLite fallback's ranking: keys of (key, text) rows by trigram similarity to `text`, best first."""
    scored = [(trigram_similarity(text, other[:MAX_TEXT]), pk) for pk, other in rows]
    scored.sort(key=lambda item: (-item[0], -item[1]))
    return [pk for _, pk in scored[:limit]]


def known_candidates(queryset, statement_text):
    """Known fact-checks (from `queryset`, already scoped) nearest to a statement."""
    return _nearest(queryset, "claim_text", statement_text, KNOWN_CANDIDATES)


def claim_candidates(known, known_text):
    """Statements of the known fact-check's newsroom likely about its claim (not its own verdict's statement).

    PostgreSQL: the bounded candidates of `factcheck.claims.similar` (word keys, or the most similar of the
    newest for a text of short words), at most CLAIM_CANDIDATES, under TIMEOUT_MS; elsewhere the newsroom's
    latest SQLITE_WINDOW ranked in Python."""
    text = known_text[:MAX_TEXT]
    scope = {"newsroom_id": known.newsroom_id, "text": text, "claim_id": known.source_claim_id or 0}
    if connection.vendor != "postgresql":
        rows = Claim.objects.filter(newsroom_id=known.newsroom_id).exclude(pk=scope["claim_id"])
        return rank_by_trigrams(rows.order_by("-pk").values_list("pk", "text")[:SQLITE_WINDOW], text, CLAIM_CANDIDATES)
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = %s", [TIMEOUT_MS])
            return similar.candidates(**scope, limit=CLAIM_CANDIDATES)
    except OperationalError:  # the timeout fired: no candidates this time rather than a stuck worker
        logger.warning("statement candidates of a known fact-check timed out after %s ms", TIMEOUT_MS)
        return []
