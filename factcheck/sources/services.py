"""Writes to the source registry: create, update, find-or-add (for every room) and the bulk CSV import."""

import csv
import io
import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from factcheck.core.forms import error_text
from factcheck.sources.models import Source, domain_of, home_contains, home_of

CSV_COLUMNS = ("name", "url", "kind", "credibility", "notes", "active")
MAX_IMPORT_BYTES = 5 * 1024 * 1024

logger = logging.getLogger(__name__)


# The columns an import can change, each with the label a person reads it by.
FIELD_LABELS = {
    "name": "Name",
    "url": "Home URL",
    "kind": "Kind",
    "credibility": "Credibility",
    "notes": "Notes",
    "active": "Active",
}


@dataclass
class FieldChange:
    field: str  # its label: "Credibility"
    old: str  # as a person reads it: "Credible", "“Reuters”", "yes", "(empty)"
    new: str


@dataclass
class SourceUpdate:
    """A row that changed a source already in the registry."""

    line: int
    source: Source
    name_before: str
    changes: list  # of FieldChange, in column order


@dataclass
class ImportReport:
    created: int = 0
    unchanged: int = 0  # rows that matched a registered source and changed nothing in it
    updates: list = field(default_factory=list)  # of SourceUpdate
    errors: list = field(default_factory=list)  # (line number, message)

    @property
    def updated(self):
        return len(self.updates)

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


def home_holder(*, newsroom, url, source=None):
    """(home, the other registry entry of `newsroom` that has the home URL of `url`, or None)."""
    home = home_of(url)
    if not home:
        return home, None
    others = Source.objects.filter(newsroom=newsroom, home=home)
    return home, (others.exclude(pk=source.pk) if source is not None and source.pk else others).first()


def home_taken(home, source):
    """The refusal when `source` already holds the home URL `home`: it names that source."""
    domain = home.split("/", 1)[0]
    return (
        f"{home} is already registered as “{source.name}”; use or edit that entry, or give this one the address "
        f"of its own pages on {domain} as its home URL."
    )


def _source_fill(source, *, name, url, kind, credibility, notes, active):
    """Set the editable fields of `source` as source_save stores them; a blank kind or credibility keeps its own."""
    source.name = (name or "").strip()
    source.url = (url or "").strip()
    source.kind = kind or source.kind or Source.Kind.OTHER
    source.credibility = credibility or source.credibility or Source.Credibility.UNRATED
    source.notes = notes or ""
    source.active = active


def _source_store(*, newsroom, source):
    source.full_clean(validate_constraints=False)
    home, taken = home_holder(newsroom=newsroom, url=source.url, source=source)
    if taken is not None:
        raise ValidationError({"url": home_taken(home, taken)})
    source.save()
    return source


@transaction.atomic
def source_save(*, newsroom, name, url="", kind=None, credibility=None, notes="", active=True, source=None):
    """Create a source, or update `source`; validation errors carry the field names.

    One domain may hold several sources with different home paths; the same home twice is refused with
    a message naming the source that has it.
    """
    if source is None:
        source = Source(newsroom=newsroom)
    _source_fill(source, name=name, url=url, kind=kind, credibility=credibility, notes=notes, active=active)
    return _source_store(newsroom=newsroom, source=source)


def _named(name):
    """(name, domain) of the "name (domain)" form the pickers show; (name, '') for any other name."""
    if name.endswith(")") and " (" in name:
        bare, _, domain = name[:-1].rpartition(" (")
        domain = domain.strip().lower()
        if "." in domain and " " not in domain:
            return bare.strip(), domain
    return name, ""


def _by_name(sources, name, url_home):
    """A source named `name` (any case), else by the "name (domain)" form the pickers show; of several
    namesakes, the one whose home holds `url_home`."""
    found = list(sources.filter(name__iexact=name)[:20])
    bare, domain = _named(name)
    if not found and domain:
        found = list(sources.filter(name__iexact=bare, domain=domain)[:20])
    return next((s for s in found if home_contains(s.home, url_home)), found[0] if found else None)


def _by_home(sources, url):
    """The source whose home URL is `url` or the longest prefix of it ('gov.uk/government/organisations/
    hm-treasury' holds that body's pages, not the rest of gov.uk)."""
    url_home = home_of(url)
    if not url_home:
        return None
    holders = [s for s in sources.filter(domain=domain_of(url)) if home_contains(s.home, url_home)]
    return max(holders, key=lambda s: len(s.home), default=None)


def _by_domain(sources, *, name, domain):
    """The fallback when nothing can be added: the domain's only source when no name was given (logged, with
    its name); a refusal naming the domain's sources when the name was given but matches none of them."""
    on_domain = list(sources.filter(domain=domain)[:3]) if domain else []
    if not on_domain:
        return None
    if not name and len(on_domain) == 1:
        logger.info("No name given for %s: credited to its only registered source, %s", domain, on_domain[0].name)
        return on_domain[0]
    names = " and ".join(f"“{s.name}”" for s in on_domain[:2]) + (" among others" if len(on_domain) > 2 else "")
    raise ValidationError(
        {"source": f"“{name or domain}” is not in the registry; {domain} is registered as {names}. "
         "Pick one of those, or give this source's own home URL to add it."}
    )  # fmt: skip


