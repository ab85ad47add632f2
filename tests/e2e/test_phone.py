"""A 390 px phone: no page is wider than the screen; a wide table scrolls inside its own box."""

from django.urls import reverse

from factcheck.api.services import token_create, webhook_create
from factcheck.claims import services as claim_services
from factcheck.claims.models import Claim
from factcheck.demo.content import AIR_ATTACK
from factcheck.newsrooms.models import Membership
from tests.conftest import _member
from tests.factories import make_source

PHONE = {"width": 390, "height": 844}
PAGE_WIDTH = "document.documentElement.scrollWidth"
# every .table on the page: [scrollWidth, clientWidth, scrollLeft after scrolling it all the way right]
TABLES = """() => [...document.querySelectorAll('table.table')].map(t => {
  t.scrollLeft = t.scrollWidth; const r = [t.scrollWidth, t.clientWidth, t.scrollLeft]; t.scrollLeft = 0;
  return r; })"""


def _newsroom_with_content(newsroom, admin_member, django_capture_on_commit_callbacks):
    # long names and addresses make the members, tokens and webhooks tables wider than a phone
    _member(newsroom, "christopher.okafor-lindqvist", Membership.Role.CHECKER)
    _member(newsroom, "emilia.novak-hargreaves", Membership.Role.EDITOR)
    token_create(newsroom=newsroom, user=admin_member, name="CMS drafts from the web desk", role="submit")
    hook_url = "https://cms.example.org/hooks/factcheck/verdicts"
    webhook_create(newsroom=newsroom, user=admin_member, url=hook_url, events=["verdict.published"])
    make_source(newsroom, name="Ukrainian Air Force", url="https://www.mil.gov.ua/", kind="government")
    with django_capture_on_commit_callbacks(execute=True):
        result = claim_services.article_submit(
            newsroom=newsroom, user=admin_member, title=AIR_ATTACK["title"], body=AIR_ATTACK["body"]
        )
    return result.article


def test_it_keeps_every_page_within_a_phone_screen(
    page, live_server, newsroom, admin_member, as_user, console_errors, shot, django_capture_on_commit_callbacks
):
    # given a newsroom with members, a token, a webhook, a source and an extracted article
    article = _newsroom_with_content(newsroom, admin_member, django_capture_on_commit_callbacks)
    claim = Claim.objects.filter(article=article).first()
    page.set_viewport_size(PHONE)
    as_user(page, admin_member)

    screens = {
        "members": reverse("newsrooms:members"),
        "tokens": reverse("api:tokens"),
        "webhooks": reverse("api:webhooks"),
        "queue": reverse("claims:queue"),
        "articles": reverse("claims:articles"),
        "article": reverse("claims:article", args=[article.pk]),
        "statement": reverse("verdicts:claim", args=[claim.pk]),
        "sources": reverse("sources:list"),
        "known": reverse("factchecks:list"),
    }
    for name, url in screens.items():
        # when the page is opened on a phone
        page.goto(f"{live_server.url}{url}")
        page.wait_for_load_state("networkidle")
        shot(page, f"phone-{name}")

        # then the page is no wider than the screen ...
        assert page.evaluate(PAGE_WIDTH) <= PHONE["width"], name
        # ... and a table wider than its box scrolls inside it to its last column
        for scroll_width, client_width, scrolled in page.evaluate(TABLES):
            assert client_width <= PHONE["width"], name
            assert scrolled == scroll_width - client_width, name
    assert console_errors == []


def test_it_hides_the_keyboard_hints_on_a_touch_screen(browser, live_server, newsroom, editor, as_user):
    # given a phone (a touch screen without hover)
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    as_user(page, editor)

    # when the queue opens, then its keyboard shortcuts are not shown
    page.goto(f"{live_server.url}{reverse('claims:queue')}")
    assert page.evaluate("matchMedia('(hover: none)').matches")
    assert not page.locator(".kbd-hint").is_visible()
    context.close()


def test_it_still_shows_the_keyboard_hints_with_a_mouse(page, live_server, newsroom, editor, as_user):
    as_user(page, editor)
    page.goto(f"{live_server.url}{reverse('claims:queue')}")
    assert page.locator(".kbd-hint").is_visible()
