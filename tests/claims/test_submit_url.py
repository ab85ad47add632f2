"""Submit by URL (issue 16): the service, the run that fetches and reads the page, the import, the views.

Pages come from a real HTTP server on 127.0.0.1 (tests/claims/test_fetch.py's `page_server`), listed
in the fetch allow-list by `allow_local`; tasks run in-process (no broker).
"""

import datetime
import json

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from factcheck.claims import importing, services
from factcheck.claims.models import Article, ExtractionRun, url_hash
from factcheck.claims.pages import url_normalise
from factcheck.sources.models import Source
from tests.claims import test_fetch

# The local page server and the allow-list that lets the fetch reach it (fixtures of test_fetch).
page_server = test_fetch.page_server
allow_local = test_fetch.allow_local

Status = ExtractionRun.Status
HX = {"HX-Request": "true"}


def submit_url(newsroom, user, url, **extra):
    return services.article_submit_url(newsroom=newsroom, user=user, url=url, **extra)


@pytest.fixture
def run_now(django_capture_on_commit_callbacks):
    """Submit, then run the enqueued extraction in-process as the worker would."""

    def _run(newsroom, user, url, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            result = submit_url(newsroom, user, url, **extra)
        if result.run is not None:
            result.run.refresh_from_db()
            result.article.refresh_from_db()
        return result

    return _run


# --- the service ---------------------------------------------------------------------------------


def test_it_saves_a_url_article_and_a_pending_run_enqueued_after_commit(
    newsroom, checker, django_capture_on_commit_callbacks, monkeypatch
):
    enqueued = []
    monkeypatch.setattr(services, "extraction_enqueue", lambda *, run_id: enqueued.append(run_id))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = submit_url(newsroom, checker, "HTTPS://News.Example.ORG:443/story?id=7#comments")
    assert result.created and result.run.status == Status.PENDING
    article = result.article
    assert article.url == "https://news.example.org/story?id=7"
    assert article.body == "" and article.awaits_fetch
    assert article.title == article.url
    assert article.content_hash == url_hash(article.url)
    assert enqueued == []
    callbacks[0]()
    assert enqueued == [result.run.pk]


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        ("http://Example.org", "http://example.org/"),
        ("http://example.org:80/a#b", "http://example.org/a"),
        ("https://example.org:8443/a?x=1", "https://example.org:8443/a?x=1"),
        ("  https://EXAMPLE.org/Path/Case  ", "https://example.org/Path/Case"),
    ],
)
def test_it_normalises_urls(url, normalised):
    assert url_normalise(url) == normalised


def test_it_returns_the_existing_article_for_the_same_url(newsroom, other_newsroom, checker, outsider):
    first = submit_url(newsroom, checker, "https://news.example.org/story")
    again = submit_url(newsroom, checker, "https://NEWS.example.org:443/story#top")
    assert again.created is False and again.run is None
    assert again.article.pk == first.article.pk
    elsewhere = submit_url(other_newsroom, outsider, "https://news.example.org/story")
    assert elsewhere.created and elsewhere.article.pk != first.article.pk
    assert Article.objects.count() == 2 and ExtractionRun.objects.count() == 2


def test_it_finds_a_pasted_article_with_the_same_link(newsroom, checker):
    pasted = services.article_submit(
        newsroom=newsroom, user=checker, title="T", body="One two three four five.", url="HTTPS://News.example.org/a#x"
    )
    assert pasted.article.url == "https://news.example.org/a"
    assert submit_url(newsroom, checker, "https://news.example.org/a").article.pk == pasted.article.pk


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/file", "Only http and https"),
        ("javascript:alert(1)", "Only http and https"),
        ("example.org/story", "Only http and https"),
        ("https:///nohost", "no site name"),
        ("https://user:pw@example.org/", "user name"),
        ("http://example.org:99999/", "Enter a full web address starting with http:// or https://"),
        ("http://127.0.0.1/admin", "private or reserved"),
        ("http://[::ffff:10.0.0.1]/", "private or reserved"),
        ("http://169.254.169.254/latest/meta-data/", "private or reserved"),
        ("http://localhost:8000/admin", "localhost is on a private or reserved network"),
        ("http://LocalHost./x", "localhost is on a private or reserved network"),
        ("http://cms.localhost/x", "cms.localhost is on a private or reserved network"),
        ("http://printer.local/x", "printer.local is a name on the local network"),
        ("https://exa mple.org/", "Enter a full web address starting with http:// or https://"),
    ],
)
def test_it_refuses_links_it_cannot_fetch_with_a_clear_message(newsroom, checker, settings, url, message):
    settings.FETCH_ALLOWED_NETWORKS = []
    with pytest.raises(ValidationError) as caught:
        submit_url(newsroom, checker, url)
    assert message in " ".join(caught.value.message_dict["url"])
    assert not Article.objects.exists()


