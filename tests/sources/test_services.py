"""Which registry entry a name and URL find: name first, then the home URL, and only then the domain.

Two bodies on one domain (gov.uk) are two entries with different home paths; evidence and outlets are
credited to the right one, and a refusal names the entry that is already there.
"""

import importlib
import logging

import pytest

from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from factcheck.newsrooms.models import Membership
from factcheck.sources.models import Source, home_of
from factcheck.sources.services import source_find_or_create, source_save, sources_import_csv
from factcheck.sources.templatetags.registry import path_breaks
from factcheck.verdicts.services import evidence_source

TREASURY = "https://www.gov.uk/government/organisations/hm-treasury"
DFE = "https://www.gov.uk/government/organisations/department-for-education"

fill_homes = importlib.import_module("factcheck.sources.migrations.0003_source_home").fill_homes


@pytest.fixture
def gov_uk(newsroom):
    """Two UK government bodies on gov.uk, the Treasury registered first."""
    return {
        "treasury": source_save(newsroom=newsroom, name="HM Treasury", url=TREASURY, kind="government"),
        "dfe": source_save(newsroom=newsroom, name="Department for Education", url=DFE + "/", kind="government"),
    }


def _find(newsroom, name, url="", **options):
    return source_find_or_create(newsroom=newsroom, name=name, url=url, **options)


def test_it_compares_home_urls_without_scheme_www_case_or_trailing_slash():
    assert home_of("https://www.GOV.uk/Government/Organisations/HM-Treasury/?x=1#top") == (
        "gov.uk/government/organisations/hm-treasury"
    )
    assert home_of("http://gov.uk/") == home_of("https://www.gov.uk") == "gov.uk"
    assert home_of("") == ""


def test_it_registers_two_sources_on_one_domain_with_different_home_paths(newsroom, gov_uk):
    assert set(Source.objects.filter(newsroom=newsroom, domain="gov.uk").values_list("name", flat=True)) == {
        "HM Treasury",
        "Department for Education",
    }
    assert gov_uk["dfe"].home == "gov.uk/government/organisations/department-for-education"


def test_it_refuses_the_same_home_twice_naming_the_source_that_has_it(newsroom):
    source_save(newsroom=newsroom, name="Office for National Statistics", url="https://www.gov.uk/")
    with pytest.raises(ValidationError) as refused:
        source_save(newsroom=newsroom, name="Cabinet Office", url="http://gov.uk")
    message = refused.value.message_dict["url"][0]
    assert message.startswith("gov.uk is already registered as “Office for National Statistics”;")
    assert Source.objects.filter(newsroom=newsroom).count() == 1


def test_it_lets_a_source_keep_its_own_home_when_edited(newsroom, gov_uk):
    saved = source_save(newsroom=newsroom, source=gov_uk["treasury"], name="HM Treasury (UK)", url=TREASURY + "/")
    assert saved.name == "HM Treasury (UK)" and saved.home == gov_uk["treasury"].home


def test_it_finds_an_exact_name_first_in_any_case(newsroom, gov_uk):
    # the URL is the Treasury's, but the name the person typed is the Department's
    assert _find(newsroom, "department for EDUCATION", TREASURY) == gov_uk["dfe"]


def test_it_finds_the_picker_form_of_a_name(newsroom, gov_uk):
    assert _find(newsroom, "Department for Education (gov.uk)", create_needs_url=True) == gov_uk["dfe"]


def test_it_finds_by_the_longest_home_that_holds_the_url_not_by_the_domain(newsroom, gov_uk):
    root = source_save(newsroom=newsroom, name="GOV.UK", url="https://www.gov.uk/")
    assert _find(newsroom, "DfE", DFE + "/about/our-ministers") == gov_uk["dfe"]
    assert _find(newsroom, "", "https://www.gov.uk/government/organisations/hm-treasury") == gov_uk["treasury"]
    assert _find(newsroom, "Guidance", "https://www.gov.uk/guidance/vat") == root


def test_it_adds_a_new_home_on_a_registered_domain_as_its_own_source(newsroom, gov_uk):
    # given a home that only starts with the Treasury's letters: not one of its pages
    found = _find(newsroom, "Treasury Archive", TREASURY + "-archive", create_needs_url=True)
    # then a third gov.uk entry, credited under the name the person gave
    assert found.name == "Treasury Archive" and found not in gov_uk.values()
    assert Source.objects.filter(newsroom=newsroom, domain="gov.uk").count() == 3


