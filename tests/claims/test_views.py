"""Views of the claims room: queue, article page, statement page, triage, bulk actions."""

import datetime

import pytest

from django.db import connection
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from factcheck.claims.models import Article, Claim, ExtractionRun
from factcheck.claims.services import article_submit
from factcheck.demo.content import AIR_ATTACK
from factcheck.newsrooms.models import Membership
from factcheck.verdicts.models import Verdict
from tests.factories import give_name, make_article, make_claim, make_evidence, make_source, make_verdict

HX = {"HX-Request": "true"}


@pytest.fixture
def air_attack(newsroom, editor, django_capture_on_commit_callbacks):
    """The demo article, submitted and extracted in-process (no broker: tasks run eagerly)."""
    with django_capture_on_commit_callbacks(execute=True):
        result = article_submit(newsroom=newsroom, user=editor, title=AIR_ATTACK["title"], body=AIR_ATTACK["body"])
    run = result.article.runs.get()
    assert run.status == ExtractionRun.Status.SUCCEEDED, run.message
    return result.article


@pytest.fixture
def drones(air_attack):
    return air_attack.claims.get(text__contains="more than 63 drones and nine missiles")


# --- queue ----------------------------------------------------------------------------------


def test_it_ranks_the_queue_by_checkworthiness(login, editor, air_attack):
    response = login(editor).get(reverse("claims:queue"))
    assert response.status_code == 200
    rows = response.context["rows"]
    scores = [c.checkworthiness for c in rows]
    assert scores == sorted(scores, reverse=True) and len(rows) > 5
    assert b'id="queue-results"' in response.content


def test_it_serves_the_results_fragment_to_htmx(login, editor, air_attack):
    response = login(editor).get(reverse("claims:queue"), {"q": "drones"}, headers=HX)
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'id="queue-results"' not in response.content  # the fragment goes inside it
    assert all("drone" in c.text.lower() for c in response.context["rows"])


def test_it_searches_with_postgres_full_text_or_substring(login, editor, air_attack):
    # "missile" matches "missiles" through the English stemmer on PostgreSQL, by substring elsewhere
    response = login(editor).get(reverse("claims:queue"), {"q": "missile"})
    texts = [c.text for c in response.context["rows"]]
    assert texts and all("missile" in t.lower() for t in texts)


def test_it_filters_by_type_score_failed_check_and_assignee(login, editor, checker, air_attack):
    client = login(editor)
    rows = client.get(reverse("claims:queue"), {"type": "quote"}).context["rows"]
    assert rows and all("quote" in c.type_list for c in rows)
    rows = client.get(reverse("claims:queue"), {"min_score": "0.9"}).context["rows"]
    assert rows and all(c.checkworthiness >= 0.9 for c in rows)
    rows = client.get(reverse("claims:queue"), {"max_score": "0.2"}).context["rows"]
    assert all(c.checkworthiness <= 0.2 for c in rows)
    first = air_attack.claims.order_by("-checkworthiness").first()
    Claim.objects.filter(pk=first.pk).update(assignee=editor, has_failed_check=True)
    assert [c.pk for c in client.get(reverse("claims:queue"), {"assignee": "mine"}).context["rows"]] == [first.pk]
    assert [c.pk for c in client.get(reverse("claims:queue"), {"failed": "on"}).context["rows"]] == [first.pk]
    unassigned = client.get(reverse("claims:queue"), {"assignee": "unassigned"}).context["rows"]
    assert first.pk not in [c.pk for c in unassigned]


def test_a_score_range_takes_any_two_decimals_and_either_order(login, editor, air_attack):
    client = login(editor)
    page = client.get(reverse("claims:queue")).content.decode()
    assert page.count('step="any"') == 2  # a typed 0.87 is a valid value, not off a 0.05 step
    scores = sorted(c.checkworthiness for c in air_attack.claims.all())
    low, high = scores[1], scores[-2]
    between = {c.pk for c in air_attack.claims.all() if low <= c.checkworthiness <= high}
    for a, b in ((low, high), (high, low)):  # typed the wrong way round: the scores between the two
        rows = client.get(reverse("claims:queue"), {"min_score": f"{a}", "max_score": f"{b}"}).context["rows"]
        assert {c.pk for c in rows} == between


