import factory
import wagtail_factories

from cms.core.factories import section_factory

from .models import BulletinIndexPage, BulletinKind, BulletinPage

BulletinIndexPageFactory = section_factory(BulletinIndexPage, "Bản tin", "ban-tin")


class BulletinPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BulletinPage

    title = factory.LazyAttribute(lambda o: f"Bản tin thông báo nội bộ số {o.month:02d}/{o.year}")
    kind = BulletinKind.INTERNAL
    month = 3
    year = 2024
