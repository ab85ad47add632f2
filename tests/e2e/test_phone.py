"""A 390 px phone: no page is wider than the screen; a wide table scrolls inside its own box."""

import re

from playwright.sync_api import expect

from django.urls import reverse

from factcheck.api.services import token_create, webhook_create
from factcheck.claims import services as claim_services
from factcheck.claims.models import Claim
from factcheck.demo.content import AIR_ATTACK
from factcheck.newsrooms.models import Membership
from tests.conftest import _member
from tests.e2e.conftest import SCREENS
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


def _queue_on_a_phone(browser, live_server, as_user, member):
    """A touch phone context signed in as member, on the queue: (context, page, the page's script errors)."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    as_user(page, member)
    page.goto(f"{live_server.url}{reverse('claims:queue')}")
    return context, page, errors


def _queue_on_a_desktop(browser, live_server, as_user, member):
    """A 1280 x 900 context signed in as member, on the queue: (context, page)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    as_user(page, member)
    page.goto(f"{live_server.url}{reverse('claims:queue')}")
    return context, page


def test_the_queue_folds_its_filters_on_a_phone_and_shows_them_on_a_desktop(
    browser, live_server, newsroom, admin_member, as_user, django_capture_on_commit_callbacks
):
    # given a queue of statements, seen by an editor (the bulk bar shows too) on a phone
    _newsroom_with_content(newsroom, admin_member, django_capture_on_commit_callbacks)
    context, page, errors = _queue_on_a_phone(browser, live_server, as_user, admin_member)

    # then the filters are folded under "Filters" and a statement row is on the first screen
    expect(page.locator("#id_status")).to_be_hidden()
    expect(page.locator("#queue-filter-more > summary")).to_have_text("Filters")
    first_row = page.locator("table.queue tbody tr").first
    page.screenshot(path=str(SCREENS / "queue-390-folded.png"))
    box = first_row.bounding_box()
    assert box is not None and box["y"] + 60 <= PHONE["height"], box  # its first lines at least

    # when the filters are opened and one is chosen, the rows update and the summary counts it
    page.locator("#queue-filter-more > summary").click()
    expect(page.locator("#id_status")).to_be_visible()
    page.select_option("#id_status", "all")
    expect(page).to_have_url(re.compile(r"status=all"))
    expect(page.locator("#queue-filter-count")).to_contain_text("1")
    page.locator("#id_failed").check()
    expect(page.locator("#queue-filter-count")).to_contain_text("2")
    expect(page.locator("table.queue")).to_be_visible()
    page.screenshot(path=str(SCREENS / "queue-390-filters-open.png"), full_page=True)
    # a reload keeps the count (the filters live in the URL) and folds them again
    page.reload()
    expect(page.locator("#queue-filter-count")).to_contain_text("2")
    expect(page.locator("#id_status")).to_be_hidden()
    context.close()

    # on a desktop the filters show without a click, and there is no "Filters" toggle
    context, page = _queue_on_a_desktop(browser, live_server, as_user, admin_member)
    expect(page.locator("#id_status")).to_be_visible()
    expect(page.locator("#id_since")).to_be_visible()
    expect(page.locator("#queue-filter-more > summary")).to_be_hidden()
    page.select_option("#id_status", "all")
    expect(page).to_have_url(re.compile(r"status=all"))
    page.screenshot(path=str(SCREENS / "queue-1280.png"))
    context.close()
    assert errors == []


def test_the_top_bar_folds_its_links_into_a_menu_on_a_phone(browser, live_server, newsroom, admin_member, as_user):
    # given an admin (the most links, and the Settings menu) on a phone
    context, page, errors = _queue_on_a_phone(browser, live_server, as_user, admin_member)

    # then the bar is one row: the brand and "Menu"; its links are folded
    bar = page.locator("header.topbar").bounding_box()
    assert bar["height"] <= 60, bar
    menu = page.locator("#mainmenu > summary")
    expect(menu).to_be_visible()
    expect(page.locator("nav[aria-label=Main] a", has_text="Articles")).to_be_hidden()
    page.screenshot(path=str(SCREENS / "nav-390-folded.png"))

    # when Menu is opened, the links, Settings and the account show over the page, within the screen
    menu.click()
    expect(page.locator("nav[aria-label=Main] a", has_text="Articles")).to_be_visible()
    page.locator(".navmenu > summary").click()
    expect(page.locator(".navmenu-items a", has_text="Members")).to_be_visible()
    expect(page.locator(".who button", has_text="Log out")).to_be_visible()
    assert page.evaluate(PAGE_WIDTH) <= PHONE["width"]
    page.screenshot(path=str(SCREENS / "nav-390-open.png"))
    # and a link leads to its page, where the menu is folded again
    page.locator("nav[aria-label=Main] a", has_text="Articles").click()
    expect(page.locator("h1")).to_have_text("Articles")
    expect(page.locator("nav[aria-label=Main] a", has_text="Queue")).to_be_hidden()
    context.close()

    # on a desktop the links are in the bar and there is no Menu button
    context, page = _queue_on_a_desktop(browser, live_server, as_user, admin_member)
    expect(page.locator("#mainmenu > summary")).to_be_hidden()
    expect(page.locator("nav[aria-label=Main] a", has_text="Articles")).to_be_visible()
    expect(page.locator(".who")).to_be_visible()
    page.screenshot(path=str(SCREENS / "nav-1280.png"))
    context.close()
    assert errors == []
