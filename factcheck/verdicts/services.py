"""Writes and workflows of the review room: evidence and the verdict state machine.

Claim triage (assign, status, bulk) lives in `factcheck.claims.workflow`.

Every service takes the acting `member` (a Membership) and checks its newsroom and role itself, so
the rules hold for any caller, not only the views. Transitions two people can race (approve,
return, submit, withdraw) are conditional UPDATEs that must change exactly one row; the loser gets
`VerdictConflict`. Conditional UPDATEs bypass `save()`, so each winner then saves the row once
more to write its django-simple-history record (who, when, what).

Review rules:
- Four eyes: everyone who touches a verdict version (its author, anyone who saves the draft or
  submits it, anyone who changes the statement's evidence while the version is open) becomes one of
  its `contributors`; no contributor may approve or return that version.
- Evidence changes only while the statement has no verdict or its current version is a draft. In
  review it is frozen (an editor returns the verdict, or its author withdraws it, first); once
  published, only a correction (a new draft version) re-opens it, and the changes are then reviewed
  with the corrected verdict.
- Withdraw: the author of a version in review may take it back to draft while no editor has approved
  or returned it (a conditional UPDATE on status, like theirs), e.g. after submitting it by mistake.
- "A verdict needs evidence" counts public evidence only: private evidence never reaches the public page.
- Verdict rows are locked (SELECT … FOR UPDATE) by every service that reads evidence or contributors
  to decide, so a concurrent change of either cannot slip between the check and the transition.
- No silent overwrite: a draft save against an older `verdict_version` than the draft's is `VerdictStale`.
- Adding evidence or saving a draft assigns an unassigned statement to whoever does it (never someone else's).
"""

from datetime import UTC, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from factcheck.claims.models import Claim
from factcheck.core.history import history_record
from factcheck.core.people import display_name
from factcheck.core.signals import verdict_published
from factcheck.newsrooms.access import member_check
from factcheck.newsrooms.models import Membership
from factcheck.sources.models import Source
from factcheck.sources.services import source_find_or_create
from factcheck.verdicts.models import Evidence, RatingScale, Verdict

ClaimStatus = Claim.Status
VerdictStatus = Verdict.Status
ALLOWED_URL_SCHEMES = ("http://", "https://")


class VerdictConflict(Exception):
    """Someone else changed the verdict first (the state it was expected in is gone)."""


class VerdictStale(VerdictConflict):
    """A save against an older version of the draft: `verdict` as it is now, changed last by `who` (None:
    unknown) at `when`; `you` when that was the saver themselves (another tab)."""

    def __init__(self, *, verdict, who, you):
        self.verdict, self.who, self.you, self.when = verdict, who, you, verdict.updated_at
        name = "You (in another tab or window)" if you else (display_name(who) or "A colleague")
        moment = timezone.localtime(self.when).strftime("%d %b %H:%M")
        super().__init__(f"Not saved: {name} changed this draft at {moment}, after you opened it.")


NOT_THE_AUTHOR = "Only the verdict's author can withdraw it from review; an editor can return it instead."
SELF_REVIEW = "You wrote or edited this version of the verdict, so a different editor must approve or return it."
EVIDENCE_IN_REVIEW = (
    "The verdict is in review, so its evidence is frozen: an editor must approve it or return it first "
    "(or its author withdraw it to draft)."
)
EVIDENCE_PUBLISHED = (
    "The verdict is published, so its evidence changes only through a correction: open a correction first."
)


# --- access -------------------------------------------------------------------------------


def _url_check(url, field="url"):
    url = (url or "").strip()
    if url and not url.lower().startswith(ALLOWED_URL_SCHEMES):
        raise ValidationError({field: "Only http and https links are accepted."})
    return url


def _contributed(verdict, *users):
    """Record that these users touched this verdict version (they may not review it)."""
    verdict.contributors.add(*[u for u in users if u is not None])


def _locked(verdict):
    """The verdict's current row, locked until the transaction ends (VerdictConflict if it is gone)."""
    row = Verdict.objects.select_for_update().filter(pk=verdict.pk).first()
    if row is None:
        raise VerdictConflict("This verdict no longer exists; reload the statement.")
    return row


