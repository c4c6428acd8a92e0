import importlib
import uuid

from django.test import override_settings
from django.urls import clear_url_caches

import pytest

from cms.bulletins.models import BulletinIndexPage, BulletinPage


@pytest.fixture
def members_page_linking(db):
    """Create a members-only page (a bulletin under the restricted /ban-tin/)
    whose body links to the given document, as editors do with the
    "Liên kết tài liệu" block; the reference index records the link."""

    def make(document, slug="ban-tin-thu-nghiem-tep"):
        index = BulletinIndexPage.objects.get(slug="ban-tin")
        page = BulletinPage(
            title="Bản tin thử nghiệm tệp đính kèm",
            slug=slug,
            month=1,
            year=2001,
            body=[("document", {"document": document, "title": "Toàn văn bản tin"})],
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def debug_urls():
    """The URLconf as the development server builds it (DEBUG on: media served,
    as the web server in front serves them in production)."""
    import cms.urls

    with override_settings(DEBUG=True):
        importlib.reload(cms.urls)
        clear_url_caches()
        yield
    importlib.reload(cms.urls)
    clear_url_caches()


@pytest.fixture(autouse=True)
def _fresh_rendition_cache(settings):
    """Wagtail caches renditions by image id; ids come back after a test's
    rollback, so each test gets an empty rendition cache of its own."""
    settings.CACHES = {
        **settings.CACHES,
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"renditions-{uuid.uuid4().hex}",
        },
    }
