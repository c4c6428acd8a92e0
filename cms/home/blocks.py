"""Blocks shared by every page type's body."""

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

    class Meta:
        label = "Nội dung"
