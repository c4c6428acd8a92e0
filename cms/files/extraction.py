"""Text out of attached files, for the look-up and the state-secret screening.

``extract_text(fileobj, kind)`` returns ``(text, has_text_layer)``:

- PDF (pypdf): the text of every page. A PDF whose pages carry no text at
  all is a scan (photographed paper): ``("", False)``; that is a fact about
  the file, not an error.
- DOCX (python-docx): paragraphs and table cells in document order.
- XLSX (openpyxl) and PPTX (the slide XML): cell values and slide text.
- Images, audio and video have no text layer: ``("", None)``.

Text is NFC-normalised (Vietnamese typed on some systems arrives
decomposed) and stripped of NUL characters, which PostgreSQL refuses.

Office files are ZIP archives: one whose declared sizes look like a
decompression bomb (``validation.archive_problem``) or whose XML totals more
than ``EXTRACTION_MAX_XML_BYTES`` is not parsed at all (its text is
unknown), and no more than ``EXTRACTED_TEXT_MAX_CHARS`` characters are kept.
"""

import logging
import re
import unicodedata
import zipfile
from xml.etree import ElementTree

from django.conf import settings

from .validation import archive_problem

logger = logging.getLogger(__name__)

NO_TEXT_KINDS = ("jpg", "png", "webp", "mp3", "mp4")
DRAWINGML_TEXT = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"
SLIDE_NAME = re.compile(r"^ppt/slides/slide(\d+)\.xml$")


def normalise(text):
    text = unicodedata.normalize("NFC", text.replace("\x00", ""))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _pdf_text(fileobj):
    from pypdf import PdfReader

    reader = PdfReader(fileobj)
    if reader.is_encrypted:
        reader.decrypt("")
    pages = [page.extract_text() or "" for page in reader.pages]
    text = normalise("\n".join(pages))
    return text, bool(text)


def _docx_text(fileobj):
    import docx
    from docx.table import Table

    document = docx.Document(fileobj)
    parts = []

    def add_table(table):
        for row in table.rows:
            seen = set()
            cells = []
            for cell in row.cells:
                # A merged cell is returned once per grid column it spans.
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                cells.append(cell.text)
                for nested in cell.tables:
                    add_table(nested)
            parts.append(" | ".join(cells))

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            add_table(block)
        else:
            parts.append(block.text)
    return normalise("\n".join(parts)), True


def _xlsx_text(fileobj):
    from openpyxl import load_workbook

    workbook = load_workbook(fileobj, read_only=True, data_only=True)
    parts = []
    try:
        for sheet in workbook.worksheets:
            parts.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                values = [str(value) for value in row if value not in (None, "")]
                if values:
                    parts.append(" | ".join(values))
    finally:
        workbook.close()
    return normalise("\n".join(parts)), True


def _pptx_text(fileobj):
    parts = []
    with zipfile.ZipFile(fileobj) as archive:
        slides = sorted(
            (int(match.group(1)), name)
            for name in archive.namelist()
            if (match := SLIDE_NAME.match(name))
        )
        for _number, name in slides:
            root = ElementTree.fromstring(archive.read(name))  # noqa: S314 (no DTDs in OOXML)
            parts.append(" ".join(node.text or "" for node in root.iter(DRAWINGML_TEXT)))
    return normalise("\n".join(parts)), True


EXTRACTORS = {"pdf": _pdf_text, "docx": _docx_text, "xlsx": _xlsx_text, "pptx": _pptx_text}
ARCHIVE_KINDS = ("docx", "xlsx", "pptx")


def _too_big_to_parse(fileobj, kind):
    """Why an Office file is not parsed (a bomb, too much XML), or ``None``."""
    if kind not in ARCHIVE_KINDS:
        return None
    problem = archive_problem(fileobj, kind)
    if problem:
        return problem
    with zipfile.ZipFile(fileobj) as archive:
        xml = sum(i.file_size for i in archive.infolist() if i.filename.endswith(".xml"))
    fileobj.seek(0)
    if xml > settings.EXTRACTION_MAX_XML_BYTES:
        return f"{xml} byte XML"
    return None


def extract_text(fileobj, kind):
    """Return ``(text, has_text_layer)`` for an open, seekable file of ``kind``."""
    extractor = EXTRACTORS.get(kind)
    if extractor is None:
        return "", None
    fileobj.seek(0)
    try:
        if reason := _too_big_to_parse(fileobj, kind):
            logger.warning("Không trích xuất nội dung tệp loại %s: %s", kind, reason)
            return "", None
        text, has_text_layer = extractor(fileobj)
        return text[: settings.EXTRACTED_TEXT_MAX_CHARS], has_text_layer
    except Exception:
        # A damaged or unusual file must not break the upload; the text is
        # simply unknown.
        logger.warning("Không trích xuất được nội dung tệp loại %s", kind, exc_info=True)
        return "", None
    finally:
        fileobj.seek(0)
