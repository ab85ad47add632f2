"""Pasting the text of an article submitted by link whose page could not be read (the article keeps its
URL and is extracted), and the articles list's extraction status and statement count."""

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from factcheck.claims import services
from factcheck.claims.models import Article, ExtractionRun
from factcheck.demo.content import AIR_ATTACK
from tests.factories import make_article, make_claim

Status = ExtractionRun.Status
HX = {"HX-Request": "true"}
URL = "https://news.example.org/gone"


@pytest.fixture
def unread(newsroom, checker):
    """An article submitted by link whose page could not be read: its URL as title, no text, its run FAILED.
    (The run is never sent: on_commit callbacks do not run in these tests unless captured.)"""
    result = services.article_submit_url(newsroom=newsroom, user=checker, url=URL)
    ExtractionRun.objects.filter(pk=result.run.pk).update(status=Status.FAILED, message="The page answered 404.")
    return result.article


def paste(article, user, body=AIR_ATTACK["body"], title=""):
    return services.article_text_paste(article=article, user=user, title=title, body=body)


# --- the service ---------------------------------------------------------------------------------


def test_it_saves_the_pasted_text_keeps_the_url_and_extracts(unread, checker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = paste(unread, checker, title="  Air attack on the city  ")
    run.refresh_from_db()
    article = Article.objects.get(pk=unread.pk)
    assert run.status == Status.SUCCEEDED, run.message
    assert (article.url, article.title) == (URL, "Air attack on the city")
    assert article.body == AIR_ATTACK["body"] and not article.awaits_fetch
    assert article.claims.exists()
    assert list(article.runs.values_list("status", flat=True)) == [Status.SUCCEEDED, Status.FAILED]


def test_it_enqueues_the_run_after_commit_and_titles_an_untitled_text_by_its_first_line(
    unread, checker, django_capture_on_commit_callbacks, monkeypatch
):
    enqueued = []
    monkeypatch.setattr(services, "extraction_enqueue", lambda *, run_id: enqueued.append(run_id))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = paste(unread, checker, body="Harbour fees rise\r\nThe port raised its fees by 12% in 2024.")
    assert run.status == Status.PENDING and enqueued == []
    for callback in callbacks:
        callback()
    assert enqueued == [run.pk]
    article = Article.objects.get(pk=unread.pk)
    assert article.title == "Harbour fees rise" and "\r" not in article.body


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("   ", "it is empty"),
        ("!!! ??? ... *** ### !!! ??? ... ***", "no letters"),
        ("— ★ ✓ ✗ ☆ ◆ ● ■ a", "punctuation or symbols"),
    ],
)
def test_it_refuses_text_that_is_no_article_as_the_submit_form_does(unread, checker, body, message):
    with pytest.raises(ValidationError) as caught:
        paste(unread, checker, body=body)
    assert message in " ".join(caught.value.message_dict["body"])
    article = Article.objects.get(pk=unread.pk)
    assert article.body == "" and article.title == URL and article.runs.count() == 1


def test_it_refuses_a_text_that_is_already_an_article(unread, checker, newsroom):
    twin = make_article(newsroom, body=AIR_ATTACK["body"], title="The original")
    with pytest.raises(ValidationError) as caught:
        paste(unread, checker)
    assert f"“The original” (no. {twin.pk})" in caught.value.message_dict["body"][0]
    assert Article.objects.get(pk=unread.pk).body == ""


def test_it_refuses_an_article_that_has_its_text_or_a_run_under_way(unread, checker, newsroom):
    with pytest.raises(ValidationError, match="has its text already"):
        paste(make_article(newsroom), checker)
    ExtractionRun.objects.filter(article=unread).update(status=Status.RUNNING, message=ExtractionRun.FETCHING)
    with pytest.raises(services.ExtractionAlreadyActive):
        paste(unread, checker)
    assert Article.objects.get(pk=unread.pk).body == ""


# --- the article page and the view ----------------------------------------------------------------


def test_the_article_page_offers_the_paste_form_on_a_failed_fetch_to_writers_only(login, unread, checker, viewer):
    page = login(checker).get(unread.get_absolute_url()).content.decode()
    assert f'id="article-{unread.pk}-paste"' in page
    assert f'action="{reverse("claims:article_paste", args=[unread.pk])}"' in page
    assert "Paste the text instead" in page and "could not be read" in page
    assert "Retry" in page  # still offered beside it
    page = login(viewer).get(unread.get_absolute_url()).content.decode()
    assert f'id="article-{unread.pk}-paste"' not in page and "could not be read" in page


