"""Which page each imported line became, so that importing again updates it."""

from django.db import models


class ImportedPage(models.Model):
    """One ``source_id`` of the old handbook and the page it was imported as."""

    source_id = models.CharField("mã nguồn", max_length=255, unique=True)
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name="trang",
        on_delete=models.CASCADE,
        related_name="import_record",
    )
    content_type = models.CharField("loại nội dung", max_length=16)
    checksum = models.CharField("dấu kiểm", max_length=64)
    imported_at = models.DateTimeField("lần nhập gần nhất", auto_now=True)

    class Meta:
        verbose_name = "trang đã nhập"
        verbose_name_plural = "trang đã nhập"

    def __str__(self):
        return self.source_id
