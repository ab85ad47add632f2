"""The JSON API: every endpoint × token role (read / submit) × another newsroom's token, errors, limits."""

import json

import pytest

from django.utils import timezone

from factcheck.api.models import ApiToken, token_digest
from factcheck.claims.models import Article, ExtractionRun
from factcheck.verdicts.models import RatingScale, Verdict
from tests.factories import SAMPLE_BODY, make_article, make_claim, make_verdict

ROLES = ["read_token", "submit_token"]
OTHER_TEXT = (
    "City council approves new budget\n\nThe council approved a budget of £12m, up 4% on last year, "
    "the mayor said on Tuesday."
)


def _error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


@pytest.fixture
def article_with_statements(newsroom):
    article = make_article(newsroom)
    ExtractionRun.objects.create(
        newsroom=newsroom,
        article=article,
        status=ExtractionRun.Status.SUCCEEDED,
        relations=[{"kind": "part_of", "holds": True, "statement_ids": [1]}],
    )
    first = SAMPLE_BODY.index("The terminal")
    claims = [
        make_claim(article, start=first, end=SAMPLE_BODY.index("\n\nOf"), position=0, checkworthiness=0.9,
                   types="numeric", quantities=[{"id": "q1", "value": 48000000, "unit": "GBP"}]),
        make_claim(article, start=SAMPLE_BODY.index("Of the"), end=len(SAMPLE_BODY), position=1,
                   checkworthiness=0.4, relations=[{"kind": "part_of", "holds": True}]),
    ]  # fmt: skip
    return article, claims


# --- authentication -----------------------------------------------------------------------------


def test_it_refuses_a_call_without_a_token(api, db):
    error = _error(api("get", "/api/queue"), 401, "unauthorized")
    assert "Bearer" in error["message"]


def test_it_refuses_an_unknown_token(api, read_token):
    response = api("get", "/api/queue", token=read_token + "x")
    _error(response, 401, "unauthorized")
    assert response["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("state", ["revoked", "expired"])
def test_it_refuses_revoked_and_expired_tokens(api, read_token, state):
    # given
    assert api("get", "/api/queue", token=read_token).status_code == 200
    tokens = ApiToken.objects.filter(token_hash=token_digest(read_token))
    if state == "revoked":
        tokens.update(revoked_at=timezone.now())
    else:
        tokens.update(expires_at=timezone.now() - timezone.timedelta(seconds=1))
    # when
    response = api("get", "/api/queue", token=read_token)
    # then
    error = _error(response, 401, "unauthorized")
    assert state in error["message"]


def test_it_never_stores_the_secret(read_token):
    token = ApiToken.objects.get()
    assert token.token_hash == token_digest(read_token)
    assert read_token not in json.dumps(list(ApiToken.objects.values()), default=str)
    assert read_token.startswith(token.prefix)


def test_it_ignores_a_session_login(client, api, admin_member):
    client.force_login(admin_member)
    _error(api("get", "/api/queue"), 401, "unauthorized")


def test_it_stamps_last_used_at_at_most_once_a_minute(api, read_token, django_assert_num_queries):
    # given: a first call stamps it
    api("get", "/api/queue", token=read_token)
    token = ApiToken.objects.get()
    first = token.last_used_at
    assert first is not None
    # when: calls within the minute
    api("get", "/api/queue", token=read_token)
    # then: no new stamp; an hour later the next call stamps again
    assert ApiToken.objects.get().last_used_at == first
    ApiToken.objects.update(last_used_at=first - timezone.timedelta(minutes=2))
    api("get", "/api/queue", token=read_token)
    assert ApiToken.objects.get().last_used_at > first


# --- submit -------------------------------------------------------------------------------------


def test_it_submits_text_with_a_submit_token(
    api, submit_token, newsroom, admin_member, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks() as callbacks:
        response = api("post", "/api/articles", token=submit_token, json={"text": OTHER_TEXT, "title": "Budget"})
    # then
    assert response.status_code == 201, response.content
    body = response.json()
    article = Article.objects.get(pk=body["article_id"])
    assert article.newsroom == newsroom and article.title == "Budget" and article.submitted_by == admin_member
    assert body["created"] is True
    assert body["run"]["status"] == "pending"
    assert body["status_url"].endswith(f"/api/articles/{article.pk}")
    assert len(callbacks) == 1  # the extraction is enqueued after commit


def test_it_returns_the_existing_article_for_the_same_text(api, submit_token):
    first = api("post", "/api/articles", token=submit_token, json={"text": OTHER_TEXT}).json()
    again = api("post", "/api/articles", token=submit_token, json={"text": OTHER_TEXT})
    assert again.status_code == 200
    assert again.json()["article_id"] == first["article_id"]
    assert again.json()["created"] is False


def test_it_forbids_submitting_with_a_read_token(api, read_token):
    error = _error(api("post", "/api/articles", token=read_token, json={"text": OTHER_TEXT}), 403, "forbidden")
    assert "read-only" in error["message"]
    assert not Article.objects.exists()


def test_it_keeps_another_newsrooms_submission_in_its_own_newsroom(api, outsider_token, other_newsroom, newsroom):
    response = api("post", "/api/articles", token=outsider_token, json={"text": OTHER_TEXT})
    assert response.status_code == 201
    assert Article.objects.get().newsroom == other_newsroom


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"text": "   "}, 422, "invalid"),
        ({"text": OTHER_TEXT, "url": "https://example.org/a"}, 422, "invalid"),
        ({}, 422, "invalid"),
        ({"text": 12}, 422, "invalid"),
        ({"url": "ftp://example.org/a"}, 422, "invalid"),
    ],
)
def test_it_rejects_an_invalid_submission(api, submit_token, payload, status, code):
    _error(api("post", "/api/articles", token=submit_token, json=payload), status, code)
    assert not Article.objects.exists()


