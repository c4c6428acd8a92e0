"""Hỏi đáp, góp ý: a member's question and its answer, and the anonymised copy
an editor publishes on the material through the editorial workflow.

``Question`` is private: the member, the unit that answers, the answer.
``PublishedQuestion`` is what readers may see: the question rewritten without
who asked it and the answer, a snippet under Wagtail's workflow (review, the
state-secret screening, final approval). It shows on the material only once
the workflow's last stage published it (``live``).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from cms.core.fields import by_user
from cms.core.folding import fold
from cms.members.permissions import secretary_cell, staffed_units

from .choices import QuestionKind

QUESTION_MAX_LENGTH = 2000

ANONYMISE_NOTE = _(
    "<p><strong>Trước khi gửi duyệt, hãy xóa mọi chi tiết cho biết ai đã hỏi.</strong> "
    "Câu hỏi dưới đây được chép nguyên văn từ đảng viên: bỏ họ tên, bí danh, chức vụ, "
    "tên chi bộ, cơ quan, thôn ấp, số thẻ, số điện thoại và mọi chuyện riêng có thể nhận ra "
    "người hỏi; viết lại thành câu hỏi chung. Câu trả lời cũng vậy. Trang tài liệu chỉ hiện "
    "hai ô này, không hiện tên người hỏi, và chỉ sau khi qua đủ các bước biên tập, kiểm tra "
    "bảo mật và phê duyệt.</p>"
)


class QuestionQuerySet(models.QuerySet):
    def answerable_by(self, user):
        """Questions sent to a cell ``user`` leads or a unit ``user`` is staff of."""
        q = models.Q(pk__in=[])
        cell = secretary_cell(user)
        if cell is not None:
            q |= models.Q(unit_id=cell.pk)
        for unit in staffed_units(user):
            q |= models.Q(unit__path__startswith=unit.path)
        return self.filter(q)


class Question(models.Model):
    """One question or opinion about a material, and its answer."""

    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="study_questions"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("tài liệu"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(
        _("loại"), max_length=16, choices=QuestionKind.choices, default=QuestionKind.QUESTION
    )
    unit = models.ForeignKey(
        "members.PartyOrganization",
        verbose_name=_("gửi đến"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("nội dung"), max_length=QUESTION_MAX_LENGTH)
    created_at = models.DateTimeField(_("ngày gửi"), default=timezone.now)
    answer = models.TextField(_("trả lời"), blank=True)
    answered_by = by_user(verbose_name=_("người trả lời"), blank=True)
    answered_at = models.DateTimeField(_("ngày trả lời"), null=True, blank=True)
    suggest_publishing = models.BooleanField(_("đề nghị công khai"), default=False)

    objects = QuestionQuerySet.as_manager()

    panels = [FieldPanel("text", read_only=True), FieldPanel("answer", read_only=True)]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("hỏi đáp, góp ý")
        verbose_name_plural = _("hỏi đáp, góp ý")

    def __str__(self):
        return self.text[:80]

    @property
    def is_answered(self):
        return self.answered_at is not None

    def identifying_terms(self):
        """Words that would tell readers who asked: the member's name, card number and units."""
        member = self.member
        terms = [member.full_name, member.card_number, member.cell.name, self.unit.name]
        return list(dict.fromkeys(t for t in terms if t and len(t.strip()) > 3))


class PublishedQuestionQuerySet(models.QuerySet):
    def on_page(self, page):
        """What readers of ``page`` see: published (live) entries only."""
        return self.filter(live=True, page_id=page.pk).order_by("-first_published_at", "-pk")


class PublishedQuestion(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """Hỏi đáp công khai: an answered question, rewritten without who asked it.

    An officer who answered proposes it; an editor of the propaganda department
    removes every identifying detail and submits it to the editorial workflow;
    it appears on the material when the final approval publishes it.
    """

    question = models.OneToOneField(
        Question,
        verbose_name=_("câu hỏi gốc"),
        on_delete=models.CASCADE,
        related_name="publication",
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("tài liệu"), on_delete=models.CASCADE, related_name="+"
    )
    public_question = models.TextField(
        _("câu hỏi"),
        max_length=QUESTION_MAX_LENGTH,
        help_text=_("Viết lại câu hỏi thành câu hỏi chung, không còn chi tiết nào về người hỏi."),
    )
    answer = models.TextField(_("trả lời"), max_length=QUESTION_MAX_LENGTH)
    proposed_by = by_user(verbose_name=_("người đề nghị"), blank=True)
    proposed_at = models.DateTimeField(_("ngày đề nghị"), default=timezone.now)

    # So that deleting an entry deletes its revisions and workflow states too.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="published_question")
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="published_question",
        for_concrete_model=False,
    )

    objects = PublishedQuestionQuerySet.as_manager()

    panels = [
        HelpPanel(ANONYMISE_NOTE, heading=_("Ẩn danh người hỏi")),
        FieldPanel("page", read_only=True),
        FieldPanel("public_question"),
        FieldPanel("answer"),
    ]

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("hỏi đáp công khai")
        verbose_name_plural = _("hỏi đáp công khai")

    def __str__(self):
        return self.public_question[:80]

    def get_admin_display_title(self):
        return str(self)

    @property
    def workflow_scope_page(self):
        """The material: its section decides which editors review this entry."""
        return self.page

    def clean(self):
        super().clean()
        if self.question_id is None:
            return
        texts = {"public_question": self.public_question, "answer": self.answer}
        for field, text in texts.items():
            folded = fold(text or "")
            found = [t for t in self.question.identifying_terms() if fold(t) in folded]
            if found:
                raise ValidationError(
                    {
                        field: _(
                            "Còn chi tiết cho biết ai đã hỏi: “%(found)s”. Hãy bỏ đi rồi lưu lại."
                        )
                        % {"found": "”, “".join(found)}
                    }
                )
