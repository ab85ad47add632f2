"""The access helpers every view starts with.

A request's newsroom comes from the user's membership. Views fetch rows through helpers that
scope to that newsroom, so an outsider's id finds nothing (404, never 403). Role checks on
writes raise PermissionDenied (403) for members who lack the role.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from factcheck.newsrooms.models import Membership

SESSION_KEY = "newsroom_id"


def get_membership(request):
    """The membership the request acts through, cached on the request; 404 for non-members."""
    cached = getattr(request, "_membership", None)
    if cached is not None:
        return cached
    if not request.user.is_authenticated:
        raise Http404("Not a member of any newsroom")
    memberships = Membership.objects.for_user(request.user)
    chosen = request.session.get(SESSION_KEY)
    membership = None
    if chosen is not None:
        membership = memberships.filter(newsroom_id=chosen).first()
    if membership is None:
        membership = memberships.order_by("created_at", "pk").first()
    if membership is None:
        raise Http404("Not a member of any newsroom")
    request._membership = membership
    return membership


ROLE_REFUSALS = {
    "write": "Viewers have read-only access.",
    "edit": "Only editors and admins can do this.",
    "admin": "Only newsroom admins can do this.",
}


def member_check(member, row, *, level):
    """Services' own check: PermissionDenied unless `member` belongs to `row`'s newsroom with `level`.

    level: "write" (checkers and up), "edit" (editors and admins) or "admin". `row` is any object with
    a `newsroom_id` (a Membership itself for newsroom-wide actions).
    """
    if member is None or member.newsroom_id != row.newsroom_id:
        raise PermissionDenied("Not a member of this newsroom.")
    allowed = {"write": member.can_write, "edit": member.can_edit, "admin": member.is_admin}[level]
    if not allowed:
        raise PermissionDenied(ROLE_REFUSALS[level])


def require_writer(membership):
    if not membership.can_write:
        raise PermissionDenied(ROLE_REFUSALS["write"])


def require_editor(membership):
    if not membership.can_edit:
        raise PermissionDenied(ROLE_REFUSALS["edit"])


def require_admin(membership):
    if not membership.is_admin:
        raise PermissionDenied(ROLE_REFUSALS["admin"])