def test_it_filters_by_status_and_date(login, editor, air_attack):
    claim = air_attack.claims.first()
    Claim.objects.filter(pk=claim.pk).update(status=Claim.Status.DISMISSED)
    client = login(editor)
    assert claim.pk not in [c.pk for c in client.get(reverse("claims:queue")).context["rows"]]
    rows = client.get(reverse("claims:queue"), {"status": "dismissed"}).context["rows"]
    assert [c.pk for c in rows] == [claim.pk]
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert client.get(reverse("claims:queue"), {"since": tomorrow.isoformat()}).context["rows"] == []


def test_it_pages_with_a_keyset_cursor(login, editor, newsroom, monkeypatch):
    from factcheck.claims import views

    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    article = make_article(newsroom)
    for i in range(7):
        make_claim(article, start=i * 10, end=i * 10 + 8, checkworthiness=0.5)  # ties broken by id
    client = login(editor)
    seen, params = [], {}
    for _ in range(4):
        response = client.get(reverse("claims:queue"), params)
        seen += [c.pk for c in response.context["rows"]]
        if not response.context["next_query"]:
            break
        params = QueryDict(response.context["next_query"]).dict()
    assert seen == sorted(seen, reverse=True)
    assert len(seen) == len(set(seen)) == 7


def test_it_counts_what_is_new_since_the_last_visit(login, editor, newsroom):
    client = login(editor)
    assert client.get(reverse("claims:queue")).context["new_count"] is None  # first visit
    make_claim(make_article(newsroom))
    response = client.get(reverse("claims:queue"))
    assert response.context["new_count"] == 1
    assert b"1 new since your last visit" in response.content
    assert client.get(reverse("claims:queue")).context["new_count"] == 0
    assert Membership.objects.get(user=editor).queue_seen_at is not None


def test_what_is_new_is_counted_up_to_the_cap(login, editor, newsroom, monkeypatch):
    monkeypatch.setattr("factcheck.claims.views.COUNT_CAP", 2)
    monkeypatch.setattr("factcheck.claims.queue.COUNT_CAP", 2)
    client = login(editor)
    client.get(reverse("claims:queue"))
    article = make_article(newsroom)
    for start in (0, 10, 20):
        make_claim(article, start=start, end=start + 8)
    response = client.get(reverse("claims:queue"))
    assert (response.context["new_count"], response.context["new_capped"]) == (2, True)
    assert b"More than 2 new since your last visit" in response.content


def test_the_queue_stays_within_a_query_budget(login, editor, air_attack, django_assert_max_num_queries):
    client = login(editor)
    # session, user, membership; the search's estimate and its counted page (claims.queue.counted_page_ids);
    # then the visit's stamp, the counts, the filter bar's and bulk bar's lists and the rows in one round trip
    on_sqlite = int(connection.vendor != "postgresql")  # which sends page_fetch's statements one by one
    with django_assert_max_num_queries(6 + 2 * on_sqlite):  # the budget was 12 before queue.page_fetch
        client.get(reverse("claims:queue"), {"q": "drones", "type": "numeric", "sort": "score"})
    with django_assert_max_num_queries(4 + on_sqlite):  # was 9
        client.get(reverse("claims:queue"), {"status": "all"}, headers=HX)


def test_the_queue_refuses_post(login, editor):
    assert login(editor).post(reverse("claims:queue")).status_code == 405


