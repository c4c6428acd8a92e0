import factory
import wagtail_factories

from .models import BulletinIndexPage, BulletinKind, BulletinPage


class BulletinIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BulletinIndexPage

    title = "Bản tin"
    slug = "ban-tin"


class BulletinPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BulletinPage

    title = factory.LazyAttribute(lambda o: f"Bản tin thông báo nội bộ số {o.month:02d}/{o.year}")
    kind = BulletinKind.INTERNAL
    month = 3
    year = 2024
