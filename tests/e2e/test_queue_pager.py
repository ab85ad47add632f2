"""The queue's pages in a browser: Next, Previous and a bulk action that stays on its page, on a desktop and a phone."""

from django.urls import reverse

from factcheck.claims import views
from factcheck.claims.models import Claim
from tests.factories import make_article, make_claim

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _statements(newsroom, count):
    article = make_article(newsroom)
    claims = [make_claim(article, start=i * 10, end=i * 10 + 8, checkworthiness=0.5) for i in range(count)]
    return sorted((c.pk for c in claims), reverse=True)


def _rows(page):
    return [int(v) for v in page.locator('input[name="ids"]').evaluate_all("boxes => boxes.map(b => b.value)")]


def _click(page, selector):
    with page.expect_response(lambda r: "/queue/" in r.url):
        page.click(selector)
    page.wait_for_load_state("networkidle")


def test_it_pages_forward_and_back_and_a_bulk_action_stays_on_its_page(
    page, live_server, newsroom, editor, checker, as_user, console_errors, shot, monkeypatch
):
    # given nine statements, four a page, newest first
    monkeypatch.setattr(views, "PAGE_SIZE", 4)
    pks = _statements(newsroom, 9)
    page.set_viewport_size(DESKTOP)
    as_user(page, editor)
    page.goto(f"{live_server.url}{reverse('claims:queue')}?sort=newest")

    # when Next twice, then Previous twice
    _click(page, ".pager a[rel=next]")
    assert _rows(page) == pks[4:8]
    shot(page, "queue-page-2-desktop")
    _click(page, ".pager a[rel=next]")
    assert _rows(page) == pks[8:]
    shot(page, "queue-page-3-desktop")
    _click(page, ".pager a[rel=prev]")
    assert _rows(page) == pks[4:8] and "back=" not in page.url
    _click(page, ".pager a[rel=prev]")
    assert _rows(page) == pks[:4] and page.locator(".pager a[rel=prev]").count() == 0

    # when on page 2 one statement is dismissed through the bulk bar
    _click(page, ".pager a[rel=next]")
    page.check(f'input[name="ids"][value="{pks[4]}"]')
    page.select_option("#bulk-action", "dismiss")
    page.fill("#bulk-reason", "Duplicate")
    _click(page, "#bulk-form button[type=submit]")

    # then the queue still shows page 2, without the dismissed statement
    assert Claim.objects.get(pk=pks[4]).status == Claim.Status.DISMISSED
    assert _rows(page) == pks[5:9]
    assert page.locator(".pager a[rel=prev]").count() == 1
    assert console_errors == []


def test_the_pager_fits_a_phone(page, live_server, newsroom, editor, as_user, console_errors, shot, monkeypatch):
    # given page 3 of a queue, where First page, Previous and Next all show
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    _statements(newsroom, 10)
    page.set_viewport_size(PHONE)
    as_user(page, editor)
    page.goto(f"{live_server.url}{reverse('claims:queue')}?sort=newest")
    _click(page, ".pager a[rel=next]")
    _click(page, ".pager a[rel=next]")
    shot(page, "queue-page-3-phone")

    # then the page is no wider than the screen and each link is whole on it, big enough for a thumb
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    links = page.locator(".pager a")
    assert links.count() == 3
    for i in range(3):
        box = links.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert box["height"] >= 36
    _click(page, ".pager a[rel=prev]")
    assert page.locator(".pager a[rel=prev]").count() == 1  # page 2
    assert console_errors == []