# --- the run: fetch, read, extract ----------------------------------------------------------------


def test_it_fetches_reads_and_extracts_the_page(newsroom, checker, page_server, allow_local, run_now):
    # when
    result = run_now(newsroom, checker, page_server.url("/pages/harbour-tolls.html"))
    # then the run succeeded and the article holds the page's article
    run, article = result.run, result.article
    assert run.status == Status.SUCCEEDED, run.message
    assert run.message == ""
    assert article.title == "Harbour tolls to rise 12% as port authority cites dredging costs"
    assert article.body.startswith("The Lindmoor port authority will raise harbour tolls by 12% from 1 April")
    assert "Most read" not in article.body and "All rights reserved" not in article.body
    assert article.author == "Marta Oyelaran"
    assert article.published_on == datetime.date(2026, 3, 14)
    assert article.outlet.name == "The Lindmoor Courier"
    assert article.outlet.kind == Source.Kind.NEWS_OUTLET
    assert article.url == page_server.url("/pages/harbour-tolls.html")
    assert article.content_hash != url_hash(article.url)
    # and statements were extracted, anchored in the fetched text
    claims = list(article.claims.all())
    assert run.statements_found == len(claims) > 0
    assert any("4.2 million euros" in c.text for c in claims)
    for claim in claims:
        assert article.body[claim.start : claim.end] == claim.text
    # one request, with our User-Agent
    assert len(page_server.requests) == 1


def test_it_reuses_the_outlet_registered_for_the_domain(newsroom, checker, page_server, allow_local, run_now):
    registered = Source.objects.create(newsroom=newsroom, name="Courier (registry name)", url=page_server.base + "/")
    result = run_now(newsroom, checker, page_server.url("/pages/harbour-tolls.html"))
    assert result.article.outlet == registered


def test_what_the_submitter_gave_wins_over_the_page(newsroom, checker, page_server, allow_local, run_now):
    outlet = Source.objects.create(newsroom=newsroom, name="Given outlet")
    result = run_now(
        newsroom,
        checker,
        page_server.url("/pages/school-meals.html"),
        title="My title",
        outlet=outlet,
        published_on=datetime.date(2026, 5, 3),
    )
    article = result.article
    assert result.run.status == Status.SUCCEEDED
    assert (article.title, article.outlet, article.published_on) == ("My title", outlet, datetime.date(2026, 5, 3))
    assert article.author == "Joel Ferreira"


def test_a_page_without_article_text_fails_keeps_the_url_and_a_retry_works_once_fixed(
    newsroom, checker, page_server, allow_local, run_now, django_capture_on_commit_callbacks
):
    # given a page that is a sign-in form
    page_server.pages["story"] = page_server.pages["no-article"]
    url = page_server.url("/pages/story.html")
    # when it is submitted
    result = run_now(newsroom, checker, url)
    # then the run failed with a clear message and the article kept its URL, with no text
    assert result.run.status == Status.FAILED
    assert "No article text was found on the page" in result.run.message
    article = Article.objects.get(pk=result.article.pk)
    assert article.url == url and article.body == "" and article.awaits_fetch
    assert not article.claims.exists()
    # when the page is fixed and the run retried
    page_server.pages["story"] = page_server.pages["harbour-tolls"]
    with django_capture_on_commit_callbacks(execute=True):
        retry = services.extraction_request(article=article, user=checker)
    retry.refresh_from_db()
    article.refresh_from_db()
    # then the page was fetched again and extracted
    assert retry.status == Status.SUCCEEDED, retry.message
    assert article.title.startswith("Harbour tolls") and article.claims.exists()
    assert [p for p, _ in page_server.requests] == ["/pages/story.html", "/pages/story.html"]


def test_a_refused_fetch_fails_the_run_with_the_reason(newsroom, checker, page_server, allow_local, run_now):
    target = "http://10.1.2.3/internal"
    result = run_now(newsroom, checker, page_server.url(f"/redirect?to={target}"))
    assert result.run.status == Status.FAILED
    assert "private or reserved network address" in result.run.message
    assert result.article.awaits_fetch


