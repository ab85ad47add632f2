"""Known fact-checks: the ClaimReview import, own published verdicts, and matching statements to them.

Matching writes ClaimMatch rows (upserted on the pair, stale pairs of the re-matched scope deleted)
and keeps Claim.has_known_match in step with them in the same transaction.
"""

import logging
from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from factcheck.claims.models import Article, Claim
from factcheck.core.db import as_bigint
from factcheck.core.fetch import FetchRefused, fetch
from factcheck.factchecks import feeds, matching
from factcheck.factchecks.models import ClaimMatch, KnownFactCheck, import_key, own_key
from factcheck.verdicts.models import Verdict

logger = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MATCH_CHUNK = 200  # known checks per matching task after an import
ARTICLE_STATEMENTS_MAX = 1000  # statements of one article matched after its extraction
FIELDS = ("claim_text", "claimant", "rating", "reviewer", "url", "published_on")


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)  # (position in the feed, 1-based; 0 = the whole document, message)
    known_ids: list = field(default_factory=list)  # rows created or changed: what matching looks at

    @property
    def ok(self):
        return not self.errors

    @property
    def read(self):
        return self.created + self.updated + self.unchanged


def _send(task, *args):
    try:
        task.delay(*args)
    except Exception as exc:  # kombu raises many types when Redis is unreachable
        logger.warning("could not enqueue %s%s: %s", task.name, args, exc)


def _enqueue_on_commit(task, *args):
    """Queue after the commit; a broker that is down loses only this matching pass (re-run by the next one)."""
    transaction.on_commit(partial(_send, task, *args), robust=True)


# --- import ------------------------------------------------------------------------------------


def known_import(*, newsroom, user=None, data=None, raw=None) -> ImportReport:
    """Import ClaimReview JSON-LD (parsed `data` or `raw` bytes/str) into the newsroom's known fact-checks.

    Records that cannot be read are reported by position and skipped; the rest are upserted on
    (newsroom, URL + claim text), so importing the same feed again creates nothing and reports every
    record unchanged. New and changed rows are matched against the newsroom's statements afterwards.
    """
    report = ImportReport()
    if data is None:
        if raw is None:
            raise ValueError("known_import needs data or raw")
        if len(raw) > MAX_IMPORT_BYTES:
            report.errors.append((0, f"The feed is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB."))
            return report
        try:
            data = feeds.parse_bytes(raw)
        except feeds.FeedError as exc:
            report.errors.append((0, str(exc)))
            return report
    try:
        records, report.errors = feeds.read_feed(data)
    except feeds.FeedError as exc:
        report.errors.append((0, str(exc)))
        return report
    _records_save(newsroom, records, report)
    logger.info(
        "known fact-checks import into %s by %s: %s created, %s updated, %s unchanged, %s errors",
        newsroom.pk,
        getattr(user, "pk", None),
        report.created,
        report.updated,
        report.unchanged,
        len(report.errors),
    )
    return report


def known_import_url(*, newsroom, user=None, url) -> ImportReport:
    """Fetch a ClaimReview feed through the SSRF guard (factcheck.core.fetch), then import it."""
    try:
        fetched = fetch(url, max_bytes=MAX_IMPORT_BYTES)
    except FetchRefused as exc:
        return ImportReport(errors=[(0, exc.message)])
    return known_import(newsroom=newsroom, user=user, raw=fetched.body)


@transaction.atomic
def _records_save(newsroom, records, report):
    keyed = [(position, record, import_key(record.url, record.claim_text)) for position, record in records]
    existing = {}
    keys = list({key for _, _, key in keyed})
    for i in range(0, len(keys), 500):
        for row in KnownFactCheck.objects.filter(newsroom=newsroom, key__in=keys[i : i + 500]):
            existing[row.key] = row
    new, changed = {}, {}
    for position, record, key in keyed:
        row = existing.get(key) or new.get(key)
        values = {name: getattr(record, name) for name in FIELDS}
        if row is None:
            row = KnownFactCheck(newsroom=newsroom, origin=KnownFactCheck.Origin.IMPORTED, key=key, **values)
            try:
                row.full_clean(exclude=["newsroom", "verdict", "source_claim"], validate_constraints=False)
            except ValidationError as exc:
                report.errors.append((position, "; ".join(exc.messages)))
                continue
            new[key] = row
            report.created += 1
        elif all(getattr(row, name) == value for name, value in values.items()):
            report.unchanged += 1
        else:
            for name, value in values.items():
                setattr(row, name, value)
            row.updated_at = timezone.now()
            if row.pk is not None:
                changed[key] = row
            report.updated += 1
    report.errors.sort(key=lambda e: e[0])
    created = KnownFactCheck.objects.bulk_create(
        new.values(),
        batch_size=500,
        update_conflicts=True,  # another import of the same feed committed first: converge on its rows
        unique_fields=["newsroom", "key"],
        update_fields=list(FIELDS),
    )
    KnownFactCheck.objects.bulk_update(changed.values(), [*FIELDS, "updated_at"], batch_size=500)
    report.known_ids = [row.pk for row in created if row.pk is not None] + [row.pk for row in changed.values()]
    _known_match_request(report.known_ids)