def _claim_status_move(claim, to, *, from_statuses, reason):
    """Move the claim's workflow status if it is in one of `from_statuses` (history kept)."""
    moved = Claim.objects.filter(pk=claim.pk, status__in=from_statuses).update(status=to, updated_at=timezone.now())
    if moved:
        history_record(claim, reason)
    return moved == 1


def _claim_take(claim, user):
    """Assign the statement to `user` if nobody has it (a conditional UPDATE: never someone else's)."""
    taken = Claim.objects.filter(pk=claim.pk, assignee__isnull=True).update(assignee=user, updated_at=timezone.now())
    if taken:
        history_record(claim, "assigned to the person working on it")


# --- evidence -----------------------------------------------------------------------------


@transaction.atomic
def evidence_source(*, member, name, url="") -> Source:
    """The registry entry evidence cites, by name (or 'name (domain)') or URL; added when a home URL is
    given (sources.services.source_find_or_create), else a message that asks for one."""
    member_check(member, member, level="write")
    name = (name or "").strip()
    if not name:
        raise ValidationError({"source": "Name the source."})
    url = _url_check(url, "source_url")
    try:
        found = source_find_or_create(newsroom=member.newsroom, name=name, url=url, create_needs_url=True)
    except ValidationError as exc:
        if hasattr(exc, "message_dict") and "url" in exc.message_dict:
            raise ValidationError({"source_url": exc.message_dict["url"]}) from None
        raise
    if found is None:
        raise ValidationError(
            {"source": f"“{name}” is not in the registry. Give its home URL to add it, or pick a listed source."}
        )
    return found


@transaction.atomic
def evidence_attach(
    *,
    member: Membership,
    claim: Claim,
    source: Source | None = None,
    url: str = "",
    quote: str = "",
    stance: str = Evidence.Stance.CONTEXT,
    is_primary: bool = False,
    is_private: bool = False,
    note: str = "",
) -> Evidence:
    """Attach one piece of evidence to a statement; a new statement moves to 'in progress'."""
    member_check(member, claim, level="write")
    open_verdict = _evidence_open_verdict(claim.pk)
    if source is not None and source.newsroom_id != claim.newsroom_id:
        raise ValidationError({"source": "Unknown source."})
    url = _url_check(url)
    if source is None and not url:
        raise ValidationError({"url": "Give a source, a URL, or both."})
    evidence = Evidence(
        newsroom_id=claim.newsroom_id,
        claim=claim,
        source=source,
        url=url,
        quote=(quote or "").strip(),
        stance=stance,
        is_primary=is_primary,
        is_private=is_private,
        note=(note or "").strip(),
        added_by=member.user,
        added_in_version=open_verdict.version if open_verdict is not None else None,
    )
    evidence.full_clean()
    evidence.save()
    if open_verdict is not None:
        _contributed(open_verdict, member.user)
    _claim_take(claim, member.user)
    _claim_status_move(claim, ClaimStatus.IN_PROGRESS, from_statuses=[ClaimStatus.NEW], reason="evidence added")
    return evidence


@transaction.atomic
def evidence_remove(*, member: Membership, evidence: Evidence) -> Evidence:
    """Remove evidence while the verdict is a draft (or there is none).

    During a correction the published version stays live, so its last public piece stays too.
    """
    member_check(member, evidence, level="write")
    claim_id = evidence.claim_id
    open_verdict = _evidence_open_verdict(claim_id)
    if (
        not evidence.is_private
        and Verdict.objects.filter(claim_id=claim_id, status=VerdictStatus.PUBLISHED).exists()
        and not Evidence.objects.filter(claim_id=claim_id).public().exclude(pk=evidence.pk).exists()
    ):
        raise ValidationError(
            "This is the only public evidence of the published verdict; add another public piece first."
        )
    published = Verdict.objects.filter(claim_id=claim_id, status=VerdictStatus.PUBLISHED).only("version").first()
    if published is not None and evidence.in_version(published.version):
        # Part of what the public page shows: it stays there until the correction is approved.
        evidence.removed_in_version = open_verdict.version
        evidence.save(update_fields=["removed_in_version", "updated_at"])
    else:
        evidence.delete()
    if open_verdict is not None:
        _contributed(open_verdict, member.user)
    return evidence


