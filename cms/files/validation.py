"""Upload checks by content, not by name.

An uploaded file is accepted only when its bytes are one of the allowed kinds
(PDF, DOCX, XLSX, PPTX, JPG, PNG, WebP, MP3, MP4), its declared extension
names that same kind, and it is no bigger than ``settings.UPLOAD_MAX_SIZE``.
A Windows program renamed ``.pdf`` is refused, and the editor is told, in
Vietnamese, what the file really is.

Office files are ZIP archives; they are told apart by the parts the Office
Open XML package must contain (``word/document.xml``, ``xl/workbook.xml``,
``ppt/presentation.xml``) next to ``[Content_Types].xml``.
"""

import os
import re
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError

import filetype

# kind -> (label shown to editors, extensions that declare it)
KINDS = {
    "pdf": ("PDF", ("pdf",)),
    "docx": ("DOCX", ("docx",)),
    "xlsx": ("XLSX", ("xlsx",)),
    "pptx": ("PPTX", ("pptx",)),
    "jpg": ("JPG", ("jpg", "jpeg")),
    "png": ("PNG", ("png",)),
    "webp": ("WebP", ("webp",)),
    "mp3": ("MP3", ("mp3",)),
    "mp4": ("MP4", ("mp4",)),
}
ALL_KINDS = tuple(KINDS)
DOCUMENT_KINDS = ("pdf", "docx", "xlsx", "pptx", "mp3", "mp4")
IMAGE_KINDS = ("jpg", "png", "webp")
TEXT_KINDS = ("pdf", "docx", "xlsx", "pptx")

# What a refused file really is, in words an editor understands.
DESCRIPTIONS = {
    "pdf": "tài liệu PDF",
    "docx": "văn bản Word (.docx)",
    "xlsx": "bảng tính Excel (.xlsx)",
    "pptx": "bài trình chiếu PowerPoint (.pptx)",
    "jpg": "ảnh JPG",
    "png": "ảnh PNG",
    "webp": "ảnh WebP",
    "mp3": "âm thanh MP3",
    "mp4": "video MP4",
    "exe": "tệp chạy Windows (.exe)",
    "elf": "tệp chạy Linux (ELF)",
    "zip": "tệp nén ZIP",
    "rar": "tệp nén RAR",
    "7z": "tệp nén 7z",
    "gz": "tệp nén GZIP",
    "tar": "tệp nén TAR",
    "gif": "ảnh GIF",
    "bmp": "ảnh BMP",
    "tif": "ảnh TIFF",
    "heic": "ảnh HEIC",
    "doc": "văn bản Word cũ (.doc) hoặc tệp Office cũ",
    "html": "trang web (HTML)",
    "m4a": "âm thanh M4A",
    "mov": "video QuickTime (.mov)",
    "avi": "video AVI",
    "mkv": "video MKV",
    "webm": "video WebM",
    "wav": "âm thanh WAV",
    "ogg": "âm thanh OGG",
    "swf": "tệp Flash (.swf)",
    "sqlite": "cơ sở dữ liệu SQLite",
}

OOXML_MAIN_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}

HEAD_BYTES = 8192


