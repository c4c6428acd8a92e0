"""Secret ballots are sealed while the motion is open and mixed when it closes.

``Ballot.sealed`` goes (the old design rewrote the rows in place at close,
which kept their physical order = the voting order). The ballots of every
secret motion already recorded are rewritten here in random order with new
random keys, in this one transaction, so they too no longer follow the
order of the receipts.
"""

import secrets
import uuid

import django.db.models.deletion
from django.db import migrations, models


def remix_secret_ballots(apps, schema_editor):
    Ballot = apps.get_model("meetings", "Ballot")
    Motion = apps.get_model("meetings", "Motion")
    shuffle = secrets.SystemRandom().shuffle
    for motion_id in Motion.objects.filter(ballot_type="secret").values_list("pk", flat=True):
        anonymous = Ballot.objects.filter(motion_id=motion_id, member__isnull=True)
        chosen = list(anonymous.values_list("option_id", flat=True))
        if not chosen:
            continue
        shuffle(chosen)
        anonymous.delete()
        Ballot.objects.bulk_create(
            Ballot(id=uuid.uuid4(), motion_id=motion_id, option_id=option_id)
            for option_id in chosen
        )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0002_agenda_material_by_id"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="ballot",
            name="sealed",
        ),
        migrations.CreateModel(
            name="SealedBallot",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("envelope", models.BinaryField()),
                (
                    "motion",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sealed_ballots",
                        to="meetings.motion",
                    ),
                ),
            ],
            options={
                "verbose_name": "phiếu kín đang niêm phong",
                "verbose_name_plural": "phiếu kín đang niêm phong",
            },
        ),
        migrations.RunPython(remix_secret_ballots, migrations.RunPython.noop),
    ]
