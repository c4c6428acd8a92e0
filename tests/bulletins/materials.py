"""This month's cell material of the demo, for tests of several apps."""

from django.utils import timezone

from cms.bulletins.models import BulletinPage


def this_months_material(cell_type):
    """The demo's live Vietnamese cell material of this month for ``cell_type`` (a code)."""
    today = timezone.localdate()
    return (
        BulletinPage.objects.live()
        .cell_material()
        .for_month(today.year, today.month)
        .for_cell_type(cell_type)
        .get(locale__language_code="vi")
    )
