"""State-secret screening inside the workflow, driven through the admin."""

import io

from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.models import PageLogEntry, WorkflowState

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from cms.files.factories import ProtectedDocumentFactory
from cms.files.models import ProtectedDocument
from cms.news.models import NewsArticlePage
from editorial_workflows.models import ScreeningTaskState
from editorial_workflows.screening import document_text, page_texts, screen

pytestmark = pytest.mark.django_db


def submit_and_review(as_user, parent, slug, paragraphs, author="bientap"):
    page = as_user(author).create(
        parent, NewsArticlePage, title=f"Bài {slug}", slug=slug, paragraphs=paragraphs
    )
    reviewer = "duyetbai" if author != "duyetbai" else "duyetbai2"
    assert as_user(reviewer).act(page, "approve", comment="").status_code == 302
    page.refresh_from_db()
    return page


def blocked_state(page):
    page.refresh_from_db()
    state = page.current_workflow_task_state.specific
    assert isinstance(state, ScreeningTaskState)
    return state


def test_toi_mat_in_the_body_blocks_and_officer_clears_with_reason(as_user, news_index):
    mail.outbox.clear()
    page = submit_and_review(
        as_user,
        news_index,
        "bao-cao-an-ninh",
        ["Báo cáo tình hình an ninh nội bộ.", "Độ mật: TỐI MẬT — không phổ biến rộng."],
    )
    state = blocked_state(page)
    assert state.status == "in_progress"
    assert [f["marking"] for f in state.findings] == ["Độ mật: TỐI MẬT"]
    assert state.findings[0]["where"] == "Nội dung"
    assert PageLogEntry.objects.filter(
        page=page, action="editorial_workflows.screening_block", user=None
    ).exists()
    # Security officers and the author are told.
    assert any(m.to == ["baomat@dongnai.local"] for m in mail.outbox)
    assert any(m.to == ["bientap@dongnai.local"] and "bị chặn" in m.subject for m in mail.outbox)

    # The findings page shows each finding in its context.
    officer = as_user("baomat")
    findings_url = reverse("editorial_workflows:findings", args=[state.pk])
    response = officer.client.get(findings_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Độ mật: TỐI MẬT</mark>" in html
    assert "Gỡ chặn" in html

    # The approver cannot act on a blocked page; the author cannot clear it.
    assert as_user("pheduyet").act(page, "approve", comment="x").status_code in (302, 403)
    assert blocked_state(page).status == "in_progress"
    author = as_user("bientap")
    assert author.client.get(findings_url).status_code == 200
    author.act(page, "approve", comment="Không phải tài liệu mật đâu.")
    assert blocked_state(page).status == "in_progress"

    # Clearing needs a written reason.
    officer = as_user("baomat")
    officer.act(page, "approve", comment="")
    assert blocked_state(page).status == "in_progress"
    reason = "Đoạn văn trích từ tài liệu đã giải mật theo Quyết định 15-QĐ/TU."
    assert officer.act(page, "approve", comment=reason).status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Phê duyệt"
    state.refresh_from_db()
    assert state.status == "approved" and state.comment == reason
    entry = PageLogEntry.objects.get(page=page, action="editorial_workflows.screening_clear")
    assert entry.user.username == "baomat" and entry.data["reason"] == reason


def test_officer_may_return_the_page_and_author_edit_rescreens(as_user, news_index):
    page = submit_and_review(
        as_user, news_index, "ke-hoach-mat", ["MẬT", "Kế hoạch bảo vệ hội nghị."]
    )
    assert blocked_state(page).findings[0]["marking"] == "MẬT"
    # The author removes the stamp: saving screens the new revision at once,
    # and since the text changed the review starts again.
    response = as_user("bientap").edit(page, paragraphs=["Kế hoạch bảo vệ hội nghị."])
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Biên tập"
    assert PageLogEntry.objects.filter(
        page=page, action="editorial_workflows.screening_pass"
    ).exists()


def test_officer_returns_page_to_author(as_user, news_index):
    page = submit_and_review(as_user, news_index, "tra-lai", ["TUYỆT MẬT"])
    response = as_user("baomat").act(page, "reject", comment="Gỡ dấu TUYỆT MẬT rồi gửi lại.")
    assert response.status_code == 302
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert any(
        "Gỡ dấu TUYỆT MẬT" in m.body for m in mail.outbox if m.to == ["bientap@dongnai.local"]
    )


def _pdf_with_stamp():
    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("DejaVu", 16)
    pdf.drawString(450, 800, "MẬT")
    pdf.setFont("DejaVu", 12)
    pdf.drawString(72, 760, "TỈNH ỦY ĐỒNG NAI")
    pdf.drawString(72, 740, "Báo cáo tình hình tư tưởng cán bộ, đảng viên quý III")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.fixture
def attach(monkeypatch):
    """Give news articles an ``attached_documents()`` returning the given files."""
    attached = {}

    def attached_documents(self):
        return attached.get(self.pk, [])

    monkeypatch.setattr(NewsArticlePage, "attached_documents", attached_documents, raising=False)
    return attached


def test_attached_pdf_with_a_mat_stamp_blocks(as_user, news_index, attach):
    document = ProtectedDocumentFactory(
        title="Báo cáo quý III", file=ContentFile(_pdf_with_stamp(), name="bao-cao-quy-3.pdf")
    )
    # The files app extracted the PDF's text on upload…
    assert "MẬT" in document.extracted_text
    # …and when nothing is stored (yet), the screening reads the PDF itself.
    ProtectedDocument.objects.filter(pk=document.pk).update(extracted_text="")
    document.refresh_from_db()
    assert "MẬT" in document_text(document)

    page = as_user("bientap").create(
        news_index,
        NewsArticlePage,
        action="action-save",
        title="Sơ kết quý III",
        slug="so-ket-quy-3",
        paragraphs=["Sơ kết công tác tư tưởng quý III."],
    )
    attach[page.pk] = [document]
    as_user("bientap").edit(page, action="action-submit")
    as_user("duyetbai").act(page, "approve", comment="")
    state = blocked_state(page)
    assert [(f["where"], f["marking"]) for f in state.findings] == [
        ("Tệp đính kèm: Báo cáo quý III", "MẬT")
    ]


def test_stored_extracted_text_is_screened(news_index, attach):
    page = NewsArticlePage(title="Thông báo", slug="thong-bao-x", lead="Tin sinh hoạt.")
    news_index.add_child(instance=page)
    document = ProtectedDocumentFactory(title="Phụ lục")
    ProtectedDocument.objects.filter(pk=document.pk).update(
        extracted_text="Độ mật: Tuyệt mật\nNội dung…"
    )
    document.refresh_from_db()
    attach[page.pk] = [document]
    assert [f["marking"] for f in screen(page)] == ["Độ mật: TUYỆT MẬT"]
    wheres = [where for where, _ in page_texts(page)]
    assert wheres[0] == "Tiêu đề"
    assert "Sa-pô" in wheres
    assert "Tệp đính kèm: Phụ lục" in wheres


def test_clean_page_passes_and_the_pass_is_recorded(as_user, news_index):
    page = submit_and_review(
        as_user,
        news_index,
        "bai-sach",
        ["Hướng dẫn đổi mật khẩu; giữ bí mật mật khẩu, không chia sẻ cho người khác."],
    )
    assert page.current_workflow_task.name == "Phê duyệt"
    state = ScreeningTaskState.objects.filter(workflow_state=page.current_workflow_state).get()
    assert state.status == "approved" and state.findings == [] and state.finished_by is None
    entry = PageLogEntry.objects.get(page=page, action="editorial_workflows.screening_pass")
    assert entry.user is None
