from urllib.parse import urlsplit

from django.core.validators import URLValidator
from django.db import models
from django.db.models.functions import Lower

from factcheck.core.models import TimeStampedModel
from factcheck.newsrooms.models import Newsroom

# Links the app shows must open in a browser: http(s) only (no ftp:, javascript:, data: …).
# Its own error code, so a ModelForm shows this message instead of its generic "Enter a valid URL.".
web_url_validator = URLValidator(
    schemes=["http", "https"], message="Enter a web address starting with http:// or https://.", code="web_url"
)


def clean_search_term(term, limit=100):
    """Search input as text PostgreSQL accepts: NUL characters dropped, trimmed, at most `limit` characters."""
    return (term or "").replace("\x00", "").strip()[:limit]


def domain_of(url):
    """The host of a URL, lower-cased, without a leading 'www.' ('' when there is none)."""
    if not url:
        return ""
    host = (urlsplit(url if "://" in url else f"//{url}").hostname or "").lower()
    return host.removeprefix("www.")


def home_of(url):
    """A home URL as the registry compares it: host and path, lower-cased, without scheme, 'www.', query,
    fragment or trailing slash ('gov.uk/government/organisations/hm-treasury'; '' when there is no host).

    Sources on one domain are told apart by it (two bodies on gov.uk), and a URL belongs to the source
    whose home is its longest prefix (source_find_or_create).
    """
    domain = domain_of(url)
    if not domain:
        return ""
    path = urlsplit(url if "://" in url else f"//{url}").path
    return domain + path.rstrip("/").lower()


def home_contains(home, url_home):
    """Whether `url_home` (a home_of) is the home `home` or a page under it, at a path-segment boundary."""
    return bool(home) and (url_home == home or url_home.startswith(home + "/"))


class SourceQuerySet(models.QuerySet):
    def for_newsroom(self, newsroom):
        return self.filter(newsroom=newsroom)

    def active(self):
        return self.filter(active=True)

    def search(self, term):
        term = clean_search_term(term)
        if not term:
            return self
        return self.filter(models.Q(name__icontains=term) | models.Q(home__icontains=term))


class Source(TimeStampedModel):
    """A source of evidence (or an article's outlet) in a newsroom's registry."""

    class Kind(models.TextChoices):
        NEWS_OUTLET = "news_outlet", "News outlet"
        WIRE_AGENCY = "wire_agency", "Wire agency"
        GOVERNMENT = "government", "Government"
        OFFICIAL_STATISTICS = "official_statistics", "Official statistics"
        NGO = "ngo", "NGO"
        ACADEMIC = "academic", "Academic"
        COMPANY = "company", "Company"
        SOCIAL_MEDIA = "social_media", "Social media"
        PERSON = "person", "Person"
        OTHER = "other", "Other"

    class Credibility(models.TextChoices):
        UNRATED = "unrated", "Unrated"
        CREDIBLE = "credible", "Credible"
        MOSTLY_CREDIBLE = "mostly_credible", "Mostly credible"
        MIXED = "mixed", "Mixed"
        NOT_CREDIBLE = "not_credible", "Not credible"

    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="sources")
    name = models.CharField(max_length=200)
    url = models.URLField(max_length=500, blank=True, verbose_name="home URL", validators=[web_url_validator])
    domain = models.CharField(max_length=253, blank=True, editable=False)
    home = models.CharField(
        max_length=500,
        blank=True,
        editable=False,
        help_text="Host and path of the home URL, as the registry compares them.",
    )
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.OTHER)
    credibility = models.CharField(max_length=32, choices=Credibility.choices, default=Credibility.UNRATED)
    notes = models.TextField(blank=True)
    active = models.BooleanField(default=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            # One registry entry per home URL in a newsroom (sources without a URL are exempt); one domain may hold
            # several with different home paths (two government bodies on gov.uk).
            models.UniqueConstraint(
                fields=["newsroom", "home"], condition=~models.Q(home=""), name="source_unique_home_per_newsroom"
            ),
        ]
        indexes = [
            # Find-or-add and the CSV import: WHERE newsroom_id = ? AND domain = ? (then the longest home prefix).
            models.Index(fields=["newsroom", "domain"], name="source_newsroom_domain_idx"),
            # Search-as-you-type over the registry: WHERE newsroom_id = ? ORDER BY lower(name).
            models.Index("newsroom", Lower("name"), name="source_newsroom_name_idx"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        self.domain, self.home = domain_of(self.url), home_of(self.url)
        super().clean()

    def save(self, *args, **kwargs):
        self.domain, self.home = domain_of(self.url), home_of(self.url)
        if kwargs.get("update_fields") is not None and "url" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "domain", "home"}
        super().save(*args, **kwargs)


class ClaimantQuerySet(models.QuerySet):
    def for_newsroom(self, newsroom):
        return self.filter(newsroom=newsroom)


class Claimant(TimeStampedModel):
    """The person or organisation who made a claim (not a source of evidence)."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organisation"

    newsroom = models.ForeignKey(Newsroom, on_delete=models.CASCADE, related_name="claimants")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True, help_text="Role or title as written, e.g. 'Interior Minister'.")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PERSON)
    same_as = models.URLField(
        max_length=500, blank=True, help_text="An identifying page, e.g. on Wikidata.", validators=[web_url_validator]
    )

    objects = ClaimantQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            # The extractor attaches speakers by name: one claimant per name in a newsroom.
            models.UniqueConstraint(fields=["newsroom", "name"], name="claimant_unique_name_per_newsroom"),
        ]

    def __str__(self):
        return f"{self.name}, {self.role}" if self.role else self.name
