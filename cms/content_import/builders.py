"""One builder per content type: a parsed line and its files → page fields.

Each returns ``(fields, relations)``: values for the page's own fields, and
child relations (attachments, cell types) set after them.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.bulletins.models import BulletinKind
from cms.core.folding import fold
from cms.documents.models import DocumentType, OfficialDocumentAttachment, OfficialDocumentPage
from cms.documents.validators import normalize_document_number, validate_document_number
from cms.members.models import CellTypeOption

from .parsing import LineError, parse_date, parse_int, text_to_html

# Abbreviations in document numbers (12-NQ/TU) → document type.
TYPE_ABBREVIATIONS = {
    "NQ": DocumentType.RESOLUTION,
    "CT": DocumentType.DIRECTIVE,
    "KL": DocumentType.CONCLUSION,
    "QĐI": DocumentType.REGULATION,
    "QC": DocumentType.RULES,
    "HD": DocumentType.GUIDANCE,
    "TB": DocumentType.NOTICE,
    "ĐA": DocumentType.SCHEME,
    "KH": DocumentType.PLAN,
    "BC": DocumentType.REPORT,
    "QĐ": DocumentType.DECISION,
}
MEDIA_EXTENSIONS = ("mp3", "mp4")


def _extension(document):
    return document.file_extension.lower()


def _plain(data, key):
    return strip_tags(data.get(key) or "").strip()


def require_title(data):
    title = (data.get("title") or "").strip()
    if not title:
        raise LineError("thiếu “title” (tiêu đề).")
    return title


def body_blocks(data, documents):
    """The line's body as a paragraph, then a block for each file (media or document)."""
    blocks = []
    body = text_to_html(data.get("body"))
    if body:
        blocks.append(("paragraph", RichText(body)))
    for document in documents:
        if _extension(document) in MEDIA_EXTENSIONS:
            blocks.append(("media", {"media": document, "title": document.title}))
        else:
            blocks.append(("document", {"document": document, "title": document.title}))
    return blocks


def build_news(data, documents):
    fields = {
        "title": require_title(data),
        "date": parse_date(data.get("date"), "Ngày đăng") or timezone.localdate(),
        "lead": _plain(data, "lead"),
        "body": body_blocks(data, documents),
    }
    return fields, {}


def document_type(value, number):
    """The type named on the line (code or label, accents optional), else read from the number."""
    if value:
        wanted = fold(str(value)).strip().replace("_", " ")
        for code, label in DocumentType.choices:
            if wanted in (fold(code).replace("_", " "), fold(label)):
                return code
        raise LineError(
            f"“doc_type” “{value}” không phải loại văn bản đã biết ("
            + ", ".join(label.lower() for _c, label in DocumentType.choices)
            + ")."
        )
    abbreviation = number.split("-", 1)[1].split("/", 1)[0].upper() if "-" in number else ""
    if abbreviation in TYPE_ABBREVIATIONS:
        return TYPE_ABBREVIATIONS[abbreviation]
    raise LineError("thiếu “doc_type” (loại văn bản) và không suy ra được từ số, ký hiệu.")


def build_document(data, documents):
    number = normalize_document_number(data.get("number") or "")
    if not number:
        raise LineError("văn bản thiếu “number” (số, ký hiệu, ví dụ 04-ĐA/TU).")
    try:
        validate_document_number(str(data.get("number")))
    except ValidationError as error:
        raise LineError(f"số, ký hiệu: {' '.join(error.messages)}") from None
    issue_date = parse_date(data.get("date"), "Ngày ban hành")
    if issue_date is None:
        raise LineError("văn bản thiếu “date” (ngày ban hành).")
    fields = {
        "title": require_title(data),
        "number": number,
        "doc_type": document_type(data.get("doc_type"), number),
        "issuer": (data.get("issuer") or "").strip() or "Tỉnh ủy Đồng Nai",
        "issue_date": issue_date,
        "effective_date": parse_date(data.get("effective_date"), "Ngày hiệu lực"),
        "signer": (data.get("signer") or "").strip(),
        "summary": _plain(data, "lead"),
        "body": text_to_html(data.get("body")),
    }
    if "in_force" in data:
        fields["in_force"] = bool(data["in_force"])
    attachments = [
        OfficialDocumentAttachment(document=d, title=d.title, sort_order=i)
        for i, d in enumerate(documents)
    ]
    return fields, {"attachments": attachments}


def _cell_types(data):
    codes = data.get("cell_types") or []
    if isinstance(codes, str):
        codes = [c.strip() for c in codes.split(",") if c.strip()]
    options = list(CellTypeOption.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {o.code for o in options})
    if unknown:
        raise LineError(
            "“cell_types” có mã không đúng: "
            + ", ".join(unknown)
            + ". Mã hợp lệ: "
            + ", ".join(CellTypeOption.objects.values_list("code", flat=True))
            + "."
        )
    return options


def build_bulletin(data, documents):
    kind = data.get("kind") or BulletinKind.INTERNAL
    if kind not in BulletinKind.values:
        raise LineError(f"“kind” “{kind}” phải là internal hoặc cell_material.")
    date = parse_date(data.get("date"), "Ngày")
    month = parse_int(data.get("month"), "Tháng") or (date.month if date else None)
    year = parse_int(data.get("year"), "Năm") or (date.year if date else None)
    if not month or not year:
        raise LineError("bản tin cần “month” và “year” (hoặc “date”) để đánh số phát hành.")
    options = _cell_types(data)
    pdfs = [d for d in documents if _extension(d) == "pdf"]
    others = [d for d in documents if d not in pdfs[:1]]
    title = (data.get("title") or "").strip() or (
        f"{BulletinKind(kind).label} số {month:02d}/{year}"
    )
    fields = {
        "title": title,
        "kind": kind,
        "month": month,
        "year": year,
        "lead": _plain(data, "lead"),
        "body": body_blocks(data, others),
        "pdf": pdfs[0] if pdfs else None,
    }
    return fields, {"cell_types": options}


def build_resolution(data, documents):
    linked = None
    number = normalize_document_number(data.get("number") or "")
    if number:
        linked = (
            OfficialDocumentPage.objects.filter(number=number, locale=Locale.get_default())
            .order_by("-live", "pk")
            .first()
        )
        if linked is None:
            raise LineError(
                f"không có văn bản số {number} để gắn với trang học tập; hãy nhập văn bản "
                "trước (đặt dòng văn bản lên trên)."
            )
    slides = next((d for d in documents if _extension(d) in ("pdf", "pptx")), None)
    audio = next((d for d in documents if _extension(d) == "mp3"), None)
    video = next((d for d in documents if _extension(d) == "mp4"), None)
    rest = [d for d in documents if d not in (slides, audio, video)]
    fields = {
        "title": require_title(data),
        "document": linked,
        "summary": _plain(data, "lead"),
        "body": body_blocks(data, rest),
        "study_deadline": parse_date(data.get("study_deadline"), "Hạn học tập"),
        "slides": slides,
        "audio": audio,
        "video": video,
    }
    return fields, {}


BUILDERS = {
    "news": build_news,
    "document": build_document,
    "bulletin": build_bulletin,
    "resolution": build_resolution,
}
