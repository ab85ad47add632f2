"""Every URL the app serves, from the resolver, so a new URL cannot escape these checks.

Each route is listed in ROUTES with how to build its arguments from a newsroom's rows. A route
missing from ROUTES fails `test_it_lists_every_route`.
"""

import pytest

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import make_article, make_claim, make_evidence, make_source, make_verdict

# Routes served by Django itself or deliberately public.
PUBLIC = {"login", "logout", "healthz", "home", "favicon"}


def _a_member(world):
    """A member of newsroom A (not one of the personas) for the members screen's row routes."""
    if "membership" not in world:
        from factcheck.newsrooms.models import Membership
        from tests.conftest import _member as make_member

        newsroom = world["article"].newsroom
        world["membership"] = Membership.objects.get(user=make_member(newsroom, "mia", "checker"), newsroom=newsroom)
    return world["membership"]


def _runs(world):
    return world["article"].runs.first() or world["article"].runs.create(newsroom=world["article"].newsroom)


# url name → kwargs builder from the world of newsroom A
ROUTES = {
    "claims:queue": lambda w: {},
    "claims:articles": lambda w: {},
    "claims:submit": lambda w: {},
    "claims:article": lambda w: {"pk": w["article"].pk},
    "claims:article_extract": lambda w: {"pk": w["article"].pk},
    "claims:article_paste": lambda w: {"pk": w["article"].pk},
    "claims:run_status": lambda w: {"pk": _runs(w).pk},
    "verdicts:claim": lambda w: {"pk": w["claim"].pk},
    "claims:claim_assign": lambda w: {"pk": w["claim"].pk},
    "claims:claim_status": lambda w: {"pk": w["claim"].pk},
    "claims:bulk": lambda w: {},
    "sources:list": lambda w: {},
    "sources:detail": lambda w: {"pk": w["source"].pk},
    "sources:edit": lambda w: {"pk": w["source"].pk},
    "sources:create": lambda w: {},
    "sources:suggest": lambda w: {},
    "sources:import": lambda w: {},
    "newsrooms:members": lambda w: {},
    "newsrooms:member_add": lambda w: {},
    "newsrooms:member_role": lambda w: {"pk": _a_member(w).pk},
    "newsrooms:member_remove": lambda w: {"pk": _a_member(w).pk},
    "verdicts:rating_scale": lambda w: {},
    "claims:threshold": lambda w: {},
    "newsrooms:password": lambda w: {},
}


from tests.reports.routes import PUBLIC as REPORTS_PUBLIC  # noqa: E402
from tests.reports.routes import ROUTES as REPORTS_ROUTES  # noqa: E402
from tests.verdicts.routes import PUBLIC as VERDICTS_PUBLIC  # noqa: E402
from tests.verdicts.routes import ROUTES as VERDICTS_ROUTES  # noqa: E402

ROUTES.update(VERDICTS_ROUTES)
ROUTES.update(REPORTS_ROUTES)
PUBLIC |= VERDICTS_PUBLIC | REPORTS_PUBLIC

from tests.api import routes as api_routes  # noqa: E402
from tests.factchecks import routes as factchecks_routes  # noqa: E402

_APP_ROUTES = (api_routes, factchecks_routes)  # apps whose POLICY and SPECIAL live beside their ROUTES
for _module in _APP_ROUTES:
    ROUTES.update(_module.ROUTES)
    PUBLIC |= _module.PUBLIC


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


