"""Small helpers every format shares: people's names, absolute links, the statement in context, sources."""

import copy

from django.urls import reverse

from factcheck.core.people import display_name, full_name
from factcheck.verdicts.models import Verdict


def export_name(user, *, internal):
    """How an export names a person: internal exports (admins only) may fall back to the login, others
    show the full name or nothing."""
    return display_name(user) if internal else full_name(user)


def absolute(base_url, path):
    return base_url.rstrip("/") + path


def verdict_url(verdict, base_url):
    """The public page of a published verdict; the desk's statement screen for anything else."""
    if verdict.status == Verdict.Status.PUBLISHED:
        return absolute(base_url, reverse("reports:public_verdict", args=[verdict.pk]))
    return absolute(base_url, reverse("verdicts:claim", args=[verdict.claim_id]))


def statement_context(claim, chars=220):
    """(before, statement, after): the statement with up to `chars` of its article either side.

    Cut at word boundaries, with an ellipsis where the article goes on.
    """
    body = claim.article.body
    start, end = claim.start, claim.end
    if not (0 <= start < end <= len(body)):
        return "", claim.text, ""
    before = body[max(0, start - chars) : start]
    after = body[end : end + chars]
    if start - chars > 0 and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if end + chars < len(body) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    # keep the paragraph the statement sits in
    before = before.rsplit("\n\n", 1)[-1]
    after = after.split("\n\n", 1)[0]
    return before, body[start:end], after


def credited(items, *, published):
    """Copies of the evidence `items`, each with `.credit`: its source as the fact-check names it
    (Evidence.source_credit: as approved on published work, else as the registry has it). Copies, because a
    report may read one row for two versions of a statement (a published one and its open correction)."""
    out = []
    for item in items:
        item = copy.copy(item)
        item.credit = item.source_credit(published=published)
        out.append(item)
    return out


def evidence_of(verdict):
    """The evidence the report selection prefetched (public only unless the report is internal)."""
    return getattr(verdict.claim, "report_evidence", None) or []
