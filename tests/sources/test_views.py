from django.urls import reverse

from factcheck.sources.models import Source
from tests.factories import make_article, make_claim, make_evidence, make_source

HX = {"HX-Request": "true"}


def test_it_lists_and_searches_sources(login, checker, newsroom):
    make_source(newsroom)
    make_source(newsroom, name="Office for Statistics", url="https://stats.example.org/")
    client = login(checker)
    response = client.get(reverse("sources:list"))
    assert response.status_code == 200 and b"Office for Statistics" in response.content
    response = client.get(reverse("sources:list"), {"q": "stats"}, headers=HX)
    assert b"<html" not in response.content
    assert b"Office for Statistics" in response.content and b"Port Authority" not in response.content


def test_it_shows_where_a_source_was_cited(login, checker, editor, newsroom):
    source = make_source(newsroom)
    claim = make_claim(make_article(newsroom))
    make_evidence(claim, editor, source=source)
    response = login(checker).get(reverse("sources:detail", args=[source.pk]))
    assert response.status_code == 200
    assert claim.text[:30].encode() in response.content
    rows = login(checker).get(reverse("sources:list")).context["sources"]
    assert rows[0].n_cited == 1


def test_it_suggests_sources_as_you_type(login, checker, newsroom, other_newsroom):
    make_source(newsroom)
    make_source(other_newsroom, name="Port Watchers", url="https://watch.example/")
    response = login(checker).get(reverse("sources:suggest"), {"source": "port"}, headers=HX)
    assert response.status_code == 200
    assert b'<option value="Port Authority (port.example.gov)">' in response.content
    assert b"Port Watchers" not in response.content


def test_admins_create_and_edit_sources_in_app(login, admin_member, newsroom):
    client = login(admin_member)
    assert client.get(reverse("sources:create")).status_code == 200
    response = client.post(
        reverse("sources:create"),
        {"name": "Harbour Gazette", "url": "https://gazette.example/", "kind": "news_outlet", "credibility": "credible",
         "notes": "", "active": "on"},
    )  # fmt: skip
    source = Source.objects.get(name="Harbour Gazette")
    assert response.status_code == 302 and response["Location"] == reverse("sources:detail", args=[source.pk])
    assert source.newsroom == newsroom and source.domain == "gazette.example"
    response = client.post(
        reverse("sources:edit", args=[source.pk]),
        {"name": "Harbour Gazette", "url": "https://gazette.example/", "kind": "news_outlet", "credibility": "mixed"},
    )
    source.refresh_from_db()
    assert (source.credibility, source.active) == ("mixed", False)


def test_it_reports_a_duplicate_home_on_the_form_naming_the_source_that_has_it(login, admin_member, newsroom):
    make_source(newsroom)
    response = login(admin_member).post(
        reverse("sources:create"), {"name": "Port again", "url": "https://www.port.example.gov/", "kind": "other",
                                     "credibility": "unrated"}
    )  # fmt: skip
    assert response.status_code == 200
    assert "port.example.gov is already registered as “Port Authority”" in response.content.decode()


def test_only_admins_manage_sources(login, editor, checker, viewer, newsroom):
    source = make_source(newsroom)
    for user in (editor, checker, viewer):
        client = login(user)
        assert client.get(reverse("sources:create")).status_code == 403
        assert client.post(reverse("sources:edit", args=[source.pk]), {"name": "x"}).status_code == 403


def test_sources_views_hide_outsiders_refuse_methods_and_need_login(client, login, outsider, newsroom):
    source = make_source(newsroom)
    assert client.get(reverse("sources:list")).status_code == 302
    assert login(outsider).get(reverse("sources:detail", args=[source.pk])).status_code == 404
    assert login(outsider).get(reverse("sources:edit", args=[source.pk])).status_code == 404
    assert login(outsider).post(reverse("sources:list")).status_code == 405
    assert login(outsider).post(reverse("sources:suggest")).status_code == 405


def test_it_treats_nul_in_search_as_text_not_a_server_error(login, checker, newsroom):
    make_source(newsroom)
    client = login(checker)
    for url in (reverse("sources:list"), reverse("sources:suggest")):
        for q in ("\x00", "port\x00", "%00"):
            response = client.get(url, {"q": q}, headers=HX)
            assert response.status_code == 200, (url, q)
    assert b"Port Authority" in client.get(reverse("sources:list"), {"q": "po\x00rt"}).content
    assert client.get(reverse("sources:list") + "?q=%00&kind=%00").status_code == 200


def test_it_refuses_source_urls_that_are_not_web_addresses(login, admin_member, newsroom):
    client = login(admin_member)
    for url in ("ftp://files.example.org/", "ftps://files.example.org/", "javascript:alert(1)", "data:text/html,x"):
        response = client.post(
            reverse("sources:create"), {"name": "Files", "url": url, "kind": "other", "credibility": "unrated"}
        )
        assert response.status_code == 200, url
        assert response.context["form"].errors["url"], url
        assert not Source.objects.filter(name="Files").exists()
    assert b"http:// or https://" in client.post(
        reverse("sources:create"), {"name": "Files", "url": "ftp://files.example.org/", "kind": "other",
                                    "credibility": "unrated"}
    ).content  # fmt: skip


def test_it_refuses_non_web_urls_at_the_model_level(newsroom):
    import pytest

    from django.core.exceptions import ValidationError

    from factcheck.sources.services import source_save

    with pytest.raises(ValidationError) as exc:
        source_save(newsroom=newsroom, name="Files", url="ftp://files.example.org/")
    assert "http:// or https://" in " ".join(exc.value.message_dict["url"])
    assert source_save(newsroom=newsroom, name="Web", url="https://web.example.org/").domain == "web.example.org"
