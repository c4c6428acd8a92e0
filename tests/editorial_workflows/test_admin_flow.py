"""The whole editorial flow driven through the Wagtail admin views.

author submits → reviewer requests changes → author resubmits → reviewer
approves → screening passes → approver publishes → the page is live.
"""

from django.core import mail

from wagtail.models import PageLogEntry, WorkflowState

import pytest

from cms.bulletins.models import BulletinIndexPage, BulletinKind, BulletinPage
from cms.news.models import NewsArticlePage
from editorial_workflows.models import AdminNotification

pytestmark = pytest.mark.django_db

CLEAN = "Chi bộ ấp 1 tổ chức sinh hoạt chuyên đề về chuyển đổi số, đảng viên đổi mật khẩu."


def current_task_name(page):
    page.refresh_from_db()
    task = page.current_workflow_task
    return task.name if task else None


def test_whole_flow_through_the_admin(as_user, news_index, client):
    author = as_user("bientap")
    page = author.create(
        news_index,
        NewsArticlePage,
        title="Chi bộ ấp 1 sinh hoạt chuyên đề chuyển đổi số",
        slug="chi-bo-ap-1-chuyen-doi-so",
        lead="Sinh hoạt chuyên đề quý IV.",
        paragraphs=[CLEAN],
    )
    assert page.owner.username == "bientap"
    assert not page.live
    assert current_task_name(page) == "Biên tập"
    reviewers_told = {m.to[0] for m in mail.outbox if "Chờ duyệt" in m.subject}
    assert {"duyetbai@dongnai.local", "duyetbai2@dongnai.local"} <= reviewers_told
    # The Biên Hòa reviewer's scope does not include the province-wide section.
    assert "duyetbh@dongnai.local" not in reviewers_told
    assert "bientap@dongnai.local" not in reviewers_told

    # The reviewer asks for changes, with a comment the author is told.
    mail.outbox.clear()
    reviewer = as_user("duyetbai")
    response = reviewer.act(page, "reject", comment="Ghi rõ ngày sinh hoạt.")
    assert response.status_code == 302
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    [email] = [m for m in mail.outbox if m.to == ["bientap@dongnai.local"]]
    assert "Ghi rõ ngày sinh hoạt." in email.body
    assert AdminNotification.objects.filter(
        recipient__username="bientap", message__contains="Ghi rõ ngày sinh hoạt."
    ).exists()

    # The author edits and resubmits.
    author = as_user("bientap")
    response = author.edit(
        page, action="action-submit", paragraphs=[CLEAN + " Buổi sinh hoạt ngày 05/11."]
    )
    assert response.status_code == 302
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert current_task_name(page) == "Biên tập"

    # The reviewer approves; screening passes by itself; the approver's turn.
    reviewer = as_user("duyetbai")
    assert reviewer.act(page, "approve", comment="").status_code == 302
    assert current_task_name(page) == "Phê duyệt"
    assert PageLogEntry.objects.filter(
        page=page, action="editorial_workflows.screening_pass"
    ).exists()

    # The approver publishes.
    mail.outbox.clear()
    approver = as_user("pheduyet")
    assert approver.act(page, "approve", comment="Đồng ý đăng.").status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
    assert any(
        "đã được phê duyệt và xuất bản" in m.body
        for m in mail.outbox
        if m.to == ["bientap@dongnai.local"]
    )
    client.logout()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "chuyển đổi số" in response.content.decode()

    # Every transition is in the audit log, with who did it.
    actions = list(
        PageLogEntry.objects.filter(page=page)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    assert ("wagtail.workflow.start", "bientap") in actions
    assert ("wagtail.workflow.reject", "duyetbai") in actions
    assert ("wagtail.workflow.resume", "bientap") in actions
    assert ("wagtail.workflow.approve", "duyetbai") in actions
    assert ("editorial_workflows.screening_pass", None) in actions
    assert ("wagtail.workflow.approve", "pheduyet") in actions
    assert ("wagtail.publish", "pheduyet") in actions


def test_direct_publish_is_not_possible_under_a_workflow(as_user, news_index):
    admin = as_user("quantri")
    page = admin.create(
        news_index,
        NewsArticlePage,
        action="action-save",
        title="Bản nháp của quản trị",
        slug="ban-nhap-quan-tri",
        paragraphs=[CLEAN],
    )
    response = admin.edit(page, action="action-publish")
    assert response.status_code == 403
    page.refresh_from_db()
    assert not page.live


def test_bulk_publish_from_a_listing_is_refused_under_a_workflow(as_user, news_index, client):
    admin = as_user("quantri")
    page = admin.create(
        news_index,
        NewsArticlePage,
        action="action-save",
        title="Bản nháp chọn trong danh sách",
        slug="ban-nhap-danh-sach",
        paragraphs=[CLEAN],
    )
    client.force_login(page.owner)
    url = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/pages/"
    assert client.get(url).status_code == 200  # Wagtail's confirmation screen
    response = client.post(url, {"include_descendants": ""})
    assert response.status_code == 403
    assert "không xuất bản trực tiếp" in response.content.decode()
    page.refresh_from_db()
    assert not page.live
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()


def test_bulletins_go_through_the_propaganda_department(as_user, users):
    index = BulletinIndexPage.objects.get()
    page = as_user("tuyengiao").create(
        index,
        BulletinPage,
        title="Tài liệu sinh hoạt chi bộ tháng 12",
        slug="tai-lieu-sinh-hoat-thang-12",
        kind=BulletinKind.CELL_MATERIAL,
        month="12",
        year="2026",
        paragraphs=["Chủ đề: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."],
    )
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Biên tập (Ban Tuyên giáo)"
    # The editorial board's reviewers have no say here.
    assert as_user("duyetbai").act(page, "approve", comment="").status_code in (302, 403)
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Biên tập (Ban Tuyên giáo)"
    assert as_user("duyettg").act(page, "approve", comment="").status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Phê duyệt (Ban Tuyên giáo)"
    assert as_user("pheduyettg").act(page, "approve", comment="").status_code == 302
    page.refresh_from_db()
    assert page.live
