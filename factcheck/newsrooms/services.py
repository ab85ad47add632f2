"""Writes to a newsroom's membership: add a member (a new account), change a role, remove a member.

Every write locks the newsroom row first, so two admins changing members at the same moment take
turns: the "at least one admin" rule is checked against what is committed, never against a stale
read (two admins demoting each other at once would otherwise leave the newsroom without an admin).
"""

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.sql import UpdateQuery
from django.utils import timezone

from factcheck.core.db import lazy_commit
from factcheck.newsrooms.models import Membership, Newsroom

INITIAL_PASSWORD_BYTES = 12  # 16 URL-safe characters


class MembershipConflict(Exception):
    """The member changed or left since the page was loaded; nothing was written."""


@dataclass
class NewMember:
    membership: Membership
    password: str  # the one-time initial password, shown once to the admin and never stored in clear


def _lock_newsroom(newsroom):
    return Newsroom.objects.select_for_update().get(pk=newsroom.pk)


def _other_admins(membership):
    return (
        Membership.objects.filter(newsroom_id=membership.newsroom_id, role=Membership.Role.ADMIN, user__is_active=True)
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def member_create(
    *, newsroom: Newsroom, username: str, email: str, display_name: str, role: str = Membership.Role.CHECKER
) -> NewMember:
    """Create a new account and make it a member of `newsroom` with a generated initial password.

    Only new accounts: an existing user (perhaps of another newsroom) is never looked up or attached,
    so the screen cannot be used to discover other newsrooms' people.
    """
    User = get_user_model()
    _lock_newsroom(newsroom)
    username = (username or "").strip()
    if role not in Membership.Role.values:
        raise ValidationError({"role": "Pick a role."})
    user = User(username=username, email=(email or "").strip(), first_name=(display_name or "").strip())
    if not user.email:
        raise ValidationError({"email": "Enter an email address."})
    user.full_clean(exclude=["password"])  # includes "a user with that username already exists"
    password = secrets.token_urlsafe(INITIAL_PASSWORD_BYTES)
    validate_password(password, user)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        # Another newsroom created the same username since the check above: the unique index decides.
        raise ValidationError({"username": "A user with that username already exists."}) from None
    membership = Membership(user=user, newsroom=newsroom, role=role)
    membership.full_clean()
    membership.save()
    return NewMember(membership=membership, password=password)


@transaction.atomic
def member_set_role(*, membership: Membership, role: str) -> Membership:
    """Change a member's role; the last active admin cannot stop being one."""
    if role not in Membership.Role.values:
        raise ValidationError({"role": "Pick a role."})
    _lock_newsroom(membership.newsroom)
    current = Membership.objects.filter(pk=membership.pk).values_list("role", flat=True).first()
    if current is None:
        raise MembershipConflict("This member has left the newsroom.")
    if current == role:
        membership.role = role
        return membership
    if current == Membership.Role.ADMIN and not _other_admins(membership):
        raise ValidationError("The newsroom needs at least one admin: make someone else an admin first.")
    # Conditional on the role we checked, so a change made since the page was loaded is not overwritten.
    if Membership.objects.filter(pk=membership.pk, role=current).update(role=role) != 1:
        raise MembershipConflict("This member's role changed meanwhile; reload and try again.")
    membership.role = role
    return membership


@transaction.atomic
def member_remove(*, membership: Membership) -> None:
    """Remove a member from the newsroom; the last active admin cannot leave.

    The account stays (their evidence and verdicts keep their author) but is deactivated when it is
    no longer a member of any newsroom and is not a platform operator, so it can no longer log in.
    """
    _lock_newsroom(membership.newsroom)
    current = Membership.objects.filter(pk=membership.pk).values_list("role", flat=True).first()
    if current is None:
        raise MembershipConflict("This member has already left the newsroom.")
    if current == Membership.Role.ADMIN and not _other_admins(membership):
        raise ValidationError("The newsroom needs at least one admin: make someone else an admin first.")
    deleted, _ = Membership.objects.filter(pk=membership.pk, role=current).delete()
    if not deleted:
        raise MembershipConflict("This member changed meanwhile; reload and try again.")
    User = get_user_model()
    User.objects.filter(pk=membership.user_id, is_superuser=False, is_staff=False, memberships__isnull=True).update(
        is_active=False
    )


def membership_queue_seen(*, member: Membership, now=None):
    """Remember when the member opened the queue; returns the previous time (None the first time), which is
    also kept as `queue_previous_seen_at`: what the queue marks new until the next opening."""
    previous, member.queue_seen_at = member.queue_seen_at, now or timezone.now()
    member.queue_previous_seen_at = previous
    with lazy_commit():  # a stamp, not work: the page does not wait for it to reach the disk
        Membership.objects.filter(pk=member.pk).update(
            queue_seen_at=member.queue_seen_at, queue_previous_seen_at=previous
        )
    return previous


def membership_queue_seen_sql(*, member: Membership, now=None):
    """membership_queue_seen's UPDATE as (sql, params), for a caller that sends it together with its own reads in
    one round trip (the queue page: claims.queue.page_fetch, which also commits it without waiting for the WAL
    flush, as lazy_commit does). The member in memory is updated the same way."""
    previous, member.queue_seen_at = member.queue_seen_at, now or timezone.now()
    member.queue_previous_seen_at = previous
    update = Membership.objects.filter(pk=member.pk).query.chain(UpdateQuery)
    update.add_update_values({"queue_seen_at": member.queue_seen_at, "queue_previous_seen_at": previous})
    return update.get_compiler(using=Membership.objects.db).as_sql()


def newsroom_threshold_set(*, newsroom: Newsroom, threshold: float | None) -> Newsroom:
    """Set the newsroom's own check-worthy threshold (0–1), or None to follow the model's calibrated one."""
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise ValidationError({"threshold": "The threshold is a score from 0 to 1."})
    newsroom.checkworthy_threshold = threshold
    newsroom.save(update_fields=["checkworthy_threshold", "updated_at"])
    return newsroom