def test_it_falls_back_on_the_domain_only_without_a_name_and_logs_whom_it_credited(newsroom, caplog):
    ons = source_save(newsroom=newsroom, name="Office for National Statistics", url="https://ons.example.gov/uk")
    with caplog.at_level(logging.INFO, logger="factcheck.sources.services"):
        found = _find(newsroom, "", "https://ons.example.gov/")
    assert found == ons
    assert "Office for National Statistics" in caplog.text


def test_without_a_name_it_refuses_a_domain_with_several_sources_naming_them(newsroom, gov_uk):
    with pytest.raises(ValidationError) as refused:
        _find(newsroom, "", "https://www.gov.uk/")
    message = refused.value.message_dict["source"][0]
    assert "gov.uk is registered as “Department for Education” and “HM Treasury”" in message
    assert Source.objects.filter(newsroom=newsroom).count() == 2


def test_it_refuses_an_unknown_name_on_a_registered_domain_naming_the_source_there(newsroom, gov_uk, checker):
    # given the picker's form of a name the registry does not hold, and no home URL to add it from
    member = Membership.objects.get(user=checker)
    with pytest.raises(ValidationError) as refused:
        evidence_source(member=member, name="Cabinet Office (gov.uk)")
    # then nothing is credited to the Treasury or the Department: the message names them instead
    message = refused.value.message_dict["source"][0]
    assert message.startswith("“Cabinet Office (gov.uk)” is not in the registry; gov.uk is registered as")
    assert "“HM Treasury”" in message and "“Department for Education”" in message


def test_evidence_on_a_shared_domain_is_credited_to_the_body_named(newsroom, gov_uk, checker):
    member = Membership.objects.get(user=checker)
    assert evidence_source(member=member, name="DfE", url=DFE) == gov_uk["dfe"]
    assert evidence_source(member=member, name="HM Treasury", url="https://www.gov.uk/") == gov_uk["treasury"]


def test_the_import_updates_the_same_home_and_adds_another_home_on_the_domain(newsroom, gov_uk):
    data = (
        "name,url\n"
        f"HM Treasury,{TREASURY}/\n"
        "Cabinet Office,https://www.gov.uk/government/organisations/cabinet-office\n"
    ).encode()
    report = sources_import_csv(newsroom=newsroom, data=data)
    assert (report.created, report.updated, report.errors) == (1, 1, [])
    assert Source.objects.filter(newsroom=newsroom, domain="gov.uk").count() == 3


def test_the_migration_fills_every_home(newsroom, gov_uk):
    Source.objects.update(home="")
    fill_homes(apps, None)
    gov_uk["treasury"].refresh_from_db()
    assert gov_uk["treasury"].home == "gov.uk/government/organisations/hm-treasury"
    assert not Source.objects.exclude(url="").filter(home="").exists()


def test_the_registry_list_lets_a_long_home_wrap_at_its_slashes_and_escapes_it():
    assert path_breaks("gov.uk/government/a<b") == "gov.uk/<wbr>government/<wbr>a&lt;b"
    assert path_breaks("") == ""


def test_the_admin_refuses_a_taken_home_naming_its_source_and_takes_another_path(client, admin_user, newsroom, gov_uk):
    client.force_login(admin_user)
    fields = {"newsroom": newsroom.pk, "name": "Cabinet Office", "kind": "government", "credibility": "unrated",
              "notes": "", "active": "on"}  # fmt: skip
    response = client.post(reverse("admin:sources_source_add"), {**fields, "url": TREASURY + "/"})
    assert response.status_code == 200  # the form again, not a server error from the unique constraint
    assert "gov.uk/government/organisations/hm-treasury is already registered as “HM Treasury”" in (
        response.content.decode()
    )
    response = client.post(
        reverse("admin:sources_source_add"),
        {**fields, "url": "https://www.gov.uk/government/organisations/cabinet-office"},
    )
    assert response.status_code == 302
    assert Source.objects.filter(newsroom=newsroom, domain="gov.uk").count() == 3