def test_the_paste_form_waits_while_the_page_is_fetched(login, unread, checker):
    ExtractionRun.objects.filter(article=unread).update(status=Status.PENDING)
    page = login(checker).get(unread.get_absolute_url()).content.decode()
    assert f'id="article-{unread.pk}-paste"' not in page and "is fetched and read" in page


def test_the_failed_run_fragment_links_to_the_paste_form(login, unread, checker):
    run = unread.runs.get()
    fragment = login(checker).get(reverse("claims:run_status", args=[run.pk]), headers=HX).content.decode()
    assert f'href="{unread.get_absolute_url()}#article-{unread.pk}-paste"' in fragment


def test_it_saves_the_text_and_goes_back_to_the_article(login, unread, checker, django_capture_on_commit_callbacks):
    url = reverse("claims:article_paste", args=[unread.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = login(checker).post(url, {"title": "", "body": AIR_ATTACK["body"]})
    assert response.status_code == 302 and response["Location"] == unread.get_absolute_url()
    page = login(checker).get(unread.get_absolute_url()).content.decode()
    assert "Text saved" in page and "Extracted" in page and "stmt band-" in page
    assert f'id="article-{unread.pk}-paste"' not in page


def test_an_invalid_paste_shows_the_error_in_the_form(login, unread, checker):
    url = reverse("claims:article_paste", args=[unread.pk])
    response = login(checker).post(url, {"title": "Kept", "body": "!!! ??? ..."})
    assert response.status_code == 200
    page = response.content.decode()
    assert "no letters in it" in page and 'value="Kept"' in page and "<html" in page
    fragment = login(checker).post(url, {"title": "Kept", "body": "!!! ??? ..."}, headers=HX)
    assert fragment.status_code == 200
    text = fragment.content.decode()
    assert text.lstrip().startswith(f'<section class="paste-card" id="article-{unread.pk}-paste"')
    assert "no letters in it" in text and "<html" not in text
    # the page's old banner ("Extraction failed again: …") is replaced, so it cannot read as this paste's outcome
    assert '<div id="flash" aria-live="polite" hx-swap-oob="true">' in text and "flash-list" not in text
    assert Article.objects.get(pk=unread.pk).body == ""


def test_a_valid_htmx_paste_redirects_the_browser(login, unread, checker):
    url = reverse("claims:article_paste", args=[unread.pk])
    response = login(checker).post(url, {"title": "", "body": AIR_ATTACK["body"]}, headers=HX)
    assert response.status_code == 200 and response["HX-Redirect"] == unread.get_absolute_url()
    assert Article.objects.get(pk=unread.pk).body == AIR_ATTACK["body"]


def test_pasting_into_an_article_with_text_says_so(login, newsroom, checker):
    article = make_article(newsroom)
    response = login(checker).post(reverse("claims:article_paste", args=[article.pk]), {"body": "x"}, follow=True)
    assert "has its text already" in response.content.decode()
    assert Article.objects.get(pk=article.pk).body == article.body


def test_the_paste_view_refuses_the_wrong_people_and_method(client, login, unread, viewer, outsider):
    url = reverse("claims:article_paste", args=[unread.pk])
    assert client.post(url, {"body": AIR_ATTACK["body"]}).status_code == 302  # anonymous: to the login page
    assert login(viewer).post(url, {"body": AIR_ATTACK["body"]}).status_code == 403
    assert login(outsider).post(url, {"body": AIR_ATTACK["body"]}).status_code == 404
    assert login(viewer).get(url).status_code == 405
    assert Article.objects.get(pk=unread.pk).body == ""


# --- the articles list ------------------------------------------------------------------------------


def test_the_articles_list_shows_each_articles_extraction_and_statement_count(login, newsroom, unread, viewer):
    # given an extracted article with two statements, one never extracted, and the failed fetch
    done = make_article(newsroom, title="Two statements here")
    make_claim(done, start=0, end=10)
    make_claim(done, start=11, end=20)
    done.runs.create(newsroom=newsroom, status=Status.SUCCEEDED)
    make_article(newsroom, body="Another text entirely, with words.", title="Never extracted")
    # when the list is shown
    page = login(viewer).get(reverse("claims:articles")).content.decode()
    # then each row says how its extraction went and how many statements it has
    row = page.split(f'id="article-{done.pk}-row"')[1].split("</tr>")[0]
    assert "run-badge-succeeded" in row and "Succeeded" in row
    assert f'?article={done.pk}&amp;status=all">2</a>' in row
    row = page.split(f'id="article-{unread.pk}-row"')[1].split("</tr>")[0]
    assert "run-badge-failed" in row and "Failed" in row and '<td class="num">0</td>' in row
    assert "not extracted" in page