def evidence_lock_reason(verdict: Verdict | None) -> str:
    """Why evidence cannot change while `verdict` is the statement's current version ('' when it can)."""
    if verdict is None or verdict.status == VerdictStatus.DRAFT:
        return ""
    return EVIDENCE_IN_REVIEW if verdict.status == VerdictStatus.IN_REVIEW else EVIDENCE_PUBLISHED


def _evidence_open_verdict(claim_id):
    """The draft that evidence changes go with (locked; None when there is no verdict yet).

    Raises ValidationError when the current version is in review or published: evidence then changes
    only after a return or through a correction.
    """
    current = Verdict.objects.select_for_update().filter(claim_id=claim_id).order_by("-version").first()
    reason = evidence_lock_reason(current)
    if reason:
        raise ValidationError(reason)
    return current


# --- verdicts -----------------------------------------------------------------------------

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def verdict_version(verdict: Verdict | None) -> str:
    """The version of a draft a verdict form is loaded at: its row and the microsecond it was last changed
    ('' for no verdict). Every save and transition moves `updated_at`; evidence and contributors do not."""
    if verdict is None:
        return ""
    return f"{verdict.pk}.{(verdict.updated_at - EPOCH) // timedelta(microseconds=1)}"


def _version_check(verdict, version, user):
    """VerdictStale when the open draft `verdict` (locked) is no longer at `version` (None: not checked, for
    callers that loaded no form). No draft yet: nothing to overwrite."""
    if version is None or verdict is None or verdict_version(verdict) == version:
        return
    last = verdict.history.select_related("history_user").order_by("-history_date", "-history_id").first()
    who = last.history_user if last is not None else None
    raise VerdictStale(verdict=verdict, who=who, you=who is not None and who.pk == user.pk)


def _rating_check(claim, rating):
    if rating is not None and (rating.newsroom_id != claim.newsroom_id or not rating.active):
        raise ValidationError({"rating": "Pick a rating from the newsroom's scale."})


@transaction.atomic
def verdict_save_draft(
    *, member: Membership, claim: Claim, rating: RatingScale | None, conclusion: str, version: str | None = None
) -> Verdict:
    """Create or update the claim's open draft. A verdict in review or published is not edited here.

    `version`: the `verdict_version` the caller's form was loaded at; a draft changed since is not overwritten
    (VerdictStale). None skips the check (a caller that showed no form)."""
    member_check(member, claim, level="write")
    _rating_check(claim, rating)
    conclusion = (conclusion or "").strip()
    verdict = Verdict.objects.select_for_update().filter(claim=claim, status__in=Verdict.OPEN).first()
    if verdict is None:
        if Verdict.objects.filter(claim=claim, status=VerdictStatus.PUBLISHED).exists():
            raise ValidationError("This statement has a published verdict; open a correction to change it.")
        latest = Verdict.objects.filter(claim=claim).aggregate(v=Max("version"))["v"] or 0
        verdict = Verdict(
            newsroom_id=claim.newsroom_id,
            claim=claim,
            author=member.user,
            version=latest + 1,
            status=VerdictStatus.DRAFT,
        )
    elif verdict.status != VerdictStatus.DRAFT:
        raise VerdictConflict(
            "The verdict is in review; an editor must return it (or its author withdraw it) before it can change."
        )
    _version_check(verdict if verdict.pk else None, version, member.user)
    first_draft = verdict.pk is None  # never a correction: those are opened by verdict_correct
    verdict.rating = rating
    verdict.conclusion = conclusion
    verdict.full_clean(validate_constraints=False)
    verdict._history_user = member.user  # the history names who saved, outside a request too (VerdictStale)
    try:
        with transaction.atomic():
            verdict.save()
    except IntegrityError:  # a colleague opened the draft at the same moment
        raise VerdictConflict("A colleague started a verdict on this statement at the same time; reload it.")
    gatherers = []
    if first_draft:  # the evidence gathered before the first draft is part of this version's work too
        gatherers = set(Evidence.objects.filter(claim=claim).values_list("added_by", flat=True))
    _contributed(verdict, member.user, *gatherers)
    _claim_take(claim, member.user)
    _claim_status_move(claim, ClaimStatus.IN_PROGRESS, from_statuses=[ClaimStatus.NEW], reason="verdict drafted")
    return verdict


