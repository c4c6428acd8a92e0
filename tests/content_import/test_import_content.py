import io
import json

from django.core.management import call_command

from wagtail.models import PageLogEntry, PageViewRestriction

import pytest

from cms.bulletins.models import BulletinPage
from cms.content_import.models import ImportedPage
from cms.documents.demo_files import pdf_bytes
from cms.documents.models import OfficialDocumentPage
from cms.news.models import NewsArticlePage
from cms.resolutions.models import ResolutionStudyPage

pytestmark = pytest.mark.django_db

GOOD = [
    {
        "source_id": "cu-101",
        "type": "news",
        "title": "Long Khánh tập huấn sử dụng sổ tay cho bí thư chi bộ",
        "date": "2024-04-02",
        "lead": "Hơn 200 bí thư chi bộ được hướng dẫn tạo cuộc họp và lập biên bản.",
        "body": "Buổi tập huấn diễn ra tại Trung tâm Chính trị thành phố.\n\n"
        "Học viên thực hành ngay trên điện thoại của mình.",
    },
    {
        "source_id": "cu-102",
        "type": "document",
        "title": "Kế hoạch tuyên truyền kỷ niệm ngày thành lập Đảng",
        "number": "25-KH/BTGTU",
        "issuer": "Ban Tuyên giáo Tỉnh ủy",
        "date": "25/01/2024",
        "lead": "Nội dung, hình thức tuyên truyền.",
        "body": "<p>Tuyên truyền <b>sâu rộng</b></p><script>alert(1)</script>",
        "files": ["ke-hoach.pdf"],
    },
    {
        "source_id": "cu-103",
        "type": "bulletin",
        "kind": "cell_material",
        "title": "Tài liệu sinh hoạt chi bộ lực lượng vũ trang số 04/2024",
        "month": 4,
        "year": 2024,
        "cell_types": ["armed_forces"],
        "members_only": False,
        "body": "Nội dung sinh hoạt tháng 4.",
        "files": ["ke-hoach.pdf"],
    },
    {
        "source_id": "cu-104",
        "type": "resolution",
        "title": "Học tập Kế hoạch 25-KH/BTGTU",
        "number": "25-KH/BTGTU",
        "lead": "Những điểm chính của kế hoạch.",
        "members_only": True,
    },
]


def write(tmp_path, lines, name="noi-dung.jsonl"):
    pdf = tmp_path / "ke-hoach.pdf"
    if not pdf.exists():
        pdf.write_bytes(pdf_bytes("Kế hoạch 25-KH/BTGTU", ["Nội dung"]))
    path = tmp_path / name
    path.write_text(
        "\n".join(
            line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
            for line in lines
        )
        + "\n",
        encoding="utf-8",
    )
    return path


def run(path):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_content", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_good_file_creates_published_pages_in_their_sections(tmp_path, client):
    out, err = run(write(tmp_path, GOOD))
    assert err == ""
    assert "4 trang tạo mới" in out and "0 dòng lỗi" in out
    news = NewsArticlePage.objects.get(title__startswith="Long Khánh tập huấn")
    assert news.live and news.get_parent().slug == "tin-tuc"
    html = client.get(news.url).content.decode()
    assert "Học viên thực hành ngay trên điện thoại" in html
    document = OfficialDocumentPage.objects.get(number="25-KH/BTGTU")
    assert document.live and document.issue_date.isoformat() == "2024-01-25"
    assert document.doc_type == "ke_hoach"  # derived from KH
    assert "<script>" not in document.body and "sâu rộng" in document.body
    assert [d.file_extension for d in document.attached_documents()] == ["pdf"]
    resolution = ResolutionStudyPage.objects.get(title="Học tập Kế hoạch 25-KH/BTGTU")
    assert resolution.document_id == document.pk
    assert PageViewRestriction.objects.filter(page=resolution).exists()
    # indexed for search
    found = NewsArticlePage.objects.live().search("tập huấn")
    assert news.pk in [p.pk for p in found]


def test_bulletin_is_members_only_whatever_the_line_says(tmp_path, client):
    run(write(tmp_path, GOOD))
    bulletin = BulletinPage.objects.get(title__contains="lực lượng vũ trang số 04/2024")
    assert bulletin.pdf is not None
    assert not PageViewRestriction.objects.filter(page=bulletin).exists()
    assert bulletin.get_view_restrictions().filter(restriction_type="login").exists()
    response = client.get(bulletin.url)
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_second_run_changes_nothing_and_edits_update(tmp_path):
    path = write(tmp_path, GOOD)
    run(path)
    counts = (NewsArticlePage.objects.count(), OfficialDocumentPage.objects.count())
    revisions = NewsArticlePage.objects.get(title__startswith="Long Khánh").revisions.count()
    out, _ = run(path)
    assert "0 trang tạo mới" in out and "4 không đổi" in out
    assert counts == (NewsArticlePage.objects.count(), OfficialDocumentPage.objects.count())
    news = NewsArticlePage.objects.get(title__startswith="Long Khánh")
    assert news.revisions.count() == revisions
    edited = [dict(GOOD[0], lead="Sa-pô đã sửa.")] + GOOD[1:]
    out, _ = run(write(tmp_path, edited))
    assert "1 cập nhật" in out
    news.refresh_from_db()
    assert news.lead == "Sa-pô đã sửa." and news.live
    assert ImportedPage.objects.filter(source_id="cu-101").count() == 1


