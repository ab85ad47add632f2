"""What the CSV import tells an admin: which registered sources a file changed and how, and which rule matched."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factcheck.sources.models import Source, home_of
from factcheck.sources.services import sources_import_csv
from tests.factories import make_source

HX = {"HX-Request": "true"}

DUPLICATE = (
    b"name,url,kind,credibility\n"
    b"Reuters Duplicate,https://www.reuters.com/,wire_agency,not_credible\n"
    b"Daily Ledger,https://ledger.example.com/,news_outlet,mostly_credible\n"
)

REGISTRY = (
    b"name,url,kind,credibility,notes,active\n"
    b"National Statistics Office,https://www.stats.example.gov/,official_statistics,credible,Census data,yes\n"
    b"Daily Ledger,https://ledger.example.com/,News outlet,Mostly credible,,\n"
)


def _upload(data):
    return SimpleUploadedFile("sources.csv", data, content_type="text/csv")


def _text(response):
    """The response as a person reads it: tags dropped, white space collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _reuters(newsroom):
    return make_source(
        newsroom, name="Reuters", url="https://www.reuters.com/", kind="wire_agency", credibility="credible"
    )


def test_it_shows_the_rename_and_the_new_rating_of_a_registered_source(login, admin_member, newsroom):
    # given Reuters, rated credible
    reuters = _reuters(newsroom)
    # when a row with Reuters' home renames and re-rates it
    response = login(admin_member).post(reverse("sources:import"), {"file": _upload(DUPLICATE)})
    # then the page stays open and says what happened to Reuters
    assert response.status_code == 200
    text = _text(response)
    assert "1 new, 1 updated, 0 unchanged, 0 rows with errors." in text
    assert "Name “Reuters” → “Reuters Duplicate”" in text
    assert "Credibility Credible → Not credible" in text
    assert "Kind" not in " ".join(c.field for c in response.context["report"].updates[0].changes)
    assert f'<a href="{reverse("sources:detail", args=[reuters.pk])}">Reuters</a>' in response.content.decode()
    update = response.context["report"].updates[0]
    assert (update.line, update.name_before) == (2, "Reuters")
    assert [(c.field, c.old, c.new) for c in update.changes] == [
        ("Name", "“Reuters”", "“Reuters Duplicate”"),
        ("Credibility", "Credible", "Not credible"),
    ]
    reuters.refresh_from_db()
    assert (reuters.name, reuters.credibility) == ("Reuters Duplicate", Source.Credibility.NOT_CREDIBLE)


def test_it_shows_the_changes_in_the_htmx_fragment_instead_of_redirecting(login, admin_member, newsroom):
    _reuters(newsroom)
    response = login(admin_member).post(reverse("sources:import"), {"file": _upload(DUPLICATE)}, headers=HX)
    assert response.status_code == 200 and "HX-Redirect" not in response
    assert b"<html" not in response.content and b'id="import-updates"' in response.content
    assert "Credibility Credible → Not credible" in _text(response)


def test_it_lists_changed_sources_and_bad_rows_together(login, admin_member, newsroom):
    _reuters(newsroom)
    data = DUPLICATE + b"Bad Kind,https://kind.example.org/,spaceship,mixed\n"
    response = login(admin_member).post(reverse("sources:import"), {"file": _upload(data)})
    assert response.status_code == 200
    assert "1 new, 1 updated, 0 unchanged, 1 row with errors." in _text(response)
    assert b'id="import-updates"' in response.content and b'id="import-errors"' in response.content


def test_it_reports_a_reimport_of_identical_rows_unchanged_and_writes_nothing(newsroom):
    # given a registry imported from a file
    assert sources_import_csv(newsroom=newsroom, data=REGISTRY).created == 2
    before = list(Source.objects.order_by("pk").values())
    # when the same file is imported again
    report = sources_import_csv(newsroom=newsroom, data=REGISTRY)
    # then nothing is counted as updated, and no row is written (updated_at included)
    assert (report.created, report.updated, report.unchanged, report.errors) == (0, 0, 2, [])
    assert report.updates == []
    assert list(Source.objects.order_by("pk").values()) == before


def test_an_unchanged_reimport_goes_back_to_the_list_saying_so(login, admin_member, newsroom):
    sources_import_csv(newsroom=newsroom, data=REGISTRY)
    client = login(admin_member)
    response = client.post(reverse("sources:import"), {"file": _upload(REGISTRY)})
    assert response.status_code == 302 and response["Location"] == reverse("sources:list")
    response = client.get(reverse("sources:list"))
    assert "Imported 2 rows: 0 new, 2 unchanged." in _text(response)
    assert "updated" not in _text(response)


def test_a_new_import_goes_back_to_the_list_counting_the_new_rows(login, admin_member, newsroom):
    client = login(admin_member)
    response = client.post(reverse("sources:import"), {"file": _upload(REGISTRY)}, headers=HX)
    assert response["HX-Redirect"] == reverse("sources:list")
    assert "Imported 2 rows: 2 new, 0 unchanged." in _text(client.get(reverse("sources:list")))


def test_it_adds_a_new_source_for_another_home_on_the_same_domain(login, admin_member, newsroom):
    # given Reuters at https://www.reuters.com/
    reuters = _reuters(newsroom)
    # when a row gives a page of its own on the same domain
    data = b"name,url,kind\nReuters Fact Check,https://www.reuters.com/fact-check/,news_outlet\n"
    report = sources_import_csv(newsroom=newsroom, data=data)
    # then it is a new source and Reuters is untouched
    assert (report.created, report.updated, report.unchanged) == (1, 0, 0)
    assert Source.objects.filter(newsroom=newsroom, domain="reuters.com").count() == 2
    reuters.refresh_from_db()
    assert (reuters.name, reuters.credibility) == ("Reuters", Source.Credibility.CREDIBLE)


def test_the_page_states_the_rule_the_import_follows(login, admin_member, newsroom):
    # given the page's rule and example
    text = _text(login(admin_member).get(reverse("sources:import")))
    assert "A row whose address has the same home as a registered source updates that source" in text
    assert "any other row adds a new source" in text
    assert "web domain" not in text
    assert "https://www.reuters.com/ and http://reuters.com share the home reuters.com" in text
    assert "https://www.reuters.com/world/ has its own home, reuters.com/world, and adds a new source" in text
    assert home_of("https://www.reuters.com/") == home_of("http://reuters.com") == "reuters.com"
    assert home_of("https://www.reuters.com/world/") == "reuters.com/world"
    # when a file follows the example
    reuters = _reuters(newsroom)
    data = b"name,url\nReuters,http://reuters.com\nReuters World,https://www.reuters.com/world/\n"
    report = sources_import_csv(newsroom=newsroom, data=data)
    # then the shared home updated Reuters and the other home was added
    assert (report.created, report.updated) == (1, 1)
    assert report.updates[0].source == reuters
    assert [(c.field, c.old, c.new) for c in report.updates[0].changes] == [
        ("Home URL", "“https://www.reuters.com/”", "“http://reuters.com”")
    ]
    assert Source.objects.get(home="reuters.com/world").name == "Reuters World"


def test_it_shows_notes_cleared_by_a_file_without_a_notes_column(newsroom):
    make_source(newsroom, name="Daily Ledger", url="https://ledger.example.com/", notes="Owned by a party.")
    report = sources_import_csv(newsroom=newsroom, data=b"name,url\nDaily Ledger,https://ledger.example.com/\n")
    assert [(c.field, c.old, c.new) for c in report.updates[0].changes] == [("Notes", "“Owned by a party.”", "(empty)")]