def _publishable_check(verdict):
    errors = {}
    if verdict.rating_id is None:
        errors["rating"] = "Pick a rating."
    if not verdict.conclusion.strip():
        errors["conclusion"] = "Write the conclusion."
    if not Evidence.objects.filter(claim_id=verdict.claim_id).public().exists():
        errors[None] = "Attach at least one piece of public evidence (private evidence is never published)."
    if errors:
        raise ValidationError({k or "__all__": v for k, v in errors.items()})


@transaction.atomic
def verdict_submit(*, member: Membership, verdict: Verdict) -> Verdict:
    """Draft → in review. The verdict must already be publishable (rating, conclusion, evidence)."""
    member_check(member, verdict, level="write")
    _publishable_check(_locked(verdict))  # locked: evidence cannot change between the check and the move
    now = timezone.now()
    changed = Verdict.objects.filter(pk=verdict.pk, status=VerdictStatus.DRAFT).update(
        status=VerdictStatus.IN_REVIEW, submitted_at=now, withdrawn_at=None, updated_at=now
    )
    if changed != 1:
        raise VerdictConflict("The verdict is no longer a draft.")
    _contributed(verdict, member.user)
    history_record(verdict, "submitted for review")
    _claim_status_move(
        verdict.claim,
        ClaimStatus.IN_REVIEW,
        from_statuses=[ClaimStatus.NEW, ClaimStatus.IN_PROGRESS, ClaimStatus.PUBLISHED],
        reason="verdict submitted",
    )
    return verdict


@transaction.atomic
def verdict_save_and_submit(
    *, member: Membership, claim: Claim, rating: RatingScale | None, conclusion: str, version: str | None = None
) -> Verdict:
    """Save the draft and submit it, or neither: a refused submit (no rating, no conclusion, no public
    evidence) rolls the save back too, so it neither creates an empty draft nor changes the open one.
    `version` as verdict_save_draft's."""
    verdict = verdict_save_draft(member=member, claim=claim, rating=rating, conclusion=conclusion, version=version)
    return verdict_submit(member=member, verdict=verdict)


def verdict_is_contributor(verdict: Verdict, user) -> bool:
    """Whether `user` wrote or touched this version (then they may not review it)."""
    return not Verdict.objects.filter(pk=verdict.pk).reviewable_by(user).exists()


def _reviewer_check(member, verdict):
    """Editors who never touched this version; the row is locked so no save or submit slips in between."""
    member_check(member, verdict, level="edit")
    row = _locked(verdict)
    if verdict_is_contributor(row, member.user):
        raise PermissionDenied(SELF_REVIEW)
    return row


@transaction.atomic
def verdict_approve(*, member: Membership, verdict: Verdict) -> Verdict:
    """In review → published, by an editor who did not write or touch this version. One approver wins.

    A previous published version of the statement becomes superseded in the same transaction.
    """
    _publishable_check(_reviewer_check(member, verdict))
    now = timezone.now()
    previous = list(
        Verdict.objects.filter(claim_id=verdict.claim_id, status=VerdictStatus.PUBLISHED).exclude(pk=verdict.pk)
    )
    for old in previous:
        if Verdict.objects.filter(pk=old.pk, status=VerdictStatus.PUBLISHED).update(
            status=VerdictStatus.SUPERSEDED, updated_at=now
        ):
            history_record(old, f"superseded by version {verdict.version}")
    reviewable = Verdict.objects.filter(pk=verdict.pk, status=VerdictStatus.IN_REVIEW).reviewable_by(member.user)
    outlet = verdict.claim.article.outlet  # credited as it is now, whatever the registry becomes (outlet_credit)
    changed = reviewable.update(
        status=VerdictStatus.PUBLISHED, reviewer=member.user, published_at=now, review_comment="", updated_at=now,
        published_outlet_name=outlet.name if outlet else "", published_outlet_url=outlet.url if outlet else "",
    )  # fmt: skip
    if changed != 1:
        # Someone else approved or returned it first; the supersede above rolls back with us.
        raise VerdictConflict("Another editor reviewed this verdict first.")
    Evidence.all_objects.as_published(verdict).sources_snapshot()  # the sources it credits, as approved
    history_record(verdict, "approved and published")
    transaction.on_commit(
        lambda: verdict_published.send(
            sender=Verdict, verdict_id=verdict.pk, claim_id=verdict.claim_id, newsroom_id=verdict.claim.newsroom_id
        )
    )
    _claim_status_move(
        verdict.claim,
        ClaimStatus.PUBLISHED,
        from_statuses=[ClaimStatus.NEW, ClaimStatus.IN_PROGRESS, ClaimStatus.IN_REVIEW],
        reason="verdict published",
    )
    return verdict