def test_the_queue_sends_anonymous_users_to_login(client):
    response = client.get(reverse("claims:queue"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_queue_hides_other_newsrooms(login, outsider, air_attack):
    assert login(outsider).get(reverse("claims:queue")).context["rows"] == []


# --- bulk actions ---------------------------------------------------------------------------


def test_editors_bulk_assign_and_get_fresh_rows(login, editor, checker, air_attack):
    ids = list(air_attack.claims.values_list("pk", flat=True)[:3])
    response = login(editor).post(
        reverse("claims:bulk"),
        {"ids": ids, "action": "assign", "assignee": checker.pk, "filters": "assignee=unassigned"},
        headers=HX,
    )
    assert response.status_code == 200
    assert Claim.objects.filter(pk__in=ids, assignee=checker).count() == 3
    assert not {c.pk for c in response.context["rows"]} & set(ids)  # re-rendered with the filters
    assert b'hx-swap-oob="true"' in response.content and b"Updated 3 statements" in response.content


def test_bulk_dismiss_needs_a_reason_and_plain_posts_redirect(login, editor, air_attack):
    claim = air_attack.claims.first()
    client = login(editor)
    response = client.post(reverse("claims:bulk"), {"ids": [claim.pk], "action": "dismiss", "filters": "q=x"})
    assert response.status_code == 302 and response["Location"] == reverse("claims:queue") + "?q=x"
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.NEW
    client.post(reverse("claims:bulk"), {"ids": [claim.pk], "action": "dismiss", "reason": "Duplicate"})
    assert Claim.objects.get(pk=claim.pk).dismissed_reason == "Duplicate"


def test_checkers_and_viewers_cannot_bulk(login, checker, viewer, air_attack):
    claim = air_attack.claims.first()
    for user in (checker, viewer):
        response = login(user).post(reverse("claims:bulk"), {"ids": [claim.pk], "action": "dismiss", "reason": "x"})
        assert response.status_code == 403
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.NEW


def test_bulk_refuses_get(login, editor):
    assert login(editor).get(reverse("claims:bulk")).status_code == 405


# --- article page ---------------------------------------------------------------------------


def test_it_highlights_every_statement_at_its_offsets(login, editor, air_attack):
    response = login(editor).get(reverse("claims:article", args=[air_attack.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for claim in air_attack.claims.all():
        assert f'id="claim-{claim.pk}-mark"' in html
    segments = response.context["segments"]
    assert "".join(text for text, _ in segments) == air_attack.body
    for text, claim in segments:
        if claim is not None:
            assert air_attack.body[claim.start : claim.end] == text


def test_it_lists_the_articles_checks_linked_to_statements(login, editor, air_attack, drones):
    response = login(editor).get(reverse("claims:article", args=[air_attack.pk]))
    checks = response.context["checks"]
    kinds = {c["kind"] for c in checks}
    assert {"Sum", "Record"} <= kinds
    total = next(c for c in checks if c["kind"] == "Sum")
    assert drones in total["claims"]
    assert total["css"] == "approx"
    assert reverse("verdicts:claim", args=[drones.pk]) in response.content.decode()


def test_the_article_page_shows_scores_and_reasons_on_focus(login, editor, air_attack, drones):
    html = login(editor).get(reverse("claims:article", args=[air_attack.pk])).content.decode()
    assert f'aria-describedby="claim-{drones.pk}-tip"' in html
    assert "has a specific number" in html
    assert f"Score {drones.checkworthiness:.2f}" in html


def test_the_article_fragment_and_query_budget(login, editor, air_attack, django_assert_max_num_queries):
    client = login(editor)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("claims:article", args=[air_attack.pk]))
    assert response.status_code == 200
    response = client.get(reverse("claims:article", args=[air_attack.pk]), headers=HX)
    assert b"<html" not in response.content and b"stmt" in response.content


def test_the_article_page_refuses_post_outsiders_and_anonymous(client, login, outsider, air_attack):
    url = reverse("claims:article", args=[air_attack.pk])
    assert client.get(url).status_code == 302
    assert login(outsider).get(url).status_code == 404
    assert client.post(url).status_code == 405


def test_the_finished_run_brings_the_statements_in_out_of_band(login, editor, air_attack):
    run = air_attack.runs.get()
    response = login(editor).get(
        reverse("claims:run_status", args=[run.pk]),
        headers={**HX, "HX-Current-URL": "http://testserver" + air_attack.get_absolute_url()},
    )
    html = response.content.decode()
    assert f'id="article-{air_attack.pk}-text" hx-swap-oob="true"' in html
    assert f'id="article-{air_attack.pk}-checks"' in html
    assert "hx-trigger" not in html  # polling stops


def test_a_running_run_keeps_polling_without_oob(login, editor, newsroom):
    article = make_article(newsroom)
    run = ExtractionRun.objects.create(
        newsroom=newsroom, article=article, status=ExtractionRun.Status.RUNNING, progress_done=2, progress_total=5
    )
    response = login(editor).get(
        reverse("claims:run_status", args=[run.pk]),
        headers={**HX, "HX-Current-URL": "http://testserver" + article.get_absolute_url()},
    )
    html = response.content.decode()
    assert 'hx-trigger="load delay:1s"' in html and 'value="2" max="5"' in html
    assert "hx-swap-oob" not in html


def test_re_extract_is_for_editors_and_retry_for_checkers(login, editor, checker, viewer, newsroom, monkeypatch):
    from factcheck.claims import services

    monkeypatch.setattr(services, "extraction_enqueue", lambda run_id: True)
    article = make_article(newsroom)
    ExtractionRun.objects.create(newsroom=newsroom, article=article, status=ExtractionRun.Status.SUCCEEDED)
    url = reverse("claims:article_extract", args=[article.pk])
    assert login(checker).post(url).status_code == 403
    assert login(viewer).post(url).status_code == 403
    assert login(editor).post(url).status_code == 302
    ExtractionRun.objects.filter(article=article).update(status=ExtractionRun.Status.FAILED, message="boom")
    response = login(checker).post(url, headers=HX)
    assert response.status_code == 200 and b"Queued" in response.content


@pytest.mark.parametrize(
    "outcome, said",
    [("failed", "Extraction failed again: the text could not be read"), ("succeeded", "Extraction finished.")],
)
@pytest.mark.django_db(transaction=True)  # the enqueue runs when the view's transaction commits, as in make run
def test_a_retry_that_ran_at_once_says_how_it_ended(login, checker, newsroom, monkeypatch, outcome, said):
    # Without a broker (make run) the retried run has finished before the answer: "queued" would be wrong.
    from factcheck.claims import services

    def run_at_once(run_id):
        ExtractionRun.objects.filter(pk=run_id).update(status=outcome, message="the text could not be read")
        return True

    monkeypatch.setattr(services, "extraction_enqueue", run_at_once)
    article = make_article(newsroom)
    ExtractionRun.objects.create(newsroom=newsroom, article=article, status=ExtractionRun.Status.FAILED, message="x")
    response = login(checker).post(reverse("claims:article_extract", args=[article.pk]), follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert said in shown and "Extraction queued." not in shown


# --- statement page -------------------------------------------------------------------------


def test_the_statement_page_shows_context_quantities_and_checks(login, editor, drones):
    response = login(editor).get(reverse("verdicts:claim", args=[drones.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "more than 63 drones" in html
    assert "According to early reports" in html
    assert "main target" in response.context["before"]
    assert "falling debris" in response.context["after"]
    assert "nine missiles" in html and 'class="q-text"' in html
    assert "at least 72" in html  # the sum check's explanation
    assert f'id="claim-{drones.pk}-verdict"' in html and f'id="claim-{drones.pk}-evidence"' in html


def test_the_statement_page_fragments_and_history_tab(login, editor, drones):
    client = login(editor)
    response = client.get(reverse("verdicts:claim", args=[drones.pk]), headers=HX)
    assert b"<html" not in response.content and f'id="claim-{drones.pk}-evidence"'.encode() in response.content
    Claim.objects.get(pk=drones.pk).save()  # a history row
    response = client.get(reverse("verdicts:claim", args=[drones.pk]), {"tab": "history"}, headers=HX)
    assert f'id="claim-{drones.pk}-history"'.encode() in response.content
    page = client.get(reverse("verdicts:claim", args=[drones.pk]), {"tab": "history"})
    assert page.status_code == 200
    # opened on History there is no verdict panel: the Evidence tab loads the whole page, not a fragment
    html = page.content.decode()
    evidence_tab = html[html.index('href="?tab=review"') :].split(">", 1)[0]
    assert "hx-get" not in evidence_tab and f'id="claim-{drones.pk}-verdict"' not in html
    html = client.get(reverse("verdicts:claim", args=[drones.pk])).content.decode()
    assert 'hx-get="?tab=review"' in html and f'id="claim-{drones.pk}-verdict"' in html


def test_the_statement_page_query_budget(login, editor, colleague, drones, django_assert_max_num_queries):
    make_evidence(drones, editor)
    make_evidence(drones, colleague)
    make_verdict(drones, editor, conclusion="x")
    client = login(editor)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("verdicts:claim", args=[drones.pk]))
    assert response.status_code == 200


def test_the_statement_page_lists_similar_statements_with_verdicts(login, editor, colleague, newsroom, drones):
    body = "Officials said more than 63 drones and nine missiles hit targets in eight places overnight."
    other = make_claim(make_article(newsroom, body=body, title="Earlier"), start=0, end=len(body))
    make_verdict(other, editor, status=Verdict.Status.PUBLISHED, conclusion="checked", reviewer=colleague)
    client = login(editor)
    page = client.get(reverse("verdicts:claim", args=[drones.pk]))
    assert b'hx-get="?tab=similar" hx-trigger="load"' in page.content  # loads after the page
    response = client.get(reverse("verdicts:claim", args=[drones.pk]), {"tab": "similar"}, headers=HX)
    similar = response.context["similar"]
    assert similar and similar[0].pk == other.pk
    assert similar[0].published_verdict is not None
    assert b'class="rating-chip"' in response.content and b">True</span>" in response.content
    # the similarity in words, its number in the title
    words = ("nearly the same words", "many of the same words", "some of the same words")
    html = response.content.decode()
    shown = next(w for w in words if f">{w}</span>" in html)
    expected = 0 if similar[0].similarity >= 0.8 else 1 if similar[0].similarity >= 0.5 else 2
    assert shown == words[expected] and f'title="Word similarity {similar[0].similarity:.2f}' in html
    assert client.get(reverse("verdicts:claim", args=[drones.pk]), {"tab": "similar"}).context["similar"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the statement timeout is PostgreSQL's")
def test_a_similar_search_stopped_at_its_timeout_says_so(login, editor, drones, monkeypatch):
    from factcheck.verdicts.views import similar as verdict_views

    def slow(others, text):  # a search PostgreSQL itself stops at the panel's statement timeout
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(2)")
        return []

    monkeypatch.setattr(verdict_views, "SIMILAR_TIMEOUT_MS", 50)
    monkeypatch.setattr(verdict_views, "similar_candidates", slow)
    response = login(editor).get(reverse("verdicts:claim", args=[drones.pk]), {"tab": "similar"}, headers=HX)
    assert response.status_code == 200
    assert response.context["similar"].timed_out
    assert b"took too long and was stopped" in response.content
    assert b"No earlier statement" not in response.content


def test_the_statement_page_outsider_anonymous_and_post(client, login, outsider, drones):
    url = reverse("verdicts:claim", args=[drones.pk])
    assert client.get(url).status_code == 302
    assert login(outsider).get(url).status_code == 404
    assert client.post(url).status_code == 405


def test_a_viewer_reads_without_forms(login, viewer, drones):
    html = login(viewer).get(reverse("verdicts:claim", args=[drones.pk])).content.decode()
    assert "Add evidence" not in html and "Save draft" not in html


# --- triage ---------------------------------------------------------------------------------


def test_take_assigns_to_me_with_an_htmx_fragment(login, checker, drones):
    response = login(checker).post(reverse("claims:claim_assign", args=[drones.pk]), {"assignee": "me"}, headers=HX)
    assert response.status_code == 200
    assert f'id="claim-{drones.pk}-assignee"'.encode() in response.content
    assert Claim.objects.get(pk=drones.pk).assignee == checker


def test_assign_role_checks(login, checker, viewer, editor, drones):
    url = reverse("claims:claim_assign", args=[drones.pk])
    assert login(viewer).post(url, {"assignee": "me"}).status_code == 403
    assert login(checker).post(url, {"assignee": str(editor.pk)}).status_code == 403
    assert login(editor).post(url, {"assignee": str(editor.pk)}).status_code == 302
    assert login(editor).get(url).status_code == 405


def test_status_dismiss_with_reason_updates_the_badge_oob(login, checker, viewer, drones):
    url = reverse("claims:claim_status", args=[drones.pk])
    assert login(viewer).post(url, {"status": "dismissed", "reason": "x"}).status_code == 403
    response = login(checker).post(url, {"status": "dismissed", "reason": "Not checkable"}, headers=HX)
    assert response.status_code == 200
    assert f'id="claim-{drones.pk}-status" class="badge st-dismissed" hx-swap-oob="true"'.encode() in response.content
    assert Claim.objects.get(pk=drones.pk).dismissed_reason == "Not checkable"


def test_articles_list(login, editor, air_attack):
    response = login(editor).get(reverse("claims:articles"))
    assert response.status_code == 200 and AIR_ATTACK["title"].encode() in response.content
    assert Article.objects.count() == 1


# --- submit ---------------------------------------------------------------------------------


def test_submit_states_clear_errors(login, checker, settings):
    settings.ARTICLE_MAX_CHARS = 1_000
    client = login(checker)
    url = reverse("claims:submit")
    assert b"it is empty" in client.post(url, {"title": "x", "body": "   "}).content
    response = client.post(url, {"title": "x", "body": "word " * 300})
    assert response.status_code == 200 and b"the limit is 1,000" in response.content
    response = client.post(url, {"title": "x", "body": "abc\x01\x02" * 50})
    assert b"not text" in response.content
    response = client.post(url, {"title": "x", "body": "Text.", "url": "javascript:alert(1)"})
    assert b"Enter a full web address starting with http:// or https://" in response.content
    assert not Article.objects.exists()


def test_a_text_over_the_limit_is_kept_and_measured_not_cut(login, checker, settings):
    # the browser must not cut a long paste at a maxlength: the server measures it and the form keeps it
    settings.ARTICLE_MAX_CHARS = 1_000
    client = login(checker)
    page = client.get(reverse("claims:submit")).content.decode()
    assert "maxlength" not in page.split('name="body"')[1].split(">")[0]
    assert 'data-max-chars="1000"' in page and 'id="id_body-count"' in page
    body = "Sales rose 5% to £3m. " * 50  # 1,100 characters
    response = client.post(reverse("claims:submit"), {"title": "x", "body": body})
    assert b"The text is 1,100 characters long; the limit is 1,000" in response.content
    assert response.context["form"]["body"].value() == body
    assert not Article.objects.exists()


def test_submit_goes_to_the_article_page(login, checker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(checker).post(reverse("claims:submit"), {"title": "", "body": AIR_ATTACK["body"]})
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    assert article.title == AIR_ATTACK["title"]


def test_viewers_cannot_submit(login, viewer):
    assert login(viewer).get(reverse("claims:submit")).status_code == 403
    assert login(viewer).post(reverse("claims:submit"), {"body": "x"}).status_code == 403


def test_bulk_sets_a_status_and_skips_statements_under_review(login, editor, air_attack):
    first, second = air_attack.claims.all()[:2]
    Claim.objects.filter(pk=second.pk).update(status=Claim.Status.IN_REVIEW)
    login(editor).post(
        reverse("claims:bulk"), {"ids": [first.pk, second.pk], "action": "status", "status": "in_progress"}
    )
    assert Claim.objects.get(pk=first.pk).status == Claim.Status.IN_PROGRESS
    assert Claim.objects.get(pk=second.pk).status == Claim.Status.IN_REVIEW


def test_assign_ignores_an_offsite_next(login, checker, drones):
    url = reverse("claims:claim_assign", args=[drones.pk])
    response = login(checker).post(url, {"assignee": "me", "next": "https://evil.example/"})
    assert response["Location"] == drones.get_absolute_url()
    response = login(checker).post(url, {"assignee": "me", "next": "/queue/?q=x"})
    assert response["Location"] == "/queue/?q=x"


def test_the_queue_scopes_to_one_article_and_survives_a_bad_id(login, editor, air_attack, newsroom):
    other = make_claim(make_article(newsroom, body="Another text with 5 numbers.", title="Other"))
    client = login(editor)
    rows = client.get(reverse("claims:queue"), {"article": air_attack.pk, "status": "all"}).context["rows"]
    assert rows and other.pk not in [c.pk for c in rows]
    assert client.get(reverse("claims:queue"), {"article": "abc", "min_score": "x"}).status_code == 200


def test_a_visits_new_statements_stay_marked_through_its_filters_and_pages(login, editor, newsroom, htmx_headers):
    """What is new is counted from the opening before this one (kept on the membership, not the session):
    htmx filter requests of the same visit mark the same statements; the next opening clears the mark."""
    client = login(editor)
    client.get(reverse("claims:queue"))
    claim = make_claim(make_article(newsroom))
    opened = client.get(reverse("claims:queue")).context
    assert [c.pk for c in opened["rows"] if c.is_new] == [claim.pk]
    filtered = client.get(reverse("claims:queue"), {"sort": "newest"}, headers=htmx_headers).context
    assert [c.pk for c in filtered["rows"] if c.is_new] == [claim.pk]
    member = Membership.objects.get(user=editor)
    assert member.queue_previous_seen_at < claim.created_at < member.queue_seen_at
    assert not [c for c in client.get(reverse("claims:queue")).context["rows"] if c.is_new]


def test_the_outlet_filter_offers_outlets_with_articles_and_keeps_the_chosen_one(
    login, editor, newsroom, other_newsroom
):
    herald = make_source(newsroom, name="Harbour Herald", url="https://herald.example/")
    gazette = make_source(newsroom, name="Quay Gazette", url="https://gazette.example/")
    ours = make_claim(make_article(newsroom, outlet=herald))
    theirs = make_source(other_newsroom, name="Beta Bugle")
    client = login(editor)
    options = client.get(reverse("claims:queue")).context["form"]["outlet"]
    assert "Harbour Herald" in str(options) and "Quay Gazette" not in str(options)  # no article: not offered
    # a kept link to an outlet none of whose articles is left shows that outlet, not "Any outlet"
    page = client.get(reverse("claims:queue"), {"outlet": gazette.pk})
    assert f'<option value="{gazette.pk}" selected>Quay Gazette</option>' in page.content.decode()
    assert page.context["rows"] == []
    assert [c.pk for c in client.get(reverse("claims:queue"), {"outlet": herald.pk}).context["rows"]] == [ours.pk]
    other = client.get(reverse("claims:queue"), {"outlet": theirs.pk})  # another newsroom's: refused, not shown
    assert "outlet" in other.context["form"].errors and "Beta Bugle" not in other.content.decode()


# --- the queue's folded filters ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "active"),
    [
        ({}, 0),
        ({"status": "open", "q": "drones", "sort": "newest"}, 0),  # the default status, search and sort
        ({"status": "all", "failed": "on"}, 2),
        ({"min_score": "0.2", "max_score": "0.9", "since": "2026-01-01"}, 2),  # a range is one filter
        ({"type": "numeric", "min_score": "oops"}, 1),  # an invalid value is not a filter
    ],
)
def test_the_queue_counts_its_active_filters(login, editor, newsroom, query, active):
    from factcheck.claims.forms import QueueFilterForm

    form = QueueFilterForm(query, newsroom=newsroom)
    form.is_valid()
    assert form.active_count == active
    page = login(editor).get(reverse("claims:queue"), query).content.decode()
    count = page.split('id="queue-filter-count"', 1)[1].split("</span></span>", 1)[0]
    assert (f'<span class="badge">{active}</span>' in count) == bool(active)


def test_the_queue_fragment_updates_the_filter_count_out_of_band(login, editor):
    fragment = login(editor).get(reverse("claims:queue"), {"status": "all", "type": "numeric"}, headers=HX)
    html = fragment.content.decode()
    assert '<span id="queue-filter-count" class="filter-count" hx-swap-oob="true"> <span class="badge">2</span>' in html
    page = login(editor).get(reverse("claims:queue")).content.decode()
    assert "hx-swap-oob" not in page.split('id="queue-filter-count"', 1)[1].split(">", 1)[0]
    assert '<details class="filter-more" id="queue-filter-more">' in page


# --- people by name -------------------------------------------------------------------------


def test_the_queue_and_the_triage_name_the_assignee_not_their_login(login, editor, checker, drones):
    # given a checker with a name, assigned a statement
    give_name(checker, "Maria", "Lopez")
    Claim.objects.filter(pk=drones.pk).update(assignee=checker)
    client = login(editor)
    # then the queue's row and bulk select, and the statement page's chip and select, show her name
    queue = client.get(reverse("claims:queue")).content.decode()
    assert '<span class="who-chip">Maria Lopez</span>' in queue
    assert f'value="{checker.pk}">Maria Lopez</option>' in queue
    page = client.get(drones.get_absolute_url()).content.decode()
    assert '<span class="who-chip">Maria Lopez</span>' in page
    assert f'<option value="{checker.pk}" selected>Maria Lopez</option>' in page
    assert "carol" not in queue and "carol" not in page
    # and assigning says so by name
    response = client.post(reverse("claims:claim_assign", args=[drones.pk]), {"assignee": checker.pk}, headers=HX)
    assert "Assigned to Maria Lopez." in response.content.decode()


def test_the_assignee_selects_tell_apart_two_people_with_one_name(login, editor, colleague, checker, drones):
    # given two members called Maria Lopez (logins bob and carol) and one called Alex Smith
    give_name(colleague, "Maria", "Lopez")
    give_name(checker, "Maria", "Lopez")
    give_name(editor, "Alex", "Smith")
    client = login(editor)
    # then both selects add the login to the shared name only
    for html in (
        client.get(drones.get_absolute_url()).content.decode(),
        str(client.get(reverse("claims:queue")).context["bulk"]["assignee"]),
    ):
        assert f'value="{colleague.pk}">Maria Lopez (bob)</option>' in html
        assert f'value="{checker.pk}">Maria Lopez (carol)</option>' in html
        assert f'value="{editor.pk}">Alex Smith</option>' in html
