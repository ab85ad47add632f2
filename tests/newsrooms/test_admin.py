"""The Django admin is for platform operators (active superusers) only: it is not newsroom-scoped."""

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from factcheck.newsrooms.models import Membership
from tests.conftest import PASSWORD


@pytest.fixture
def staff_admin(admin_member):
    """A newsroom admin who was given staff rights (what the README used to ask for)."""
    admin_member.is_staff = True
    admin_member.save(update_fields=["is_staff"])
    return admin_member


def test_it_lets_superusers_in(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:newsrooms_newsroom_changelist")).status_code == 200


def test_it_sends_a_staff_newsroom_admin_to_the_login_page(client, staff_admin, other_newsroom):
    client.force_login(staff_admin)
    for url in (
        reverse("admin:index"),
        reverse("admin:newsrooms_membership_changelist"),
        reverse("admin:sources_source_changelist"),
        reverse("admin:sources_source_import"),
        reverse("admin:newsrooms_newsroom_change", args=[other_newsroom.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_it_refuses_a_staff_login_on_the_admin_login_form(client, staff_admin):
    response = client.post(
        reverse("admin:login"), {"username": staff_admin.username, "password": PASSWORD, "next": reverse("admin:index")}
    )
    # The credentials are right, but the admin site does not let them in: back to the login page.
    assert response.status_code == 302
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    page = client.get(response["Location"])
    assert b"not authorized to access this page" in page.content


def test_it_cannot_be_used_to_edit_another_newsroom_by_post(client, staff_admin, other_newsroom):
    client.force_login(staff_admin)
    url = reverse("admin:newsrooms_newsroom_change", args=[other_newsroom.pk])
    response = client.post(url, {"name": "Taken over", "slug": "beta", "checkworthy_threshold": "0.5"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    other_newsroom.refresh_from_db()
    assert other_newsroom.name == "Beta Desk"


def test_it_keeps_inactive_superusers_out(client, db):
    operator = get_user_model().objects.create_superuser("op", "op@example.org", PASSWORD)
    operator.is_active = False
    operator.save(update_fields=["is_active"])
    client.force_login(operator)
    assert client.get(reverse("admin:index")).status_code == 302


def test_it_keeps_the_membership_admin_for_operators(client, admin_user, newsroom, admin_member):
    client.force_login(admin_user)
    response = client.get(reverse("admin:newsrooms_membership_changelist"))
    assert response.status_code == 200 and admin_member.username.encode() in response.content
    assert Membership.objects.filter(user=admin_member).exists()