@transaction.atomic
def verdict_return(*, member: Membership, verdict: Verdict, comment: str) -> Verdict:
    """In review → draft with the reviewer's comment, by an editor who did not write or touch this version."""
    _reviewer_check(member, verdict)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": "Say what needs to change."})
    reviewable = Verdict.objects.filter(pk=verdict.pk, status=VerdictStatus.IN_REVIEW).reviewable_by(member.user)
    changed = reviewable.update(
        status=VerdictStatus.DRAFT, reviewer=member.user, review_comment=comment[:5000], updated_at=timezone.now()
    )
    if changed != 1:
        raise VerdictConflict("Another editor reviewed this verdict first.")
    history_record(verdict, "returned to the author")
    _claim_status_out_of_review(verdict, reason="verdict returned")
    return verdict


@transaction.atomic
def verdict_withdraw(*, member: Membership, verdict: Verdict) -> Verdict:
    """In review → draft, by its author, while no editor has approved or returned it (one of them wins).

    For a verdict submitted by mistake; a published verdict changes only through a correction.
    """
    member_check(member, verdict, level="write")
    if verdict.author_id != member.user.pk:
        raise PermissionDenied(NOT_THE_AUTHOR)
    now = timezone.now()
    changed = Verdict.objects.filter(pk=verdict.pk, status=VerdictStatus.IN_REVIEW).update(
        status=VerdictStatus.DRAFT, withdrawn_at=now, updated_at=now
    )
    if changed != 1:
        raise VerdictConflict("This verdict is no longer in review: it was already approved, returned or withdrawn.")
    history_record(verdict, "withdrawn to draft by its author")
    _claim_status_out_of_review(verdict, reason="verdict withdrawn")
    return verdict


def _claim_status_out_of_review(verdict, *, reason):
    """The statement leaves 'in review' with its verdict: back to published when an earlier version is live
    (a correction went back to draft), else to in progress."""
    has_published = Verdict.objects.filter(claim_id=verdict.claim_id, status=VerdictStatus.PUBLISHED).exists()
    _claim_status_move(
        verdict.claim,
        ClaimStatus.PUBLISHED if has_published else ClaimStatus.IN_PROGRESS,
        from_statuses=[ClaimStatus.IN_REVIEW],
        reason=reason,
    )


@transaction.atomic
def verdict_correct(*, member: Membership, verdict: Verdict, reason: str) -> Verdict:
    """Open a correction of a published verdict: a new draft version carrying the reason."""
    member_check(member, verdict, level="write")
    if verdict.status != VerdictStatus.PUBLISHED:
        raise ValidationError("Only a published verdict can be corrected.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason for the correction; it is published with it."})
    latest = Verdict.objects.filter(claim_id=verdict.claim_id).aggregate(v=Max("version"))["v"] or verdict.version
    correction = Verdict(
        newsroom_id=verdict.newsroom_id,
        claim_id=verdict.claim_id,
        rating=verdict.rating,
        conclusion=verdict.conclusion,
        status=VerdictStatus.DRAFT,
        version=latest + 1,
        correction_reason=reason[:5000],
        author=member.user,
    )
    try:
        with transaction.atomic():
            correction.save()
    except IntegrityError:
        raise VerdictConflict("A correction of this verdict is already open.")
    _contributed(correction, member.user)
    return correction
