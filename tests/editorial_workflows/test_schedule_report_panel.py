"""Scheduled publication, the dashboard panel and the approval history report."""

import datetime

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
from freezegun import freeze_time

from cms.news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


def to_approval(as_user, parent, slug, title):
    page = as_user("bientap").create(
        parent, NewsArticlePage, title=title, slug=slug, paragraphs=["Nội dung bình thường."]
    )
    as_user("duyetbai").act(page, "approve", comment="")
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Phê duyệt"
    return page


def test_scheduled_page_goes_live_with_publish_scheduled(as_user, news_index):
    page = to_approval(as_user, news_index, "hen-gio", "Bài hẹn giờ")
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    approver = as_user("pheduyet")
    # A time in the past is refused with a clear message, nothing approved.
    past = (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%d/%m/%Y %H:%M")
    response = approver.client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "schedule", page.current_workflow_task_state.pk],
        ),
        {"go_live_at": past},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert "Thời điểm xuất bản phải ở tương lai." in response.json()["html"]
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Phê duyệt"

    response = approver.act(
        page,
        "schedule",
        go_live_at=go_live.strftime("%d/%m/%Y %H:%M"),
        comment="Đăng sáng thứ Hai.",
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state is None
    revision = page.get_latest_revision()
    assert revision.approved_go_live_at is not None
    assert abs(revision.approved_go_live_at - go_live) < datetime.timedelta(minutes=1)

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    with freeze_time(go_live + datetime.timedelta(minutes=1)):
        call_command("run_scheduler", "--once", verbosity=0)
    page.refresh_from_db()
    assert page.live


def test_dashboard_panel_lists_what_awaits_me(as_user, news_index):
    page = as_user("bientap").create(
        news_index, NewsArticlePage, title="Bài chờ duyệt", slug="bai-cho-duyet", paragraphs=["A."]
    )
    reviewer = as_user("duyetbai")
    html = reviewer.client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Chờ tôi duyệt" in html
    assert "Bài chờ duyệt" in html
    assert "Biên tập: 1 mục, lâu nhất 0 phút" in html
    # Not listed for its author, nor for an out-of-scope reviewer.
    html = as_user("bientap").client.get(reverse("wagtailadmin_home")).content.decode()
    start = html.index('id="cho-toi-duyet')
    panel = html[start : html.index("</section>", start)]
    assert "Bài chờ duyệt" not in panel
    assert "Hiện không có nội dung nào chờ bạn duyệt." in panel
    html = as_user("duyetbh").client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Bài chờ duyệt" not in html
    # The age of the oldest item grows.
    with freeze_time(timezone.now() + datetime.timedelta(days=3, hours=1)):
        html = as_user("duyetbai").client.get(reverse("wagtailadmin_home")).content.decode()
    assert "lâu nhất 3 ngày" in html
    assert page.pk


def test_history_report_filters_and_exports_csv(as_user, news_index, users):
    page = to_approval(as_user, news_index, "bai-lich-su", "Bài có lịch sử")
    as_user("pheduyet").act(page, "approve", comment="Đăng.")
    approver = as_user("pheduyet")
    url = reverse("editorial_workflows:history")
    response = approver.client.get(url, {"page": page.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lịch sử duyệt nội dung" in html
    assert "Kiểm tra bảo mật: đạt" in html
    assert "Bài có lịch sử" in html
    response = approver.client.get(url, {"user": users["duyetbai"].pk, "page": page.pk})
    rows = response.content.decode()
    assert "Trần Văn Duyệt" in rows
    assert "Hệ thống (tự động)" not in rows

    response = approver.client.get(url, {"page": page.pk, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    csv_text = (
        b"".join(response.streaming_content).decode("utf-8")
        if response.streaming
        else response.content.decode()
    )
    assert csv_text.splitlines()[0].lstrip("\ufeff").startswith("Thời điểm,Mã trang,Trang,Thao tác")
    assert "Kiểm tra bảo mật: đạt" in csv_text
    assert "Hệ thống (tự động)" in csv_text

    # Reviewers and editors do not see the report.
    assert as_user("bientap").client.get(url).status_code in (302, 403)
