"""RatingScale.on_scale: whether a rating is a degree of truth whose value ClaimReview publishes.

Every existing rating stays on the scale but those labelled "Unverifiable" (any case, as the default scale
seeded them): exported as ratingValue 1 with worstRating 1, they read as "less true than False".
"""

from django.db import migrations, models

OFF_THE_SCALE = ("unverifiable",)


def unverifiable_off_the_scale(apps, schema_editor):
    RatingScale = apps.get_model("verdicts", "RatingScale")
    for label in OFF_THE_SCALE:
        RatingScale.objects.filter(label__iexact=label).update(on_scale=False)


class Migration(migrations.Migration):
    dependencies = [
        ("verdicts", "0005_rollup_first_publication"),
    ]

    operations = [
        migrations.AddField(
            model_name="ratingscale",
            name="on_scale",
            field=models.BooleanField(
                default=True,
                help_text="A degree of truth, published with its value in ClaimReview. Off the scale (e.g. "
                "Unverifiable): published by name only, and left out of the best and worst values.",
                verbose_name="on the scale",
            ),
        ),
        # Backwards: the column goes with the field; nothing to undo first.
        migrations.RunPython(unverifiable_off_the_scale, migrations.RunPython.noop),
    ]
