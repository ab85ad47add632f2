"""The write path of extraction runs: the extractor's statements upserted as Claims, the runs finished.

`results_write_many` writes any number of runs (one article each) in one short transaction (the caller
holds no transaction while the extractor works) with a fixed number of round trips: lock the articles,
read their statements, finish every run pinned on its attempt (one UPDATE for the lot on PostgreSQL),
then one DELETE, one UPDATE, one COPY of new statements (an INSERT elsewhere) and one UPDATE of kept
statements for the whole lot. A run the sweep took back is not written (its article's rows stay as they
were). `results_write` is the same for one run.

It is idempotent: statements are keyed on (article, start, end), and a run finishes only with a
conditional UPDATE pinned on its attempt.
"""

import enum
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from simple_history.utils import bulk_update_with_history

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from factcheck.claims import similar
from factcheck.claims.jobs import EXTRACTION_JOB, finished_announce
from factcheck.claims.models import Article, Claim, ExtractionRun
from factcheck.core.jobs import job_finish
from factcheck.core.signals import FinishedRun
from factcheck.sources.claimants import claimant_is_organisation, claimant_name
from factcheck.sources.models import Claimant

logger = logging.getLogger(__name__)

Status = ExtractionRun.Status
# The columns an extraction (re)writes on an existing statement.
UPDATE_FIELDS = [
    "start", "end", "text", "position", "types", "checkworthiness", "checkworthy", "reasons", "quantities",
    "relations", "has_failed_check", "speaker", "claimant", "extractor_version", "found_by_current_extractor",
    "updated_at",
]  # fmt: skip
# The columns a new statement is inserted with (all but the id; the search vector is generated) and the
# defaults of those the extraction does not set.
_CLAIM_FIELDS = [f for f in Claim._meta.concrete_fields if not f.primary_key]
NEW_CLAIM_COLUMNS = [f.attname for f in _CLAIM_FIELDS]
JSON_COLUMNS = {f.attname for f in _CLAIM_FIELDS if f.get_internal_type() == "JSONField"}
NEW_CLAIM_DEFAULTS = {  # plain values: psycopg would write an enum member's name, not its value
    f.attname: (d.value if isinstance(d := f.get_default(), enum.Enum) else d)
    for f in _CLAIM_FIELDS
    if f.attname not in ("created_at", "updated_at")
}
# Finish several runs in one statement, each pinned on its attempt (core.jobs.job_finish's rule): the same
# text for any number of runs, so neither psycopg nor PostgreSQL parses a new statement per batch size.
FINISH_SQL = """
UPDATE claims_extractionrun AS r SET status = 'succeeded', finished_at = %s, heartbeat_at = %s,
    message = '', extractor_version = v.version, statements_found = v.found, statements_kept = v.kept,
    duration_ms = v.ms, relations = v.relations::jsonb, progress_done = v.total, progress_total = v.total
FROM unnest(%s::bigint[], %s::int[], %s::text[], %s::int[], %s::int[], %s::int[], %s::text[], %s::int[])
    AS v(id, attempt, version, found, kept, ms, relations, total)
WHERE r.id = v.id AND r.status = 'running' AND r.attempts = v.attempt
RETURNING r.id
"""
# The write path keys its own statements (claims 0013): ids drawn for them, and the insert trigger told so for
# this transaction until KEYS_BY_DATABASE_SQL, which keys the texts word_keys leaves to the database and tells
# the trigger to key every later insert again (an outer transaction's, a test's).
KEYS_BY_WRITER_SQL = """
SELECT ARRAY(SELECT nextval(seq.name) FROM generate_series(1, %s),
                    (SELECT pg_get_serial_sequence('claims_claim', 'id')::regclass AS name) AS seq)
FROM (SELECT set_config('factcheck.similar_keys_written', 'on', true)) AS flag
"""
KEYS_BY_DATABASE_SQL = """
WITH keyed AS (
    INSERT INTO claims_similarkey (newsroom_id, key, claim_id)
    SELECT DISTINCT newsroom_id, unnest(claims_similar_keys(text)), id FROM claims_claim WHERE id = ANY(%s::bigint[])
    ON CONFLICT DO NOTHING
)
SELECT set_config('factcheck.similar_keys_written', 'off', true)
"""
UPDATE_BATCH = 200  # rows per UPDATE … CASE: PostgreSQL walks the CASE per row, so its cost grows as rows²


