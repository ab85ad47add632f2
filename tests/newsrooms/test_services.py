"""Membership writes: new accounts only, the last admin stays, removed members lose access."""

import threading

import pytest

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection

from factcheck.newsrooms.models import Membership
from factcheck.newsrooms.services import MembershipConflict, member_create, member_remove, member_set_role
from tests.conftest import _member


def _membership(user):
    return Membership.objects.get(user=user)


def test_it_creates_an_account_with_a_one_time_password(newsroom):
    created = member_create(
        newsroom=newsroom, username="dana", email="dana@example.org", display_name="Dana Okafor", role="editor"
    )
    user = created.membership.user
    assert (created.membership.newsroom, created.membership.role) == (newsroom, "editor")
    assert user.get_full_name() == "Dana Okafor" and user.email == "dana@example.org"
    assert len(created.password) >= 16 and user.check_password(created.password)
    assert created.password not in user.password  # only the hash is stored
    assert not user.is_staff and not user.is_superuser


def test_it_never_attaches_an_existing_account(newsroom, outsider):
    with pytest.raises(ValidationError) as exc:
        member_create(newsroom=newsroom, username=outsider.username, email="x@example.org", display_name="X")
    assert "username" in exc.value.message_dict
    assert not Membership.objects.filter(newsroom=newsroom, user=outsider).exists()


def test_it_refuses_a_bad_username_or_missing_email(newsroom):
    with pytest.raises(ValidationError) as exc:
        member_create(newsroom=newsroom, username="no spaces!", email="", display_name="X")
    assert {"username", "email"} & set(exc.value.message_dict)
    assert not get_user_model().objects.filter(first_name="X").exists()


def test_it_changes_roles(newsroom, admin_member, checker):
    membership = member_set_role(membership=_membership(checker), role="editor")
    assert membership.role == "editor" and _membership(checker).role == "editor"


def test_the_last_admin_cannot_be_demoted_or_removed(newsroom, admin_member):
    with pytest.raises(ValidationError, match="at least one admin"):
        member_set_role(membership=_membership(admin_member), role="editor")
    with pytest.raises(ValidationError, match="at least one admin"):
        member_remove(membership=_membership(admin_member))
    assert _membership(admin_member).role == "admin"


def test_an_admin_may_step_down_when_another_admin_remains(newsroom, admin_member):
    _member(newsroom, "ada2", Membership.Role.ADMIN)
    member_set_role(membership=_membership(admin_member), role="viewer")
    assert _membership(admin_member).role == "viewer"


def test_an_inactive_admin_does_not_count(newsroom, admin_member):
    dormant = _member(newsroom, "dormant", Membership.Role.ADMIN)
    dormant.is_active = False
    dormant.save(update_fields=["is_active"])
    with pytest.raises(ValidationError):
        member_remove(membership=_membership(admin_member))


def test_it_refuses_a_stale_change(newsroom, admin_member, checker):
    membership = _membership(checker)
    Membership.objects.filter(pk=membership.pk).delete()
    with pytest.raises(MembershipConflict):
        member_set_role(membership=membership, role="editor")
    with pytest.raises(MembershipConflict):
        member_remove(membership=membership)


def test_removing_deactivates_an_account_left_without_a_newsroom(newsroom, other_newsroom, admin_member, checker):
    both = _member(newsroom, "both", Membership.Role.CHECKER)
    Membership.objects.create(user=both, newsroom=other_newsroom, role=Membership.Role.VIEWER)
    member_remove(membership=_membership(checker))
    member_remove(membership=Membership.objects.get(user=both, newsroom=newsroom))
    checker.refresh_from_db()
    both.refresh_from_db()
    assert not Membership.objects.filter(user=checker).exists() and checker.is_active is False
    assert both.is_active is True  # still a member of another newsroom: their account is not ours to close
    assert list(Membership.objects.filter(user=both).values_list("newsroom__slug", flat=True)) == ["beta"]


@pytest.mark.django_db(transaction=True)
def test_two_admins_demoting_each_other_at_once_leave_one_admin(newsroom):
    # given two admins, each about to demote the other from their own request
    first = _membership(_member(newsroom, "first", Membership.Role.ADMIN))
    second = _membership(_member(newsroom, "second", Membership.Role.ADMIN))
    barrier = threading.Barrier(2)
    outcomes = []

    def demote(membership):
        try:
            barrier.wait(timeout=10)
            member_set_role(membership=membership, role="editor")
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    # when both run concurrently
    threads = [threading.Thread(target=demote, args=(m,)) for m in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    # then the newsroom lock serialises them: one demotion succeeds, the other is refused
    assert sorted(outcomes) == ["ok", "refused"]
    assert Membership.objects.filter(newsroom=newsroom, role="admin").count() == 1
