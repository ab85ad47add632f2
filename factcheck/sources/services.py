"""Writes to the source registry: create, update, find-or-add (for every room) and the bulk CSV import."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from factcheck.core.forms import error_text
from factcheck.sources.models import Source, domain_of

CSV_COLUMNS = ("name", "url", "kind", "credibility", "notes", "active")
MAX_IMPORT_BYTES = 5 * 1024 * 1024


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list = field(default_factory=list)  # (line number, message)

    @property
    def ok(self):
        return not self.errors


def _choice(value, choices, column):
    """Accept a choice by its value or its label, case-insensitively; blank → None (the default)."""
    value = (value or "").strip()
    if not value:
        return None
    wanted = value.lower().replace(" ", "_")
    for key, label in choices:
        if wanted in (key, label.lower().replace(" ", "_")):
            return key
    allowed = ", ".join(key for key, _ in choices)
    raise ValidationError(f"{column} {value!r} is not one of: {allowed}")


def _bool(value):
    value = (value or "").strip().lower()
    if value in ("", "1", "true", "yes", "y", "active"):
        return True
    if value in ("0", "false", "no", "n", "inactive"):
        return False
    raise ValidationError(f"active {value!r} must be yes or no")


@transaction.atomic
def source_save(*, newsroom, name, url="", kind=None, credibility=None, notes="", active=True, source=None):
    """Create a source, or update `source`; validation errors carry the field names."""
    if source is None:
        source = Source(newsroom=newsroom)
    source.name = (name or "").strip()
    source.url = (url or "").strip()
    source.kind = kind or source.kind or Source.Kind.OTHER
    source.credibility = credibility or source.credibility or Source.Credibility.UNRATED
    source.notes = notes or ""
    source.active = active
    source.full_clean(validate_constraints=False)
    domain = domain_of(source.url)
    if domain and Source.objects.filter(newsroom=newsroom, domain=domain).exclude(pk=source.pk).exists():
        raise ValidationError({"url": f"A source for {domain} is already in the registry."})
    source.save()
    return source


def source_find_or_create(*, newsroom, name, url="", kind=None, create_needs_url=False):
    """The newsroom's registry entry for a source, found or added: the one entry point for every room.

    Found by the URL's domain, else by name (any case, or the "name (domain)" form the pickers show);
    else added through source_save (its checks, the domain unique per newsroom). None when nothing
    matches and there is nothing to add from: no name, or no URL while `create_needs_url`.
    """
    sources = Source.objects.filter(newsroom=newsroom)
    domain = domain_of(url)
    if domain:
        found = sources.filter(domain=domain).first()
        if found is not None:
            return found
    name = (name or "").strip()[:200] or domain
    if not name:
        return None
    found = sources.filter(name__iexact=name).first()
    if found is None and name.endswith(")") and " (" in name:
        bare, _, named_domain = name[:-1].rpartition(" (")
        found = sources.filter(name__iexact=bare.strip(), domain=named_domain.strip().lower()).first()
    if found is not None or (create_needs_url and not url):
        return found
    try:
        with transaction.atomic():
            return source_save(newsroom=newsroom, name=name, url=url, kind=kind)
    except IntegrityError:  # the domain was registered meanwhile
        return sources.filter(domain=domain).first()


def sources_import_csv(*, newsroom, data: bytes) -> ImportReport:
    """Import sources from CSV bytes (header row with at least `name`).

    Good rows are saved (a row whose domain is already registered updates that entry), bad rows
    are reported with their line number and skipped. Each row is its own savepoint, so a bad row
    never leaves half a row behind.
    """
    report = ImportReport()
    if len(data) > MAX_IMPORT_BYTES:
        report.errors.append((0, f"The file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB."))
        return report
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append((0, "The file is not UTF-8 text."))
        return report
    if "\x00" in text:
        report.errors.append((0, "The file contains NUL bytes; it is not a CSV file."))
        return report
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "name" not in header:
        report.errors.append((1, f"The header must include 'name' (columns: {', '.join(CSV_COLUMNS)})."))
        return report
    reader.fieldnames = header
    try:
        rows = list(enumerate(reader, start=2))
    except csv.Error as exc:
        report.errors.append((reader.line_num, f"Malformed CSV: {exc}"))
        return report
    for line, row in rows:
        if None in row:
            report.errors.append((line, "The row has more cells than the header."))
            continue
        try:
            with transaction.atomic():
                url = (row.get("url") or "").strip()
                domain = domain_of(url)
                existing = Source.objects.filter(newsroom=newsroom, domain=domain).first() if domain else None
                source_save(
                    newsroom=newsroom,
                    source=existing,
                    name=row.get("name") or "",
                    url=url,
                    kind=_choice(row.get("kind"), Source.Kind.choices, "kind"),
                    credibility=_choice(row.get("credibility"), Source.Credibility.choices, "credibility"),
                    notes=(row.get("notes") or "").strip(),
                    active=_bool(row.get("active")),
                )
        except ValidationError as exc:
            report.errors.append((line, error_text(exc, fields=True)))
            continue
        if existing:
            report.updated += 1
        else:
            report.created += 1
    return report
