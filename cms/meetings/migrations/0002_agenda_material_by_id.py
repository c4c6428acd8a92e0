"""Agenda items refer to their material by id: fill the ones the title still names.

Before, the scheduling form linked an agenda line to a material only when the
line's text still read "Sinh hoạt theo tài liệu: <title>" of one of the
meeting's materials at the moment of saving; edited lines lost the link. This
fills ``material`` wherever that text matches one of the meeting's materials
today. Nothing is undone going back.
"""

from django.db import migrations

PREFIX = "Sinh hoạt theo tài liệu: "


def link_by_title(apps, schema_editor):
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    unlinked = AgendaItem.objects.filter(material__isnull=True, title__startswith=PREFIX)
    for item in unlinked.select_related("meeting"):
        page = item.meeting.materials.filter(title=item.title[len(PREFIX) :].strip()).first()
        if page is not None:
            item.material = page
            item.save(update_fields=["material"])


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(link_by_title, migrations.RunPython.noop),
    ]