def test_it_answers_malformed_json_with_400(client, submit_token):
    response = client.post(
        "/api/articles",
        data="{not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {submit_token}"},
    )
    _error(response, 400, "bad_request")


def test_it_refuses_a_body_over_the_api_limit(api, submit_token, settings):
    settings.API_MAX_BODY_BYTES = 2048
    response = api("post", "/api/articles", token=submit_token, json={"text": "word " * 1000})
    error = _error(response, 413, "too_large")
    assert "2,048" in error["message"]
    assert not Article.objects.exists()


def test_it_submits_a_url_through_the_claims_service(api, submit_token, newsroom, monkeypatch):
    # given: article_submit_url(*, newsroom, user, url) -> SubmitResult (claims, issue 16 part 1)
    from factcheck.claims import services

    calls = []

    def fake_submit_url(*, newsroom, user, url, **optional):
        calls.append(url)
        article = make_article(newsroom, url=url)
        run = ExtractionRun.objects.create(newsroom=newsroom, article=article)
        return services.SubmitResult(article=article, created=True, run=run)

    monkeypatch.setattr(services, "article_submit_url", fake_submit_url, raising=False)
    # when
    response = api("post", "/api/articles", token=submit_token, json={"url": "https://news.example.org/story"})
    # then
    assert response.status_code == 201, response.content
    assert calls == ["https://news.example.org/story"]
    assert Article.objects.get(pk=response.json()["article_id"]).url == "https://news.example.org/story"


def _real_submit_url():
    from factcheck.claims import services

    if not hasattr(services, "article_submit_url"):
        pytest.skip("claims.services.article_submit_url has not landed yet")


def test_it_submits_a_url_for_the_worker_to_fetch(api, submit_token, newsroom, django_capture_on_commit_callbacks):
    # given the real claims service (the page is fetched by the run, after commit: not here)
    _real_submit_url()
    url = "https://News.Example.org/2026/ferry#top"
    # when
    with django_capture_on_commit_callbacks() as callbacks:
        first = api("post", "/api/articles", token=submit_token, json={"url": url, "title": "Ferry"})
    again = api("post", "/api/articles", token=submit_token, json={"url": url})
    # then
    assert first.status_code == 201, first.content
    assert first.json()["run"]["status"] == "pending" and len(callbacks) == 1
    article = Article.objects.get(pk=first.json()["article_id"])
    assert (article.newsroom, article.title, article.url) == (newsroom, "Ferry", "https://news.example.org/2026/ferry")
    assert again.status_code == 200 and again.json()["article_id"] == article.pk and again.json()["created"] is False


