"""Blocks shared by every page type's body."""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = "Tiêu đề mục"
        description = "Tiêu đề một mục trong bài"
        preview_value = "Những điểm mới của nghị quyết"


class ImageWithCaptionBlock(blocks.StructBlock):
    """An image with its caption and credit, as newspapers print them."""

    image = ImageChooserBlock(label="Hình ảnh")
    caption = blocks.CharBlock(label="Chú thích", required=False)
    credit = blocks.CharBlock(label="Nguồn ảnh", required=False)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = "Hình ảnh có chú thích"
        description = "Một hình ảnh kèm chú thích"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Trích dẫn")
    attribution = blocks.CharBlock(label="Người nói / nguồn", required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = "Trích dẫn"
        description = "Một đoạn trích dẫn nổi bật"
        preview_value = {"text": "Dân là gốc.", "attribution": "Chủ tịch Hồ Chí Minh"}


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Tài liệu")
    title = blocks.CharBlock(label="Tên hiển thị", required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = "Liên kết tài liệu"
        description = "Liên kết tới một tài liệu đính kèm"


MEDIA_EXTENSIONS = {"mp3": "audio", "mp4": "video"}


class MediaWithTranscriptBlock(blocks.StructBlock):
    """An uploaded audio (MP3) or video (MP4) file with its transcript.

    Only files uploaded here: a closed data centre cannot reach third-party
    embeds, and members who cannot play media (or are hard of hearing) read
    the transcript instead.
    """

    media = DocumentChooserBlock(label="Tệp âm thanh hoặc video (MP3, MP4)")
    title = blocks.CharBlock(label="Tên hiển thị", required=False)
    transcript = blocks.TextBlock(
        label="Bản ghi lời",
        required=False,
        help_text="Toàn văn lời nói trong tệp, cho người không nghe được hoặc mạng yếu.",
    )

    class Meta:
        icon = "media"
        template = "blocks/media_block.html"
        label = "Âm thanh / video kèm bản ghi lời"
        description = "Tệp âm thanh hoặc video tải lên, kèm toàn văn lời nói"

    def clean(self, value):
        value = super().clean(value)
        document = value.get("media")
        if document is not None and document.file_extension.lower() not in MEDIA_EXTENSIONS:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "media": ValidationError(
                        "Chỉ chọn tệp âm thanh MP3 hoặc video MP4 cho mục này."
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        document = value.get("media")
        extension = document.file_extension.lower() if document else ""
        context["media_kind"] = MEDIA_EXTENSIONS.get(extension, "")
        return context


def documents_in_stream(stream_value):
    """Every document a StreamField value links to (document and media blocks)."""
    found = []
    for block in stream_value or []:
        if block.block_type == "document" and block.value.get("document"):
            found.append(block.value["document"])
        elif block.block_type == "media" and block.value.get("media"):
            found.append(block.value["media"])
    return found


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every article-like page offers."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Đoạn văn",
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul", "h3", "h4"],
        template="blocks/paragraph_block.html",
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    table = TableBlock(label="Bảng")
    document = DocumentLinkBlock()
    media = MediaWithTranscriptBlock()

    class Meta:
        label = "Nội dung"
