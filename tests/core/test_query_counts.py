"""Query counts of the read screens stay flat as the data grows: no N+1 anywhere.

Each screen is requested with a small and a ten-times larger newsroom (more articles, statements,
assignees, evidence and verdicts) and must issue exactly as many queries both times, within a budget.
The budgets are today's counts: a screen that needs one more query says so here. The latency of
the same screens at 10k and 1M statements is measured by `make bench-web`.
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factcheck.claims.models import Claim
from factcheck.newsrooms.models import Membership
from factcheck.verdicts.models import Verdict
from tests.conftest import _member
from tests.factories import make_article, make_claim, make_evidence, make_source, make_verdict

HX = {"HX-Request": "true"}
BODY = "The port handled {n} ships in 2024. Its budget rose by {n}% to £{n}m. The mayor said {n} jobs were new."


def grow(newsroom, editor, articles):
    """`articles` articles of three statements each, from several outlets, with assignees, evidence and verdicts."""
    workers = [editor] + [
        _member(newsroom, f"worker{Claim.objects.count()}-{i}", Membership.Role.CHECKER) for i in range(2)
    ]
    tag = Claim.objects.count()
    outlets = [
        make_source(newsroom, name=f"Outlet {tag}-{i}", url=f"https://outlet-{tag}-{i}.example.com/") for i in range(3)
    ]
    claims = []
    for a in range(articles):
        n = Claim.objects.count() + a + 7
        article = make_article(newsroom, body=BODY.format(n=n), title=f"Article {n}", outlet=outlets[a % 3])
        spans = [(0, 33), (34, 70), (71, len(article.body))]
        for k, (start, end) in enumerate(spans):
            claim = make_claim(
                article,
                start=start,
                end=end,
                checkworthiness=0.3 + 0.2 * k,
                assignee=workers[(a + k) % len(workers)],
                types=" numeric ",
            )
            claims.append(claim)
    source = make_source(newsroom, name=f"Statistics {tag}", url=f"https://stats-{tag}.example.gov/")
    for i, claim in enumerate(claims[::3]):
        make_evidence(claim, editor, source=source)
        if i % 2:
            make_verdict(claim, editor, status=Verdict.Status.PUBLISHED)
    return claims


def count_queries(client, url, **kwargs):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **kwargs)
    assert response.status_code == 200, response.status_code
    return len(ctx.captured_queries)


SCREENS = [
    ("queue", lambda c: (reverse("claims:queue"), {}), 12),
    ("queue fragment", lambda c: (reverse("claims:queue"), {"headers": HX}), 5),
    ("filtered queue", lambda c: (reverse("claims:queue"), {"data": {"status": "new", "type": "numeric"}}), 12),
    ("search", lambda c: (reverse("claims:queue"), {"data": {"q": "port ships"}}), 12),
    ("articles", lambda c: (reverse("claims:articles"), {}), 4),
    ("article page", lambda c: (reverse("claims:article", args=[c.article_id]), {}), 6),
    ("statement review", lambda c: (reverse("verdicts:claim", args=[c.pk]), {}), 10),
    # 9 before the rollup (issue 15); 8 since the "Returned to you" tile counts the viewer's returned verdicts
    ("dashboard", lambda c: (reverse("verdicts:dashboard"), {}), 8),
]


@pytest.mark.parametrize(("name", "target", "budget"), SCREENS, ids=[s[0] for s in SCREENS])
def test_it_issues_the_same_queries_for_ten_times_the_data(name, target, budget, login, editor, newsroom):
    # given a small newsroom
    claims = grow(newsroom, editor, articles=2)
    client = login(editor)
    url, kwargs = target(claims[0])
    client.get(url, **kwargs)  # the first visit stores "last seen"; measure steady state
    small = count_queries(client, url, **kwargs)

    # when it holds ten times as much
    grow(newsroom, editor, articles=20)
    client.get(url, **kwargs)
    large = count_queries(client, url, **kwargs)

    # then the screen issues as many queries as before, within its budget
    assert large == small, f"{name}: {small} queries with 6 statements, {large} with 66 (N+1?)"
    assert large <= budget, f"{name}: {large} queries, budget {budget}"
