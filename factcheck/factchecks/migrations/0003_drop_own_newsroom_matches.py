"""Delete the matches of statements to their own newsroom's work, and put the statements' flags right.

A newsroom's own published verdicts (and ClaimReviews it wrote itself, imported back) were matched to its
statements and shown as "checked elsewhere". Matching and the screens now leave them out (models.own_q);
this removes the matches made before. Claim.has_known_match (claims 0005) is then recomputed for the
statements that lost a match: true while another match remains.

The test of "own" is written out here as it stands today, not imported, so this migration keeps its meaning.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef, Q


def _own(newsroom):
    q = Q(known__origin="own")
    name = " ".join((newsroom.name or "").split())
    if name:
        q |= Q(known__reviewer__iexact=name)
    site = (newsroom.url or "").strip().rstrip("/")
    if site.lower().startswith(("http://", "https://")):
        q |= Q(known__url__istartswith=f"{site}/")
    return q


def drop_own_matches(apps, schema_editor):
    Newsroom = apps.get_model("newsrooms", "Newsroom")
    ClaimMatch = apps.get_model("factchecks", "ClaimMatch")
    Claim = apps.get_model("claims", "Claim")
    for newsroom in Newsroom.objects.only("pk", "name", "url").iterator():
        own = ClaimMatch.objects.filter(newsroom_id=newsroom.pk).filter(_own(newsroom))
        claim_ids = sorted(set(own.values_list("claim_id", flat=True)))
        if not claim_ids:
            continue
        own.delete()
        matched = Exists(ClaimMatch.objects.filter(claim_id=OuterRef("pk")))
        for i in range(0, len(claim_ids), 500):
            Claim.objects.filter(pk__in=claim_ids[i : i + 500]).filter(~matched).update(has_known_match=False)


class Migration(migrations.Migration):
    dependencies = [
        ("factchecks", "0002_known_claim_trigram_index"),
        ("claims", "0005_claim_has_known_match"),
        ("newsrooms", "0002_membership_queue_seen_at"),
    ]

    # Backwards: nothing to restore; `manage.py match_factchecks` rebuilds the matches that still hold.
    operations = [migrations.RunPython(drop_own_matches, migrations.RunPython.noop)]
