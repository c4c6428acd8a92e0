from django.db import models


class BulletinKind(models.TextChoices):
    INTERNAL = "internal", "Bản tin thông báo nội bộ"
    CELL_MATERIAL = "cell_material", "Tài liệu sinh hoạt chi bộ"
