from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("visits", "0001_initial"),
        ("home", "0004_visitday_moved_to_visits"),
    ]

    operations = [
        migrations.AlterModelTable(name="visitday", table=None),
    ]