@dataclass
class RunResult:
    """One taken run (its `attempts` is this attempt) and what the extractor found in its article."""

    run: Any
    extraction: Any
    duration_ms: int
    progress_total: int = 1


@dataclass
class _Plan:
    """What one run's write does to its article's statements, decided before anything is written."""

    result: RunResult
    article: Any
    pairs: list = field(default_factory=list)  # (existing claim, statement): updated in place
    new: list = field(default_factory=list)  # statements with no claim yet: created
    kept: list = field(default_factory=list)  # touched claims the run no longer finds: kept, marked
    gone: list = field(default_factory=list)  # untouched claims the run no longer finds: deleted


def results_write(*, run, extraction, duration_ms, progress_total=1):
    """Upsert one run's statements and finish it; the run's pk, or None when the sweep took it back."""
    written = results_write_many([RunResult(run, extraction, duration_ms, progress_total)])
    return run.pk if written else None


@transaction.atomic
def results_write_many(results):
    """Upsert the statements of several runs on (article, start, end) and finish them, in one transaction.

    Statements a person touched (evidence, verdict, assignee, status) are never deleted: a new span
    whose text still matches takes them over (re-anchored), else they are kept and marked "not found
    by the current extractor". Returns the pks of the runs written; a run that this attempt no longer
    owns (the sweep took it back) is skipped and its article left as it was.
    """
    if not results:
        return []
    _commit_without_flush_wait()
    # Lock the articles (in pk order, so two writers never deadlock): two writers of one article (a
    # re-extract racing a retry) go one at a time.
    ids = sorted({r.run.article_id for r in results})
    locked = Article.objects.select_for_update().only("pk", "newsroom_id").filter(pk__in=ids).order_by("pk")
    articles = {a.pk: a for a in locked}
    existing = {}
    for claim in Claim.objects.filter(article_id__in=ids):
        existing.setdefault(claim.article_id, {})[(claim.start, claim.end)] = claim
    plans = [_plan_match(r, articles[r.run.article_id], existing.get(r.run.article_id, {})) for r in results]
    _plans_settle(plans)
    owned = _runs_finish(plans)
    _plans_save(owned)
    finished_announce(
        FinishedRun(p.result.run.pk, p.result.run.article_id, p.article.newsroom_id, "succeeded") for p in owned
    )
    return [p.result.run.pk for p in owned]


def _commit_without_flush_wait():
    if connection.vendor == "postgresql":
        # Results are recomputable: if a crash loses this commit the run is still RUNNING and the
        # sweep re-runs it, so the commit need not wait for the WAL flush.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _plan_match(result, article, existing):
    """Pair each statement with the claim on its exact span; the rest are new (for now)."""
    plan = _Plan(result=result, article=article)
    matched = set()
    for st in result.extraction.statements:
        claim = existing.get((st.start, st.end))
        if claim is None:
            plan.new.append(st)
        else:
            matched.add((st.start, st.end))
            plan.pairs.append((claim, st))
    plan.gone = [c for key, c in existing.items() if key not in matched]
    return plan


def _plans_settle(plans):
    """Split each plan's unmatched claims into touched (kept or re-anchored) and gone (deleted)."""
    unmatched = [c.pk for p in plans for c in p.gone]
    human_work = set()
    if unmatched:  # only a re-extract pays for this look-up
        human_work = set(
            Claim.objects.filter(pk__in=unmatched)
            .filter(Q(evidence__isnull=False) | Q(verdicts__isnull=False))
            .values_list("pk", flat=True)
        )
    for plan in plans:
        touched = {}
        for c in plan.gone:
            if c.pk in human_work or c.assignee_id or c.status != Claim.Status.NEW:
                touched[(c.start, c.end)] = c
        plan.gone = [c for c in plan.gone if (c.start, c.end) not in touched]
        new = []
        for st in plan.new:
            anchor = _reanchor_target(st, touched)
            if anchor is None:
                new.append(st)
            else:
                claim = touched.pop(anchor)
                claim.start, claim.end, claim.text = st.start, st.end, st.text
                plan.pairs.append((claim, st))
        plan.new = new
        plan.kept = list(touched.values())


