from django.core.exceptions import ValidationError

import pytest

from cms.bulletins.models import BulletinIndexPage, BulletinKind, BulletinPage
from cms.members.models import CellTypeOption
from tests.admin_forms import admin_create_page
from tests.bulletins.materials import this_months_material

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return BulletinIndexPage.objects.get(slug="ban-tin")


def test_anonymous_visitor_is_sent_to_login_for_page_and_listing(client):
    page = this_months_material("residential")
    for url in [page.url, "/ban-tin/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/dang-nhap/?next=")


def test_anonymous_never_sees_bulletin_titles_anywhere(client):
    titles = list(BulletinPage.objects.values_list("title", flat=True))
    assert titles
    pages = [
        client.get(url).content.decode()
        for url in ["/", "/tin-tuc/", "/tin-tuc/rss/", "/tin-tuc/atom/", "/van-ban/"]
    ]
    for html in pages:
        for title in titles:
            assert title not in html
        assert "/ban-tin/ban-tin-noi-bo" not in html and "/ban-tin/tai-lieu" not in html


def test_member_sees_own_cell_material_on_home_and_in_section(client, users):
    client.force_login(users["dangvien"])  # residential cell CM-X1-A1
    page = this_months_material("residential")
    home = client.get("/").content.decode()
    assert page.title in home
    assert this_months_material("enterprise").title not in home
    listing = client.get("/ban-tin/").content.decode()
    assert "Tài liệu cho chi bộ của đồng chí" in listing and page.title in listing
    html = client.get(page.url).content.decode()
    assert "Nội dung trọng tâm" in html and "Gợi ý thảo luận" in html
    assert "Dành cho chi bộ khu dân cư, ấp" in html


def test_bulletin_created_through_page_api_renders_with_pdf(client, users, index):
    internal = BulletinPage.objects.filter(kind=BulletinKind.INTERNAL, pdf__isnull=False).first()
    page = BulletinPage(
        title="Bản tin thông báo nội bộ số 01/2023",
        slug="ban-tin-noi-bo-01-2023",
        kind=BulletinKind.INTERNAL,
        month=1,
        year=2023,
        lead="Thông báo kết quả hội nghị Ban Chấp hành Đảng bộ tỉnh.",
        body=[("heading", "Kết quả hội nghị"), ("paragraph", "<p>Hội nghị thống nhất.</p>")],
        pdf=internal.pdf,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    assert list(page.attached_documents()) == [internal.pdf]
    client.force_login(users["dangvien"])
    html = client.get(page.url).content.decode()
    assert "Số 01/2023" in html and "Kết quả hội nghị" in html and "Tải bản PDF" in html


def test_one_issue_per_kind_month_and_cell_type(index):
    existing = this_months_material("enterprise")
    duplicate = BulletinPage(
        title="Tài liệu trùng",
        slug="tai-lieu-trung",
        kind=BulletinKind.CELL_MATERIAL,
        month=existing.month,
        year=existing.year,
        cell_types=list(CellTypeOption.objects.filter(code__in=["enterprise", "armed_forces"])),
    )
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=duplicate)
    message = error.value.message_dict["month"][0]
    assert f"Đã có tài liệu sinh hoạt chi bộ số {existing.month:02d}/{existing.year}" in message
    assert "doanh nghiệp" in message
    # another cell type that month is fine
    other = BulletinPage(
        title="Tài liệu lực lượng vũ trang",
        slug="tai-lieu-llvt",
        kind=BulletinKind.CELL_MATERIAL,
        month=existing.month,
        year=existing.year,
        cell_types=list(CellTypeOption.objects.filter(code="armed_forces")),
    )
    index.add_child(instance=other)
    assert other.pk


def test_general_internal_issue_is_unique_per_month(index):
    existing = BulletinPage.objects.filter(kind=BulletinKind.INTERNAL).first()
    duplicate = BulletinPage(
        title="Trùng", slug="trung", kind="internal", month=existing.month, year=existing.year
    )
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=duplicate)
    assert "dùng chung" in error.value.message_dict["month"][0]


def test_admin_create_view_rejects_duplicate_issue(client, users, index):
    client.force_login(users["quantri"])
    existing = this_months_material("agency")
    agency = CellTypeOption.objects.get(code="agency")
    fields = {
        "title": "Tài liệu cơ quan trùng",
        "slug": "tai-lieu-co-quan-trung",
        "kind": BulletinKind.CELL_MATERIAL,
        "month": existing.month,
        "year": existing.year,
        "cell_types": [agency.pk],
    }
    response = admin_create_page(client, BulletinPage, index, fields)
    assert response.status_code == 200
    assert "Đã có tài liệu sinh hoạt chi bộ số" in response.content.decode()
    assert "dành cho chi bộ cơ quan" in response.content.decode()
    assert not BulletinPage.objects.filter(slug="tai-lieu-co-quan-trung").exists()
    school = CellTypeOption.objects.get(code="public_service")
    response = admin_create_page(client, BulletinPage, index, fields | {"cell_types": [school.pk]})
    assert response.status_code == 302
    created = BulletinPage.objects.get(slug="tai-lieu-co-quan-trung")
    # a draft: bulletins go through the propaganda department's workflow
    assert not created.live
    assert [c.code for c in created.cell_types.all()] == ["public_service"]


def test_members_only_even_without_view_restriction(client, index):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.filter(page=index).delete()
    page = this_months_material("residential")
    response = client.get(page.url)
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")
    assert page.title not in client.get("/").content.decode()
