"""Hostile text in every user-controlled field renders as inert text in a real browser."""

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from factcheck.claims.models import Article, Claim, content_hash
from factcheck.sources.models import Claimant, Source
from factcheck.verdicts.models import Evidence, RatingScale, Verdict

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
PAYLOAD = f"{SCRIPT} {IMG}"


@pytest.fixture
def hostile(newsroom, editor, colleague):
    body = f"Headline {PAYLOAD}\n\nThe council said it spent £3m on 40 new buses {PAYLOAD} last year."
    outlet = Source.objects.create(newsroom=newsroom, name=f"Outlet {PAYLOAD}", url="https://outlet.example.org/")
    article = Article.objects.create(
        newsroom=newsroom, title=f"Title {PAYLOAD}", body=body, content_hash=content_hash(body), outlet=outlet
    )
    start = body.index("The council")
    claimant = Claimant.objects.create(newsroom=newsroom, name=f"Speaker {PAYLOAD}", role=f"Role {IMG}")
    claim = Claim.objects.create(
        newsroom=newsroom, article=article, start=start, end=len(body), text=body[start:], claimant=claimant,
        speaker=claimant.name, types="numeric", checkworthiness=0.9, checkworthy=True,
        reasons=[[f"reason {PAYLOAD}", 0.5]],
    )  # fmt: skip
    source = Source.objects.create(newsroom=newsroom, name=f"Source {PAYLOAD}", url="https://evidence.example.org/")
    Evidence.objects.create(
        newsroom=newsroom, claim=claim, source=source, url=f"https://evidence.example.org/?q={IMG}",
        quote=f"Quote {PAYLOAD}", note=f"Note {PAYLOAD}", stance=Evidence.Stance.SUPPORTS, added_by=editor,
    )  # fmt: skip
    verdict = Verdict.objects.create(
        newsroom=newsroom, claim=claim, author=editor, reviewer=colleague,
        rating=RatingScale.objects.filter(newsroom=newsroom).first(), conclusion=f"Conclusion {PAYLOAD}",
        status=Verdict.Status.PUBLISHED, published_at=timezone.now(),
    )  # fmt: skip
    Claim.objects.filter(pk=claim.pk).update(status=Claim.Status.PUBLISHED)
    return {"article": article, "claim": claim, "source": source, "verdict": verdict}


def test_it_renders_hostile_text_as_text_on_every_screen(page, live_server, editor, hostile, as_user, console_errors):
    as_user(page, editor)
    urls = [
        reverse("claims:queue"),
        reverse("claims:queue") + "?q=council",
        reverse("claims:articles"),
        reverse("claims:article", args=[hostile["article"].pk]),
        reverse("verdicts:claim", args=[hostile["claim"].pk]),
        reverse("sources:list"),
        reverse("sources:detail", args=[hostile["source"].pk]),
        reverse("verdicts:dashboard"),
        reverse("reports:builder"),
        reverse("reports:public_verdict", args=[hostile["verdict"].pk]),
    ]
    for url in urls:
        page.goto(f"{live_server.url}{url}")
        page.wait_for_load_state("networkidle")
        assert page.locator("img[src=x]").count() == 0, url
        assert page.locator("script:not([src]):not([type='application/ld+json'])").count() == 0, url
        assert page.locator("[onerror]").count() == 0, url
    # the payload is shown as text where it belongs
    page.goto(f"{live_server.url}{reverse('verdicts:claim', args=[hostile['claim'].pk])}")
    assert SCRIPT in page.content().replace("&lt;", "<").replace("&gt;", ">")
    assert console_errors == []  # includes "dialog opened" if any alert() ran


def test_it_refuses_javascript_links_at_input(newsroom, editor, hostile):
    for url in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>"):
        evidence = Evidence(newsroom=newsroom, claim=hostile["claim"], url=url, added_by=editor)
        with pytest.raises(ValidationError):
            evidence.full_clean()
        source = Source(newsroom=newsroom, name="Bad link", url=url)
        with pytest.raises(ValidationError):
            source.full_clean()
