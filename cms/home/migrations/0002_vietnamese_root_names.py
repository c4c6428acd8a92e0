"""Vietnamese names for what Wagtail's own migrations create in English.

The page tree's and the collections' roots ("Root") show in the page explorer,
the breadcrumbs and the collection choosers; the default workflow and its task
("Moderators approval") in the workflow screens and the editor's status panel.
"""

from django.db import migrations

ROOT_NAME = "Gốc"
WORKFLOW = ("Moderators approval", "Quy trình duyệt của ban biên tập")
TASK = ("Moderators approval", "Ban biên tập duyệt")


def _rename(apps, forward):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    old, new = ("Root", ROOT_NAME) if forward else (ROOT_NAME, "Root")
    Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)
    Collection.objects.filter(depth=1, name=old).update(name=new)
    for model, names in ((Workflow, WORKFLOW), (Task, TASK)):
        old, new = names if forward else names[::-1]
        model.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    _rename(apps, forward=True)


def backwards(apps, schema_editor):
    _rename(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
