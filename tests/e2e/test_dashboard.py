"""The dashboard in a real browser, counted from the rollup: tiles, ratings, days and workload as the scans count."""

import datetime

from playwright.sync_api import expect

from django.urls import reverse
from django.utils import timezone

from factcheck.claims.models import Claim
from factcheck.verdicts import dashboard
from factcheck.verdicts.models import RatingScale, Verdict
from tests.factories import make_article, make_claim, make_verdict

STATUSES = ["new", "new", "in_progress", "in_review", "published", "dismissed", "new", "in_progress"]


def _newsroom_at_work(newsroom, editor, checker, colleague):
    """40 statements over the last 11 days, in every status, three assignees, published verdicts of four ratings."""
    now = timezone.now()
    ratings = list(RatingScale.objects.filter(newsroom=newsroom).order_by("-value"))
    people = [editor, checker, colleague, None]
    for a in range(5):
        article = make_article(newsroom, body=f"Statement {a}. " * 80, title=f"Budget report {a}")
        for k in range(8):
            i = a * 8 + k
            claim = make_claim(article, start=k * 11, end=k * 11 + 10, assignee=people[i % 4])
            status = STATUSES[(i * 3) % len(STATUSES)]
            found = now - datetime.timedelta(days=(i * i) % 11, hours=i % 5)
            Claim.objects.filter(pk=claim.pk).update(status=status, created_at=found)
            if status == "published":
                make_verdict(
                    claim, checker, status=Verdict.Status.PUBLISHED, rating=ratings[a % 4], reviewer=editor,
                    published_at=found + datetime.timedelta(hours=5),
                )  # fmt: skip


def test_the_dashboard_shows_the_rollup_counts(
    page, live_server, newsroom, editor, checker, colleague, as_user, console_errors, shot
):
    # given a newsroom at work
    _newsroom_at_work(newsroom, editor, checker, colleague)
    live = dashboard.live_counts(newsroom, timezone.localdate())
    # when the editor opens the dashboard
    as_user(page, editor)
    page.goto(f"{live_server.url}{reverse('verdicts:dashboard')}")
    # then every tile, the charts and the workload show what the scans count
    for value, _, n in live["status_counts"]:
        expect(page.locator(f"#dashboard-status-{value}")).to_have_text(str(n))
    expect(page.locator("#dash-ratings")).to_contain_text(str(sum(n for _, n, _ in live["ratings"])))
    expect(page.locator("#dash-days")).to_contain_text(str(sum(n for _, n in live["days"])))
    rows = page.locator("section[aria-labelledby=dash-workload] tbody tr")
    expect(rows).to_have_count(len(live["workload"]) + 1)
    for row, person in zip(rows.all(), live["workload"], strict=False):
        expect(row).to_contain_text(person["name"])
        expect(row.locator("td").nth(1)).to_have_text(str(person["total"]))
    expect(rows.last).to_contain_text(str(live["unassigned_open"]))
    shot(page, "dashboard-rollup")
    assert console_errors == []
