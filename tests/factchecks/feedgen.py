"""Invented ClaimReview feeds for tests: distinct claims built from a few parts (none copied from anywhere)."""

import datetime
import itertools

SUBJECTS = [
    "The river authority", "The regional council", "The port of Eastwick", "The national rail operator",
    "The city's water company", "The farmers' union", "The education ministry", "The health trust",
    "The energy regulator", "The tourism board", "The housing agency", "The police federation",
]  # fmt: skip
PREDICATES = [
    "spent {n} million on consultants last year",
    "cut {n} jobs since 2021",
    "built {n} kilometres of cycle lanes",
    "received {n} complaints in a single month",
    "planted {n} thousand trees along the coast",
    "doubled its budget to {n} million",
]
RATINGS = ["False", "Mostly false", "Half true", "Mostly true", "True", "Misleading"]
REVIEWERS = ["Harbour Checks", "Northern Facts", "Verify Desk"]


def claim_texts(count):
    parts = itertools.product(PREDICATES, SUBJECTS, range(3, 40))
    return [f"{subject} {predicate.format(n=n * 7)}." for predicate, subject, n in itertools.islice(parts, count)]


def claimreview(i, text, *, reviewer=None, rating=None):
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checks.example.org/reviews/{i}",
        "claimReviewed": text,
        "author": {"@type": "Organization", "name": reviewer or REVIEWERS[i % len(REVIEWERS)]},
        "datePublished": (datetime.date(2026, 1, 1) + datetime.timedelta(days=i % 300)).isoformat(),
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": f"Speaker {i % 17}"}},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1 + i % 5,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": rating or RATINGS[i % len(RATINGS)],
        },
    }


def data_feed(reviews):
    """The Google Fact Check markup feed shape: a DataFeed of DataFeedItems, each with an item list."""
    return {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "dateCreated": "2026-11-30T10:00:00Z", "item": [review]} for review in reviews
        ],
    }
