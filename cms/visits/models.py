"""The visit counters' durable store: daily totals per unit."""

from django.db import models
from django.utils import timezone


class VisitDayQuerySet(models.QuerySet):
    def province(self):
        return self.filter(unit_code="")

    def totals(self, today=None):
        today = today or timezone.localdate()
        rows = self.province()
        return {
            "today": rows.filter(date=today).aggregate(n=models.Sum("count"))["n"] or 0,
            "month": rows.filter(date__year=today.year, date__month=today.month).aggregate(
                n=models.Sum("count")
            )["n"]
            or 0,
            "total": rows.aggregate(n=models.Sum("count"))["n"] or 0,
        }


class VisitDay(models.Model):
    """Visits per day, for the whole province (``unit_code=""``) or one unit.

    Written in batches by ``cms.visits.counters.flush``, never per request.
    """

    date = models.DateField("ngày")
    unit_code = models.CharField("mã đơn vị", max_length=32, blank=True, default="")
    count = models.PositiveIntegerField("lượt truy cập", default=0)

    objects = VisitDayQuerySet.as_manager()

    class Meta:
        verbose_name = "lượt truy cập theo ngày"
        verbose_name_plural = "lượt truy cập theo ngày"
        constraints = [
            models.UniqueConstraint(fields=["date", "unit_code"], name="unique_visit_day_unit")
        ]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.unit_code or 'toàn tỉnh'}: {self.count}"
