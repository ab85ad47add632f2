"""The review workflow in a real browser: submit → extract → review → approve → dashboard and queue."""

import re
import threading

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from factcheck.claims import services as claim_services
from factcheck.claims.models import Article, Claim, ExtractionRun
from factcheck.demo.content import AIR_ATTACK
from factcheck.verdicts.models import Evidence, Verdict
from tests.factories import make_source

DRONES = "more than 63 drones and nine missiles"


def _hold_extraction(monkeypatch):
    """Keep submitted runs PENDING (no enqueue) so the test decides when the worker runs."""
    monkeypatch.setattr(claim_services, "extraction_enqueue", lambda run_id: False)


def _run_in_background(run_id):
    """What a worker does, from another thread, while the page polls."""
    thread = threading.Thread(target=claim_services.extraction_run, kwargs={"run_id": run_id})
    thread.start()
    return thread


def _switch_user(page, as_user, user):
    page.context.clear_cookies()
    as_user(page, user)


def test_it_submits_reviews_and_publishes_a_verdict(
    page, live_server, newsroom, editor, colleague, as_user, console_errors, shot, monkeypatch
):
    make_source(newsroom, name="Ukrainian Air Force", url="https://www.mil.gov.ua/", kind="government")
    make_source(newsroom, name="Kyiv Wire Service", url="https://kyiv-wire.example/", kind="news_outlet")
    _hold_extraction(monkeypatch)
    as_user(page, editor)

    # submit: an empty text is refused with a clear message
    page.goto(f"{live_server.url}{reverse('claims:submit')}")
    page.fill("#id_title", "Empty")
    page.click("main button[type=submit]")
    expect(page.locator(".error[role=alert]")).to_contain_text("it is empty")
    shot(page, "10-submit-error")

    page.fill("#id_title", AIR_ATTACK["title"])
    page.fill("#id_body", AIR_ATTACK["body"])
    page.fill("#id_url", AIR_ATTACK["url"])
    page.select_option("#id_outlet", label="Kyiv Wire Service")
    page.click("main button[type=submit]")
    expect(page.locator(".run-status")).to_contain_text("Queued")
    shot(page, "11-article-queued")

    # the worker runs while the page polls; the statements come in without a reload
    article = Article.objects.get(title=AIR_ATTACK["title"])
    worker = _run_in_background(article.runs.get().pk)
    statement = page.locator(".stmt", has_text=DRONES)
    expect(statement).to_be_visible(timeout=20_000)
    worker.join(timeout=30)
    expect(page.locator(".run-status")).to_contain_text("Extracted")
    expect(page.locator(".run-status progress")).to_have_attribute("value", "1")
    expect(page.locator(".checks .check").first).to_be_visible()
    statement.hover()
    expect(statement.locator(".tip")).to_be_visible()
    shot(page, "12-article-extracted")

    # open the highlighted statement
    statement.click()
    expect(page.locator("mark.stmt-focus")).to_contain_text(DRONES)
    shot(page, "13-statement")

    # attach a source (search-as-you-type), URL and quote
    page.locator("input[name=source]").press_sequentially("Ukrain", delay=30)
    expect(page.locator("datalist option")).to_have_count(1)
    page.fill("input[name=source]", "Ukrainian Air Force (mil.gov.ua)")
    page.fill("input[name=url]", "https://www.mil.gov.ua/news/2025/07/04/")
    page.fill("textarea[name=quote]", "Of the 550 air attack weapons, 72 were not intercepted.")
    page.check("input[name=stance][value=refutes]")
    page.check("input[name=is_primary]")
    page.click("button:has-text('Add evidence')")
    expect(page.locator(".evidence-item")).to_have_count(1)
    expect(page.locator(".evidence-item .ev-source")).to_have_text("Ukrainian Air Force")
    expect(page.locator(".flash")).to_contain_text("Evidence added.")
    expect(page.locator("[id$=-status].badge")).to_have_text("In progress")

    # draft, then submit for review
    page.select_option("select[name=rating]", label="Half true")
    page.fill("textarea[name=conclusion]", "The article's own figures do not add up: 63+ drones and 9 missiles vs 72.")
    page.click("button[value=draft]")
    expect(page.locator(".flash")).to_contain_text("Draft saved.")
    page.click("button[value=submit]")
    expect(page.locator(".waiting")).to_contain_text("Waiting for another editor")
    expect(page.locator("[id$=-status].badge")).to_have_text("In review")
    shot(page, "14-statement-in-review")
    claim = Claim.objects.get(text__contains=DRONES)
    statement_url = page.url

    # another editor approves
    _switch_user(page, as_user, colleague)
    page.goto(statement_url)
    expect(page.locator("button:has-text('Approve and publish')")).to_be_visible()
    shot(page, "15-statement-review-by-colleague")
    # approving asks first: answered no, nothing is published
    console_errors.accept_confirms = False
    page.click("button:has-text('Approve and publish')")
    assert console_errors.confirms == [
        "Publish this verdict (Half true) now? It appears on the public fact-check page at once."
    ]
    expect(page.locator("button:has-text('Approve and publish')")).to_be_visible()
    assert Verdict.objects.get(claim=claim).status == Verdict.Status.IN_REVIEW
    # answered yes, the verdict is published
    console_errors.accept_confirms = True
    page.click("button:has-text('Approve and publish')")
    assert len(console_errors.confirms) == 2
    expect(page.locator(".verdict-published")).to_contain_text("Half true")
    expect(page.locator("[id$=-status].badge")).to_have_text("Published")
    assert Verdict.objects.get(claim=claim).status == Verdict.Status.PUBLISHED
    # evidence of a published verdict changes only through a correction: no add/remove, and why
    expect(page.locator(".evidence-locked")).to_contain_text("open a correction first")
    expect(page.locator("button:has-text('Add evidence')")).to_have_count(0)
    expect(page.locator(".ev-remove")).to_have_count(0)
    shot(page, "16-statement-published")

    # the colleague opens a correction: the evidence panel re-opens in the same answer
    page.click("summary:has-text('Correct this verdict')")
    page.fill("textarea[name=reason]", "The Air Force revised its count.")
    page.click("button:has-text('Open a correction')")
    expect(page.locator(".flash")).to_contain_text("Correction opened")
    expect(page.locator(".evidence-locked")).to_have_count(0)
    expect(page.locator(".ev-remove")).to_have_count(0)  # the live verdict's only public evidence stays
    expect(page.locator("summary:has-text('Add evidence')")).to_be_visible()
    page.click("button[value=submit]")
    # who opened and submitted the correction may not approve it, and is told why
    expect(page.locator(".waiting")).to_contain_text("you wrote or edited this version")
    expect(page.locator("button:has-text('Approve and publish')")).to_have_count(0)
    shot(page, "16b-correction-waiting-for-another-editor")
    # the first version's author did not touch this one: they review it
    _switch_user(page, as_user, editor)
    page.goto(statement_url)
    page.click("button:has-text('Approve and publish')")
    expect(page.locator(".verdict-published")).to_contain_text("v2")
    assert Verdict.objects.get(claim=claim, status=Verdict.Status.PUBLISHED).version == 2

    # history tab
    page.click("a[role=tab]:has-text('History')")
    expect(page.locator(".timeline")).to_contain_text("approved and published")
    assert page.url.endswith("?tab=history")
    shot(page, "17-statement-history")

    # dashboard and queue show it
    page.click("nav >> text=Dashboard")
    expect(page.locator("#dashboard-status-published")).to_have_text("1")
    expect(page.locator("svg.chart").first).to_contain_text("Half true")
    shot(page, "18-dashboard")
    page.goto(f"{live_server.url}{reverse('claims:queue')}?status=published")
    expect(page.locator("tr.queue-row")).to_have_count(1)
    expect(page.locator("tr.queue-row")).to_contain_text(DRONES)
    shot(page, "19-queue-published")
    assert console_errors == []


