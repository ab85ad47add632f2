"""The access helpers every view starts with.

A request's newsroom comes from the user's membership. Views fetch rows through helpers that
scope to that newsroom, so an outsider's id finds nothing (404, never 403). Role checks on
writes raise PermissionDenied (403) for members who lack the role.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

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
    require_role(member, level)


def require_role(membership, level):
    """PermissionDenied (403) unless the member has `level`: "write", "edit" or "admin"."""
    allowed = {"write": membership.can_write, "edit": membership.can_edit, "admin": membership.is_admin}[level]
    if not allowed:
        raise PermissionDenied(ROLE_REFUSALS[level])


def require_writer(membership):
    require_role(membership, "write")


def require_editor(membership):
    require_role(membership, "edit")


def require_admin(membership):
    require_role(membership, "admin")


def get_member_with(request, level):
    """The request's membership after the role check (403 for members without `level`)."""
    membership = get_membership(request)
    require_role(membership, level)
    return membership


def get_for_member(request, queryset, pk, *, level=None, newsroom_path="newsroom"):
    """Row `pk` of `queryset`, scoped to the request's newsroom, then the role check.

    The row is looked up first, so another newsroom's id is a 404 whatever the role (never a 403 that
    would confirm the row exists); a member of the row's newsroom without `level` gets 403.
    newsroom_path: the lookup from the model to its newsroom ("webhook__newsroom" for a delivery).
    """
    membership = get_membership(request)
    row = get_object_or_404(queryset.filter(**{newsroom_path: membership.newsroom}), pk=pk)
    if level is not None:
        require_role(membership, level)
    return row
