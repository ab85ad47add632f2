"""Bulk verdict data for the export benchmark and the worker tests (bulk_create, no signals).

Builds `n` published verdicts in a newsroom: articles of up to 100 statements each, one verdict per
statement, `evidence` public evidence items per statement (the first primary) and one private one
on every tenth. Nothing here is used by the app itself.
"""

import datetime

from django.utils import timezone

from factcheck.claims.models import Article, Claim, content_hash
from factcheck.sources.models import Claimant, Source
from factcheck.verdicts.models import Evidence, RatingScale, Verdict

PER_ARTICLE = 100
SENTENCE = "In {year} the city spent {n} million on item {i}, a rise of {p}% on the year before. "


def _articles(newsroom, outlet, first_no, count):
    """`count` sentences of bench text in articles of PER_ARTICLE: (articles, spans of their statements)."""
    articles, spans = [], []
    article_no = first_no
    for a in range(0, count, PER_ARTICLE):
        article_no += 1
        sentences = [
            SENTENCE.format(year=2000 + (i % 25), n=article_no + i, i=i, p=i % 40)
            for i in range(min(PER_ARTICLE, count - a))
        ]
        heading = f"Bench article {article_no}\n\n"
        body = heading + "".join(sentences)
        articles.append(
            Article(
                newsroom=newsroom, title=f"Bench article {article_no}", body=body,
                url=f"https://bench-gazette.example.com/{article_no}", outlet=outlet,
                published_on=datetime.date(2025, 12, 1), content_hash=content_hash(body),
            )
        )  # fmt: skip
        offset = len(heading)
        for s in sentences:
            spans.append((len(articles) - 1, offset, offset + len(s) - 1, s.strip()))
            offset += len(s)
    return articles, spans


def _evidence(newsroom, claim, k, *, source, author, evidence):
    items = [
        Evidence(
            newsroom=newsroom, claim=claim, source=source, url=f"https://bench-stats.example.gov/t/{k}/{e}",
            quote=f"Table {k}.{e}: spending rose {k % 40}%.", stance=Evidence.Stance.REFUTES,
            is_primary=e == 0, added_by=author,
        )
        for e in range(evidence)
    ]  # fmt: skip
    if k % 10 == 0:
        items.append(
            Evidence(
                newsroom=newsroom, claim=claim, source=source, quote="Private note.", is_private=True, added_by=author
            )
        )
    return items


def bulk_verdicts(*, newsroom, n, author, reviewer, evidence=1, batch=2000):
    """`n` published verdicts with their statements, articles and evidence, bulk-created in batches."""
    ratings = list(RatingScale.objects.for_newsroom(newsroom))
    outlet, _ = Source.objects.get_or_create(
        newsroom=newsroom, name="Bench Gazette", defaults={"url": "https://bench-gazette.example.com/"}
    )
    stats, _ = Source.objects.get_or_create(
        newsroom=newsroom, name="Bench Statistics", defaults={"url": "https://bench-stats.example.gov/"}
    )
    claimant, _ = Claimant.objects.get_or_create(newsroom=newsroom, name="Bench Speaker")
    start_day = timezone.make_aware(datetime.datetime(2026, 1, 1, 9, 0))
    made = 0
    while made < n:
        count = min(batch, n - made)
        articles, spans = _articles(newsroom, outlet, Article.objects.for_newsroom(newsroom).count(), count)
        Article.objects.bulk_create(articles)
        claims = Claim.objects.bulk_create(
            Claim(
                newsroom=newsroom, article=articles[ai], start=start, end=end, text=text,
                types="numeric", claimant=claimant, status=Claim.Status.PUBLISHED,
            )
            for ai, start, end, text in spans
        )  # fmt: skip
        verdicts, items = [], []
        for k, claim in enumerate(claims, start=made):
            verdicts.append(
                Verdict(
                    newsroom=newsroom, claim=claim, rating=ratings[k % len(ratings)],
                    conclusion=f"Benchmark conclusion {k}: the figure does not match the published accounts.",
                    status=Verdict.Status.PUBLISHED, author=author, reviewer=reviewer,
                    published_at=start_day + datetime.timedelta(minutes=k),
                )
            )  # fmt: skip
            items.extend(_evidence(newsroom, claim, k, source=stats, author=author, evidence=evidence))
        Verdict.objects.bulk_create(verdicts)
        Evidence.objects.bulk_create(items)
        made += count
    return made