def test_queue_filters_search_keyboard_and_bulk_assign(
    page, live_server, newsroom, editor, checker, as_user, console_errors, shot, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        claim_services.article_submit(
            newsroom=newsroom, user=editor, title=AIR_ATTACK["title"], body=AIR_ATTACK["body"]
        )
    total = Claim.objects.count()
    as_user(page, editor)
    expect(page.locator("tr.queue-row")).to_have_count(total)
    shot(page, "20-queue")

    # search updates the URL and the rows
    page.fill("#id_q", "drones")
    expect(page).to_have_url(re.compile(r"q=drones"))
    expect(page.locator("tr.queue-row").first).to_contain_text("drones")
    searched = page.locator("tr.queue-row").count()
    assert 0 < searched < total
    # a filter adds to the URL; the bookmarked URL renders the same rows
    page.select_option("#id_type", "comparison")
    expect(page).to_have_url(re.compile(r"type=comparison"))
    filtered_url = page.url
    rows = page.locator("tr.queue-row").count()
    page.goto(filtered_url)
    expect(page.locator("tr.queue-row")).to_have_count(rows)
    shot(page, "21-queue-filtered")

    # keyboard: j moves to the first row, a takes it, Enter opens it
    page.goto(f"{live_server.url}{reverse('claims:queue')}")
    page.locator("body").press("j")
    first = page.locator("tr.queue-row").first
    expect(first).to_be_focused()
    first.press("a")
    expect(first.locator(".who-chip")).to_have_text(editor.username)
    first_id = first.get_attribute("id").split("-")[1]
    page.locator("tr.queue-row").first.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/statements/{first_id}/$"))

    # bulk assign three rows to the checker
    page.goto(f"{live_server.url}{reverse('claims:queue')}?assignee=unassigned")
    boxes = page.locator("tr.queue-row input[name=ids]")
    ids = [boxes.nth(i).get_attribute("value") for i in range(3)]
    for i in range(3):
        boxes.nth(i).check()
    expect(page.locator("[data-selected-count]")).to_have_text("3")
    page.select_option("#bulk-action", "assign")
    page.select_option("#bulk-assignee", label=checker.username)
    shot(page, "22-queue-bulk-selected")
    page.click("#bulk-form button[type=submit]")
    expect(page.locator(".flash")).to_contain_text("Updated 3 statements")
    for pk in ids:
        expect(page.locator(f"#claim-{pk}-row")).to_have_count(0)  # no longer unassigned
    assert Claim.objects.filter(pk__in=ids, assignee=checker).count() == 3
    assert console_errors == []


def test_a_failed_run_shows_its_message_and_retry_works(
    page, live_server, newsroom, checker, as_user, console_errors, shot, monkeypatch
):
    import factcheck.extraction

    def broken(text, on_progress=None):
        raise RuntimeError("model file is corrupt")

    monkeypatch.setattr(factcheck.extraction, "extract", broken)
    as_user(page, checker)
    page.goto(f"{live_server.url}{reverse('claims:submit')}")
    page.fill("#id_body", AIR_ATTACK["body"])
    page.click("main button[type=submit]")
    expect(page.locator(".run-status")).to_contain_text("model file is corrupt")
    expect(page.locator(".run-status")).to_contain_text("Failed")
    shot(page, "30-article-failed")

    monkeypatch.undo()  # the extractor works again
    page.click(".run-status button:has-text('Retry')")
    expect(page.locator(".run-status")).to_contain_text("Extracted")
    expect(page.locator(".stmt", has_text=DRONES)).to_be_visible()
    assert ExtractionRun.objects.filter(status=ExtractionRun.Status.SUCCEEDED).count() == 1
    shot(page, "31-article-retried")
    assert console_errors == []


def test_unusable_text_is_refused_and_a_run_at_its_time_limit_says_so(
    page, live_server, newsroom, checker, as_user, console_errors, shot, monkeypatch
):
    from celery.exceptions import SoftTimeLimitExceeded

    import factcheck.extraction

    as_user(page, checker)
    # a page of punctuation is refused at submit, with the reason
    page.goto(f"{live_server.url}{reverse('claims:submit')}")
    page.fill("#id_body", "a" + "." * 5000)
    page.click("main button[type=submit]")
    expect(page.locator(".error[role=alert]")).to_contain_text("is punctuation or symbols")
    shot(page, "10b-submit-punctuation")
    assert not ExtractionRun.objects.exists()

    # an extraction stopped by its time limit fails with the reason, offering a retry
    def endless(text, on_progress=None):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(factcheck.extraction, "extract", endless)
    page.fill("#id_body", AIR_ATTACK["body"])
    page.click("main button[type=submit]")
    expect(page.locator(".run-status")).to_contain_text("its time limit")
    expect(page.locator(".run-status")).to_contain_text("not retried")
    expect(page.locator(".run-status button:has-text('Retry')")).to_be_visible()
    shot(page, "32-article-time-limit")
    assert console_errors == []


XSS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


def test_hostile_text_renders_as_text(
    page, live_server, newsroom, editor, as_user, console_errors, shot, django_capture_on_commit_callbacks
):
    body = (
        f"Officials said 40 drones were shot down {XSS[0]} near the city.\n\nThe mayor said 12 {XSS[1]} sites were hit."
    )
    with django_capture_on_commit_callbacks(execute=True):
        result = claim_services.article_submit(newsroom=newsroom, user=editor, title=f"Hostile {XSS[1]}", body=body)
    claim = result.article.claims.order_by("position").first()
    as_user(page, editor)
    page.goto(f"{live_server.url}{result.article.get_absolute_url()}")
    expect(page.locator(".article-text .body")).to_contain_text(XSS[0])
    expect(page.locator("h1")).to_contain_text(XSS[1])

    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    page.fill("input[name=url]", "https://example.org/report")
    page.fill("textarea[name=quote]", " ".join(XSS))
    page.click("button:has-text('Add evidence')")
    expect(page.locator(".ev-quote")).to_have_text(" ".join(XSS))
    page.fill("textarea[name=conclusion]", " ".join(XSS))
    page.click("button[value=draft]")
    expect(page.locator(".flash")).to_contain_text("Draft saved.")
    page.reload()
    expect(page.locator("textarea[name=conclusion]")).to_have_value(" ".join(XSS))
    assert page.locator("img[src=x]").count() == 0
    assert Evidence.objects.get().quote == " ".join(XSS)
    shot(page, "40-hostile-text")
    assert console_errors == []  # includes "dialog opened" if an alert fired


def test_a_javascript_url_is_refused_in_the_browser(page, live_server, newsroom, editor, as_user, console_errors):
    from tests.factories import make_article, make_claim

    claim = make_claim(make_article(newsroom))
    as_user(page, editor)
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    page.fill("input[name=url]", "javascript:alert(1)")
    page.click("button:has-text('Add evidence')")
    expect(page.locator(".evidence .error").first).to_be_visible()
    assert Evidence.objects.count() == 0
    assert console_errors == []


@pytest.mark.parametrize("role_user", ["viewer"])
def test_a_viewer_sees_read_only_screens(
    page, live_server, newsroom, viewer, editor, as_user, console_errors, shot, role_user
):
    from tests.factories import make_article, make_claim

    claim = make_claim(make_article(newsroom))
    as_user(page, viewer)
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    expect(page.locator("mark.stmt-focus")).to_be_visible()
    assert page.locator("text=Add evidence").count() == 0
    assert page.locator("button[value=draft]").count() == 0
    page.goto(f"{live_server.url}{reverse('sources:list')}")
    shot(page, "50-sources-viewer")
    assert console_errors == []


def test_a_similar_search_that_runs_too_long_says_so(
    page, live_server, newsroom, editor, as_user, console_errors, shot, monkeypatch
):
    from django.db import connection

    from factcheck.verdicts.views import similar as verdict_views
    from tests.factories import make_article, make_claim

    def slow(others, text):  # PostgreSQL stops it at the panel's statement timeout
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(2)")
        return []

    monkeypatch.setattr(verdict_views, "SIMILAR_TIMEOUT_MS", 50)
    monkeypatch.setattr(verdict_views, "similar_candidates", slow)
    claim = make_claim(make_article(newsroom))
    as_user(page, editor)
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    expect(page.locator(".similar-slow")).to_contain_text("took too long")
    shot(page, "34-similar-too-slow")
    assert console_errors == []
