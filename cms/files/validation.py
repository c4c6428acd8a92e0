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
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"MZ"):
        return "exe"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    guess = filetype.guess(head)
    if guess is None:
        lowered = head[:512].lstrip().lower()
        if lowered.startswith((b"<!doctype html", b"<html")):
            return "html"
        return None
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
