"""Reading one line of the old handbook's export: JSON, dates, numbers, rich text.

Everything here is pure: values in, values out, or a ``LineError`` that says
in Vietnamese what is wrong with the line.
"""

import datetime
import html
import json
import re

from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from cms.core.folding import normalize

TYPES = ("news", "document", "bulletin", "resolution")
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


class LineError(Exception):
    """A problem with one line, said in Vietnamese for the administrator."""

    def __init__(self, message, source_id=""):
        super().__init__(message)
        self.source_id = source_id


def clean_value(value):
    """Strings in NFC (null bytes out, eth read as Đ); other values as they are."""
    return normalize(value) if isinstance(value, str) else value


def parse_line(raw):
    """One line → a dict with ``source_id``, ``type`` and ``files`` checked."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise LineError(
            f"không đọc được JSON (cột {error.colno}: {error.msg}). Mỗi dòng phải là một "
            "đối tượng JSON đầy đủ."
        ) from None
    if not isinstance(data, dict):
        raise LineError("mỗi dòng phải là một đối tượng JSON {…}.")
    data = {key: clean_value(value) for key, value in data.items()}
    source_id = data.get("source_id")
    if not isinstance(source_id, str | int) or not str(source_id).strip():
        raise LineError("thiếu “source_id” (mã bài trên sổ tay cũ).")
    data["source_id"] = str(source_id).strip()
    if data.get("type") not in TYPES:
        raise LineError(
            f"“type” là “{data.get('type')}”, phải là một trong: {', '.join(TYPES)}.",
            data["source_id"],
        )
    if not isinstance(data.get("title") or "", str):
        raise LineError("“title” phải là chuỗi chữ.", data["source_id"])
    files = data.get("files") or []
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise LineError("“files” phải là danh sách đường dẫn tệp.", data["source_id"])
    data["files"] = files
    return data


def text_to_html(text):
    """Plain text or simple HTML → cleaned rich text in Wagtail's database format."""
    text = clean_value(text or "").strip()
    if not text:
        return ""
    if HTML_TAG.search(text):
        return EditorHTMLConverter(features=RICH_TEXT_FEATURES).to_database_format(text)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join("<p>{}</p>".format(html.escape(p).replace("\n", "<br/>")) for p in paragraphs)


def parse_date(value, label):
    if value in (None, ""):
        return None
    if isinstance(value, str):
        value = value.strip()
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return datetime.datetime.strptime(value, pattern).date()
            except ValueError:
                continue
    raise LineError(f"{label} “{value}” không hợp lệ; viết theo dạng 2024-03-25 hoặc 25/03/2024.")


def parse_int(value, label):
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise LineError(f"{label} “{value}” phải là một số.") from None


def validation_message(error, model):
    """A ValidationError as one Vietnamese sentence naming the fields."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    fields = {f.name: f for f in model._meta.get_fields()}
    parts = []
    for name, errors in error.message_dict.items():
        label = getattr(fields.get(name), "verbose_name", name)
        for message in errors:
            parts.append(message if name == "__all__" else f"{label}: {message}")
    return " ".join(parts)
