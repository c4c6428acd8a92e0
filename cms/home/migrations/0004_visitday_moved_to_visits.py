from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0003_site_branding_english"),
        ("visits", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="VisitDay")],
            database_operations=[],
        ),
    ]
