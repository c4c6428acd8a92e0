import datetime

import pytest

from cms.members.models import CellTypeOption, Member
from cms.resolutions.models import Audience, ResolutionIndexPage, ResolutionStudyPage

pytestmark = pytest.mark.django_db


def test_study_page_shows_key_points_questions_lecture_and_transcript(client):
    page = ResolutionStudyPage.objects.get(slug="nghi-quyet-12-nq-tu")
    html = client.get(page.url).content.decode()
    for text in [
        "Những điểm cốt lõi",
        "Mỗi đảng viên đọc tài liệu sinh hoạt",
        "Hỏi – đáp",
        "Mạng Internet yếu thì có xem được tài liệu không?",
        "Bản ghi lời bài giảng",
        "Thưa các đồng chí, Nghị quyết 12",
        "Bài trình chiếu",
        "<audio controls",
        "12-NQ/TU",
        "Toàn thể đảng viên",
    ]:
        assert text in html
    extensions = sorted(d.file_extension for d in page.attached_documents())
    assert extensions == ["mp3", "pdf"]


def test_created_through_page_api_with_cell_type_audience(client):
    index = ResolutionIndexPage.objects.get(slug="hoc-tap-nghi-quyet")
    page = ResolutionStudyPage(
        title="Học tập chuyên đề về đạo đức công vụ",
        slug="dao-duc-cong-vu",
        summary="Chuẩn mực đạo đức của cán bộ, công chức.",
        audience=Audience.CELL_TYPES,
        audience_cell_types=list(CellTypeOption.objects.filter(code="residential")),
        study_deadline=datetime.date.today() + datetime.timedelta(days=10),
        key_points=[("point", "Tận tụy phục vụ nhân dân.")],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Tận tụy phục vụ nhân dân." in html and "Chi bộ khu dân cư, ấp" in html
    member = Member.objects.get(card_number="75000002")  # residential cell
    assert page.is_for(member)
    enterprise_member = Member.objects.filter(cell__cell_type="enterprise").first()
    assert not page.is_for(enterprise_member)


def test_cell_type_audience_needs_a_cell_type():
    index = ResolutionIndexPage.objects.get(slug="hoc-tap-nghi-quyet")
    page = ResolutionStudyPage(title="Thiếu đối tượng", slug="thieu", audience=Audience.CELL_TYPES)
    with pytest.raises(Exception) as error:
        index.add_child(instance=page)
    assert "Hãy chọn ít nhất một loại hình chi bộ" in str(error.value)


def test_audience_by_unit_reaches_cells_below(client, users):
    plan = ResolutionStudyPage.objects.get(slug="ke-hoach-21-kh-tu")
    member = Member.objects.get(card_number="75000002")  # a cell under Cẩm Mỹ
    assert plan.is_for(member)
    outsider = Member.objects.filter(cell__code__startswith="KDN").first()
    assert not plan.is_for(outsider)
    # the home page shows a member what their cell must study, anonymous only "all members"
    anonymous_home = client.get("/").content.decode()
    assert plan.title not in anonymous_home
    assert "Học tập Nghị quyết 12-NQ/TU" in anonymous_home
    client.force_login(users["dangvien"])
    assert plan.title in client.get("/").content.decode()
