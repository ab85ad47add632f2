"""The members screen: a newsroom's admins list, add, re-role and remove the newsroom's members.

Other members get 403 (the screen exists for them, the role does not); another newsroom's member
ids answer 404. New members are always new accounts, so no one can look up another newsroom's people.
"""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from factcheck.core.forms import error_text, secret_once_create
from factcheck.core.people import name_and_login
from factcheck.newsrooms.access import get_for_member, get_member_with, get_membership
from factcheck.newsrooms.forms import MemberAddForm, MemberRoleForm
from factcheck.newsrooms.models import Membership
from factcheck.newsrooms.services import MembershipConflict, member_create, member_remove, member_set_role


def _render_members(request, admin, *, form=None, created=None, status=200):
    members = list(
        Membership.objects.filter(newsroom=admin.newsroom)
        .select_related("user")
        .order_by("user__first_name", "user__username")
    )
    active_admins = [m for m in members if m.is_admin and m.user.is_active]
    for member in members:
        # The screen offers no demote/remove for the last admin; the service refuses it anyway.
        member.is_last_admin = active_admins == [member]
    context = {
        "members": members,
        "roles": Membership.Role.choices,
        "form": form or MemberAddForm(),
        "created": created,
    }
    return render(request, "newsrooms/members.html", context, status=status)


@require_GET
@login_required
def member_list(request):
    admin = get_member_with(request, "admin")
    return _render_members(request, admin)


@require_POST
@login_required
@never_cache  # the answer shows the new member's initial password once
def member_add(request):
    admin = get_member_with(request, "admin")
    return secret_once_create(
        MemberAddForm(request.POST),
        lambda data: member_create(newsroom=admin.newsroom, **data),
        lambda **shown: _render_members(request, admin, **shown),
    )


@require_POST
@login_required
def member_role(request, pk):
    admin = get_member_with(request, "admin")
    member = get_for_member(request, Membership.objects.select_related("user"), pk)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Pick one of the roles.")
        return redirect("newsrooms:members")
    try:
        member_set_role(membership=member, role=form.cleaned_data["role"])
    except (ValidationError, MembershipConflict) as exc:
        messages.error(request, error_text(exc) if isinstance(exc, ValidationError) else str(exc))
    else:
        messages.success(request, f"{name_and_login(member.user)} is now {member.get_role_display().lower()}.")
        if member.pk == admin.pk and not member.is_admin:
            return redirect("home")  # they no longer manage members
    return redirect("newsrooms:members")


@require_POST
@login_required
def member_remove_view(request, pk):
    admin = get_member_with(request, "admin")
    member = get_for_member(request, Membership.objects.select_related("user"), pk)
    try:
        member_remove(membership=member)
    except (ValidationError, MembershipConflict) as exc:
        messages.error(request, error_text(exc) if isinstance(exc, ValidationError) else str(exc))
        return redirect("newsrooms:members")
    messages.success(request, f"{name_and_login(member.user)} was removed from the newsroom.")
    if member.pk == admin.pk:
        return redirect("home")  # an admin who left no longer manages this newsroom
    return redirect("newsrooms:members")


@require_http_methods(["GET", "POST"])
@login_required
def password_change(request):
    """Any member replaces their password (first of all the one-time password an admin gave them)."""
    get_membership(request)  # members only, like every screen
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)  # stay logged in here; other sessions end
        messages.success(request, "Your password was changed.")
        return redirect("home")
    return render(request, "newsrooms/password.html", {"form": form})
