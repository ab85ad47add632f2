"""The source registry in a browser: search as you type, where a source was cited, in-app management."""

import re

from playwright.sync_api import expect

from django.urls import reverse

from factcheck.sources.models import Source
from tests.factories import make_article, make_claim, make_evidence, make_source


def test_an_admin_adds_a_source_and_a_checker_finds_where_it_was_cited(
    page, live_server, newsroom, admin_member, checker, editor, as_user, console_errors, shot
):
    make_source(newsroom)
    make_source(
        newsroom, name="Office for National Statistics", url="https://ons.example.gov/", kind="official_statistics"
    )
    as_user(page, admin_member)
    page.goto(f"{live_server.url}{reverse('sources:list')}")
    page.click("text=Add a source")
    page.fill("#id_name", "Harbour Gazette")
    page.fill("#id_url", "https://gazette.example/")
    page.select_option("#id_kind", "news_outlet")
    page.select_option("#id_credibility", "mixed")
    shot(page, "60-source-form")
    page.click("main button[type=submit]")
    expect(page.locator("h1")).to_have_text("Harbour Gazette")
    gazette = Source.objects.get(name="Harbour Gazette")
    make_evidence(make_claim(make_article(newsroom)), editor, source=gazette)

    page.context.clear_cookies()
    as_user(page, checker)
    page.goto(f"{live_server.url}{reverse('sources:list')}")
    shot(page, "61-sources")
    page.fill("#source-q", "gazette")
    expect(page).to_have_url(re.compile(r"q=gazette"))
    expect(page.locator("#source-rows tr")).to_have_count(1)
    page.click("#source-rows a")
    expect(page.locator(".cited")).to_have_count(1)
    assert page.locator("text=Edit").count() == 0  # checkers do not manage the registry
    shot(page, "62-source-detail")
    assert console_errors == []
