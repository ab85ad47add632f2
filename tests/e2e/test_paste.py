"""A link whose page cannot be fetched is no dead end: the article offers "Paste the text instead", saves the
pasted text into the same article (keeping its link) and extracts it; the articles list shows how it went."""

from playwright.sync_api import expect

from django.urls import reverse

from factcheck.claims import services as claim_services
from factcheck.claims.models import Article, ExtractionRun
from factcheck.demo.content import AIR_ATTACK

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def test_it_takes_pasted_text_when_the_page_cannot_be_read(
    page, live_server, newsroom, checker, as_user, console_errors, shot
):
    # given an article submitted by link whose page could not be read
    url = "https://news.example.org/unreachable-story"
    result = claim_services.article_submit_url(newsroom=newsroom, user=checker, url=url)
    ExtractionRun.objects.filter(pk=result.run.pk).update(
        status=ExtractionRun.Status.FAILED, message="The page could not be fetched: connection refused."
    )
    article = result.article
    as_user(page, checker)

    # when the checker opens it, it says so and offers the paste form beside Retry
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(page.locator(".run-status")).to_contain_text("connection refused")
    expect(page.locator(".run-status button", has_text="Retry")).to_be_visible()
    shot(page, "paste-1280-offered")
    page.set_viewport_size(PHONE)
    shot(page, "paste-390-offered")
    page.set_viewport_size(DESKTOP)
    page.click(".run-status a.paste-link")
    expect(page.locator(f"#article-{article.pk}-paste")).to_be_in_viewport()

    # a text that is no article is refused with the submit form's reason, in place
    page.fill(f"#article-{article.pk}-paste #id_body", "!!! ??? ...")
    page.click(f"#article-{article.pk}-paste button[type=submit]")
    expect(page.locator(f"#article-{article.pk}-paste .error")).to_contain_text("no letters in it")

    # then the real text is saved into the same article and extracted
    page.fill(f"#article-{article.pk}-paste #id_title", AIR_ATTACK["title"])
    page.fill(f"#article-{article.pk}-paste #id_body", AIR_ATTACK["body"])
    page.click(f"#article-{article.pk}-paste button[type=submit]")
    expect(page.locator(".run-status")).to_contain_text("Extracted", timeout=30_000)
    expect(page.locator("h1")).to_contain_text(AIR_ATTACK["title"])
    expect(page.locator(".stmt").first).to_be_visible()
    expect(page.locator(f"#article-{article.pk}-paste")).to_have_count(0)
    saved = Article.objects.get(pk=article.pk)
    assert saved.url == url and saved.body == AIR_ATTACK["body"]
    assert Article.objects.count() == 1
    shot(page, "paste-1280-extracted")

    # and the articles list shows its extraction and statement count
    page.goto(f"{live_server.url}{reverse('claims:articles')}")
    row = page.locator(f"#article-{article.pk}-row")
    expect(row).to_contain_text("Succeeded")
    expect(row.locator("td.num a")).to_have_text(str(saved.claims.count()))
    shot(page, "articles-1280")
    page.set_viewport_size(PHONE)
    shot(page, "articles-390")
    assert console_errors == []
