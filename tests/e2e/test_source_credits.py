"""In a browser: the registry names the source that already has a home URL, holds two bodies on one domain, and a
published fact-check keeps crediting its sources as approved after the registry renames them."""

from pathlib import Path

from playwright.sync_api import expect

from django.urls import reverse

from factcheck.sources.services import source_save, sources_import_csv
from factcheck.verdicts.models import RatingScale
from factcheck.verdicts.services import evidence_attach, verdict_approve, verdict_save_draft, verdict_submit
from tests.factories import make_article, make_claim, make_source
from tests.verdicts.conftest import member

SHOTS = Path(__file__).resolve().parents[2] / "shots"
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


def _shots(page, name):
    """Desktop and phone screenshots of the page as it is, into shots/ (looked at by hand)."""
    SHOTS.mkdir(exist_ok=True)
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


def test_the_registry_names_the_source_that_has_the_home_and_takes_a_second_body_on_gov_uk(
    page, live_server, newsroom, admin_member, as_user, console_errors
):
    source_save(newsroom=newsroom, name="Office for National Statistics", url="https://www.gov.uk/")
    as_user(page, admin_member)
    # when an admin adds another gov.uk body with the same home URL
    page.goto(f"{live_server.url}{reverse('sources:create')}")
    page.fill("#id_name", "Cabinet Office")
    page.fill("#id_url", "https://gov.uk/")
    page.click("#source-form button[type=submit]")
    # then the refusal names the source that has it
    expect(page.locator("#source-form .error")).to_contain_text(
        "gov.uk is already registered as “Office for National Statistics”"
    )
    _shots(page, "src-registry-refusal")
    # and with its own home path on gov.uk it is saved beside the other
    page.fill("#id_url", "https://www.gov.uk/government/organisations/cabinet-office")
    page.click("#source-form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Cabinet Office")
    page.goto(f"{live_server.url}{reverse('sources:list')}?q=gov.uk")
    expect(page.locator("#source-rows tr")).to_have_count(2)
    _shots(page, "src-registry-two-on-gov-uk")
    assert console_errors == []


def test_a_published_fact_check_keeps_its_sources_after_a_rename(
    page, live_server, newsroom, checker, editor, console_errors
):
    # given a published fact-check citing the statistics office, on a City Gazette article
    outlet = make_source(newsroom, name="City Gazette", url="https://gazette.example.com/", kind="news_outlet")
    stats = make_source(newsroom, name="City Statistics Office", url="https://stats.example.gov/")
    claim = make_claim(make_article(newsroom, url="https://gazette.example.com/ferry", outlet=outlet), 39, 133)
    evidence_attach(member=member(checker), claim=claim, source=stats, url="https://stats.example.gov/ferry",
                    quote="Passenger numbers: 1.2 million a year.", stance="refutes", is_primary=True)  # fmt: skip
    rating = RatingScale.objects.get(newsroom=newsroom, label="False")
    draft = verdict_save_draft(member=member(checker), claim=claim, rating=rating, conclusion="The port says 1.2m.")
    verdict_approve(member=member(editor), verdict=verdict_submit(member=member(checker), verdict=draft))
    # when a CSV import renames both in the registry
    data = (
        b"name,url\nStatistics Authority,https://stats.example.gov/\nGazette Media Group,https://gazette.example.com/\n"
    )
    assert sources_import_csv(newsroom=newsroom, data=data).updated == 2
    # then the public page still credits them as published
    page.goto(f"{live_server.url}{reverse('reports:public_verdict', args=[draft.pk])}")
    expect(page.locator(".public-evidence")).to_contain_text("City Statistics Office")
    expect(page.locator(".public-card")).to_contain_text("City Gazette")
    expect(page.locator(".public-card")).not_to_contain_text("Statistics Authority")
    _shots(page, "src-public-after-rename")
    assert console_errors == []
