"""Touch targets on a 390 px phone: every visible link, button, field and disclosure on the queue, the statement
page, its evidence form and the review panel is at least 44 x 44 CSS px (WCAG 2.5.5); a desktop keeps its
compact controls."""

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from factcheck.claims import services as claim_services
from factcheck.demo.content import AIR_ATTACK
from factcheck.newsrooms.models import Membership
from factcheck.verdicts import services as verdict_services
from factcheck.verdicts.models import Evidence, RatingScale
from tests.factories import make_source

PHONE = {"width": 390, "height": 844}
TARGET = 44
# every visible control smaller than TARGET x TARGET: "tag#id.class 'text' WxH"
SMALL_TARGETS = """(target) => [...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
  .filter(el => el.type !== 'hidden' && el.checkVisibility({visibilityProperty: true}))
  .map(el => [el, el.getBoundingClientRect()])
  .filter(([el, box]) => box.width > 0 && (box.width < target || box.height < target))
  .map(([el, box]) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
    + `${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''}`
    + ` '${(el.textContent || el.value || el.placeholder || '').trim().slice(0, 30)}'`
    + ` ${Math.round(box.width)}x${Math.round(box.height)}`)"""


def _assert_big_enough(page, where):
    small = page.evaluate(SMALL_TARGETS, TARGET)
    assert not small, f"{len(small)} controls under {TARGET} px ({where}):\n" + "\n".join(small)


@pytest.fixture
def statements(newsroom, editor, colleague, django_capture_on_commit_callbacks):
    """An extracted article; its first statement has evidence and a verdict in review by the editor (the
    colleague reviews it); its second has one piece of evidence and no verdict (the evidence form)."""
    with django_capture_on_commit_callbacks(execute=True):
        article = claim_services.article_submit(
            newsroom=newsroom, user=editor, title=AIR_ATTACK["title"], body=AIR_ATTACK["body"]
        ).article
    in_review, gathering = article.claims.order_by("start")[:2]
    member = Membership.objects.get(user=editor)
    source = make_source(newsroom, name="Ukrainian Air Force", url="https://www.mil.gov.ua/", kind="government")
    for claim in (in_review, gathering):
        verdict_services.evidence_attach(
            member=member,
            claim=claim,
            source=source,
            url="https://www.mil.gov.ua/news/2025/07/04/",
            quote="Of the 550 air attack weapons, 72 were not intercepted.",
            stance=Evidence.Stance.REFUTES,
            is_primary=True,
        )
    rating = RatingScale.objects.filter(newsroom=newsroom, active=True).first()
    verdict_services.verdict_save_and_submit(
        member=member, claim=in_review, rating=rating, conclusion="The figures in the article do not add up."
    )
    return in_review, gathering


@pytest.fixture
def opened(browser, live_server, as_user):
    """opened(user, path, viewport=PHONE): a page signed in as user, at path, on a touch phone (or at viewport)."""
    contexts = []

    def _open(user, path, viewport=PHONE):
        phone = viewport == PHONE
        context = browser.new_context(viewport=viewport, has_touch=phone, is_mobile=phone)
        contexts.append(context)
        page = context.new_page()
        as_user(page, user)
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        return page

    yield _open
    for context in contexts:
        context.close()


def test_every_control_on_the_queue_and_its_menu_is_big_enough_on_a_phone(statements, colleague, opened, shot):
    # given a queue of statements, seen by an editor (row checkboxes, Take, the bulk bar) on a phone
    page = opened(colleague, reverse("claims:queue"))

    # then every control is a 44 px target: folded, with the filters open, and with the menu open
    _assert_big_enough(page, "queue")
    page.locator("#queue-filter-more > summary").click()
    expect(page.locator("#id_status")).to_be_visible()
    _assert_big_enough(page, "queue, filters open")
    shot(page, "touch-queue-390")
    page.locator("#mainmenu > summary").click()
    expect(page.locator("nav[aria-label=Main] a", has_text="Articles")).to_be_visible()
    _assert_big_enough(page, "queue, menu open")


def test_every_control_on_the_statement_page_and_evidence_form_is_big_enough_on_a_phone(
    statements, editor, opened, shot
):
    # given a statement with one piece of evidence and no verdict, on a phone
    page = opened(editor, reverse("verdicts:claim", args=[statements[1].pk]))

    # when the evidence form is opened
    page.locator("summary", has_text="Add evidence").click()
    expect(page.locator("input[name=source]")).to_be_visible()

    # then its fields, the stance radios, the flags, Remove and the verdict form are 44 px targets
    expect(page.locator(".ev-remove button")).to_be_visible()
    _assert_big_enough(page, "statement, evidence form open")
    shot(page, "touch-statement-390")


def test_every_control_on_the_review_panel_is_big_enough_on_a_phone(statements, colleague, opened, shot):
    # given a verdict in review, opened by the other editor (Approve, Return) on a phone
    page = opened(colleague, reverse("verdicts:claim", args=[statements[0].pk]))
    expect(page.locator("button", has_text="Approve and publish")).to_be_visible()

    # then the panel's controls are 44 px targets, with "Return with a comment" folded and open
    _assert_big_enough(page, "review panel")
    page.locator("summary", has_text="Return with a comment").click()
    expect(page.locator("textarea[name=comment]")).to_be_visible()
    _assert_big_enough(page, "review panel, return form open")
    shot(page, "touch-review-390")


def test_a_drawn_check_box_still_checks_and_submits(statements, editor, opened):
    # given the evidence form on a phone, whose boxes and radios are drawn by phone.css
    page = opened(editor, reverse("verdicts:claim", args=[statements[1].pk]))
    page.locator("summary", has_text="Add evidence").click()

    # when a stance and a flag are tapped
    page.locator("input[name=stance][value=supports]").tap()
    page.locator("input[name=is_private]").tap()

    # then they are chosen, and drawn as chosen (another picture than an empty box)
    expect(page.locator("input[name=stance][value=supports]")).to_be_checked()
    expect(page.locator("input[name=is_private]")).to_be_checked()
    pictures = page.evaluate(
        """() => ['input[name=is_private]', 'input[name=is_primary]'].map(
            s => getComputedStyle(document.querySelector(s)).backgroundImage)"""
    )
    assert pictures[0] != pictures[1] and all(p.startswith("url(") for p in pictures)


def test_a_desktop_keeps_its_compact_controls(statements, colleague, opened):
    # given the same queue on a 1280 px desktop
    page = opened(colleague, reverse("claims:queue"), viewport={"width": 1280, "height": 900})

    # then the small buttons and the row checkboxes stay small: the phone's sizes do not reach it
    take = page.locator("form.assign-me button").first.bounding_box()
    box = page.locator("td.sel input[type=checkbox]").first.bounding_box()
    assert take["height"] < TARGET, take
    assert box["width"] < 20 and box["height"] < 20, box


def test_the_article_legend_says_tap_on_a_touch_screen_and_hover_with_a_mouse(statements, editor, opened):
    # given the article of the statements, on a touch phone and on a desktop with a mouse
    path = reverse("claims:article", args=[statements[0].article_id])
    phone = opened(editor, path)
    desktop = opened(editor, path, viewport={"width": 1280, "height": 900})

    # then each says what works on it
    expect(phone.locator(".legend")).to_contain_text("Tap a statement for its score and checks.", use_inner_text=True)
    expect(phone.locator(".legend")).not_to_contain_text("Hover", use_inner_text=True)
    expect(desktop.locator(".legend")).to_contain_text("Hover over or focus a statement", use_inner_text=True)
    expect(desktop.locator(".legend")).not_to_contain_text("Tap", use_inner_text=True)