def test_it_refuses_a_url_of_a_private_address(api, submit_token):
    _real_submit_url()
    error = _error(api("post", "/api/articles", token=submit_token, json={"url": "http://10.1.2.3/x"}), 422, "invalid")
    assert "url" in error["details"]
    assert not Article.objects.exists()


def test_it_forbids_submitting_a_url_with_a_read_token(api, read_token):
    _error(api("post", "/api/articles", token=read_token, json={"url": "https://news.example.org/x"}), 403, "forbidden")


# --- article status -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_it_reads_an_article_with_its_statements(api, request, article_with_statements, role):
    article, claims = article_with_statements
    response = api("get", f"/api/articles/{article.pk}", token=request.getfixturevalue(role))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["run"]["status"] == "succeeded"
    assert body["checks"] == [{"kind": "part_of", "holds": True, "statement_ids": [1]}]
    assert [s["id"] for s in body["statements"]] == [c.pk for c in claims]
    for statement in body["statements"]:
        assert SAMPLE_BODY[statement["start"] : statement["end"]] == statement["text"]
    assert body["statements"][0]["types"] == ["numeric"]
    assert body["statements"][0]["quantities"][0]["unit"] == "GBP"
    assert body["statements"][1]["checks"] == [{"kind": "part_of", "holds": True}]
    assert response["Cache-Control"] == "no-store"


def test_it_hides_another_newsrooms_article(api, outsider_token, article_with_statements):
    article, _ = article_with_statements
    _error(api("get", f"/api/articles/{article.pk}", token=outsider_token), 404, "not_found")


def test_it_answers_404_for_a_missing_article(api, read_token):
    _error(api("get", "/api/articles/999999", token=read_token), 404, "not_found")


# --- queue --------------------------------------------------------------------------------------


@pytest.fixture
def many_claims(newsroom):
    article = make_article(newsroom, body="x" * 400)
    return [make_claim(article, start=i * 10, end=i * 10 + 5, checkworthiness=round(0.05 * i, 2)) for i in range(1, 13)]


@pytest.mark.parametrize("role", ROLES)
def test_it_pages_the_queue_by_cursor(api, request, many_claims, role):
    token = request.getfixturevalue(role)
    seen, cursor = [], None
    for _ in range(5):
        path = "/api/queue?limit=5" + (f"&after={cursor}" if cursor else "")
        body = api("get", path, token=token).json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    expected = [c.pk for c in sorted(many_claims, key=lambda c: (-c.checkworthiness, -c.pk))]
    assert seen == expected


def test_it_filters_the_queue_like_the_web_queue(api, read_token, many_claims):
    body = api("get", "/api/queue?min_score=0.5&sort=oldest", token=read_token).json()
    assert [i["id"] for i in body["items"]] == [c.pk for c in many_claims if c.checkworthiness >= 0.5]


def test_it_rejects_invalid_queue_filters(api, read_token, db):
    error = _error(api("get", "/api/queue?min_score=7", token=read_token), 422, "invalid")
    assert error["details"]
    _error(api("get", "/api/queue?status=nonsense", token=read_token), 422, "invalid")


def test_it_shows_another_newsroom_none_of_the_queue(api, outsider_token, many_claims):
    assert api("get", "/api/queue", token=outsider_token).json() == {"items": [], "next_cursor": None}


# --- verdicts -----------------------------------------------------------------------------------


