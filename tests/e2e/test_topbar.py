"""The top bar on a 1280 px desktop: an admin's links, Settings and account fit on one line (the account is a
menu under the user's name, whatever the name's length); the account menu holds the newsroom, role, password
and Log out."""

from playwright.sync_api import expect

from django.urls import reverse

from factcheck.newsrooms.models import Membership
from tests.conftest import _member

DESKTOP = {"width": 1280, "height": 900}
# the top of every link, Settings and the account in the bar: one value when they share one line
TOPS = """() => [...document.querySelectorAll('nav[aria-label=Main] > a, .topmenu > summary')]
  .map(el => Math.round(el.getBoundingClientRect().top))"""


def test_an_admins_bar_is_one_line_even_with_a_long_name(browser, live_server, newsroom, as_user, shot):
    # given an admin (the most links, and Settings) with a long user name, on a desktop
    admin = _member(newsroom, "christopher.okafor-lindqvist", Membership.Role.ADMIN)
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    as_user(page, admin)
    page.goto(f"{live_server.url}{reverse('claims:queue')}")

    # then the bar is one line: every item at the same height, the bar no taller than one row
    assert len(set(page.evaluate(TOPS))) == 1, page.evaluate(TOPS)
    bar = page.locator("header.topbar").bounding_box()
    assert bar["height"] <= 60, bar
    expect(page.locator("#account-menu > summary")).to_have_attribute("title", "Your account: Alpha Desk, Admin")

    # when the account menu opens, it shows the newsroom and role, the password link and Log out
    page.locator("#account-menu > summary").click()
    expect(page.locator("#account-menu .account-of")).to_have_text("Alpha Desk · Admin", use_inner_text=True)
    expect(page.locator("#account-menu a", has_text="Change password")).to_be_visible()
    shot(page, "topbar-1280-account")
    # and Settings, opened next, closes it (one menu open at a time)
    page.locator(".navmenu > summary").click()
    expect(page.locator(".navmenu-items a", has_text="Members")).to_be_visible()
    expect(page.locator("#account-menu a", has_text="Change password")).to_be_hidden()

    # and Log out, from the account menu, logs out
    page.locator("#account-menu > summary").click()
    page.locator("#account-menu button", has_text="Log out").click()
    expect(page.locator("#id_username")).to_be_visible()
    context.close()


def test_between_a_phone_and_a_desktop_the_bar_wraps_and_hides_no_link(browser, live_server, newsroom, as_user):
    # given an admin at widths where the links do not fit on one line (and the phone's "Menu" is not used)
    admin = _member(newsroom, "alex.moreau", Membership.Role.ADMIN)
    for width in (700, 900):
        context = browser.new_context(viewport={"width": width, "height": 700})
        page = context.new_page()
        as_user(page, admin)
        page.goto(f"{live_server.url}{reverse('claims:queue')}")
        # then every link and menu of the bar lies inside the window, and the page does not scroll sideways
        boxes = page.evaluate(
            """() => [...document.querySelectorAll('nav[aria-label=Main] > a, .topmenu > summary')]
              .map(el => { const r = el.getBoundingClientRect(); return [el.textContent.trim(), r.left, r.right]; })"""
        )
        assert len(boxes) == 9, boxes
        assert all(left >= 0 and right <= width for _, left, right in boxes), (width, boxes)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        context.close()
