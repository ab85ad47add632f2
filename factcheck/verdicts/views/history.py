"""The statement page's history tab: every recorded change of a statement, its evidence and verdicts."""

from django.contrib.auth import get_user_model

from factcheck.claims.models import Claim
from factcheck.core.people import display_name
from factcheck.verdicts.models import Evidence, Verdict


def claim_history(claim):
    """Every recorded change of the statement, its evidence and its verdicts, newest first.

    Values are shown as people read them: choice labels, names for foreign keys (people's display_name), yes/no.
    """
    tracked = {
        "statement": (Claim.history.filter(id=claim.pk), ["status", "assignee", "dismissed_reason", "priority"]),
        "evidence": (
            Evidence.history.filter(claim_id=claim.pk),
            ["source", "url", "quote", "stance", "is_primary", "is_private", "note"],
        ),
        "verdict": (
            Verdict.history.filter(claim_id=claim.pk),
            ["status", "rating", "conclusion", "review_comment", "correction_reason", "reviewer"],
        ),
    }
    entries, wanted = [], {}
    for label, (records, fields) in tracked.items():
        previous = {}
        for record in records.select_related("history_user").order_by("history_date", "history_id"):
            before = previous.get(record.id)
            changes = []
            for name in fields:
                field = record._meta.get_field(name)
                new, old = getattr(record, field.attname), getattr(before, field.attname) if before else None
                if before is not None and old == new:
                    continue
                if before is None and (
                    new in (None, "", False) or (record.history_type == "~" and new == field.default)
                ):
                    continue  # a first record only shows what differs from a blank row
                if field.is_relation:
                    wanted.setdefault(field.related_model, set()).update(v for v in (old, new) if v is not None)
                changes.append([field, old, new])
            previous[record.id] = record
            kind = {"+": "created", "~": "changed", "-": "removed"}[record.history_type]
            if changes or kind != "changed":
                entries.append(
                    {
                        "what": label,
                        "object_id": record.id,
                        "kind": kind,
                        "when": record.history_date,
                        "who": record.history_user,
                        "reason": record.history_change_reason or "",
                        "changes": changes if kind != "removed" else [],
                        "version": getattr(record, "version", None),
                    }
                )
    names = {model: {o.pk: _label(o) for o in model._base_manager.filter(pk__in=pks)} for model, pks in wanted.items()}
    for entry in entries:
        entry["changes"] = [
            (field.name.replace("_", " "), _shown(field, old, names), _shown(field, new, names))
            for field, old, new in entry["changes"]
        ]
    entries.sort(key=lambda e: e["when"], reverse=True)
    return entries


def _label(obj):
    """A related row as people read it: a colleague (assignee, reviewer) by name, anything else by str()."""
    return display_name(obj) if isinstance(obj, get_user_model()) else str(obj)


def _shown(field, value, names):
    if value is None or value == "":
        return None
    if field.is_relation:
        return names.get(field.related_model, {}).get(value, f"#{value}")
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value
