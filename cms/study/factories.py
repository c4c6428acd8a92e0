"""Factories for study records (tests, demo and benchmark)."""

import datetime

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from cms.resolutions.models import Audience

from .choices import SummaryStatus
from .models import LearningSummary, QuizAttempt, StudyAssignment, StudyRead

QUIZ_DEMO = [
    (
        "Chi bộ sinh hoạt thường kỳ bao lâu một lần?",
        [("Mỗi tháng một lần", True), ("Mỗi quý một lần", False), ("Mỗi năm hai lần", False)],
        "Điều lệ Đảng quy định chi bộ sinh hoạt thường kỳ mỗi tháng một lần.",
    ),
    (
        "Những việc nào đảng viên làm trên Sổ tay đảng viên điện tử?",
        [
            ("Đọc tài liệu trước buổi sinh hoạt", True),
            ("Điểm danh và biểu quyết", True),
            ("Chia sẻ tài liệu mật lên mạng xã hội", False),
        ],
        "Sổ tay dùng để đọc tài liệu, điểm danh, biểu quyết; tài liệu mật không bao giờ được "
        "chia sẻ lên mạng xã hội.",
    ),
    (
        "Biên bản sinh hoạt đã phê duyệt có sửa được không?",
        [("Không, chỉ lập bản đính chính", True), ("Có, bí thư sửa trực tiếp", False)],
        "Biên bản đã phê duyệt là bất biến; sai sót được sửa bằng một bản đính chính.",
    ),
]


def quiz_stream(questions=QUIZ_DEMO):
    """A quiz StreamField value: ``[(question, [(choice, right)], explanation)]``."""
    return [
        (
            "question",
            {
                "question": q,
                "choices": [{"text": t, "correct": ok} for t, ok in choices],
                "explanation": why,
            },
        )
        for q, choices, why in questions
    ]


class StudyAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = StudyAssignment
        skip_postgeneration_save = True

    audience = Audience.ALL
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))

    @factory.post_generation
    def cell_types(self, create, extracted, **kwargs):
        if create and extracted:
            self.cell_types.set(extracted)

    @factory.post_generation
    def units(self, create, extracted, **kwargs):
        if create and extracted:
            self.units.set(extracted)


class StudyReadFactory(DjangoModelFactory):
    class Meta:
        model = StudyRead


class QuizAttemptFactory(DjangoModelFactory):
    class Meta:
        model = QuizAttempt

    correct = 3
    total = 3
    passed = factory.LazyAttribute(lambda o: o.correct * 100 >= o.total * o.page.quiz_pass_mark)


class LearningSummaryFactory(DjangoModelFactory):
    class Meta:
        model = LearningSummary

    text = (
        "Qua học tập nghị quyết, tôi nhận thức rõ trách nhiệm đọc tài liệu trước mỗi buổi sinh "
        "hoạt và sẽ hướng dẫn đảng viên lớn tuổi trong chi bộ dùng Sổ tay đảng viên điện tử."
    )
    status = SummaryStatus.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)
