from django.conf import settings
from django.db import migrations, models


def backfill_contributors(apps, schema_editor):
    """Existing versions: their author, and everyone the history shows saving or submitting them.

    The review room's own history reasons tell the transitions apart: a save (the author's first save
    or a later draft save) carries no reason, a submission "submitted for review"; returns, approvals
    and supersedes are by reviewers and do not make anyone a contributor.
    """
    Verdict = apps.get_model("verdicts", "Verdict")
    HistoricalVerdict = apps.get_model("verdicts", "HistoricalVerdict")
    Through = Verdict.contributors.through
    pairs = set(Verdict.objects.values_list("pk", "author_id"))
    touched = HistoricalVerdict.objects.exclude(history_user=None).filter(
        models.Q(history_change_reason=None)
        | models.Q(history_change_reason="")
        | models.Q(history_change_reason="submitted for review")
    )
    existing = set(Verdict.objects.values_list("pk", flat=True))
    pairs |= {(pk, user) for pk, user in touched.values_list("id", "history_user_id") if pk in existing}
    Through.objects.bulk_create(
        [Through(verdict_id=pk, user_id=user) for pk, user in sorted(pairs)], batch_size=1000, ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("verdicts", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="verdict",
            name="contributors",
            field=models.ManyToManyField(
                blank=True,
                help_text="Everyone who wrote, saved or submitted this version or changed its evidence; none may review it.",
                related_name="verdicts_contributed",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(backfill_contributors, migrations.RunPython.noop),
    ]
