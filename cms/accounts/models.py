from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoticeAcknowledgementQuerySet(models.QuerySet):
    def of(self, user, version):
        return self.filter(user=user, version=version)


class NoticeAcknowledgement(models.Model):
    """A member read the personal-data processing notice of ``version`` at ``acknowledged_at``
    (the record Nghị định 13/2023/NĐ-CP asks the controller to keep)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notice_acknowledgements",
        verbose_name=_("tài khoản"),
    )
    version = models.CharField(_("phiên bản thông báo"), max_length=20)
    acknowledged_at = models.DateTimeField(_("thời điểm xác nhận"), default=timezone.now)

    objects = NoticeAcknowledgementQuerySet.as_manager()

    class Meta:
        verbose_name = _("xác nhận thông báo xử lý dữ liệu cá nhân")
        verbose_name_plural = _("xác nhận thông báo xử lý dữ liệu cá nhân")
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="one_ack_per_notice_version")
        ]
        ordering = ["-acknowledged_at"]

    def __str__(self):
        return f"{self.user} – {self.version}"
