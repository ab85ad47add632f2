"""API tokens and outgoing webhooks of a newsroom (issue 16).

A token's secret is never stored: only its SHA-256 (looked up on every call) and a short prefix that
lets an admin tell tokens apart. A webhook's secret is stored, because every delivery is signed with it.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone

from factcheck.core.models import Job, TimeStampedModel
from factcheck.newsrooms.models import Newsroom

TOKEN_PREFIX = "fct_"  # noqa: S105 - a public marker, not a secret


def token_digest(secret):
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def for_newsroom(self, newsroom):
        return self.filter(newsroom=newsroom)


class ApiToken(TimeStampedModel):
    class Role(models.TextChoices):
        READ = "read", "Read"
        SUBMIT = "submit", "Read and submit"

    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What uses it, e.g. “CMS drafts”.")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.READ)
    prefix = models.CharField(max_length=16, help_text="The token's first characters, shown in lists.")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        # token_hash is unique (and so indexed): every API call looks its token up by hash.

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def can_submit(self):
        return self.role == self.Role.SUBMIT

    def state(self, now=None):
        """ "active", "revoked" or "expired"."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= (now or timezone.now()):
            return "expired"
        return "active"


class WebhookQuerySet(models.QuerySet):
    def for_newsroom(self, newsroom):
        return self.filter(newsroom=newsroom)


class Webhook(TimeStampedModel):
    class Event(models.TextChoices):
        VERDICT_PUBLISHED = "verdict.published", "Verdict published"
        EXTRACTION_FINISHED = "extraction.finished", "Extraction finished"

    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="webhooks")
    url = models.URLField(max_length=1000, verbose_name="URL")
    secret = models.CharField(max_length=100, editable=False)
    events = models.JSONField(default=list, help_text="Event names this endpoint receives.")
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = WebhookQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.url

    def event_labels(self):
        labels = dict(self.Event.choices)
        return [labels.get(e, e) for e in self.events]


class WebhookDelivery(TimeStampedModel):
    """One event sent (or being sent) to one webhook; the Celery task works through this row."""

    Status = Job.Status

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=40, choices=Webhook.Event.choices)
    event_id = models.CharField(max_length=100, help_text="The event's identity: one delivery per webhook and event.")
    payload = models.JSONField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    response_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "webhook deliveries"
        constraints = [
            # A signal received twice (or a redelivered event) never makes a second delivery.
            models.UniqueConstraint(fields=["webhook", "event_id"], name="delivery_one_per_webhook_event"),
        ]
        indexes = [
            # The delivery log: WHERE webhook_id IN (the newsroom's) ORDER BY created_at DESC.
            models.Index(fields=["webhook", "-created_at"], name="delivery_log_idx"),
        ]

    def __str__(self):
        return f"{self.event} → {self.webhook_id} ({self.status})"