# --- the role matrix -------------------------------------------------------------------------------
# For every route: the least role that may GET it and the least role that may POST to it (None: the
# method is not served, 405). Roles rank viewer < checker < editor < admin. Below the least role a
# member gets 403; at or above it, anything but 403/404/405/5xx (a form error, a redirect, a page)
# unless SPECIAL says otherwise. The policy is issue 6's: viewers read; checkers submit, work
# statements, add evidence, draft and submit verdicts; editors also review, re-extract, bulk-edit and
# export; admins also manage sources, members and the rating scale.
RANK = {"viewer": 0, "checker": 1, "editor": 2, "admin": 3}
POLICY = {
    "claims:queue": ("viewer", None),
    "claims:articles": ("viewer", None),
    "claims:submit": ("checker", "checker"),
    "claims:article": ("viewer", None),
    "claims:article_extract": (None, "editor"),  # re-extract; a checker may only retry a failed run
    "claims:article_paste": (None, "checker"),  # the text of an article whose page could not be read
    "claims:run_status": ("viewer", None),
    "verdicts:claim": ("viewer", None),
    "claims:claim_assign": (None, "editor"),  # assigning others; checkers take work via "assign to me"
    "claims:claim_status": (None, "checker"),
    "claims:bulk": (None, "editor"),
    "sources:list": ("viewer", None),
    "sources:suggest": ("viewer", None),
    "sources:detail": ("viewer", None),
    "sources:create": ("admin", "admin"),
    "sources:edit": ("admin", "admin"),
    "sources:import": ("admin", "admin"),
    "newsrooms:members": ("admin", None),
    "newsrooms:member_add": (None, "admin"),
    "newsrooms:member_role": (None, "admin"),
    "newsrooms:member_remove": (None, "admin"),
    "verdicts:rating_scale": ("admin", "admin"),
    "claims:threshold": ("admin", "admin"),
    "newsrooms:password": ("viewer", "viewer"),
    "verdicts:dashboard": ("viewer", None),
    "verdicts:evidence_add": (None, "checker"),
    "verdicts:evidence_remove": (None, "checker"),
    "verdicts:verdict_save": (None, "checker"),
    "verdicts:verdict_submit": (None, "checker"),
    "verdicts:verdict_approve": (None, "editor"),
    "verdicts:verdict_return": (None, "editor"),
    "verdicts:verdict_withdraw": (None, "checker"),  # its author only: see SPECIAL
    "verdicts:rating_check": ("viewer", None),
    "verdicts:verdict_correct": (None, "checker"),
    "reports:builder": ("editor", "editor"),
    "reports:export": ("editor", None),
    "reports:export_download": ("editor", None),
    "reports:evidence_pack": ("editor", None),
    "reports:public_verdict": ("viewer", None),
}
# Allowed members who still get a 404 because of the row's state, not their role.
SPECIAL = {
    ("reports:export_download", "get"): 404,  # the export has no file yet
    ("reports:public_verdict", "get"): 404,  # the world's verdict is a draft: nothing public
    ("verdicts:verdict_withdraw", "post"): 403,  # only the verdict's author (the world's `editor`) may withdraw it
}
for _module in _APP_ROUTES:
    POLICY.update(_module.POLICY)
    SPECIAL.update(_module.SPECIAL)


def test_it_has_a_policy_for_every_route():
    assert sorted(set(ROUTES) - set(POLICY)) == [], "add the route's least roles to POLICY"


def _matrix():
    for name in sorted(POLICY):
        for role in RANK:
            for method in ("get", "post"):
                yield name, role, method


@pytest.mark.parametrize(("name", "role", "method"), list(_matrix()))
def test_it_enforces_the_role_matrix(client, world, newsroom, colleague, name, role, method):
    from factcheck.newsrooms.models import Membership
    from tests.conftest import _member

    user = colleague if role == "editor" else _member(newsroom, f"{role}-persona", Membership.Role(role))
    client.force_login(user)
    response = getattr(client, method)(reverse(name, kwargs=ROUTES[name](world)))
    least = POLICY[name][0 if method == "get" else 1]
    if least is None:
        assert response.status_code == 405, (name, role, method, response.status_code)
    elif RANK[role] < RANK[least]:
        assert response.status_code == 403, (name, role, method, response.status_code)
    elif (name, method) in SPECIAL:
        assert response.status_code == SPECIAL[(name, method)], (name, role, method, response.status_code)
    else:
        assert response.status_code in (200, 302, 400, 409), (name, role, method, response.status_code)


# Public pages with a kwargs builder; token-authenticated API routes (PUBLIC, no builder) are tested in tests/api.
@pytest.mark.parametrize("name", sorted((PUBLIC & set(ROUTES)) - {"login", "logout", "healthz", "home"}))
def test_it_serves_public_pages_to_anonymous_visitors_only_when_published(client, world, name):
    from django.utils import timezone

    from factcheck.verdicts.models import Verdict

    url = reverse(name, kwargs=ROUTES[name](world))
    assert client.get(url).status_code == 404  # a draft is not public
    Verdict.objects.filter(pk=world["verdict"].pk).update(
        status=Verdict.Status.PUBLISHED, published_at=timezone.now(), reviewer=world["evidence"].added_by
    )
    assert client.get(url).status_code == 200
