"""The write path of an extraction run: the extractor's statements upserted as Claims, the run finished.

`results_write` runs in one short transaction (the caller's task holds no transaction while the
extractor works). It is idempotent: statements are keyed on (article, start, end), and the run is
finished with a conditional UPDATE pinned on this attempt.
"""

import logging

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from factcheck.claims.models import Article, Claim, ExtractionRun
from factcheck.core.signals import extraction_finished
from factcheck.sources.models import Claimant

logger = logging.getLogger(__name__)

Status = ExtractionRun.Status


def _statement_relations(relations, statements):
    """Map statement index → the relations that involve it (by statement_ids or by quantity ids)."""
    quantity_owner = {}
    for position, st in enumerate(statements):
        owner = st.get("index", position)  # (a default of statements.index(st) here was quadratic)
        for qid in st.get("quantity_ids") or ():
            quantity_owner[qid] = owner
    by_statement = {}
    for rel in relations:
        ids = rel.get("statement_ids")
        if ids is None:
            qids = [*(rel.get("operands") or ()), rel.get("result")]
            ids = sorted({quantity_owner[q] for q in qids if q in quantity_owner})
        for sid in ids:
            by_statement.setdefault(sid, []).append(rel)
    return by_statement


def _normalise(text):
    return " ".join(text.split()).lower()


@transaction.atomic
def results_write(*, run, data, duration_ms, progress_total=1):
    """Upsert the run's statements on (article, start, end) and finish the run, in one transaction.

    Statements a person touched (evidence, verdict, assignee, status) are never deleted: a new span
    whose text still matches takes them over (re-anchored), else they are kept and marked "not found
    by the current extractor". The run finishes only if this attempt still owns it.
    """
    _commit_without_flush_wait()
    # Lock the article row: two writers of one article (a re-extract racing a retry) go one at a time.
    article = Article.objects.select_for_update().only("pk", "newsroom_id").get(pk=run.article_id)
    statements = data.get("statements") or []
    fill = _Filler(article, data, statements)
    existing = {(c.start, c.end): c for c in Claim.objects.filter(article=article)}
    to_update, unmatched_new, matched = [], [], set()
    for position, st in enumerate(statements):
        claim = existing.get((st["start"], st["end"]))
        if claim is None:
            unmatched_new.append((position, st))
        else:
            matched.add((st["start"], st["end"]))
            to_update.append(fill(claim, position, st))
    touched = _touched_keep(existing, matched)
    to_create = []
    for position, st in unmatched_new:
        anchor = _reanchor_target(st, touched)
        if anchor is not None:
            claim = touched.pop(anchor)
            claim.start, claim.end, claim.text = st["start"], st["end"], st["text"]
            to_update.append(fill(claim, position, st))
        else:
            claim = Claim(newsroom_id=article.newsroom_id, article=article, start=st["start"], end=st["end"])
            to_create.append(fill(claim, position, st))
    kept = [c.pk for c in touched.values()]
    _claims_save(to_update, to_create, kept)
    finished = _run_finish(run, data, statements, kept, duration_ms, progress_total)
    if not finished:
        # The sweep took the run back while we worked; undo our writes and let the new attempt win.
        transaction.set_rollback(True)
        logger.warning("extraction run %s was reclaimed while running; results discarded", run.pk)
        return None
    finished_announce(run.pk, run.article_id, article.newsroom_id, "succeeded")
    return run.pk


def _commit_without_flush_wait():
    if connection.vendor == "postgresql":
        # Results are recomputable: if a crash loses this commit the run is still RUNNING and the
        # sweep re-runs it, so the commit need not wait for the WAL flush.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


class _Filler:
    """Fills a Claim from one extracted statement (quantities, relations, claimant) for this article."""

    def __init__(self, article, data, statements):
        self.article = article
        self.version = data.get("extractor_version", "")
        self.quantities = {q["id"]: q for q in data.get("quantities") or []}
        self.rel_by_statement = _statement_relations(data.get("relations") or [], statements)
        self.claimants = _claimants_for(article.newsroom_id, statements)

    def __call__(self, claim, position, st):
        return _claim_fill(
            claim, position, st, self.quantities, self.rel_by_statement, self.version, self.article, self.claimants
        )


