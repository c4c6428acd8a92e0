"""Store members' names in Vietnamese order: family and middle names in
``first_name``, the given name in ``last_name``, so that Django's
``get_full_name()`` (shown by Wagtail and the site header) reads
"Nguyễn Văn An". Only accounts whose member record proves the order was
reversed ("An" + "Nguyễn Văn") are changed."""

from django.conf import settings
from django.db import migrations


def to_vietnamese_order(apps, schema_editor):
    Member = apps.get_model("members", "Member")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    for member in Member.objects.exclude(user=None).select_related("user").iterator():
        user = member.user
        if not user.first_name or not user.last_name:
            continue
        reversed_order = f"{user.last_name} {user.first_name}"
        if member.full_name == reversed_order != f"{user.first_name} {user.last_name}":
            User.objects.filter(pk=user.pk).update(
                first_name=user.last_name, last_name=user.first_name
            )


class Migration(migrations.Migration):
    dependencies = [("members", "0003_accounts")]

    operations = [migrations.RunPython(to_vietnamese_order, migrations.RunPython.noop)]
