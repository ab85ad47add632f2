from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import slugify

from factcheck.core.models import TimeStampedModel


class Newsroom(TimeStampedModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    url = models.URLField(blank=True, help_text="The newsroom's home page; the publisher of its fact checks.")
    checkworthy_threshold = models.FloatField(
        null=True,
        blank=True,
        default=None,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=(
            "Empty: the model's own calibrated threshold decides which statements are check-worthy (the "
            "extractor's flag). A number from 0 to 1: statements scoring at least this are marked check-worthy."
        ),
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)


class MembershipQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user).select_related("newsroom")


class Membership(TimeStampedModel):
    class Role(models.TextChoices):
        ADMIN = "admin", "Admin"
        EDITOR = "editor", "Editor"
        CHECKER = "checker", "Checker"
        VIEWER = "viewer", "Viewer"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.CHECKER)
    queue_seen_at = models.DateTimeField(
        null=True, blank=True, help_text="When the member last opened the queue: what is new is counted from here."
    )
    queue_previous_seen_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The opening of the queue before the last one: statements found since are marked new until the "
        "member opens the queue again (its filters and pages keep the same mark).",
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            # A user holds one role per newsroom.
            models.UniqueConstraint(fields=["user", "newsroom"], name="membership_one_per_user_newsroom"),
        ]

    def __str__(self):
        return f"{self.user} · {self.newsroom} ({self.role})"

    # Role capabilities: each role can do everything the roles below it can.
    @property
    def can_write(self):
        return self.role != self.Role.VIEWER

    @property
    def can_edit(self):
        return self.role in (self.Role.EDITOR, self.Role.ADMIN)

    @property
    def is_admin(self):
        return self.role == self.Role.ADMIN
