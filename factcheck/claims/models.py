import hashlib
import unicodedata

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models
from django.urls import reverse

from factcheck.core.models import Job, TimeStampedModel
from factcheck.newsrooms.models import Newsroom
from factcheck.sources.models import Claimant, Source


def content_hash(text):
    """SHA-256 of the text with Unicode and whitespace normalised: the same article pasted twice matches."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def url_hash(url):
    """The content_hash of an article submitted by URL before its page is read (a text never has a NUL)."""
    return hashlib.sha256(b"\x00url " + url.encode("utf-8")).hexdigest()


class ArticleQuerySet(models.QuerySet):
    def for_newsroom(self, newsroom):
        return self.filter(newsroom=newsroom)


class Article(TimeStampedModel):
    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="articles")
    title = models.CharField(max_length=500)
    body = models.TextField()
    url = models.URLField(max_length=1000, blank=True)
    outlet = models.ForeignKey(Source, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles")
    published_on = models.DateField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles_submitted"
    )
    author = models.CharField(max_length=300, blank=True, help_text="As the fetched page names it.")
    content_hash = models.CharField(max_length=64, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # The same text submitted twice in one newsroom is found, not duplicated. An article submitted
            # by URL holds url_hash(url) here until its page is fetched, so the same URL is caught too.
            models.UniqueConstraint(fields=["newsroom", "content_hash"], name="article_unique_text_per_newsroom"),
        ]
        indexes = [
            # Submit by URL finds an article already submitted: WHERE newsroom_id = ? AND url = ?. Not
            # unique: pasted texts may share a link (a corrected version, older rows).
            models.Index(fields=["newsroom", "url"], condition=~models.Q(url=""), name="article_newsroom_url_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("claims:article", args=[self.pk])

    @property
    def awaits_fetch(self):
        """Submitted by URL and its page not read yet: the next run fetches it first."""
        return bool(self.url) and not self.body


class ExtractionRunQuerySet(models.QuerySet):
    def for_newsroom(self, newsroom):
        return self.filter(newsroom=newsroom)

    def active(self):
        return self.filter(status__in=Job.ACTIVE)


class ExtractionRun(Job):
    """One extraction of one article: the Job row the Celery task works through."""

    FETCHING = "Fetching the page…"  # the message of a RUNNING run while its article's page is fetched

    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="extraction_runs")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="runs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    extractor_version = models.CharField(max_length=40, blank=True)
    statements_found = models.PositiveIntegerField(default=0)
    statements_kept = models.PositiveIntegerField(default=0, help_text="Touched statements the run no longer found.")
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    relations = models.JSONField(default=list, blank=True, help_text="The article's arithmetic and comparison checks.")

    objects = ExtractionRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # A second "extract" while a run is pending or running never starts a second run.
            models.UniqueConstraint(
                fields=["article"], condition=models.Q(status__in=Job.ACTIVE), name="run_one_active_per_article"
            ),
        ]
        indexes = [
            # The sweep: WHERE status IN (pending, running) ORDER BY updated_at.
            models.Index(fields=["status", "updated_at"], name="run_status_updated_idx"),
        ]

    def __str__(self):
        return f"Run {self.pk} of article {self.article_id} ({self.status})"

    @property
    def is_fetching(self):
        return self.status == self.Status.RUNNING and self.message == self.FETCHING


class ClaimQuerySet(models.QuerySet):
    def for_newsroom(self, newsroom):
        return self.filter(newsroom=newsroom)

    def open(self):
        return self.exclude(status__in=[Claim.Status.DISMISSED, Claim.Status.PUBLISHED])

    def ranked(self):
        return self.order_by("-checkworthiness", "-pk")

    def with_page_rows(self):
        """What the statement page and its actions show beside the statement, in the same query."""
        return self.select_related("article", "article__outlet", "claimant", "assignee")


def score_band(score, threshold, checkworthy=None):
    """high / mid / low: the highlight colour of a statement. `threshold` is the newsroom's own check-worthy
    threshold; None means the model's calibrated one, which the extractor already applied: `checkworthy`."""
    worthy = bool(checkworthy) if threshold is None else score >= threshold
    if not worthy:
        return "low"
    return "high" if score >= 0.8 else "mid"


def claim_band(claim, threshold):
    return score_band(claim.checkworthiness, threshold, claim.checkworthy)


