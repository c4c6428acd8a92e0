from django.db import migrations

CELL_TYPES = [
    ("residential", "Khu dân cư, ấp"),
    ("agency", "Cơ quan"),
    ("enterprise", "Doanh nghiệp"),
    ("armed_forces", "Lực lượng vũ trang"),
    ("school", "Trường học"),
    ("public_service", "Đơn vị sự nghiệp"),
]


def create(apps, schema_editor):
    CellTypeOption = apps.get_model("members", "CellTypeOption")
    for code, name in CELL_TYPES:
        CellTypeOption.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