def source_find_or_create(*, newsroom, name, url="", kind=None, create_needs_url=False):
    """The newsroom's registry entry for a source, found or added: the one entry point for every room.

    Found by its exact name (any case, or the "name (domain)" form the pickers show), else by its home URL
    (the registered home that is the longest prefix of `url`, so two bodies on gov.uk stay apart), else
    added through source_save (its checks, a home URL unique per newsroom). Only when nothing can be added
    (no name; or no URL while `create_needs_url`) does it fall back on the domain: see _by_domain. None when
    nothing matches and there is nothing to add from.
    """
    sources = Source.objects.filter(newsroom=newsroom)
    name = (name or "").strip()[:200]
    found = (_by_name(sources, name, home_of(url)) if name else None) or _by_home(sources, url)
    if found is not None:
        return found
    domain = domain_of(url) or _named(name)[1]
    if not name or (create_needs_url and not url):
        found = _by_domain(sources, name=name, domain=domain)
        if found is not None or not domain or create_needs_url:
            return found
    try:
        with transaction.atomic():
            return source_save(newsroom=newsroom, name=name or domain, url=url, kind=kind)
    except IntegrityError:  # the home was registered meanwhile
        return _by_home(sources, url)


def _shown(source, name):
    """The value of field `name` of `source` as a person reads it: a label, yes/no, or quoted text."""
    value = getattr(source, name)
    if name in ("kind", "credibility"):
        return getattr(source, f"get_{name}_display")()
    if name == "active":
        return "yes" if value else "no"
    return f"“{value}”" if value else "(empty)"


def _import_row(*, newsroom, line, row, report):
    """Save one CSV row: update the source with the same home (recording what changed), else add one."""
    url = (row.get("url") or "").strip()
    home = home_of(url)
    existing = Source.objects.filter(newsroom=newsroom, home=home).first() if home else None
    values = {
        "name": row.get("name") or "",
        "url": url,
        "kind": _choice(row.get("kind"), Source.Kind.choices, "kind"),
        "credibility": _choice(row.get("credibility"), Source.Credibility.choices, "credibility"),
        "notes": (row.get("notes") or "").strip(),
        "active": _bool(row.get("active")),
    }
    if existing is None:
        source_save(newsroom=newsroom, **values)
        report.created += 1
        return
    name_before = existing.name
    before = {name: (getattr(existing, name), _shown(existing, name)) for name in FIELD_LABELS}
    _source_fill(existing, **values)
    changes = [
        FieldChange(label, before[name][1], _shown(existing, name))
        for name, label in FIELD_LABELS.items()
        if getattr(existing, name) != before[name][0]
    ]
    if not changes:
        report.unchanged += 1  # nothing to write: the source keeps its row and its updated_at
        return
    _source_store(newsroom=newsroom, source=existing)
    report.updates.append(SourceUpdate(line=line, source=existing, name_before=name_before, changes=changes))


def _import_rows(data, report):
    """The numbered rows of CSV bytes, or None after recording why the file cannot be read."""
    if len(data) > MAX_IMPORT_BYTES:
        report.errors.append((0, f"The file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB."))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append((0, "The file is not UTF-8 text."))
        return None
    if "\x00" in text:
        report.errors.append((0, "The file contains NUL bytes; it is not a CSV file."))
        return None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "name" not in header:
        report.errors.append((1, f"The header must include 'name' (columns: {', '.join(CSV_COLUMNS)})."))
        return None
    reader.fieldnames = header
    try:
        return list(enumerate(reader, start=2))
    except csv.Error as exc:
        report.errors.append((reader.line_num, f"Malformed CSV: {exc}"))
        return None


def sources_import_csv(*, newsroom, data: bytes) -> ImportReport:
    """Import sources from CSV bytes (header row with at least `name`).

    A row whose URL has the same home (home_of: host without 'www.' and path, ignoring scheme, case, query
    and a trailing slash) as a registered source updates that source; the report lists each field it
    changed, and a row that changes nothing counts as unchanged and writes nothing. Any other row adds a
    source (another path on a registered domain is a new entry). Bad rows are reported with their line
    number and skipped; each row is its own savepoint, so a bad row never leaves half a row behind.
    """
    report = ImportReport()
    for line, row in _import_rows(data, report) or []:
        if None in row:
            report.errors.append((line, "The row has more cells than the header."))
            continue
        try:
            with transaction.atomic():
                _import_row(newsroom=newsroom, line=line, row=row, report=report)
        except ValidationError as exc:
            report.errors.append((line, error_text(exc, fields=True)))
    return report