def claim_worthy(claim, threshold):
    """Check-worthy for the newsroom: its own threshold if it set one, else the extractor's flag."""
    return claim.checkworthy if threshold is None else claim.checkworthiness >= threshold


class Claim(TimeStampedModel):
    """One checkable statement of an article, anchored to exact offsets in the article body."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_PROGRESS = "in_progress", "In progress"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"
        DISMISSED = "dismissed", "Dismissed"

    class Type(models.TextChoices):
        NUMERIC = "numeric", "Numeric"
        COMPARISON = "comparison", "Comparison"
        QUOTE = "quote", "Quote"
        ATTRIBUTION = "attribution", "Attribution"
        EVENT = "event", "Event"
        CAUSAL = "causal", "Causal"
        PREDICTION = "prediction", "Prediction"
        OPINION = "opinion", "Opinion"

    class Priority(models.IntegerChoices):
        LOW = 0, "Low"
        NORMAL = 1, "Normal"
        HIGH = 2, "High"
        URGENT = 3, "Urgent"

    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="claims")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    position = models.PositiveIntegerField(default=0, help_text="Order of the statement in its article.")
    # Claim types as space-separated tokens (" numeric comparison "), so a type filter is a
    # portable `contains` on every database.
    types = models.CharField(max_length=200, blank=True)
    checkworthiness = models.FloatField(default=0.0)
    checkworthy = models.BooleanField(default=False)
    reasons = models.JSONField(default=list, blank=True)
    quantities = models.JSONField(default=list, blank=True)
    relations = models.JSONField(default=list, blank=True)
    has_failed_check = models.BooleanField(default=False)
    has_known_match = models.BooleanField(
        default=False, help_text="Already checked elsewhere: kept by factcheck.factchecks when matches change."
    )
    speaker = models.CharField(max_length=300, blank=True, help_text="The speaker as written in the article.")
    claimant = models.ForeignKey(Claimant, on_delete=models.SET_NULL, null=True, blank=True, related_name="claims")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEW)
    dismissed_reason = models.CharField(max_length=300, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="claims_assigned"
    )
    priority = models.SmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)
    extractor_version = models.CharField(max_length=40, blank=True)
    found_by_current_extractor = models.BooleanField(default=True)

    history = HistoricalRecords(excluded_fields=["reasons", "quantities", "relations", "updated_at"])
    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["article_id", "start"]
        constraints = [
            # One statement per span of an article: extraction upserts on this key.
            models.UniqueConstraint(fields=["article", "start", "end"], name="claim_unique_span_per_article"),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="claim_span_not_empty"),
        ]
        indexes = [
            # The queue's default order: WHERE newsroom_id = ? [AND status = ?] ORDER BY checkworthiness DESC, id DESC.
            # `types` rides along (claims 0010) so a status + type filter is counted from the index alone.
            models.Index(
                "newsroom",
                "status",
                models.F("checkworthiness").desc(),
                models.F("id").desc(),
                name="claim_queue_idx",
                include=["types"],
            ),
            models.Index(
                "newsroom", models.F("checkworthiness").desc(), models.F("id").desc(), name="claim_queue_all_idx"
            ),
            # "Mine" in the queue: WHERE newsroom_id = ? AND assignee_id = ?.
            models.Index(fields=["newsroom", "assignee", "status"], name="claim_assignee_idx"),
            # "New since last visit", the date filter, statements per day: WHERE newsroom_id = ? AND created_at > ?.
            models.Index(fields=["newsroom", "created_at"], name="claim_newsroom_created_idx"),
            # "Checked elsewhere" in the queue: few rows, so a partial index in the queue's order.
            models.Index(
                "newsroom",
                models.F("checkworthiness").desc(),
                models.F("id").desc(),
                condition=models.Q(has_known_match=True),
                name="claim_known_match_idx",
            ),
            # Full-text and trigram search indexes are PostgreSQL-only: migration 0002 adds them there.
        ]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return reverse("verdicts:claim", args=[self.pk])

    @property
    def type_list(self):
        return self.types.split()


# The rollup's tables (kept by triggers) live beside the model they count; imported here so Django registers them.
from factcheck.claims.rollup import ClaimFoundTally, ClaimTally  # noqa: E402, F401
