from django.conf import settings
from django.db import models
from django.urls import reverse

from factcheck.core.models import Job
from factcheck.newsrooms.models import Newsroom


class ReportExportQuerySet(models.QuerySet):
    def for_newsroom(self, newsroom):
        return self.filter(newsroom=newsroom)

    def active(self):
        return self.filter(status__in=Job.ACTIVE)


class ReportExport(Job):
    """One background export of a verdict report: the Job row the Celery task works through."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV (spreadsheet)"
        PDF = "pdf", "PDF (printable report)"
        JSONLD = "jsonld", "ClaimReview JSON-LD"

    EXTENSIONS = {"csv": "csv", "pdf": "pdf", "jsonld": "jsonld"}
    SHORT_NAMES = {"csv": "CSV", "pdf": "PDF", "jsonld": "ClaimReview"}  # a title or a button: "PDF report #1"
    CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "pdf": "application/pdf", "jsonld": "application/ld+json"}

    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="report_exports")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    format = models.CharField(max_length=8, choices=Format.choices)
    filters = models.JSONField(default=dict, blank=True, help_text="The builder's filters, as primary keys and dates.")
    internal = models.BooleanField(default=False, help_text="Includes private evidence; admins only.")
    bom = models.BooleanField(default=False, help_text="CSV starts with a UTF-8 byte-order mark.")
    base_url = models.CharField(max_length=300, help_text="Scheme and host that absolute links in the file use.")
    file = models.FileField(upload_to="exports/", max_length=300, blank=True)
    size_bytes = models.PositiveBigIntegerField(default=0)
    rows = models.PositiveIntegerField(default=0, help_text="Verdicts written to the file.")
    skipped = models.JSONField(default=list, blank=True, help_text="Verdicts left out, with the reason.")
    expired_at = models.DateTimeField(null=True, blank=True, help_text="When the prune task deleted the file.")

    objects = ReportExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The builder's "recent exports": WHERE newsroom_id = ? ORDER BY created_at DESC.
            models.Index(fields=["newsroom", "-created_at"], name="export_newsroom_recent_idx"),
            # The prune task: WHERE status = ? AND finished_at < cutoff.
            models.Index(fields=["status", "finished_at"], name="export_status_finished_idx"),
        ]

    def __str__(self):
        return f"Export {self.pk} ({self.format}, {self.status})"

    def get_absolute_url(self):
        return reverse("reports:export", args=[self.pk])

    @property
    def short_format(self):
        return self.SHORT_NAMES[self.format]

    @property
    def download_name(self):
        stamp = self.created_at.strftime("%Y-%m-%d")
        internal = "-internal" if self.internal else ""
        number = f"-{self.pk}" if self.pk else ""
        return f"{self.newsroom.slug}-verdicts{internal}-{stamp}{number}.{self.EXTENSIONS[self.format]}"

    @property
    def is_downloadable(self):
        return self.status == self.Status.SUCCEEDED and bool(self.file) and self.expired_at is None
