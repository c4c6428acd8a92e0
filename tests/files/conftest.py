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