def test_an_unexpected_error_while_reading_the_page_is_named_as_such(newsroom, checker, monkeypatch, run_now):
    def broken(fetched):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(services, "fetch", lambda url: None)
    monkeypatch.setattr(services, "page_article", broken)
    result = run_now(newsroom, checker, "https://news.example.org/story")
    assert result.run.status == Status.FAILED
    assert result.run.message == "Fetching or reading the page failed (RuntimeError: parser exploded)."
    assert result.article.awaits_fetch


def test_a_missing_page_fails_the_run_with_the_status(newsroom, checker, page_server, allow_local, run_now):
    result = run_now(newsroom, checker, page_server.url("/pages/gone.html"))
    assert result.run.status == Status.FAILED and "answered 404" in result.run.message


def test_a_loopback_name_is_refused_at_submit_as_its_address_is(newsroom, checker, page_server, settings):
    # given no allow-list: localhost is refused before any run, as 127.0.0.1 is (a name that merely resolves
    # to a private address is refused by the run's fetch: test_fetch)
    settings.FETCH_ALLOWED_NETWORKS = []
    for host in ("localhost", "127.0.0.1"):
        with pytest.raises(ValidationError) as caught:
            submit_url(newsroom, checker, f"http://{host}:{page_server.port}/pages/harbour-tolls.html")
        assert f"{host} is on a private or reserved network" in caught.value.message_dict["url"][0]
    assert not Article.objects.exists() and page_server.requests == []


def test_an_allow_listed_loopback_admits_localhost_too(newsroom, checker, page_server, settings, run_now):
    # given the loopback addresses in the allow-list: localhost, checked as 127.0.0.1, is submitted and fetched
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32", "::1/128"]
    result = run_now(newsroom, checker, f"http://localhost:{page_server.port}/pages/harbour-tolls.html")
    assert result.run.status == Status.SUCCEEDED, result.run.message


def test_a_page_whose_text_is_already_an_article_fails_and_points_to_it(
    newsroom, checker, page_server, allow_local, run_now
):
    first = run_now(newsroom, checker, page_server.url("/pages/harbour-tolls.html"))
    second = run_now(newsroom, checker, page_server.url("/redirect?to=/pages/harbour-tolls.html"))
    assert second.run.status == Status.FAILED
    assert f"(no. {first.article.pk})" in second.run.message


def test_a_redelivered_run_does_not_fetch_again(newsroom, checker, page_server, allow_local, run_now):
    result = run_now(newsroom, checker, page_server.url("/pages/harbour-tolls.html"))
    assert services.extraction_run(run_id=result.run.pk) is None  # finished: nothing to do
    assert len(page_server.requests) == 1


def test_the_run_shows_fetching_while_the_page_is_fetched(newsroom, checker, page_server, allow_local, monkeypatch):
    # given a fetch that looks at the run while it is under way
    seen = []
    real_fetch = services.fetch

    def watching_fetch(url):
        seen.append(ExtractionRun.objects.get().message)
        return real_fetch(url)

    monkeypatch.setattr(services, "fetch", watching_fetch)
    monkeypatch.setattr(services, "extraction_enqueue", lambda *, run_id: None)
    result = submit_url(newsroom, checker, page_server.url("/pages/harbour-tolls.html"))
    # when
    services.extraction_run(run_id=result.run.pk)
    # then
    assert seen == [ExtractionRun.FETCHING]
    run = ExtractionRun.objects.get()
    assert run.status == Status.SUCCEEDED and run.message == ""


# --- the import ---------------------------------------------------------------------------------


def test_the_import_turns_a_url_line_into_a_url_article(
    newsroom, checker, page_server, allow_local, django_capture_on_commit_callbacks
):
    url = page_server.url("/pages/school-meals.html")
    lines = [json.dumps({"url": url}), json.dumps({"url": url + "#again"}), json.dumps({"title": "no text"})]
    with django_capture_on_commit_callbacks(execute=True):
        report = importing.articles_import(newsroom=newsroom, user=checker, lines=lines)
    assert (report.imported, report.duplicates) == (1, 1)
    assert [n for n, _ in report.errors] == [3] and "'text' is missing" in report.errors[0][1]
    article = Article.objects.get()
    assert article.url == url and article.title.startswith("Free school meals")
    assert article.runs.get().status == Status.SUCCEEDED


