"""The queue page's one round trip (claims.queue.page_fetch): the visit's stamp, the counts, the filter bar's
outlets and the bulk bar's people come with the rows, read fresh on every load (only their SQL is kept)."""

import pytest

from django.db import connection, transaction
from django.urls import reverse

from factcheck.claims.models import Claim
from factcheck.claims.queue import page_fetch
from factcheck.claims.rows import QueueRow
from factcheck.claims.views import queue_row_values
from factcheck.newsrooms.models import Membership
from factcheck.newsrooms.services import member_create, member_remove, member_set_role, membership_queue_seen_sql
from tests.factories import make_article, make_claim, make_source

SYNC = ("SELECT current_setting('synchronous_commit')", ())


def _options(response, select_name):
    html = (
        str(response.context["bulk"]["assignee"]) if select_name == "bulk" else str(response.context["form"]["outlet"])
    )
    return html


def test_it_shows_a_new_or_removed_outlet_on_the_next_load(login, editor, newsroom):
    client = login(editor)
    make_claim(make_article(newsroom))
    assert "Harbour Herald" not in _options(client.get(reverse("claims:queue")), "outlet")
    # given an outlet with an article
    herald = make_source(newsroom, name="Harbour Herald", url="https://herald.example/")
    article = make_article(newsroom, body="Ferries ran 40 times a day in 2024.", title="Ferries", outlet=herald)
    # then the next load offers it
    assert "Harbour Herald" in _options(client.get(reverse("claims:queue")), "outlet")
    herald.name = "Harbour Herald Weekly"
    herald.save()
    assert "Harbour Herald Weekly" in _options(client.get(reverse("claims:queue")), "outlet")
    # and once its last article is gone, no longer
    article.delete()
    assert "Harbour Herald" not in _options(client.get(reverse("claims:queue")), "outlet")


def test_it_shows_a_new_or_removed_member_in_the_bulk_bar_on_the_next_load(login, editor, newsroom, admin_member):
    # the select names people (people.name_choices): member_create's display name, "Dora", not the login "dora"
    client = login(editor)
    assert "Dora" not in _options(client.get(reverse("claims:queue")), "bulk")
    dora = member_create(newsroom=newsroom, username="dora", email="dora@example.org", display_name="Dora").membership
    assert '">Dora</option>' in _options(client.get(reverse("claims:queue")), "bulk")
    member_set_role(membership=dora, role=Membership.Role.VIEWER)  # viewers are not assigned statements
    assert "Dora" not in _options(client.get(reverse("claims:queue")), "bulk")
    member_set_role(membership=Membership.objects.get(pk=dora.pk), role=Membership.Role.CHECKER)
    assert "Dora" in _options(client.get(reverse("claims:queue")), "bulk")
    member_remove(membership=Membership.objects.get(pk=dora.pk))
    assert "Dora" not in _options(client.get(reverse("claims:queue")), "bulk")


def test_the_full_page_is_one_query_beyond_the_session_user_and_membership(
    login, editor, newsroom, django_assert_num_queries
):
    for start in range(0, 60, 10):
        article = make_article(newsroom, body=f"Article {start}: the port handled {start} ships.", title=f"A{start}")
        make_claim(article, start=0, end=12)
    client = login(editor)
    client.get(reverse("claims:queue"))
    # SQLite (make run) sends page_fetch's statements one by one (the stamp in its savepoint): nothing to save there
    page, stamp = (1, 0) if connection.vendor == "postgresql" else (2, 3)
    with django_assert_num_queries(3 + page + stamp):  # session, user, membership; the stamp, counts, lists, rows
        response = client.get(reverse("claims:queue"))
    assert len(response.context["rows"]) == 6
    with django_assert_num_queries(3 + page):  # the next page: no stamp, the same one query
        client.get(reverse("claims:queue"), {"sort": "newest", "after": response.context["rows"][2].pk})
    with django_assert_num_queries(3 + page):
        client.get(reverse("claims:queue"), {"status": "all"}, headers={"HX-Request": "true"})


@pytest.mark.django_db
def test_it_fetches_rows_and_extras_and_the_extras_alone_when_no_row_can_match(newsroom):
    claim = make_claim(make_article(newsroom))
    count = ("SELECT count(*) FROM claims_claim", ())
    found, values = page_fetch(queue_row_values(Claim.objects.filter(pk=claim.pk)), {"count": count})
    assert [QueueRow(row).pk for row in found] == [claim.pk] and values["count"] == 1
    assert page_fetch(queue_row_values(Claim.objects.filter(pk__in=[])), {"count": count}) == ([], {"count": 1})


@pytest.mark.skipif(connection.vendor != "postgresql", reason="synchronous_commit is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_the_stamp_is_written_without_waiting_for_the_flush_and_the_setting_ends_with_it(editor):
    # given a member outside any transaction of Django's (as a request is)
    member = Membership.objects.get(user=editor)
    assert not connection.in_atomic_block
    with connection.cursor() as db:
        db.execute(SYNC[0])
        before = db.fetchone()[0]
    # when the page's query carries the stamp
    _, values = page_fetch(
        queue_row_values(Claim.objects.none()), {"sync": SYNC}, membership_queue_seen_sql(member=member)
    )
    # then the statements after it ran with synchronous_commit off, the stamp is there, and the setting ended
    assert values["sync"] == "off"
    stored = Membership.objects.get(pk=member.pk)
    assert stored.queue_seen_at == member.queue_seen_at and stored.queue_previous_seen_at is None
    with connection.cursor() as db:
        db.execute(SYNC[0])
        assert db.fetchone()[0] == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason="synchronous_commit is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_inside_a_transaction_the_stamp_is_one_more_statement_of_it(editor):
    member = Membership.objects.get(user=editor)
    with transaction.atomic():
        with connection.cursor() as db:
            db.execute(SYNC[0])
            before = db.fetchone()[0]
        _, values = page_fetch(
            queue_row_values(Claim.objects.none()), {"sync": SYNC}, membership_queue_seen_sql(member=member)
        )
        assert values["sync"] == before  # the outer transaction's own writes keep their durability
    assert Membership.objects.get(pk=member.pk).queue_seen_at == member.queue_seen_at


@pytest.mark.django_db
def test_one_statement_at_a_time_gives_the_same_page(newsroom, editor, monkeypatch):
    # given statements, the stamp among them, sent together and then one by one (server-side binding, SQLite)
    claims = [make_claim(make_article(newsroom, body=f"Ferry {i} ran 40 times a day."), end=12) for i in range(3)]
    member = Membership.objects.get(user=editor)
    rows = queue_row_values(Claim.objects.filter(pk__in=[c.pk for c in claims]).order_by("-pk"))
    extras = {"count": ("SELECT count(*) FROM claims_claim WHERE newsroom_id = %s", (newsroom.pk,))}
    together = page_fetch(rows, extras, membership_queue_seen_sql(member=member))
    monkeypatch.setitem(connection.settings_dict["OPTIONS"], "server_side_binding", True)
    apart = page_fetch(rows, extras, membership_queue_seen_sql(member=member))
    # then the same rows and values, and the second stamp is the one stored
    assert together == apart and [row[0] for row in apart[0]] == [c.pk for c in reversed(claims)]
    stored = Membership.objects.get(pk=member.pk)
    assert (stored.queue_seen_at, stored.queue_previous_seen_at) == (
        member.queue_seen_at,
        member.queue_previous_seen_at,
    )
