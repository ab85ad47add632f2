"""Triage of statements: assign, set the workflow status, bulk edits (the queue's actions).

Every service takes the acting `member` and checks its newsroom and role itself. Status writes are
conditional UPDATEs on the row as it is now, so a verdict moving the statement to "in review"
meanwhile wins over a stale "dismissed"; review and publication statuses follow the verdict workflow
(`factcheck.verdicts.services`), never these services.
"""

from typing import NamedTuple

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from factcheck.claims.models import Claim
from factcheck.core.history import history_record
from factcheck.newsrooms.access import member_check
from factcheck.newsrooms.models import Membership

ClaimStatus = Claim.Status
BULK_LIMIT = 500
UNKNOWN_ASSIGNEE = "Unknown person."  # the view's answer for a missing id: the same for another newsroom's
MANUAL_STATUSES = (ClaimStatus.NEW, ClaimStatus.IN_PROGRESS, ClaimStatus.DISMISSED)


def _assignee_check(member, assignee):
    if assignee is None:
        return
    memberships = Membership.objects.filter(newsroom_id=member.newsroom_id, user=assignee)
    role = memberships.values_list("role", flat=True).first()
    if role is None:
        # Not a member here: answer exactly as for an id that does not exist (no id oracle).
        raise ValidationError({"assignee": UNKNOWN_ASSIGNEE})
    if role == Membership.Role.VIEWER:
        raise ValidationError({"assignee": "Assign to a checker or editor of this newsroom."})


@transaction.atomic
def claim_assign(*, member: Membership, claim: Claim, assignee) -> Claim:
    """Assign a statement. Checkers may take a statement themselves or let go of their own; editors assign anyone.

    Someone outside the newsroom is "Unknown person." to everyone, before any role check, so the
    answer never tells whether another newsroom's user id exists.
    """
    member_check(member, claim, level="write")
    _assignee_check(member, assignee)
    if not member.can_edit:
        taking = assignee is not None and assignee.pk == member.user_id and claim.assignee_id in (None, member.user_id)
        letting_go = assignee is None and claim.assignee_id == member.user_id
        if not (taking or letting_go):
            raise PermissionDenied("Only editors assign statements to others.")
    claim.assignee = assignee
    claim.save(update_fields=["assignee", "updated_at"])
    return claim


@transaction.atomic
def claim_status_set(*, member: Membership, claim: Claim, status: str, reason: str = "") -> Claim:
    """Set new / in progress / dismissed (with a reason). Review and publication follow the verdict."""
    member_check(member, claim, level="write")
    if status not in MANUAL_STATUSES:
        raise ValidationError({"status": "In review and published follow the verdict workflow."})
    reason = (reason or "").strip()
    if status == ClaimStatus.DISMISSED and not reason:
        raise ValidationError({"reason": "Say why the statement is dismissed."})
    # Conditional on the row as it is now, not on `claim` as it was read: a verdict submitted meanwhile
    # (the statement moved to "in review") wins over a stale "dismissed".
    moved = Claim.objects.filter(pk=claim.pk, status__in=MANUAL_STATUSES).update(
        status=status,
        dismissed_reason=reason[:300] if status == ClaimStatus.DISMISSED else "",
        updated_at=timezone.now(),
    )
    if moved != 1:
        claim.refresh_from_db()
        raise ValidationError({"status": "This statement's verdict is in review or published."})
    return history_record(claim, f"status set to {status}")


class BulkResult(NamedTuple):
    """What a bulk edit did to the statements selected: `changed`, and why the others were left as they were."""

    selected: int  # distinct ids sent (up to BULK_LIMIT)
    changed: int
    already: int = 0  # already assigned to that person, or already in that status
    locked: int = 0  # in review or published: their verdict drives the status
    missing: int = 0  # gone meanwhile, or not this newsroom's

    def summary(self) -> str:
        """ "Updated 3 statements." when every selected one changed, else how many of how many, and why not."""
        if self.changed == self.selected:
            return f"Updated {self.changed} statement{'s' if self.changed != 1 else ''}."
        why = [
            f"{count} {label}"
            for count, label in (
                (self.already, "already so"),
                (self.locked, "in review or published"),
                (self.missing, "no longer in the queue"),
            )
            if count
        ]
        selected = f"{self.selected} selected statement{'s' if self.selected != 1 else ''}"
        return f"Updated {self.changed} of {selected} ({', '.join(why)})."


@transaction.atomic
def claims_bulk_update(
    *, member: Membership, claim_ids, action: str, assignee=None, status="", reason=""
) -> BulkResult:
    """Assign, set status or dismiss many statements at once (editors): what changed, and what was already so.

    Statements in review or published are skipped for status changes: their verdict drives them.
    """
    member_check(member, member, level="edit")
    ids = list({int(pk) for pk in claim_ids})[:BULK_LIMIT]
    if not ids:
        raise ValidationError("Select at least one statement.")
    claims = list(Claim.objects.for_newsroom(member.newsroom).filter(pk__in=ids).select_for_update())
    missing = len(ids) - len(claims)
    if action == "assign":
        _assignee_check(member, assignee)
        wanted = assignee.pk if assignee else None
        to_change = [claim for claim in claims if claim.assignee_id != wanted]
        for claim in to_change:
            claim.assignee = assignee
            claim.save(update_fields=["assignee", "updated_at"])
        return BulkResult(len(ids), len(to_change), already=len(claims) - len(to_change), missing=missing)
    if action == "dismiss":
        status = ClaimStatus.DISMISSED
    elif action != "status":
        raise ValidationError("Unknown bulk action.")
    if status not in MANUAL_STATUSES:
        raise ValidationError({"status": "Pick new, in progress or dismissed."})
    reason = (reason or "").strip()
    if status == ClaimStatus.DISMISSED and not reason:
        raise ValidationError({"reason": "Say why the statements are dismissed."})
    locked = sum(claim.status in (ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED) for claim in claims)
    to_change = [claim for claim in claims if claim.status in MANUAL_STATUSES and claim.status != status]
    for claim in to_change:
        claim.status = status
        claim.dismissed_reason = reason[:300] if status == ClaimStatus.DISMISSED else ""
        claim.save(update_fields=["status", "dismissed_reason", "updated_at"])
    already = len(claims) - locked - len(to_change)
    return BulkResult(len(ids), len(to_change), already=already, locked=locked, missing=missing)