def format_size(num_bytes):
    """``52428800`` -> ``"50 MB"``, ``1536`` -> ``"1,5 KB"`` (Vietnamese decimal comma)."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if num_bytes >= factor:
            value = num_bytes / factor
            text = f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ",")
            return f"{text} {unit}"
    return f"{num_bytes} byte"


def allowed_labels(kinds=ALL_KINDS):
    return ", ".join(KINDS[kind][0] for kind in kinds)


def _size_of(fileobj):
    size = getattr(fileobj, "size", None)
    if size is not None:
        return size
    position = fileobj.tell()
    fileobj.seek(0, os.SEEK_END)
    size = fileobj.tell()
    fileobj.seek(position)
    return size


def _ooxml_kind(fileobj):
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return "zip"
    for part, kind in OOXML_MAIN_PARTS.items():
        if part in names:
            return kind
    return "zip"


# A part smaller than this is never called a bomb, however well it compresses.
RATIO_FLOOR = 1024 * 1024


def archive_problem(fileobj, display_name):
    """Why the Office file (a ZIP) ``fileobj`` must not be unpacked, or ``None``.

    Only the ZIP directory is read: the sizes it declares bound what
    ``zipfile`` (and so python-docx and openpyxl) will ever inflate, so a
    35 KB file holding 10 MB of XML is refused before any of it is.
    """
    try:
        with zipfile.ZipFile(fileobj) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # not an archive: detect_kind says what it is
    finally:
        fileobj.seek(0)
    unpacked = sum(info.file_size for info in infos)
    limit = settings.UPLOAD_MAX_UNPACKED_SIZE
    if unpacked > limit:
        return (
            f"Tệp “{display_name}” khi giải nén lớn tới {format_size(unpacked)}, vượt giới hạn "
            f"{format_size(limit)}. Hãy chia nhỏ tệp hoặc lưu lại (Lưu thành…) rồi tải lên lại."
        )
    ratio = settings.UPLOAD_MAX_COMPRESSION_RATIO
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > ratio * max(info.compress_size, 1):
            return (
                f"Tệp “{display_name}” bị nén bất thường: phần “{info.filename}” chỉ "
                f"{format_size(info.compress_size)} nhưng giải nén ra {format_size(info.file_size)} "
                "(dấu hiệu “bom giải nén”). Tệp không được nhận; hãy mở tệp gốc trong Word/Excel, "
                "lưu lại rồi tải lên."
            )
    return None


PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
PDF_TAIL_BYTES = 2048


def _is_pdf(fileobj, head):
    """A real PDF: its ``%PDF-1.x`` header first (readers allow some bytes before it, but
    never markup: an HTML page with ``%PDF-`` in a comment is not a PDF), and an ``%%EOF``
    near the end."""
    start = head.find(b"%PDF-")
    if not PDF_HEADER.match(head, start) or b"<" in head[:start]:
        return False
    fileobj.seek(0, os.SEEK_END)
    size = fileobj.tell()
    fileobj.seek(max(0, size - PDF_TAIL_BYTES))
    tail = fileobj.read(PDF_TAIL_BYTES)
    fileobj.seek(0)
    return b"%%EOF" in tail


def _markup_kind(head):
    """``"html"`` for a web page (whatever comes before its tags), else ``None``."""
    lowered = head[:1024].lower()
    if any(tag in lowered for tag in (b"<!doctype html", b"<html", b"<script", b"<body")):
        return "html"
    return None


def detect_kind(fileobj):
    """Return what the bytes of ``fileobj`` are (a key of ``KINDS``, another
    short name such as ``"exe"``, or ``None`` when unrecognised). The file
    position is put back at the start."""
    fileobj.seek(0)
    head = fileobj.read(HEAD_BYTES)
    fileobj.seek(0)
    if not head:
        return None
    if head.startswith(b"PK\x03\x04"):
        kind = _ooxml_kind(fileobj)
        fileobj.seek(0)
        return kind
    if b"%PDF-" in head[:1024]:
        # A PDF, or a page or broken file dressed as one (never left to filetype's guess).
        return "pdf" if _is_pdf(fileobj, head) else _markup_kind(head)
    if head.startswith(b"MZ"):
        return "exe"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    guess = filetype.guess(head)
    if guess is None:
        return _markup_kind(head)
    extension = guess.extension
    return {"jpeg": "jpg", "tiff": "tif", "mp4": "mp4"}.get(extension, extension)


def kind_for_name(name):
    """The allowed kind a file name declares by its extension, or ``None``."""
    extension = os.path.splitext(name or "")[1].lower().lstrip(".")
    for kind, (_label, extensions) in KINDS.items():
        if extension in extensions:
            return kind
    return None


def check_upload(fileobj, name, allowed=ALL_KINDS):
    """Check an uploaded file; return its kind or raise ``ValidationError``.

    ``name`` is the file name the uploader gave (its extension is what the
    file claims to be); ``allowed`` narrows the accepted kinds, e.g. to
    ``IMAGE_KINDS`` for the image library.
    """
    display_name = os.path.basename(name or "") or "không tên"
    limit = settings.UPLOAD_MAX_SIZE
    size = _size_of(fileobj)
    if limit and size > limit:
        raise ValidationError(
            f"Tệp “{display_name}” vượt quá dung lượng cho phép {format_size(limit)} "
            f"(tệp nặng {format_size(size)}). Hãy nén hoặc chia nhỏ tệp rồi tải lên lại.",
            code="file_too_large",
        )
    if size == 0:
        raise ValidationError(f"Tệp “{display_name}” rỗng (0 byte).", code="empty_file")

    declared = kind_for_name(display_name)
    if declared is None or declared not in allowed:
        extension = os.path.splitext(display_name)[1] or "(không có đuôi)"
        raise ValidationError(
            f"Tệp “{display_name}” có đuôi {extension} không được phép. "
            f"Chỉ nhận các định dạng: {allowed_labels(allowed)}.",
            code="extension_not_allowed",
        )

    detected = detect_kind(fileobj)
    if detected in OOXML_MAIN_PARTS.values() and (
        problem := archive_problem(fileobj, display_name)
    ):
        raise ValidationError(problem, code="decompression_bomb")
    if detected != declared:
        label = KINDS[declared][0]
        if detected is None:
            what = "không nhận ra định dạng của nội dung (tệp có thể bị hỏng)"
        else:
            what = f"nội dung là {DESCRIPTIONS.get(detected, f'định dạng {detected}')}"
        advice = (
            f"Hãy đổi đuôi tệp thành .{KINDS[detected][1][0]} hoặc chọn đúng tệp {label}."
            if detected in allowed
            else f"Hãy chọn đúng tệp {label}."
        )
        raise ValidationError(
            f"Tệp “{display_name}” không phải {label} thật: {what}. {advice}",
            code="content_mismatch",
        )
    return detected
