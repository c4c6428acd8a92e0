"""Blocks of a resolution study page: key points and questions with answers."""

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
