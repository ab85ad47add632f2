"""Every URL the app serves, from the resolver, so a new URL cannot escape these checks.

Each route is listed in ROUTES with how to build its arguments from a newsroom's rows. A route
missing from ROUTES fails `test_it_lists_every_route`.
"""

import pytest

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import make_article, make_claim, make_evidence, make_source, make_verdict

# Routes served by Django itself or deliberately public.
PUBLIC = {"login", "logout", "healthz", "home"}


def _runs(world):
    return world["article"].runs.first() or world["article"].runs.create(newsroom=world["article"].newsroom)


# url name → kwargs builder from the world of newsroom A
ROUTES = {
    "claims:queue": lambda w: {},
    "claims:articles": lambda w: {},
    "claims:submit": lambda w: {},
    "claims:article": lambda w: {"pk": w["article"].pk},
    "claims:article_extract": lambda w: {"pk": w["article"].pk},
    "claims:run_status": lambda w: {"pk": _runs(w).pk},
    "claims:claim": lambda w: {"pk": w["claim"].pk},
    "claims:claim_assign": lambda w: {"pk": w["claim"].pk},
    "claims:claim_status": lambda w: {"pk": w["claim"].pk},
    "claims:bulk": lambda w: {},
    "sources:list": lambda w: {},
    "sources:detail": lambda w: {"pk": w["source"].pk},
    "sources:edit": lambda w: {"pk": w["source"].pk},
    "sources:create": lambda w: {},
    "sources:suggest": lambda w: {},
}


from tests.reports.routes import PUBLIC as REPORTS_PUBLIC  # noqa: E402
from tests.reports.routes import ROUTES as REPORTS_ROUTES  # noqa: E402
from tests.verdicts.routes import PUBLIC as VERDICTS_PUBLIC  # noqa: E402
from tests.verdicts.routes import ROUTES as VERDICTS_ROUTES  # noqa: E402

ROUTES.update(VERDICTS_ROUTES)
ROUTES.update(REPORTS_ROUTES)
PUBLIC |= VERDICTS_PUBLIC | REPORTS_PUBLIC


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = entry.namespace
            if namespace == "admin":
                continue
            yield from _walk(entry.url_patterns, f"{prefix}{namespace}:" if namespace else prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}"


def all_route_names():
    return sorted(set(_walk(get_resolver().url_patterns)))


@pytest.fixture
def world(newsroom, editor):
    article = make_article(newsroom)
    claim = make_claim(article)
    source = make_source(newsroom)
    return {
        "article": article,
        "claim": claim,
        "source": source,
        "evidence": make_evidence(claim, editor, source=source),
        "verdict": make_verdict(claim, editor),
    }


def test_it_lists_every_route():
    missing = [name for name in all_route_names() if name not in ROUTES and name not in PUBLIC]
    assert missing == [], f"add these routes to ROUTES in {__file__}: {missing}"


@pytest.mark.parametrize("name", sorted(set(ROUTES) - PUBLIC))
def test_it_requires_login(client, world, name):
    url = reverse(name, kwargs=ROUTES[name](world))
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        assert response.status_code in (302, 405), (name, method, response.status_code)
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("login")), (name, method)


@pytest.mark.parametrize("name", sorted(n for n, build in ROUTES.items() if "pk" in str(build.__code__.co_names)))
def test_it_hides_other_newsrooms_rows(client, world, outsider, name):
    kwargs = ROUTES[name](world)
    assert kwargs, name
    client.force_login(outsider)
    url = reverse(name, kwargs=kwargs)
    for method, headers in (("get", {}), ("get", {"HX-Request": "true"}), ("post", {})):
        response = getattr(client, method)(url, headers=headers)
        assert response.status_code in (404, 405), (name, method, response.status_code)
