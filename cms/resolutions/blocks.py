"""Blocks of a resolution study page: key points and questions with answers."""

from django.core.exceptions import ValidationError

from wagtail import blocks


class KeyPointBlock(blocks.TextBlock):
    class Meta:
        icon = "tick"
        template = "resolutions/blocks/key_point.html"
        label = "Điểm cốt lõi"
        description = "Một điểm cốt lõi của nghị quyết, viết ngắn gọn"
        preview_value = "Mỗi chi bộ sinh hoạt thường kỳ đúng ngày, đúng nội dung."


class QuestionAnswerBlock(blocks.StructBlock):
    """A question members often ask, with the answer the propaganda department gives."""

    question = blocks.CharBlock(label="Câu hỏi", max_length=500)
    answer = blocks.RichTextBlock(label="Trả lời", features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "help"
        template = "resolutions/blocks/question_answer.html"
        label = "Hỏi – đáp"
        description = "Một câu hỏi và câu trả lời về nghị quyết"
        preview_value = {
            "question": "Chi bộ sinh hoạt vào ngày nào?",
            "answer": "<p>Từ ngày 3 đến ngày 5 hằng tháng.</p>",
        }


class KeyPointsBlock(blocks.StreamBlock):
    point = KeyPointBlock()

    class Meta:
        label = "Điểm cốt lõi"


class QuestionsBlock(blocks.StreamBlock):
    qa = QuestionAnswerBlock()

    class Meta:
        label = "Hỏi – đáp"


class QuizChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Phương án", max_length=500)
    correct = blocks.BooleanBlock(label="Là đáp án đúng", required=False)

    class Meta:
        icon = "radio-full"
        label = "Phương án trả lời"


class QuizQuestionBlock(blocks.StructBlock):
    """One self-check question: several choices, one or more right, and why."""

    question = blocks.CharBlock(label="Câu hỏi", max_length=500)
    choices = blocks.ListBlock(QuizChoiceBlock(), label="Các phương án", min_num=2)
    explanation = blocks.TextBlock(
        label="Giải thích",
        help_text="Đảng viên trả lời sai sẽ thấy đáp án đúng và lời giải thích này.",
    )

    class Meta:
        icon = "help"
        template = "resolutions/blocks/quiz_question.html"
        label = "Câu hỏi tự kiểm tra"
        description = "Câu hỏi trắc nghiệm một hoặc nhiều đáp án đúng, kèm giải thích"
        preview_value = {
            "question": "Chi bộ sinh hoạt thường kỳ bao lâu một lần?",
            "choices": [
                {"text": "Mỗi tháng một lần", "correct": True},
                {"text": "Mỗi quý một lần", "correct": False},
            ],
            "explanation": "Điều lệ Đảng quy định chi bộ sinh hoạt thường kỳ mỗi tháng một lần.",
        }

    def clean(self, value):
        value = super().clean(value)
        choices = [c for c in value["choices"] if c["text"].strip()]
        if len(choices) < 2:
            raise blocks.StructBlockValidationError(
                block_errors={"choices": ValidationError("Câu hỏi cần ít nhất hai phương án.")}
            )
        if not any(c["correct"] for c in choices):
            raise blocks.StructBlockValidationError(
                block_errors={"choices": ValidationError("Hãy đánh dấu ít nhất một đáp án đúng.")}
            )
        return value


class QuizBlock(blocks.StreamBlock):
    question = QuizQuestionBlock()

    class Meta:
        label = "Bài tự kiểm tra"
