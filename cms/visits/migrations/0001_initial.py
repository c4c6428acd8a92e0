# VisitDay moves here from the home app: the table stays, only Django's state moves.

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("home", "0003_site_branding_english"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="VisitDay",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("date", models.DateField(verbose_name="ngày")),
                        ("unit_code", models.CharField(blank=True, default="", max_length=32, verbose_name="mã đơn vị")),
                        ("count", models.PositiveIntegerField(default=0, verbose_name="lượt truy cập")),
                    ],
                    options={
                        "verbose_name": "lượt truy cập theo ngày",
                        "verbose_name_plural": "lượt truy cập theo ngày",
                        "db_table": "home_visitday",
                        "constraints": [models.UniqueConstraint(fields=("date", "unit_code"), name="unique_visit_day_unit")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
