"""Evidence pack: one ZIP per verdict, for the archive and for anyone who asks how we got there.

Contents:
- claimreview.jsonld — the verdict's ClaimReview (or skipped.txt saying why there is none);
- evidence.csv — source, URL, quoted passage, SHA-256 of the passage, stance, primary, added by/at;
- history.json — every historical version of every verdict on the statement, with who and when;
- statement.json — the article, the statement and its offsets, checked against the article body;
- manifest.json — SHA-256 of each file above.
"""

import csv
import hashlib
import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch

from factcheck.reports.claimreview import Skip, claimreview_for, scale_bounds
from factcheck.reports.common import export_name
from factcheck.reports.csvexport import neutralise
from factcheck.reports.selection import evidence_for
from factcheck.verdicts.models import Evidence, Verdict

EVIDENCE_HEADER = [
    "evidence_id",
    "source",
    "source_url",
    "url",
    "quoted_passage",
    "passage_sha256",
    "stance",
    "primary",
    "private",
    "added_by",
    "added_at",
]


def _json(data):
    return json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)


def passage_sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def evidence_csv(evidence, internal=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EVIDENCE_HEADER)
    for e in evidence:
        row = [
            e.pk,
            e.credit.name,
            e.credit.url,
            e.url,
            e.quote,
            passage_sha256(e.quote),
            e.stance,
            "yes" if e.is_primary else "no",
            "yes" if e.is_private else "no",
            export_name(e.added_by, internal=internal),
            e.created_at.isoformat(),
        ]
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()


def verdict_history(claim, internal=False):
    """Every historical record of every verdict (all versions) on the statement, oldest first."""
    records = (
        Verdict.history.filter(claim_id=claim.pk)
        .select_related("history_user", "rating")
        .order_by("history_date", "history_id")
    )
    kinds = {"+": "created", "~": "changed", "-": "deleted"}
    return [
        {
            "verdict_id": r.id,
            "version": r.version,
            "when": r.history_date,
            "who": export_name(r.history_user, internal=internal) or None,
            "change": kinds.get(r.history_type, r.history_type),
            "reason": r.history_change_reason,
            "status": r.status,
            "rating": r.rating.label if r.rating_id and r.rating else None,
            "conclusion": r.conclusion,
            "correction_reason": r.correction_reason,
            "review_comment": r.review_comment,
            "author": export_name(r.author, internal=internal) or None,
            "reviewer": export_name(r.reviewer, internal=internal) or None,
            "published_at": r.published_at,
        }
        for r in records
    ]


def statement_record(verdict):
    claim = verdict.claim
    article = claim.article
    return {
        "article": {
            "id": article.pk,
            "title": article.title,
            "url": article.url,
            "outlet": verdict.outlet_credit.name or None,  # as approved, once published
            "published_on": article.published_on,
            "content_sha256": article.content_hash,
        },
        "statement": {
            "id": claim.pk,
            "text": claim.text,
            "start": claim.start,
            "end": claim.end,
            "offsets_match_article": article.body[claim.start : claim.end] == claim.text,
            "speaker": claim.speaker,
            "claimant": claim.claimant.name if claim.claimant else None,
            "types": claim.type_list,
        },
    }


def evidence_pack(*, verdict, base_url, internal=False):
    """The ZIP as bytes. Private evidence only when `internal` (the view allows that to admins)."""
    evidence = Evidence.all_objects.filter(claim_id=verdict.claim_id).select_related("source", "added_by")
    if not internal:
        evidence = evidence.public()
    verdict = (
        Verdict.objects.select_related(
            "newsroom", "rating", "author", "reviewer", "claim__article__outlet", "claim__claimant"
        )
        .prefetch_related(Prefetch("claim__evidence", queryset=evidence, to_attr="every_evidence"))
        .get(pk=verdict.pk)
    )
    verdict.claim.report_evidence = evidence_for(verdict, verdict.claim.every_evidence)
    files = {}
    try:
        doc = claimreview_for(verdict, base_url=base_url, bounds=scale_bounds(verdict.newsroom))
        files["claimreview.jsonld"] = _json(doc)
    except Skip as exc:
        files["skipped.txt"] = f"No ClaimReview for verdict {verdict.pk}: {exc}.\n"
    files["evidence.csv"] = evidence_csv(verdict.claim.report_evidence, internal)
    files["history.json"] = _json(verdict_history(verdict.claim, internal))
    files["statement.json"] = _json(statement_record(verdict))
    manifest = {
        "verdict": verdict.pk,
        "internal": internal,
        "files": {name: hashlib.sha256(body.encode("utf-8")).hexdigest() for name, body in files.items()},
    }
    files["manifest.json"] = _json(manifest)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, body in files.items():
            zf.writestr(f"verdict-{verdict.pk}/{name}", body)
    return buffer.getvalue()
