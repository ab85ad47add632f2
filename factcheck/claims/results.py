"""The write path of an extraction run: the extractor's statements upserted as Claims, the run finished.

`results_write` runs in one short transaction (the caller's task holds no transaction while the
extractor works). It is idempotent: statements are keyed on (article, start, end), and the run is
finished with a conditional UPDATE pinned on this attempt.
"""

import logging

from django.db import connection, transaction
from django.db.models import Q

from factcheck.claims.jobs import EXTRACTION_JOB, finished_announce
from factcheck.claims.models import Article, Claim, ExtractionRun
from factcheck.core.jobs import job_finish
from factcheck.sources.models import Claimant

logger = logging.getLogger(__name__)

Status = ExtractionRun.Status


def _statement_relations(relations):
    """Map statement index → the relations that involve it, as stored on the Claim (JSON)."""
    by_statement = {}
    for rel in relations:
        stored = rel.to_dict()
        for sid in rel.statement_ids:
            by_statement.setdefault(sid, []).append(stored)
    return by_statement


def _normalise(text):
    return " ".join(text.split()).lower()


@transaction.atomic
def results_write(*, run, extraction, duration_ms, progress_total=1):
    """Upsert the run's statements on (article, start, end) and finish the run, in one transaction.

    Statements a person touched (evidence, verdict, assignee, status) are never deleted: a new span
    whose text still matches takes them over (re-anchored), else they are kept and marked "not found
    by the current extractor". The run finishes only if this attempt still owns it.
    """
    _commit_without_flush_wait()
    # Lock the article row: two writers of one article (a re-extract racing a retry) go one at a time.
    article = Article.objects.select_for_update().only("pk", "newsroom_id").get(pk=run.article_id)
    statements = extraction.statements
    fill = _Filler(article, extraction)
    existing = {(c.start, c.end): c for c in Claim.objects.filter(article=article)}
    to_update, unmatched_new, matched = [], [], set()
    for st in statements:
        claim = existing.get((st.start, st.end))
        if claim is None:
            unmatched_new.append(st)
        else:
            matched.add((st.start, st.end))
            to_update.append(fill(claim, st))
    touched = _touched_keep(existing, matched)
    to_create = []
    for st in unmatched_new:
        anchor = _reanchor_target(st, touched)
        if anchor is not None:
            claim = touched.pop(anchor)
            claim.start, claim.end, claim.text = st.start, st.end, st.text
            to_update.append(fill(claim, st))
        else:
            claim = Claim(newsroom_id=article.newsroom_id, article=article, start=st.start, end=st.end)
            to_create.append(fill(claim, st))
    kept = [c.pk for c in touched.values()]
    _claims_save(to_update, to_create, kept)
    finished = job_finish(
        EXTRACTION_JOB,
        run.pk,
        run.attempts,
        extractor_version=extraction.extractor_version,
        statements_found=len(statements),
        statements_kept=len(kept),
        duration_ms=duration_ms,
        relations=[r.to_dict() for r in extraction.relations],
        progress_done=progress_total,
        progress_total=progress_total,
    )
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
    """Fills a Claim from one extracted Statement (quantities, relations, claimant) for this article."""

    def __init__(self, article, extraction):
        self.version = extraction.extractor_version
        self.quantities = extraction.quantities  # a quantity's id is its index
        self.rel_by_statement = _statement_relations(extraction.relations)
        self.claimants = _claimants_for(article.newsroom_id, extraction.statements)

    def __call__(self, claim, st):
        rels = self.rel_by_statement.get(st.index, [])
        claim.text = st.text
        claim.position = st.index
        claim.types = " ".join(st.types)
        claim.checkworthiness = float(st.checkworthiness)
        claim.checkworthy = bool(st.checkworthy)
        claim.reasons = [[label, weight] for label, weight in st.reasons]
        claim.quantities = [self.quantities[q].to_dict() for q in st.quantity_ids]
        claim.relations = rels
        claim.has_failed_check = any(r["holds"] is False for r in rels)
        claim.extractor_version = self.version
        claim.speaker = st.speaker.name[:300] if st.speaker else ""
        if claim.speaker and claim.claimant_id is None:
            claim.claimant = self.claimants.get(st.speaker.name.strip()[:200])
        return claim


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


def _reanchor_target(statement, touched):
    """A kept statement whose text still matches a new span (one contains the other, spans overlap)."""
    new_text = _normalise(statement.text)
    for key, claim in touched.items():
        old_text = _normalise(claim.text)
        overlaps = claim.start < statement.end and statement.start < claim.end
        if overlaps and (old_text in new_text or new_text in old_text):
            return key
    return None


def _claimants_for(newsroom_id, statements):
    """Claimants for every speaker named in the statements, created in one go when missing: {name: row}."""
    wanted = {}
    for st in statements:
        if st.speaker is not None and st.speaker.name.strip():
            wanted.setdefault(st.speaker.name.strip()[:200], (st.speaker.title or "")[:200])
    if not wanted:
        return {}
    found = {c.name: c for c in Claimant.objects.filter(newsroom_id=newsroom_id, name__in=list(wanted))}
    missing = [Claimant(newsroom_id=newsroom_id, name=n, role=r) for n, r in wanted.items() if n not in found]
    if missing:
        Claimant.objects.bulk_create(missing, ignore_conflicts=True)
        found.update({c.name: c for c in Claimant.objects.filter(newsroom_id=newsroom_id, name__in=list(wanted))})
    return found
