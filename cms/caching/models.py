from django.db import connection, models
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.utils import timezone

CONTENT_NUMBER = "content_version_number"
CONTENT_CHANGED_AT = "content_version_changed_at"


def tag_of(number, changed_at):
    """``ContentVersionQuerySet.tag`` of a row (``"0"`` before any change)."""
    if number is None:
        return "0"
    return f"{number}.{int(changed_at.timestamp() * 1_000_000)}"


class ContentVersionQuerySet(models.QuerySet):
    def current(self):
        """The version number anonymous pages were rendered from (0 before any change)."""
        return self.filter(pk=1).values_list("number", flat=True).first() or 0

    def tag(self):
        """The version as a cache-key part: its number and the time of its change.

        The time keeps two histories apart that reach the same number (a
        database restored from a backup, a test rolled back and another one
        changing something else)."""
        row = self.filter(pk=1).values_list("number", "changed_at").first()
        return tag_of(*row) if row else "0"

    def tag_columns(self):
        """``tag()``'s two values as columns for a query the request makes anyway (the
        logged-in user's, ``cms.members.backends``); ``tag_of`` reads them back. Plain SQL:
        compiling two subqueries would cost what the round trip saves."""
        table = connection.ops.quote_name(self.model._meta.db_table)
        row = f"FROM {table} WHERE id = 1"  # a model's own table: no outside text
        return {
            CONTENT_NUMBER: RawSQL(f"SELECT number {row}", ()),  # noqa: S608, S611
            CONTENT_CHANGED_AT: RawSQL(  # noqa: S611
                f"SELECT changed_at {row}",  # noqa: S608
                (),
                output_field=models.DateTimeField(),
            ),
        }

    def bump(self):
        """One more change to what anonymous visitors can see.

        Called inside the transaction that makes the change (publishing runs in
        one), so the new number becomes visible exactly when the content does:
        a page rendered from the old content can never carry the new number.
        """
        if not self.filter(pk=1).update(number=F("number") + 1, changed_at=timezone.now()):
            self.update_or_create(pk=1, defaults={"number": 1, "changed_at": timezone.now()})


class ContentVersion(models.Model):
    """A single row: bumped by every publish, unpublish, move, delete, view
    restriction, setting, snippet, image or document change (signal_handlers.py).
    The cache in front revalidates its copies against it."""

    number = models.PositiveBigIntegerField("số phiên bản", default=0)
    changed_at = models.DateTimeField("thay đổi lúc", default=timezone.now)

    objects = ContentVersionQuerySet.as_manager()

    class Meta:
        verbose_name = "phiên bản nội dung công khai"
        verbose_name_plural = "phiên bản nội dung công khai"

    def __str__(self):
        return f"{self.number} ({self.changed_at:%d/%m/%Y %H:%M:%S})"
