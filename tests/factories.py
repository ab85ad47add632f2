"""Small builders for domain rows used across tests (plain functions, no factory library)."""

from factcheck.claims.models import Article, Claim, content_hash
from factcheck.sources.models import Source
from factcheck.verdicts.models import Evidence, RatingScale, Verdict

SAMPLE_BODY = (
    "Harbour town opens new ferry terminal\n\n"
    "The terminal cost £48m and will handle 2.1 million passengers a year, the port authority said.\n\n"
    "Of the 120 new jobs, 80 are permanent and 40 are seasonal."
)


def make_article(newsroom, body=SAMPLE_BODY, title="Harbour town opens new ferry terminal", **extra):
    return Article.objects.create(newsroom=newsroom, title=title, body=body, content_hash=content_hash(body), **extra)


def make_claim(article, start=0, end=None, **extra):
    end = end if end is not None else min(len(article.body), start + 37)
    return Claim.objects.create(
        newsroom=article.newsroom, article=article, start=start, end=end, text=article.body[start:end], **extra
    )


def make_source(newsroom, name="Port Authority", url="https://port.example.gov/", **extra):
    return Source.objects.create(newsroom=newsroom, name=name, url=url, **extra)


def make_evidence(claim, user, source=None, url="https://port.example.gov/report", **extra):
    return Evidence.objects.create(newsroom=claim.newsroom, claim=claim, source=source, added_by=user, url=url, **extra)


def make_verdict(claim, author, status=Verdict.Status.DRAFT, **extra):
    rating = extra.pop("rating", None) or RatingScale.objects.filter(newsroom=claim.newsroom).first()
    return Verdict.objects.create(
        newsroom=claim.newsroom, claim=claim, author=author, rating=rating, status=status, **extra
    )


def give_name(user, first, last):
    """Give a persona (who has only a login) a full name."""
    user.first_name, user.last_name = first, last
    user.save(update_fields=["first_name", "last_name"])
    return user
