"""The submit form's article link: one rule for a link that is fetched and a link kept beside pasted text
(factcheck.core.fetch.link_refusal): localhost, *.localhost, *.local and private, loopback or link-local
addresses are refused at once, with the reason under the field; a public link is accepted."""

import pytest

from django.urls import reverse

from factcheck.claims.models import Article
from factcheck.core.fetch import link_refusal
from factcheck.demo.content import AIR_ATTACK

REFUSED = [
    ("http://localhost/story", "localhost is on a private or reserved network"),
    ("http://localhost:8000/story", "localhost is on a private or reserved network"),
    ("https://news.localhost/story", "news.localhost is on a private or reserved network"),
    ("http://cms.local/story", "cms.local is a name on the local network"),
    ("http://127.0.0.1/story", "127.0.0.1 is on a private or reserved network"),
    ("http://10.1.2.3/story", "10.1.2.3 is on a private or reserved network"),
    ("http://192.168.0.10/story", "192.168.0.10 is on a private or reserved network"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is on a private or reserved network"),
    ("http://[::1]/story", "::1 is on a private or reserved network"),
    ("http://[fe80::1]/story", "fe80::1 is on a private or reserved network"),
]


@pytest.mark.parametrize(("link", "message"), REFUSED)
def test_it_refuses_a_local_link_to_fetch(login, checker, settings, link, message):
    settings.FETCH_ALLOWED_NETWORKS = []
    response = login(checker).post(reverse("claims:submit"), {"url": link})
    assert response.status_code == 200
    assert response.context["form"].errors["url"] == [f"Only public web pages can be submitted: {message}."]
    assert b'id="id_url-error"' in response.content
    assert not Article.objects.exists()


@pytest.mark.parametrize(("link", "message"), REFUSED[::3])
def test_it_refuses_a_local_link_beside_pasted_text_alike(login, checker, settings, link, message):
    settings.FETCH_ALLOWED_NETWORKS = []
    response = login(checker).post(reverse("claims:submit"), {"url": link, "body": AIR_ATTACK["body"]})
    assert response.context["form"].errors["url"] == [f"Only public web pages can be submitted: {message}."]
    assert not Article.objects.exists()


def test_it_keeps_a_public_link_beside_pasted_text(login, checker, settings, django_capture_on_commit_callbacks):
    settings.FETCH_ALLOWED_NETWORKS = []
    with django_capture_on_commit_callbacks(execute=True):
        response = login(checker).post(reverse("claims:submit"), {"url": AIR_ATTACK["url"], "body": AIR_ATTACK["body"]})
    article = Article.objects.get()
    assert response.status_code == 302 and article.url == AIR_ATTACK["url"]


@pytest.mark.parametrize(
    "link",
    ["https://example.org/a", "https://localhost.example.org/", "https://local.example/", "https://93.184.215.14/"],
)
def test_a_public_host_or_a_name_that_only_looks_local_is_not_refused(settings, link):
    settings.FETCH_ALLOWED_NETWORKS = []
    assert link_refusal(link) is None


def test_an_allow_listed_loopback_admits_localhost_as_it_admits_127_0_0_1(settings):
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    assert link_refusal("http://localhost:8000/x") is None
    assert link_refusal("http://127.0.0.1:8000/x") is None
    assert link_refusal("http://printer.local/x") is not None  # a name on the local network stays refused
