"""The party abbreviations the look-up knows from the start (editors may add more)."""

from django.db import migrations

from cms.core.folding import tokens

PARTY_ABBREVIATIONS = [
    ("NQ", "nghị quyết"),
    ("CT", "chỉ thị"),
    ("KL", "kết luận"),
    ("QĐ", "quyết định"),
    ("HD", "hướng dẫn"),
    ("ĐA", "đề án"),
    ("KH", "kế hoạch"),
    ("TB", "thông báo"),
    ("BC", "báo cáo"),
    ("QC", "quy chế"),
    ("TW", "Trung ương"),
    ("TU", "Tỉnh ủy"),
    ("HU", "Huyện ủy"),
    ("ĐU", "Đảng ủy"),
    ("BCH", "Ban Chấp hành"),
    ("BTV", "Ban Thường vụ"),
    ("BTG", "Ban Tuyên giáo"),
    ("BTC", "Ban Tổ chức"),
    ("UBKT", "Ủy ban Kiểm tra"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("ĐV", "đảng viên"),
    ("CB", "chi bộ"),
    ("SHCB", "sinh hoạt chi bộ"),
    ("HCM", "Hồ Chí Minh"),
]


def add(apps, schema_editor):
    Abbreviation = apps.get_model("search", "Abbreviation")
    for short, expansion in PARTY_ABBREVIATIONS:
        Abbreviation.objects.get_or_create(
            short_folded="".join(tokens(short)),
            expansion_folded=" ".join(tokens(expansion)),
            defaults={"short": short, "expansion": expansion},
        )


def remove(apps, schema_editor):
    Abbreviation = apps.get_model("search", "Abbreviation")
    for short, expansion in PARTY_ABBREVIATIONS:
        Abbreviation.objects.filter(
            short_folded="".join(tokens(short)), expansion_folded=" ".join(tokens(expansion))
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0003_abbreviation_searchword")]

    operations = [migrations.RunPython(add, remove)]