def _runs_finish(plans):
    """Finish the plans' runs this attempt still owns, as job_finish finishes one: RUNNING on its attempt
    → SUCCEEDED with the extraction's figures. On PostgreSQL one conditional UPDATE for the lot (a fixed
    statement over arrays, FINISH_SQL), elsewhere one per run. Returns the owned plans; a run the sweep
    took back is skipped with a warning."""
    if connection.vendor == "postgresql" and len(plans) > 1:
        columns = [list(column) for column in zip(*(_finish_values(plan) for plan in plans), strict=True)]
        with connection.cursor() as cursor:
            now = timezone.now()
            cursor.execute(FINISH_SQL, [now, now, *columns])
            done = {pk for (pk,) in cursor.fetchall()}
    else:
        done = {plan.result.run.pk for plan in plans if _run_finish(plan)}
    for plan in plans:
        if plan.result.run.pk not in done:
            logger.warning("extraction run %s was reclaimed while running; results discarded", plan.result.run.pk)
    return [plan for plan in plans if plan.result.run.pk in done]


def _finish_values(plan):
    """(pk, attempt, extractor version, found, kept, duration ms, relations JSON, progress total) of a run."""
    result, extraction = plan.result, plan.result.extraction
    relations = json.dumps([r.to_dict() for r in extraction.relations])
    found, kept = len(extraction.statements), len(plan.kept)
    version, total = extraction.extractor_version, result.progress_total
    return (result.run.pk, result.run.attempts, version, found, kept, result.duration_ms, relations, total)


def _run_finish(plan):
    """True when job_finish finished the plan's run (pinned on its attempt)."""
    pk, attempt, version, found, kept, duration_ms, relations, total = _finish_values(plan)
    return job_finish(
        EXTRACTION_JOB, pk, attempt, extractor_version=version, statements_found=found, statements_kept=kept,
        duration_ms=duration_ms, relations=json.loads(relations), progress_done=total, progress_total=total,
    )  # fmt: skip


def _plans_save(plans):
    """Write the owned plans: one DELETE, one UPDATE (per UPDATE_BATCH rows) and its history rows, one
    COPY (or INSERT) of new statements, one UPDATE of kept statements."""
    claimants = _claimants_for_plans(plans)
    now = timezone.now()
    defaults = {**NEW_CLAIM_DEFAULTS, "created_at": now, "updated_at": now}
    to_update, to_create, kept, gone = [], [], [], []
    for plan in plans:
        fill = _Filler(plan.result.extraction, claimants.get(plan.article.newsroom_id, {}))
        for claim, st in plan.pairs:
            claim.found_by_current_extractor = True
            claim.updated_at = now  # bulk_update does not apply auto_now
            to_update.append(fill(claim, st))
        for st in plan.new:
            claim = _NewClaim(defaults, newsroom_id=plan.article.newsroom_id, article_id=plan.article.pk)
            claim.start, claim.end = st.start, st.end
            to_create.append(fill(claim, st))
        kept.extend(c.pk for c in plan.kept)
        gone.extend(c.pk for c in plan.gone)
    if gone:
        Claim.objects.filter(pk__in=gone).delete()
    if to_update:
        # one history row per updated statement, as save() wrote them (created ones get none, as before)
        bulk_update_with_history(to_update, Claim, UPDATE_FIELDS, batch_size=UPDATE_BATCH)
    if to_create:
        _claims_insert(to_create)
    if kept:
        Claim.objects.filter(pk__in=kept).update(found_by_current_extractor=False, has_failed_check=False)


class _NewClaim:
    """A statement to INSERT, as the Claim's column values (attnames): no model instance is built per row."""

    def __init__(self, defaults, **values):
        self.__dict__.update(defaults, **values)