def _known_match_request(known_ids):
    from factcheck.factchecks.tasks import factchecks_match_known_task

    for i in range(0, len(known_ids), MATCH_CHUNK):
        _enqueue_on_commit(factchecks_match_known_task, known_ids[i : i + MATCH_CHUNK])


# --- own verdicts ------------------------------------------------------------------------------


def own_verdict_request(*, verdict_id):
    """A verdict was published: record it as a known fact-check and match it, in the background."""
    from factcheck.factchecks.tasks import factchecks_own_verdict_task

    _enqueue_on_commit(factchecks_own_verdict_task, verdict_id)


def known_from_verdict(*, verdict_id) -> KnownFactCheck | None:
    """Upsert the known fact-check of a published verdict (one per statement: a correction updates
    it) and match it against the newsroom's other statements. None if the verdict is not published."""
    verdict = (
        Verdict.objects.select_related("claim", "rating", "newsroom")
        .filter(pk=verdict_id, status=Verdict.Status.PUBLISHED)
        .first()
    )
    if verdict is None:
        return None
    claim = verdict.claim
    with transaction.atomic():
        known, _ = KnownFactCheck.objects.update_or_create(
            newsroom=verdict.newsroom,
            key=own_key(claim.pk),
            defaults={
                "origin": KnownFactCheck.Origin.OWN,
                "claim_text": claim.text,
                "claimant": claim.claimant.name if claim.claimant_id else claim.speaker,
                "rating": verdict.rating.label if verdict.rating_id else "",
                "reviewer": verdict.newsroom.name,
                "url": reverse("reports:public_verdict", args=[verdict.pk]),
                "published_on": verdict.published_at.date() if verdict.published_at else None,
                "verdict": verdict,
                "source_claim": claim,
            },
        )
    matches_for_known(known_ids=[known.pk])
    return known


# --- matching ----------------------------------------------------------------------------------


def articles_match_request(*, article_ids):
    """Articles' statements were extracted (one commit, one or a batch of them): match them, in the
    background, with one task for all of them."""
    from factcheck.factchecks.tasks import factchecks_match_articles_task

    _enqueue_on_commit(factchecks_match_articles_task, list(article_ids))


def matches_for_articles(*, article_ids) -> int:
    """Match the statements of several articles in one pass (the first ARTICLE_STATEMENTS_MAX of each).

    Where their newsrooms have no known fact-check and their statements no match to undo (a newsroom that
    does not import fact-checks: every extraction and import batch of it), two small queries answer."""
    newsrooms = Article.objects.filter(pk__in=article_ids).values("newsroom_id")
    if (
        not KnownFactCheck.objects.filter(newsroom_id__in=newsrooms).exists()
        and not ClaimMatch.objects.filter(claim__article_id__in=article_ids).exists()
    ):
        return 0
    rows = Claim.objects.filter(article_id__in=article_ids).order_by("article_id", "pk").values_list("article_id", "pk")
    per_article = {}
    for article_id, pk in rows:  # a batch's articles: at most a few thousand small rows
        per_article.setdefault(article_id, [])
        if len(per_article[article_id]) < ARTICLE_STATEMENTS_MAX:
            per_article[article_id].append(pk)
    return matches_for_claims(claim_ids=[pk for pks in per_article.values() for pk in pks])


def matches_for_article(*, article_id) -> int:
    return matches_for_claims(claim_ids=_article_claim_ids(article_id))


def _article_claim_ids(article_id):
    claims = Claim.objects.filter(article_id=article_id).order_by("pk")
    return list(claims.values_list("pk", flat=True)[:ARTICLE_STATEMENTS_MAX])