def test_bad_lines_are_reported_by_line_and_write_nothing(tmp_path):
    lines = [
        GOOD[0],
        "{ không phải json",
        {"source_id": "x1", "type": "video", "title": "Sai loại"},
        {
            "source_id": "x2",
            "type": "document",
            "title": "Số sai",
            "number": "NQ 12",
            "date": "2024-01-01",
        },
        {
            "source_id": "x3",
            "type": "document",
            "title": "Số trùng",
            "number": "12-NQ/TU",
            "issuer": "Tỉnh ủy Đồng Nai",
            "date": "2024-01-01",
            "files": ["ke-hoach.pdf"],
        },
        {
            "source_id": "x4",
            "type": "bulletin",
            "title": "Trùng số",
            "kind": "cell_material",
            "month": 4,
            "year": 2024,
            "cell_types": ["armed_forces", "khong-co"],
        },
        {"source_id": "x5", "type": "news", "title": "Thiếu tệp", "files": ["khong-co.pdf"]},
        {"type": "news", "title": "Thiếu mã"},
        GOOD[2],
    ]
    before = OfficialDocumentPage.objects.count()
    out, err = run(write(tmp_path, lines))
    assert "Dòng 2: lỗi: không đọc được JSON" in err
    assert "Dòng 3 (x1): lỗi: “type” là “video”" in err
    assert "Dòng 4 (x2): lỗi: số, ký hiệu: Số, ký hiệu văn bản “NQ 12” không đúng định dạng" in err
    assert (
        "Dòng 5 (x3): lỗi: số, ký hiệu: Số, ký hiệu 12-NQ/TU của Tỉnh ủy Đồng Nai đã được dùng"
        in err
    )
    assert "Dòng 6 (x4): lỗi: “cell_types” có mã không đúng: khong-co" in err
    assert "Dòng 7 (x5): lỗi: không tìm thấy tệp “khong-co.pdf”" in err
    assert "Dòng 8: lỗi: thiếu “source_id”" in err
    assert "2 trang tạo mới" in out and "7 dòng lỗi" in out
    assert OfficialDocumentPage.objects.count() == before
    assert not ImportedPage.objects.filter(source_id__in=["x1", "x2", "x3", "x4", "x5"]).exists()
    assert not NewsArticlePage.objects.filter(title="Thiếu tệp").exists()


def test_duplicate_bulletin_issue_in_import_is_an_error(tmp_path):
    twin = dict(GOOD[2], source_id="cu-999", title="Bản trùng")
    out, err = run(write(tmp_path, [GOOD[2], twin]))
    assert "Dòng 2 (cu-999): lỗi: tháng: Đã có tài liệu sinh hoạt chi bộ số 04/2024" in err


def test_line_with_state_secret_finding_is_kept_as_draft(tmp_path):
    """The real scanner: the report names each marking, where it stands and its context."""
    secret = dict(GOOD[0], source_id="cu-200", title="Báo cáo MẬT về quốc phòng")
    out, err = run(write(tmp_path, [secret, GOOD[1]]))
    assert (
        "Dòng 1 (cu-200): giữ bản nháp, chưa xuất bản: bộ lọc bí mật nhà nước phát hiện: "
        "“MẬT” (Tiêu đề): Báo cáo MẬT về quốc phòng"
    ) in out
    assert "Finding(" not in out
    assert "1 giữ bản nháp" in out and "1 trang tạo mới" in out
    page = NewsArticlePage.objects.get(title="Báo cáo MẬT về quốc phòng")
    assert not page.live
    assert OfficialDocumentPage.objects.get(number="25-KH/BTGTU").live
    assert PageLogEntry.objects.filter(page=page, action="content_import.held").exists()


def test_marking_in_an_attached_file_holds_the_line_and_says_which_file(tmp_path):
    stamped = tmp_path / "bao-cao-quy-3.pdf"
    stamped.write_bytes(pdf_bytes("TUYỆT MẬT", ["Báo cáo tình hình quý III"]))
    line = dict(GOOD[0], source_id="cu-201", files=["bao-cao-quy-3.pdf"])
    out, _err = run(write(tmp_path, [line]))
    assert "giữ bản nháp, chưa xuất bản" in out
    assert "“TUYỆT MẬT” (Tệp đính kèm: bao-cao-quy-3)" in out
    assert not NewsArticlePage.objects.get(title=GOOD[0]["title"]).live
