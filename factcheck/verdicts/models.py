import re
from typing import NamedTuple

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse

from factcheck.claims.models import Claim
from factcheck.core.models import TimeStampedModel
from factcheck.newsrooms.models import Newsroom
from factcheck.sources.models import Source

DEFAULT_RATINGS = [
    # label, value (higher = truer), colour, description, on the scale (ClaimReview publishes its value)
    ("True", 6, "#1a7f37", "The statement is accurate and nothing significant is missing.", True),
    ("Mostly true", 5, "#4c9a2a", "Accurate, but needs clarification or additional information.", True),
    (
        "Half true",
        4,
        "#b08800",
        "Partially accurate, leaving out important details or taking things out of context.",
        True,
    ),
    (
        "Mostly false",
        3,
        "#d4731c",
        "Contains an element of truth but ignores facts that would give a different impression.",
        True,
    ),
    ("False", 2, "#cf222e", "The statement is not accurate.", True),
    # Not "less true than False": off the scale, so ClaimReview names it without a ratingValue.
    ("Unverifiable", 1, "#6e7781", "The available evidence can neither confirm nor refute the statement.", False),
]


class RatingScaleQuerySet(models.QuerySet):
    def for_newsroom(self, newsroom):
        return self.filter(newsroom=newsroom)

    def bounds(self) -> tuple[int, int] | None:
        """(worst, best) values of these ratings that are active and on the scale: the ends a rating is read
        against (ClaimReview's worstRating and bestRating). An off-scale rating (Unverifiable) is not "less true
        than False", and a retired one no longer marks an end. None when no rating is both."""
        values = list(self.filter(active=True, on_scale=True).values_list("value", flat=True))
        if not values:
            return None
        return max(1, min(values)), max(values)