def _touched_keep(existing, matched):
    """Delete the statements the run no longer finds unless a person touched them; return those kept."""
    unmatched = [c for key, c in existing.items() if key not in matched]
    human_work = set()
    if unmatched:  # only a re-extract pays for this look-up
        ids = [c.pk for c in unmatched]
        human_work = set(
            Claim.objects.filter(pk__in=ids)
            .filter(Q(evidence__isnull=False) | Q(verdicts__isnull=False))
            .values_list("pk", flat=True)
        )
    touched = {
        (c.start, c.end): c for c in unmatched if c.pk in human_work or c.assignee_id or c.status != Claim.Status.NEW
    }
    untouched_gone = [c.pk for c in unmatched if (c.start, c.end) not in touched]
    if untouched_gone:
        Claim.objects.filter(pk__in=untouched_gone).delete()
    return touched


def _claims_save(to_update, to_create, kept):
    for claim in to_update:
        claim.found_by_current_extractor = True
        claim.save(
            update_fields=[
                "start", "end", "text", "position", "types", "checkworthiness", "checkworthy", "reasons",
                "quantities", "relations", "has_failed_check", "speaker", "claimant", "extractor_version",
                "found_by_current_extractor", "updated_at",
            ]
        )  # fmt: skip
    if to_create:
        Claim.objects.bulk_create(to_create)
    if kept:
        Claim.objects.filter(pk__in=kept).update(found_by_current_extractor=False, has_failed_check=False)


def _run_finish(run, data, statements, kept, duration_ms, progress_total):
    """SUCCEEDED if this attempt still owns the run (attempts= pins it: an older attempt the sweep took
    back cannot finish the run); False otherwise."""
    now = timezone.now()
    finished = ExtractionRun.objects.filter(pk=run.pk, status=Status.RUNNING, attempts=run.attempts).update(
        status=Status.SUCCEEDED,
        finished_at=now,
        heartbeat_at=now,
        extractor_version=data.get("extractor_version", ""),
        statements_found=len(statements),
        statements_kept=len(kept),
        duration_ms=duration_ms,
        relations=data.get("relations") or [],
        progress_done=progress_total,
        progress_total=progress_total,
        message="",
    )
    return finished == 1


def finished_announce(run_id, article_id, newsroom_id, status):
    """extraction_finished after the commit (webhooks, known fact-check matching listen)."""
    transaction.on_commit(
        lambda: extraction_finished.send(
            sender=ExtractionRun, run_id=run_id, article_id=article_id, newsroom_id=newsroom_id, status=status
        )
    )


def _reanchor_target(statement, touched):
    """A kept statement whose text still matches a new span (one contains the other, spans overlap)."""
    new_text = _normalise(statement["text"])
    for key, claim in touched.items():
        old_text = _normalise(claim.text)
        overlaps = claim.start < statement["end"] and statement["start"] < claim.end
        if overlaps and (old_text in new_text or new_text in old_text):
            return key
    return None


def _claim_fill(claim, position, st, quantities, rel_by_statement, version, article, claimants):
    index = st.get("index", position)
    rels = rel_by_statement.get(index, [])
    claim.text = st["text"]
    claim.position = position
    claim.types = " ".join(st.get("types") or [])
    claim.checkworthiness = float(st.get("checkworthiness") or 0.0)
    claim.checkworthy = bool(st.get("checkworthy"))
    claim.reasons = st.get("reasons") or []
    claim.quantities = [quantities[q] for q in st.get("quantity_ids") or () if q in quantities]
    claim.relations = rels
    claim.has_failed_check = any(r.get("holds") is False for r in rels)
    claim.extractor_version = version
    speaker = st.get("speaker") or None
    claim.speaker = (speaker or {}).get("name", "")[:300] if speaker else ""
    if claim.speaker and claim.claimant_id is None:
        claim.claimant = claimants.get(speaker["name"].strip()[:200])
    return claim


def _claimants_for(newsroom_id, statements):
    """Claimants for every speaker named in the statements, created in one go when missing: {name: row}."""
    wanted = {}
    for st in statements:
        speaker = st.get("speaker") or None
        if speaker and speaker.get("name", "").strip():
            wanted.setdefault(speaker["name"].strip()[:200], (speaker.get("title") or "")[:200])
    if not wanted:
        return {}
    found = {c.name: c for c in Claimant.objects.filter(newsroom_id=newsroom_id, name__in=list(wanted))}
    missing = [Claimant(newsroom_id=newsroom_id, name=n, role=r) for n, r in wanted.items() if n not in found]
    if missing:
        Claimant.objects.bulk_create(missing, ignore_conflicts=True)
        found.update({c.name: c for c in Claimant.objects.filter(newsroom_id=newsroom_id, name__in=list(wanted))})
    return found