def _claims_insert(claims):
    """INSERT new statements (_NewClaim). On PostgreSQL one COPY: no statement text of hundreds of rows to
    build and parse, and the rollup's statement-level trigger (claims 0007) fires once for the lot, as for
    an INSERT. The generated search_vector is not named, so PostgreSQL fills it. Elsewhere bulk_create.

    The similar-statements word keys (claims 0011) are COPYed too, computed here (similar.word_keys): their
    insert trigger costs ~98 us of PostgreSQL a statement, more than half of the write's database CPU. The ids
    are drawn from the sequence first (one round trip, which also tells the trigger to leave these rows to
    us: claims 0013), and a text that is not ASCII is keyed by the database's own function."""
    if connection.vendor != "postgresql":
        Claim.objects.bulk_create(Claim(**vars(claim)) for claim in claims)
        return
    columns = ", ".join(connection.ops.quote_name(f.column) for f in _CLAIM_FIELDS)
    json_at = [i for i, name in enumerate(NEW_CLAIM_COLUMNS) if name in JSON_COLUMNS]
    by_database = []
    with connection.cursor() as cursor:
        cursor.execute(KEYS_BY_WRITER_SQL, [len(claims)])
        ids = cursor.fetchone()[0]
        with cursor.copy(f"COPY {Claim._meta.db_table} (id, {columns}) FROM STDIN") as copy:
            for pk, claim in zip(ids, claims, strict=True):
                row = [getattr(claim, name) for name in NEW_CLAIM_COLUMNS]
                for i in json_at:  # COPY's text format: PostgreSQL parses the JSON text into jsonb
                    row[i] = json.dumps(row[i])
                copy.write_row([pk, *row])
        with cursor.copy("COPY claims_similarkey (newsroom_id, key, claim_id) FROM STDIN") as copy:
            for pk, claim in zip(ids, claims, strict=True):
                keys = similar.word_keys(claim.text)
                if keys is None:
                    by_database.append(pk)
                for key in keys or ():
                    copy.write_row((claim.newsroom_id, key, pk))
        cursor.execute(KEYS_BY_DATABASE_SQL, [by_database])


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


class _Filler:
    """Fills a Claim from one extracted Statement (quantities, relations, claimant) of one extraction."""

    def __init__(self, extraction, claimants):
        self.version = extraction.extractor_version
        self.quantities = extraction.quantities  # a quantity's id is its index
        self.rel_by_statement = _statement_relations(extraction.relations)
        self.claimants = claimants

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
            claimant = self.claimants.get(claimant_name(st.speaker.name))
            claim.claimant_id = claimant.pk if claimant is not None else None
        return claim


def _reanchor_target(statement, touched):
    """A kept statement whose text still matches a new span (one contains the other, spans overlap)."""
    new_text = _normalise(statement.text)
    for key, claim in touched.items():
        old_text = _normalise(claim.text)
        overlaps = claim.start < statement.end and statement.start < claim.end
        if overlaps and (old_text in new_text or new_text in old_text):
            return key
    return None


def _claimants_for_plans(plans):
    """{newsroom id: {name: Claimant}} for every speaker the plans' statements name."""
    by_newsroom = {}
    for plan in plans:
        by_newsroom.setdefault(plan.article.newsroom_id, []).extend(plan.result.extraction.statements)
    return {newsroom_id: _claimants_for(newsroom_id, statements) for newsroom_id, statements in by_newsroom.items()}


def _claimants_for(newsroom_id, statements):
    """Claimants for every speaker named in the statements, created in one go when missing: {name: row}."""
    wanted = {}
    for st in statements:
        if st.speaker is not None and claimant_name(st.speaker.name):
            wanted.setdefault(claimant_name(st.speaker.name), (st.speaker.title or "", st.speaker.name))
    if not wanted:
        return {}
    found = {c.name: c for c in Claimant.objects.filter(newsroom_id=newsroom_id, name__in=list(wanted))}
    missing = [
        Claimant(
            newsroom_id=newsroom_id,
            name=n,
            role=role[:200],
            kind=Claimant.Kind.ORGANIZATION if claimant_is_organisation(said) else Claimant.Kind.PERSON,
        )
        for n, (role, said) in wanted.items()
        if n not in found
    ]
    if missing:
        Claimant.objects.bulk_create(missing, ignore_conflicts=True)
        found.update({c.name: c for c in Claimant.objects.filter(newsroom_id=newsroom_id, name__in=list(wanted))})
    return found
