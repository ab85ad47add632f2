"""Submit by URL in a real browser: paste a link served by a local HTTP server, watch the page being
fetched, then the article and its statements appear without a reload."""

import threading

from playwright.sync_api import expect

from django.urls import reverse

from factcheck.claims import services as claim_services
from factcheck.claims.models import Article, ExtractionRun
from tests.claims import test_fetch

page_server = test_fetch.page_server
allow_local = test_fetch.allow_local


def test_it_fetches_a_linked_page_and_shows_its_statements(
    page, live_server, checker, as_user, console_errors, shot, page_server, allow_local, monkeypatch
):
    # given runs that wait for this test to play the worker, and a page that waits for the test's signal
    monkeypatch.setattr(claim_services, "extraction_enqueue", lambda run_id: False)
    url = page_server.url("/held/pages/harbour-tolls.html")
    as_user(page, checker)

    # a link to a private address is refused at once, with the reason
    page.goto(f"{live_server.url}{reverse('claims:submit')}")
    page.fill("#id_url", "http://169.254.169.254/latest/meta-data/")
    page.click("main button[type=submit]")
    expect(page.locator("#id_url-error")).to_contain_text("private or reserved network")
    shot(page, "60-submit-url-refused")

    # when the link is submitted alone
    page.fill("#id_url", url)
    page.click("main button[type=submit]")
    expect(page.locator(".run-status")).to_contain_text("Queued")
    expect(page.locator("main")).to_contain_text("The text appears here once the page")
    article = Article.objects.get()
    assert article.url == url and article.body == ""

    # and a worker takes the run: the status shows the fetch while the server holds the page
    worker = threading.Thread(target=claim_services.extraction_run, kwargs={"run_id": article.runs.get().pk})
    worker.start()
    expect(page.locator(".run-status")).to_contain_text("Fetching the page…", timeout=20_000)
    shot(page, "61-fetching")
    page_server.gate.set()

    # then the article's title, outlet, author and statements come in without a reload
    expect(page.locator(".run-status")).to_contain_text("Extracted", timeout=30_000)
    worker.join(timeout=30)
    expect(page.locator("h1")).to_contain_text("Harbour tolls to rise 12%")
    expect(page.locator(".crumbs")).to_contain_text("Harbour tolls to rise 12%")
    expect(page.locator(".article-text")).to_contain_text("The Lindmoor Courier")
    expect(page.locator(".article-text")).to_contain_text("Marta Oyelaran")
    expect(page.locator(".stmt").first).to_be_visible()
    original = page.locator("a", has_text="original ↗")
    expect(original).to_have_attribute("rel", "noopener noreferrer nofollow")
    expect(original).to_have_attribute("href", url)
    assert ExtractionRun.objects.get().status == ExtractionRun.Status.SUCCEEDED
    shot(page, "62-fetched-and-extracted")

    # the same link again leads to the same article
    page.goto(f"{live_server.url}{reverse('claims:submit')}")
    page.fill("#id_url", url)
    page.click("main button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Harbour tolls to rise 12%")
    assert Article.objects.count() == 1
    assert console_errors == []
