"""Separation of duties at every stage (superusers too) and editorial scopes."""

from django.urls import reverse

import pytest

from cms.bulletins.models import BulletinIndexPage
from cms.news.models import NewsArticlePage
from tests.editorial_workflows.refusal import refused

pytestmark = pytest.mark.django_db

AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def actions(page, user):
    page.refresh_from_db()
    return [
        name for name, _label, _modal in page.current_workflow_task.specific.get_actions(page, user)
    ]


def test_superuser_cannot_approve_own_page_at_any_stage(as_user, news_index, users):
    admin = as_user("quantri")
    page = admin.create(
        news_index,
        NewsArticlePage,
        title="Bài của quản trị",
        slug="bai-cua-quan-tri",
        paragraphs=["Độ mật: Mật", "Nội dung thử."],
    )
    quantri = users["quantri"]

    # Review: not offered, not accepted, not performed.
    assert "approve" not in actions(page, quantri)
    assert "reject" in actions(page, quantri)
    assert refused(admin.act(page, "approve", comment=""))
    assert page.current_workflow_task.name == "Biên tập"
    # The edit page explains why the approve button is missing.
    response = admin.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "tách bạch nhiệm vụ" in response.content.decode()
    as_user("duyetbai").act(page, "approve", comment="")

    # Screening: blocked by the stamp; the superuser author may not clear it.
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Kiểm tra bảo mật"
    assert "approve" not in actions(page, quantri)
    admin = as_user("quantri")
    assert refused(admin.act(page, "approve", comment="Tôi tự gỡ chặn bài này."))
    assert (
        as_user("baomat").act(page, "approve", comment="Dòng chữ là ví dụ minh họa.").status_code
        == 302
    )

    # Final approval: same.
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Phê duyệt"
    assert "approve" not in actions(page, quantri)
    assert "schedule" not in actions(page, quantri)
    admin = as_user("quantri")
    assert refused(admin.act(page, "approve", comment=""))
    assert refused(admin.act(page, "schedule", go_live_at="01/01/2030 07:00"))
    assert (
        admin.client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page.pk, "approve", page.current_workflow_task_state.pk],
            ),
            {"comment": ""},
            **AJAX,
        ).status_code
        == 403
    )
    page.refresh_from_db()
    assert not page.live
    as_user("pheduyet").act(page, "approve", comment="")
    page.refresh_from_db()
    assert page.live


def test_reviewer_who_edited_cannot_approve_that_revision(as_user, news_index, users):
    page = as_user("bientap").create(
        news_index, NewsArticlePage, title="Bài sửa", slug="bai-sua", paragraphs=["Bản đầu."]
    )
    # The reviewer fixes a typo himself: he is now the revision's last editor.
    reviewer = as_user("duyetbai")
    assert reviewer.edit(page, paragraphs=["Bản đầu, đã sửa lỗi chính tả."]).status_code == 302
    assert "approve" not in actions(page, users["duyetbai"])
    assert refused(reviewer.act(page, "approve", comment=""))
    # Another reviewer may.
    assert "approve" in actions(page, users["duyetbai2"])
    assert as_user("duyetbai2").act(page, "approve", comment="").status_code == 302
    # The approval was of the submitted revision; the reviewer's edit is a newer
    # one, so Wagtail (REQUIRE_REAPPROVAL_ON_EDIT) asks for review of it again —
    # and its editor still may not give it.
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Biên tập"
    assert page.current_workflow_task_state.revision == page.get_latest_revision()
    assert "approve" not in actions(page, users["duyetbai"])
    assert as_user("duyetbai2").act(page, "approve", comment="").status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Phê duyệt"


def test_out_of_scope_reviewer_is_refused(as_user, news_index, bien_hoa_news, users):
    page = as_user("bientap").create(
        news_index, NewsArticlePage, title="Tin toàn tỉnh", slug="tin-toan-tinh", paragraphs=["A."]
    )
    outsider = as_user("duyetbh")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = outsider.client.get(edit_url)
    assert refused(response)
    assert "Tin toàn tỉnh" not in response.content.decode()
    assert refused(outsider.act(page, "approve", comment=""))
    assert actions(page, users["duyetbh"]) == []
    assert page.current_workflow_task.name == "Biên tập"
    # Hidden from the listings: the province section shows only his committee's section.
    response = outsider.client.get(reverse("wagtailadmin_explore", args=[news_index.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đảng bộ thành phố Biên Hòa" in html
    assert "Tin toàn tỉnh" not in html
    assert "Đảng bộ thành phố Long Khánh" not in html
    # Another section of the site is out of scope altogether.
    bulletins = BulletinIndexPage.objects.get()
    assert refused(outsider.client.get(reverse("wagtailadmin_explore", args=[bulletins.pk])))
    # The Biên Hòa editor cannot create outside his section.
    editor = as_user("bientapbh")
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", news_index.pk])
    assert refused(editor.client.get(add_url))


def test_committee_scope_flow(as_user, bien_hoa_news, users):
    page = as_user("bientapbh").create(
        bien_hoa_news,
        NewsArticlePage,
        title="Biên Hòa ra quân chuyển đổi số",
        slug="bien-hoa-ra-quan",
        paragraphs=["Thành ủy Biên Hòa phát động."],
    )
    assert "approve" in actions(page, users["duyetbh"])
    # A province-wide reviewer's scope includes every committee's section.
    assert "approve" in actions(page, users["duyetbai"])
    assert as_user("duyetbh").act(page, "approve", comment="").status_code == 302
    assert as_user("pheduyetbh").act(page, "approve", comment="").status_code == 302
    page.refresh_from_db()
    assert page.live
