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


def bulk_verdicts(*, newsroom, n, author, reviewer, evidence=1, batch=2000):
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
    article_no = Article.objects.for_newsroom(newsroom).count()
    while made < n:
        count = min(batch, n - made)
        articles, spans = [], []
        for a in range(0, count, PER_ARTICLE):
            article_no += 1
            sentences = [
                SENTENCE.format(year=2000 + (i % 25), n=article_no + i, i=i, p=i % 40)
                for i in range(min(PER_ARTICLE, count - a))
            ]
            body = f"Bench article {article_no}\n\n" + "".join(sentences)
            articles.append(
                Article(
                    newsroom=newsroom,
                    title=f"Bench article {article_no}",
                    body=body,
                    url=f"https://bench-gazette.example.com/{article_no}",
                    outlet=outlet,
                    published_on=datetime.date(2025, 12, 1),
                    content_hash=content_hash(body),
                )
            )
            offset = len(f"Bench article {article_no}\n\n")
            for s in sentences:
                spans.append((len(articles) - 1, offset, offset + len(s) - 1, s.strip()))
                offset += len(s)
        Article.objects.bulk_create(articles)
        claims = [
            Claim(
                newsroom=newsroom, article=articles[ai], start=start, end=end, text=text,
                types="numeric", claimant=claimant, status=Claim.Status.PUBLISHED,
            )
            for ai, start, end, text in spans
        ]  # fmt: skip
        Claim.objects.bulk_create(claims)
        verdicts, items = [], []
        for i, claim in enumerate(claims):
            k = made + i
            verdicts.append(
                Verdict(
                    newsroom=newsroom, claim=claim, rating=ratings[k % len(ratings)],
                    conclusion=f"Benchmark conclusion {k}: the figure does not match the published accounts.",
                    status=Verdict.Status.PUBLISHED, author=author, reviewer=reviewer,
                    published_at=start_day + datetime.timedelta(minutes=k),
                )
            )  # fmt: skip
            for e in range(evidence):
                items.append(
                    Evidence(
                        newsroom=newsroom, claim=claim, source=stats, url=f"https://bench-stats.example.gov/t/{k}/{e}",
                        quote=f"Table {k}.{e}: spending rose {k % 40}%.", stance=Evidence.Stance.REFUTES,
                        is_primary=e == 0, added_by=author,
                    )
                )  # fmt: skip
            if k % 10 == 0:
                items.append(
                    Evidence(
                        newsroom=newsroom, claim=claim, source=stats, quote="Private note.", is_private=True,
                        added_by=author,
                    )
                )  # fmt: skip
        Verdict.objects.bulk_create(verdicts)
        Evidence.objects.bulk_create(items)
        made += count
    return made