class RatingScale(TimeStampedModel):
    """One rating of a newsroom's scale (True … False, Unverifiable)."""

    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="ratings")
    label = models.CharField(max_length=60)
    value = models.PositiveSmallIntegerField(help_text="Numeric value, higher is truer; at least 1 (ClaimReview).")
    colour = models.CharField(max_length=7, default="#6e7781", help_text="Hex colour, e.g. #1a7f37.")
    description = models.TextField(blank=True)
    active = models.BooleanField(default=True)
    on_scale = models.BooleanField(
        "on the scale",
        default=True,
        help_text="A degree of truth, published with its value in ClaimReview. Off the scale (e.g. Unverifiable): "
        "published by name only, and left out of the best and worst values.",
    )

    objects = RatingScaleQuerySet.as_manager()

    class Meta:
        ordering = ["-value", "label"]
        constraints = [
            # A label appears once on a newsroom's scale.
            models.UniqueConstraint(fields=["newsroom", "label"], name="rating_unique_label_per_newsroom"),
            models.CheckConstraint(condition=models.Q(value__gte=1), name="rating_value_at_least_one"),
        ]

    def __str__(self):
        return self.label

    @property
    def scale_value(self) -> int | None:
        """The value exports publish: None off the scale (Unverifiable is no degree of truth, not the worst)."""
        return self.value if self.on_scale else None

    def side(self, bounds: tuple[int, int] | None) -> str:
        """Which half of the scale (worst, best) this rating is on: "true" above the middle, "false" below it,
        "" in the middle, off the scale or without bounds. From the values alone, never the label."""
        if not self.on_scale or bounds is None:
            return ""
        middle = (bounds[0] + bounds[1]) / 2
        if self.value == middle:
            return ""
        return "true" if self.value > middle else "false"

    @property
    def text_colour(self) -> str:
        """Black or white, whichever reads better on the rating's colour (WCAG contrast): an admin may pick
        any colour, and white on the default amber or orange was only 3.3:1."""
        return text_colour_on(self.colour)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def text_colour_on(hex_colour: str) -> str:
    """ "#fff" or "#000" for text on a #rrggbb background, by the higher WCAG contrast ratio (white when the
    colour cannot be read)."""
    if not isinstance(hex_colour, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", hex_colour):
        return "#fff"
    lum = _luminance(hex_colour)
    return "#000" if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else "#fff"


def rating_scale_seed(newsroom):
    """Give a newsroom the default rating scale (idempotent)."""
    for label, value, colour, description, on_scale in DEFAULT_RATINGS:
        RatingScale.objects.get_or_create(
            newsroom=newsroom,
            label=label,
            defaults={"value": value, "colour": colour, "description": description, "on_scale": on_scale},
        )


class Credit(NamedTuple):
    """A source as a fact-check credits it: its name and home URL ('' for none)."""

    name: str
    url: str


def _credit(snapshot_name, snapshot_url, source, *, published):
    """The snapshot taken when the work was published, else the registry's source today."""
    if published and snapshot_name is not None:
        return Credit(snapshot_name, snapshot_url or "")
    return Credit(source.name, source.url) if source is not None else Credit("", "")


class EvidenceQuerySet(models.QuerySet):
    def for_newsroom(self, newsroom):
        return self.filter(newsroom=newsroom)

    def public(self):
        return self.filter(is_private=False)

    def as_published(self, verdict):
        """The evidence verdict version `verdict` was approved with (see Evidence.in_version).

        Use on `Evidence.all_objects`: a correction may remove evidence, and the published version keeps
        showing it until the correction itself is approved.
        """
        version = verdict.version
        return self.filter(claim_id=verdict.claim_id).filter(
            Q(added_in_version__isnull=True) | Q(added_in_version__lte=version),
            Q(removed_in_version__isnull=True) | Q(removed_in_version__gt=version),
        )

    def sources_snapshot(self):
        """Copy each row's source name and home URL onto the row (one UPDATE; null for a row without a source):
        what published work credits, whatever the registry becomes. Returns the number of rows."""
        source = Source.objects.filter(pk=OuterRef("source_id"))
        return self.update(
            published_source_name=Subquery(source.values("name")[:1]),
            published_source_url=Subquery(source.values("url")[:1]),
        )


class LiveEvidenceManager(models.Manager.from_queryset(EvidenceQuerySet)):
    """The default manager (and so `claim.evidence`): evidence not removed."""

    def get_queryset(self):
        return super().get_queryset().filter(removed_in_version__isnull=True)


class Evidence(TimeStampedModel):
    class Stance(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        REFUTES = "refutes", "Refutes"
        CONTEXT = "context", "Context"

    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="evidence")
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, null=True, blank=True, related_name="evidence")
    url = models.URLField(max_length=1000, blank=True, verbose_name="URL")
    quote = models.TextField(blank=True, verbose_name="quoted passage")
    stance = models.CharField(max_length=16, choices=Stance.choices, default=Stance.CONTEXT)
    is_primary = models.BooleanField(default=False, verbose_name="primary source")
    is_private = models.BooleanField(
        default=False, verbose_name="private", help_text="Never published or exported publicly."
    )
    note = models.TextField(blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    # Which verdict versions this evidence belongs to. Added while version n was the open draft: from n on
    # (null: before any verdict, so from the first). Removed during correction n of a published verdict:
    # up to n - 1 (the row stays, so the public page keeps what was approved until the correction is).
    added_in_version = models.PositiveIntegerField(null=True, blank=True, editable=False)
    removed_in_version = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # The source as it was when a verdict with this evidence was approved (null: never published), so that a
    # registry edit (a renamed source) does not rewrite published fact-checks. See source_credit.
    published_source_name = models.CharField(max_length=200, null=True, blank=True, editable=False)
    published_source_url = models.CharField(max_length=500, null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = LiveEvidenceManager()
    all_objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "evidence"
        indexes = [
            # Evidence list on the statement screen: WHERE claim_id = ? ORDER BY created_at.
            models.Index(fields=["claim", "created_at"], name="evidence_claim_idx"),
        ]

    def __str__(self):
        return f"{self.get_stance_display()}: {self.source or self.url}"

    def in_version(self, version):
        """Part of verdict version `version` (the Python twin of EvidenceQuerySet.as_published)."""
        added = self.added_in_version is None or self.added_in_version <= version
        return added and (self.removed_in_version is None or self.removed_in_version > version)

    def source_credit(self, *, published: bool) -> Credit:
        """The source this evidence credits: on published work as it was approved, else as the registry has it."""
        return _credit(self.published_source_name, self.published_source_url, self.source, published=published)


class VerdictQuerySet(models.QuerySet):
    def for_newsroom(self, newsroom):
        return self.filter(newsroom=newsroom)

    def published(self):
        return self.filter(status=Verdict.Status.PUBLISHED)

    def reviewable_by(self, user):
        """Versions `user` may approve or return: they neither wrote nor touched them (the four-eyes rule)."""
        return self.exclude(author=user).exclude(contributors=user)


class Verdict(TimeStampedModel):
    """A rating and conclusion on a statement. Published verdicts are never edited: corrections add versions."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Superseded"

    OPEN = (Status.DRAFT, Status.IN_REVIEW)

    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="verdicts")
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verdicts")
    rating = models.ForeignKey(RatingScale, on_delete=models.PROTECT, null=True, blank=True, related_name="verdicts")
    conclusion = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveSmallIntegerField(default=1)
    correction_reason = models.TextField(blank=True)
    review_comment = models.TextField(blank=True, help_text="Why the reviewer returned it.")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts_written")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="verdicts_reviewed"
    )
    contributors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="verdicts_contributed",
        help_text="Everyone who wrote, saved or submitted this version or changed its evidence; none may review it.",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(
        null=True, blank=True, help_text="When its author took it back out of review (cleared when submitted again)."
    )
    published_at = models.DateTimeField(null=True, blank=True)
    # The article's outlet (a registry source) as it was when this version was approved ('' for none; null:
    # not approved), so that a registry edit does not rewrite the published fact-check. See outlet_credit.
    published_outlet_name = models.CharField(max_length=200, null=True, blank=True, editable=False)
    published_outlet_url = models.CharField(max_length=500, null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = VerdictQuerySet.as_manager()

    class Meta:
        ordering = ["claim_id", "-version"]
        constraints = [
            # A claim has at most one published verdict.
            models.UniqueConstraint(
                fields=["claim"], condition=models.Q(status="published"), name="verdict_one_published_per_claim"
            ),
            # At most one verdict being written or reviewed per claim.
            models.UniqueConstraint(
                fields=["claim"],
                condition=models.Q(status__in=["draft", "in_review"]),
                name="verdict_one_open_per_claim",
            ),
            models.UniqueConstraint(fields=["claim", "version"], name="verdict_unique_version"),
        ]
        indexes = [
            # Reports and the dashboard: WHERE newsroom_id = ? AND status = 'published' ORDER BY published_at.
            models.Index(fields=["newsroom", "status", "published_at"], name="verdict_published_idx"),
        ]

    def __str__(self):
        return f"{self.rating or 'Unrated'} (v{self.version}, {self.status})"

    def get_absolute_url(self):
        return reverse("verdicts:claim", args=[self.claim_id])

    @property
    def is_returned(self) -> bool:
        """A draft a reviewer sent back, not submitted again nor withdrawn since (claims.queue.returned_lookups,
        which the queue's filter and chip use, says the same in SQL)."""
        return self.status == self.Status.DRAFT and self.reviewer_id is not None and self.withdrawn_at is None

    @property
    def was_published(self) -> bool:
        """Published, or published and since corrected: its sources are credited as they were approved."""
        return self.status in (self.Status.PUBLISHED, self.Status.SUPERSEDED)

    @property
    def outlet_credit(self) -> Credit:
        """The article's outlet as this version credits it (snapshot once published; reads claim.article.outlet)."""
        outlet = self.claim.article.outlet
        return _credit(self.published_outlet_name, self.published_outlet_url, outlet, published=self.was_published)


# The rollup's tables (kept by triggers) live in their own module; imported here so Django registers them.
from factcheck.verdicts.rollup import FirstPublication, VerdictTally  # noqa: E402, F401