def matches_for_claims(*, claim_ids) -> int:
    """(Re)match statements against their newsroom's known fact-checks; returns the matches kept."""
    claims = list(Claim.objects.filter(pk__in=claim_ids).only("pk", "newsroom_id", "text"))
    if not claims:
        return 0
    has_known = {
        nid: KnownFactCheck.objects.filter(newsroom_id=nid).exists() for nid in {c.newsroom_id for c in claims}
    }
    candidates = {}
    for claim in claims:
        if has_known[claim.newsroom_id]:
            scope = KnownFactCheck.objects.filter(newsroom_id=as_bigint(claim.newsroom_id))  # the GiST index
            scope = scope.exclude(source_claim_id=claim.pk)
            candidates[claim.pk] = matching.known_candidates(scope, matching.claim_core(claim.text))
    texts = _texts(KnownFactCheck, "claim_text", {pk for pks in candidates.values() for pk in pks})
    scorer = matching.Scorer()  # after the cheap checks: a newsroom with no known checks never loads the model
    found = {}
    for claim in claims:
        for known_id in candidates.get(claim.pk, ()):
            score = scorer.score(claim.text, texts[known_id])
            if scorer.matches(score):
                found[(claim.pk, known_id)] = (claim.newsroom_id, score)
    return _matches_write(found, scope={"claim_id__in": [c.pk for c in claims]}, method=scorer.method)


def matches_for_known(*, known_ids) -> int:
    """(Re)match known fact-checks against their newsroom's statements; returns the matches kept."""
    knowns = list(
        KnownFactCheck.objects.filter(pk__in=known_ids).only("pk", "newsroom_id", "claim_text", "source_claim_id")
    )
    if not knowns:
        return 0
    scorer = matching.Scorer()
    candidates = {}
    for known in knowns:  # a statement never matches its own verdict: claim_candidates leaves it out
        candidates[known.pk] = matching.claim_candidates(known, matching.claim_core(known.claim_text))
    texts = _texts(Claim, "text", {pk for pks in candidates.values() for pk in pks})
    found = {}
    for known in knowns:
        for claim_id in candidates[known.pk]:
            score = scorer.score(texts[claim_id], known.claim_text)
            if scorer.matches(score):
                found[(claim_id, known.pk)] = (known.newsroom_id, score)
    return _matches_write(found, scope={"known_id__in": [k.pk for k in knowns]}, method=scorer.method)


def _texts(model, column, pks):
    texts = {}
    pks = list(pks)
    for i in range(0, len(pks), 500):
        texts.update(model.objects.filter(pk__in=pks[i : i + 500]).values_list("pk", column))
    return texts


@transaction.atomic
def _matches_write(found, *, scope, method):
    """Make the ClaimMatch rows of `scope` exactly `found`; then sync the touched statements' flags."""
    rows = ClaimMatch.objects.filter(**scope).values_list("pk", "claim_id", "known_id")
    current = {(claim_id, known_id): pk for pk, claim_id, known_id in rows}
    stale = [pk for pair, pk in current.items() if pair not in found]
    if stale:
        ClaimMatch.objects.filter(pk__in=stale).delete()
    ClaimMatch.objects.bulk_create(
        [
            ClaimMatch(newsroom_id=newsroom_id, claim_id=claim_id, known_id=known_id, score=score, method=method)
            for (claim_id, known_id), (newsroom_id, score) in found.items()
        ],
        batch_size=500,
        update_conflicts=True,
        unique_fields=["claim", "known"],
        update_fields=["score", "method", "updated_at"],
    )
    touched = {claim_id for claim_id, _ in found} | {claim_id for claim_id, _ in current}
    if "claim_id__in" in scope:
        touched |= set(scope["claim_id__in"])
    claims_flag_sync(claim_ids=touched)
    return len(found)


def claims_flag_sync(*, claim_ids):
    """Claim.has_known_match = whether the statement has a ClaimMatch, for these statements (two UPDATEs each
    500). Only the flags that change are written: every extraction matches its new statements, which mostly
    have no match, and an UPDATE that sets a value it already has still writes a new row version and, the
    flag being in a partial index's condition (no HOT update), an entry in each of the statement's indexes."""
    claim_ids = sorted(claim_ids)
    matched = Exists(ClaimMatch.objects.filter(claim_id=OuterRef("pk")))
    for i in range(0, len(claim_ids), 500):
        chunk = Claim.objects.filter(pk__in=claim_ids[i : i + 500])
        chunk.filter(matched, has_known_match=False).update(has_known_match=True)
        chunk.filter(~matched, has_known_match=True).update(has_known_match=False)
    return len(claim_ids)