@pytest.fixture
def published(newsroom, editor, colleague):
    """Three published verdicts a minute apart and one draft."""
    article = make_article(newsroom, url="https://news.example.org/ferry")
    rows = []
    start = timezone.now() - timezone.timedelta(hours=1)
    for i in range(3):
        claim = make_claim(article, start=i * 20, end=i * 20 + 15)
        rows.append(
            make_verdict(claim, editor, status=Verdict.Status.PUBLISHED, reviewer=colleague, conclusion=f"c{i}",
                         published_at=start + timezone.timedelta(minutes=i))
        )  # fmt: skip
    make_verdict(make_claim(article, start=100, end=110), editor)  # a draft
    return rows


@pytest.mark.parametrize("role", ROLES)
def test_it_lists_published_verdicts_with_their_claimreview(api, request, published, role):
    body = api("get", "/api/verdicts", token=request.getfixturevalue(role)).json()
    assert [v["id"] for v in body["items"]] == [v.pk for v in published]
    first = body["items"][0]
    assert first["claimreview"]["@type"] == "ClaimReview"
    assert first["claimreview"]["reviewRating"]["alternateName"] == first["rating"]
    assert first["claimreview"]["url"] == first["public_url"]
    assert first["claimreview_skipped"] is None


def test_it_gives_no_value_for_a_rating_off_the_scale(api, read_token, newsroom, published):
    # given verdicts rated Unverifiable (value 1, off the scale) and True (6)
    ratings = {r.label: r for r in RatingScale.objects.for_newsroom(newsroom)}
    Verdict.objects.filter(pk=published[0].pk).update(rating=ratings["Unverifiable"])
    Verdict.objects.filter(pk=published[1].pk).update(rating=ratings["True"])
    # when listed
    items = api("get", "/api/verdicts", token=read_token).json()["items"]
    # then the off-scale rating is named with a null value, as its ClaimReview names it without ratingValue
    assert (items[0]["rating"], items[0]["rating_value"]) == ("Unverifiable", None)
    assert items[0]["claimreview"]["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}
    assert (items[1]["rating"], items[1]["rating_value"]) == ("True", 6)


def test_it_lists_verdicts_since_a_time_and_by_cursor(api, read_token, published):
    since = published[1].published_at.isoformat().replace("+00:00", "Z")
    body = api("get", "/api/verdicts", token=read_token, data={"since": since}).json()
    assert [v["id"] for v in body["items"]] == [published[1].pk, published[2].pk]
    page1 = api("get", "/api/verdicts?limit=2", token=read_token).json()
    page2 = api("get", f"/api/verdicts?limit=2&after={page1['next_cursor']}", token=read_token).json()
    assert [v["id"] for v in page1["items"] + page2["items"]] == [v.pk for v in published]
    assert page2["next_cursor"] is None
    _error(api("get", "/api/verdicts?after=garbage", token=read_token), 422, "invalid")


def test_it_shows_another_newsroom_none_of_the_verdicts(api, outsider_token, published):
    assert api("get", "/api/verdicts", token=outsider_token).json() == {"items": [], "next_cursor": None}


# --- methods ------------------------------------------------------------------------------------


def test_it_answers_405_to_the_wrong_method(api, read_token):
    assert api("delete", "/api/queue", token=read_token).status_code == 405
    assert api("put", "/api/articles", token=read_token).status_code == 405


# --- query counts -------------------------------------------------------------------------------


def test_it_answers_each_endpoint_in_a_constant_number_of_queries(
    api, read_token, many_claims, published, django_assert_max_num_queries
):
    # given: the token was used a moment ago (its last-used stamp is not due)
    api("get", "/api/queue", token=read_token)
    article = many_claims[0].article
    # then: token, page (+ article, latest run, last finished run, statements; + rating scale for verdicts)
    with django_assert_max_num_queries(2):
        assert len(api("get", "/api/queue?status=all&limit=100", token=read_token).json()["items"]) > 12
    with django_assert_max_num_queries(5):
        assert len(api("get", f"/api/articles/{article.pk}", token=read_token).json()["statements"]) == 12
    with django_assert_max_num_queries(3):
        assert len(api("get", "/api/verdicts", token=read_token).json()["items"]) == 3
