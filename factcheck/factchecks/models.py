"""Fact-checks already published elsewhere (imported ClaimReview) or by the newsroom itself, and the
statements they match."""

import hashlib
import unicodedata

from django.db import models
from django.urls import reverse

from factcheck.claims.models import Claim
from factcheck.core.models import TimeStampedModel
from factcheck.newsrooms.models import Newsroom
from factcheck.sources.models import clean_search_term
from factcheck.verdicts.models import Verdict


def normalised_text(text):
    """Unicode NFC, lower case, whitespace collapsed: what the import's uniqueness key reads."""
    return " ".join(unicodedata.normalize("NFC", text or "").lower().split())


def import_key(url, claim_text):
    """The key an imported fact-check is upserted on: its URL and its claim (a review page may rate several)."""
    return hashlib.sha256(f"{url.strip()}\n{normalised_text(claim_text)}".encode()).hexdigest()


def own_key(claim_id):
    """The key of the newsroom's own published verdict on a statement (one per statement, corrections included)."""
    return f"own:{claim_id}"


class KnownFactCheckQuerySet(models.QuerySet):
    def for_newsroom(self, newsroom):
        return self.filter(newsroom=newsroom)

    def search(self, term):
        term = clean_search_term(term)
        if not term:
            return self
        Q = models.Q
        return self.filter(Q(claim_text__icontains=term) | Q(reviewer__icontains=term) | Q(claimant__icontains=term))


class KnownFactCheck(TimeStampedModel):
    """One published fact-check: another organisation's (imported ClaimReview) or the newsroom's own verdict."""

    class Origin(models.TextChoices):
        IMPORTED = "imported", "Imported"
        OWN = "own", "Own verdict"

    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="known_factchecks")
    claim_text = models.TextField(help_text="The claim reviewed (ClaimReview claimReviewed).")
    claimant = models.CharField(max_length=300, blank=True, help_text="Who made the claim (itemReviewed.author).")
    rating = models.CharField(max_length=200, blank=True, help_text="The rating's words (reviewRating.alternateName).")
    reviewer = models.CharField(max_length=300, blank=True, help_text="The fact-checking organisation (author).")
    # Imported: the review's http(s) address (checked on import). Own: the public page's path on this site.
    url = models.CharField(max_length=1000, verbose_name="URL")
    published_on = models.DateField(null=True, blank=True)
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.IMPORTED)
    verdict = models.ForeignKey(
        Verdict, on_delete=models.SET_NULL, null=True, blank=True, related_name="known_factchecks"
    )
    source_claim = models.ForeignKey(
        Claim,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="own_factchecks",
        help_text="Own verdicts: the statement the verdict rates (never matched to itself).",
    )
    key = models.CharField(max_length=80, editable=False, help_text="import_key() or own_key(): what upserts use.")

    objects = KnownFactCheckQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-pk"]
        constraints = [
            # Re-importing the same feed updates rows instead of duplicating them: upsert on (newsroom, key).
            models.UniqueConstraint(fields=["newsroom", "key"], name="known_unique_key_per_newsroom"),
            models.CheckConstraint(
                condition=models.Q(origin="imported") | models.Q(source_claim__isnull=False),
                name="known_own_has_statement",
            ),
        ]
        indexes = [
            # The list screen and the SQLite matching fallback: WHERE newsroom_id = ? ORDER BY id DESC.
            models.Index(fields=["newsroom", "-id"], name="known_newsroom_idx"),
            # The trigram GiST index on (newsroom_id, claim_text) is PostgreSQL-only: migration 0002.
        ]

    def __str__(self):
        return self.claim_text[:80]

    @property
    def is_own(self):
        return self.origin == self.Origin.OWN

    @property
    def link(self):
        """Where the panel links: the review's web page, or our own statement page; '' if neither is safe."""
        if self.is_own:
            return reverse("verdicts:claim", args=[self.source_claim_id]) if self.source_claim_id else ""
        return self.url if self.url.lower().startswith(("http://", "https://")) else ""


class ClaimMatchQuerySet(models.QuerySet):
    def for_newsroom(self, newsroom):
        return self.filter(newsroom=newsroom)


class ClaimMatch(TimeStampedModel):
    """A statement that reads like a known fact-check's claim."""

    class Method(models.TextChoices):
        EMBEDDING = "embedding", "Trigram candidates + embedding"
        TRIGRAM = "trigram", "Trigram only"

    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="claim_matches")
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="known_matches")
    known = models.ForeignKey(KnownFactCheck, on_delete=models.CASCADE, related_name="matches")
    score = models.FloatField()
    method = models.CharField(max_length=16, choices=Method.choices)

    objects = ClaimMatchQuerySet.as_manager()

    class Meta:
        ordering = ["-score", "-pk"]
        verbose_name = "statement match"
        verbose_name_plural = "statement matches"  # not Django's "claim matchs"
        constraints = [
            # Matching is re-run after imports and extractions: it upserts on the pair.
            models.UniqueConstraint(fields=["claim", "known"], name="match_unique_pair"),
        ]
        indexes = [
            # The import's re-match and the list's counts: WHERE known_id = ?.
            models.Index(fields=["known"], name="match_known_idx"),
        ]

    def __str__(self):
        return f"{self.claim_id} ~ {self.known_id} ({self.score:.2f})"