def test_the_import_command_takes_url_lines(newsroom, checker, tmp_path):
    import io

    from django.core.management import call_command

    path = tmp_path / "links.jsonl"
    path.write_text(json.dumps({"url": "https://news.example.org/ferry", "outlet": "Harbour Gazette"}) + "\n")
    out = io.StringIO()
    call_command("import_articles", str(path), newsroom=newsroom.slug, stdout=out, stderr=io.StringIO())
    assert "1 imported" in out.getvalue()
    article = Article.objects.get()
    assert article.awaits_fetch and article.outlet.name == "Harbour Gazette"
    assert article.runs.get().status == Status.PENDING


# --- the views ----------------------------------------------------------------------------------


def test_submit_by_url_goes_to_the_article_page(login, checker, page_server, allow_local, run_now):
    client = login(checker)
    url = page_server.url("/pages/harbour-tolls.html")
    response = client.post(reverse("claims:submit"), {"url": url})
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    again = client.post(reverse("claims:submit"), {"url": url}, follow=True)
    assert b"already submitted" in again.content
    assert Article.objects.count() == 1


def test_submit_asks_for_text_or_a_link(login, checker):
    response = login(checker).post(reverse("claims:submit"), {"title": "x", "body": "  ", "url": ""})
    assert response.status_code == 200
    assert b"it is empty" in response.content and b"link" in response.content
    response = login(checker).post(reverse("claims:submit"), {"url": "ftp://example.org/x"})
    assert response.status_code == 200 and b"Only http and https" in response.content
    # a malformed link says what is expected, not Django's bare "Enter a valid URL."
    response = login(checker).post(reverse("claims:submit"), {"url": "https://exa mple.org/story"})
    assert response.status_code == 200 and b"Enter a valid URL" not in response.content
    assert b"Enter a full web address starting with http:// or https://, such as" in response.content
    assert not Article.objects.exists()


def test_the_article_page_links_the_url_safely(login, newsroom, checker, page_server, allow_local, run_now):
    result = run_now(newsroom, checker, page_server.url("/pages/harbour-tolls.html"))
    page = login(checker).get(result.article.get_absolute_url()).content.decode()
    assert f'href="{result.article.url}"' in page
    assert 'rel="noopener noreferrer nofollow"' in page
    assert "Marta Oyelaran" in page


def test_the_run_status_shows_fetching(login, checker, newsroom, monkeypatch):
    monkeypatch.setattr(services, "extraction_enqueue", lambda *, run_id: None)
    result = submit_url(newsroom, checker, "https://news.example.org/story")
    ExtractionRun.objects.filter(pk=result.run.pk).update(status=Status.RUNNING, message=ExtractionRun.FETCHING)
    client = login(checker)
    fragment = client.get(reverse("claims:run_status", args=[result.run.pk]), headers=HX).content.decode()
    assert "Fetching the page…" in fragment and "hx-get" in fragment
    page = client.get(result.article.get_absolute_url()).content.decode()
    assert "Fetching the page…" in page


# --- through Redis and a real worker process -------------------------------------------------------


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_fetches_and_extracts_with_the_allow_list_from_its_environment(
    newsroom, checker, page_server, worker_processes, settings
):
    from tests.conftest import wait_until

    # given a worker whose environment lists the local server's network
    worker_processes.start(concurrency=1, extra_env={"FACTCHECK_FETCH_ALLOWED_NETWORKS": "127.0.0.1/32,::1/128"})
    # when a URL is submitted (the submit checks the host against this process's allow-list; only the
    # worker fetches, with the allow-list from its own environment)
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    url = f"http://localhost:{page_server.port}/pages/school-meals.html"
    result = submit_url(newsroom, checker, url)
    # then the worker fetched, read and extracted it
    wait_until(
        lambda: ExtractionRun.objects.get(pk=result.run.pk).status in (Status.SUCCEEDED, Status.FAILED),
        timeout=60,
        message="run finished",
    )
    run = ExtractionRun.objects.get(pk=result.run.pk)
    assert run.status == Status.SUCCEEDED, run.message
    article = Article.objects.get(pk=result.article.pk)
    assert article.title == "Free school meals reach 41,000 pupils, says education office"
    assert article.outlet.name == "Valdenbrook Evening Post"
    assert article.claims.count() == run.statements_found > 0
    assert page_server.requests[0][1]["User-Agent"].startswith("FactcheckWorkbench/1.0")
