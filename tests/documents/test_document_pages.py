import datetime

from django.core.exceptions import ValidationError

from wagtail.models import Page

import pytest

from cms.documents.factories import OfficialDocumentPageFactory
from cms.documents.models import DocumentIndexPage, DocumentType, OfficialDocumentPage
from cms.documents.validators import validate_document_number
from tests.admin_forms import admin_create_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return DocumentIndexPage.objects.get(slug="van-ban")


@pytest.mark.parametrize(
    "number",
    ["04-ĐA/TU", "12-NQ/TW", "35-HD/BTCTW", "15-QĐ/TU", "01-QĐi/TU", "05-TB/VPTU-TH", "123-KL/HU"],
)
def test_valid_document_numbers(number):
    validate_document_number(number)


@pytest.mark.parametrize("number", ["04/ĐA-TU", "NQ-12/TW", "12 NQ", "12-nq/tw", "12-NQ", "abc"])
def test_invalid_document_numbers_are_explained_in_vietnamese(number):
    with pytest.raises(ValidationError) as error:
        validate_document_number(number)
    message = error.value.messages[0]
    assert "không đúng định dạng" in message
    assert "04-ĐA/TU" in message


def test_document_created_through_page_api_renders_its_record(client, index):
    page = OfficialDocumentPage(
        title="Hướng dẫn lập biên bản sinh hoạt chi bộ trên Sổ tay đảng viên điện tử",
        slug="36-hd-btctw",
        number="36-HD/BTCTW",
        doc_type=DocumentType.GUIDANCE,
        issuer="Ban Tổ chức Trung ương",
        issue_date=datetime.date(2024, 4, 2),
        effective_date=datetime.date(2024, 4, 15),
        signer="Phó Trưởng ban",
        summary="Biên bản được thư ký lập, chủ trì duyệt và khóa sau khi ký.",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    for text in [
        "36-HD/BTCTW",
        "Hướng dẫn",
        "Ban Tổ chức Trung ương",
        "02/04/2024",
        "15/04/2024",
        "Phó Trưởng ban",
        "Còn hiệu lực",
        "Biên bản được thư ký lập",
    ]:
        assert text in html


def test_number_and_issuer_must_be_unique(index):
    page = OfficialDocumentPageFactory.build(number="12-NQ/TU", issuer="Tỉnh ủy Đồng Nai")
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=page)
    message = error.value.message_dict["number"][0]
    assert "Số, ký hiệu 12-NQ/TU của Tỉnh ủy Đồng Nai đã được dùng" in message


def test_same_number_from_another_issuer_is_allowed(index):
    page = OfficialDocumentPageFactory.build(number="12-NQ/TU", issuer="Huyện ủy Cẩm Mỹ")
    index.add_child(instance=page)
    assert page.pk


def test_expired_document_links_to_its_replacement(client):
    html = client.get("/van-ban/03-qc-tu/").content.decode()
    assert "Văn bản đã hết hiệu lực" in html
    assert 'href="/van-ban/17-qc-tu/"' in html
    assert "Hết hiệu lực" in html
    newer = client.get("/van-ban/17-qc-tu/").content.decode()
    assert "Văn bản này thay thế" in newer and "03-QC/TU" in newer


def test_document_in_force_cannot_name_a_replacement(index):
    page = OfficialDocumentPage.objects.get(number="03-QC/TU")
    page.in_force = True
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Văn bản còn hiệu lực thì không có văn bản thay thế" in str(error.value)


def test_attached_documents_are_the_attachment_files():
    page = OfficialDocumentPage.objects.get(number="17-QC/TU")
    files = list(page.attached_documents())
    assert len(files) == 1 and files[0].file_extension == "pdf"
    assert files[0].title.startswith("17-QC/TU")


def test_index_filters_by_type_issuer_and_year_and_sorts(client, index):
    OfficialDocumentPageFactory(
        parent=index,
        number="02-BC/HU",
        doc_type=DocumentType.REPORT,
        issuer="Huyện ủy Cẩm Mỹ",
        issue_date=datetime.date(2022, 12, 1),
        title="Báo cáo tổng kết công tác xây dựng Đảng năm 2022",
    )
    html = client.get("/van-ban/?loai=quy_che").content.decode()
    assert "17-QC/TU" in html and "03-QC/TU" in html and "12-NQ/TU" not in html
    html = client.get("/van-ban/?co-quan=Huyện ủy Cẩm Mỹ").content.decode()
    assert "02-BC/HU" in html and "17-QC/TU" not in html
    html = client.get("/van-ban/?nam=2021").content.decode()
    assert "03-QC/TU" in html and "12-NQ/TU" not in html
    newest = client.get("/van-ban/").content.decode()
    oldest = client.get("/van-ban/?sap-xep=cu-nhat").content.decode()
    assert newest.index("21-KH/TU") < newest.index("03-QC/TU")
    assert oldest.index("03-QC/TU") < oldest.index("21-KH/TU")
    # nonsense in the query never breaks the page
    assert client.get("/van-ban/?nam=abc&loai=xyz&sap-xep=zzz").status_code == 200


def test_admin_create_view_rejects_bad_and_duplicate_numbers(client, users, index):
    client.force_login(users["quantri"])
    fields = {
        "title": "Nghị quyết thử nghiệm",
        "slug": "nghi-quyet-thu-nghiem",
        "doc_type": DocumentType.RESOLUTION,
        "issuer": "Tỉnh ủy Đồng Nai",
        "issue_date": "2024-05-02",
    }
    response = admin_create_page(client, OfficialDocumentPage, index, fields | {"number": "NQ 12"})
    assert response.status_code == 200
    assert "Số, ký hiệu văn bản “NQ 12” không đúng định dạng" in response.content.decode()

    response = admin_create_page(
        client, OfficialDocumentPage, index, fields | {"number": "12-NQ/TU"}
    )
    assert response.status_code == 200
    assert "Số, ký hiệu 12-NQ/TU của Tỉnh ủy Đồng Nai đã được dùng" in response.content.decode()
    assert not OfficialDocumentPage.objects.filter(slug="nghi-quyet-thu-nghiem").exists()

    response = admin_create_page(
        client, OfficialDocumentPage, index, fields | {"number": "13-NQ/TU"}
    )
    assert response.status_code == 302
    created = OfficialDocumentPage.objects.get(slug="nghi-quyet-thu-nghiem")
    # saved as a draft: documents are published through the editorial workflow
    assert created.number == "13-NQ/TU" and not created.live


def test_nested_section_lists_only_its_documents_and_parent_lists_all(client, index):
    section = DocumentIndexPage(title="Văn bản Huyện ủy Cẩm Mỹ", slug="van-ban-cam-my")
    index.add_child(instance=section)
    section.save_revision().publish()
    OfficialDocumentPageFactory(parent=section, number="07-KH/HU", issuer="Huyện ủy Cẩm Mỹ")
    assert "07-KH/HU" in client.get("/van-ban/").content.decode()
    section_html = client.get("/van-ban/van-ban-cam-my/").content.decode()
    assert "07-KH/HU" in section_html and "12-NQ/TU" not in section_html
    assert Page.find_problems() == ([], [], [], [], [])
