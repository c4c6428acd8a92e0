"""Bring pages over from the old handbook: one JSON object per line.

Each line is imported on its own, inside its own transaction: a bad line
writes nothing (no page, no file, no mapping) and the next line goes on.
Lines are matched to pages by ``source_id`` (``ImportedPage``), so running
the same file twice changes nothing, and running an edited file updates the
pages it names.

Before a page is published its text goes through the state-secret scanner
(``editorial_workflows.secrecy.scan``, when that module is installed); a line
with a finding is kept as an unpublished draft and reported.
"""

import datetime
import hashlib
import html
import importlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.rich_text import RichText
from wagtail.search.index import insert_or_update_object

from cms.bulletins.models import BulletinIndexPage, BulletinKind, BulletinPage
from cms.bulletins.services import ensure_members_only
from cms.documents.models import DocumentIndexPage, DocumentType, OfficialDocumentPage
from cms.documents.validators import normalize_document_number, validate_document_number
from cms.members.models import CellTypeOption
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.resolutions.models import ResolutionIndexPage, ResolutionStudyPage

from .models import ImportedPage

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")

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

SECTIONS = {
    "news": (NewsIndexPage, "tin-tuc", "Tin tức"),
    "document": (DocumentIndexPage, "van-ban", "Văn bản"),
    "bulletin": (BulletinIndexPage, "ban-tin", "Bản tin"),
    "resolution": (ResolutionIndexPage, "hoc-tap-nghi-quyet", "Học tập nghị quyết"),
}
MODELS = {
    "news": NewsArticlePage,
    "document": OfficialDocumentPage,
    "bulletin": BulletinPage,
    "resolution": ResolutionStudyPage,
}


class LineError(Exception):
    """A problem with one line, said in Vietnamese for the administrator."""


@dataclass
class LineResult:
    line_no: int
    status: str  # created, updated, unchanged, draft, error
    source_id: str = ""
    message: str = ""
    page: object = None

    def describe(self):
        who = f" ({self.source_id})" if self.source_id else ""
        labels = {
            "created": "đã tạo",
            "updated": "đã cập nhật",
            "unchanged": "không đổi",
            "draft": "giữ bản nháp, chưa xuất bản",
            "error": "lỗi",
        }
        text = f"Dòng {self.line_no}{who}: {labels[self.status]}"
        return f"{text}: {self.message}" if self.message else text


@dataclass
class ImportSummary:
    results: list = field(default_factory=list)

    def count(self, status):
        return sum(1 for r in self.results if r.status == status)

    @property
    def errors(self):
        return [r for r in self.results if r.status == "error"]

    def describe(self):
        return (
            f"Kết quả nhập: {self.count('created')} trang tạo mới, "
            f"{self.count('updated')} cập nhật, {self.count('unchanged')} không đổi, "
            f"{self.count('draft')} giữ bản nháp (cần rà soát bí mật nhà nước), "
            f"{self.count('error')} dòng lỗi."
        )


def screen(text):
    """Findings of the state-secret scanner for ``text`` (none if it is not installed)."""
    try:
        secrecy = importlib.import_module("editorial_workflows.secrecy")
    except ImportError:
        return []
    return list(secrecy.scan(text) or [])


def describe_finding(finding):
    for attribute in ("message", "reason", "label"):
        value = getattr(finding, attribute, None)
        if value:
            return str(value)
    if isinstance(finding, dict):
        return str(finding.get("message") or finding)
    return str(finding)


def nfc(value):
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def fold(value):
    """Lower case without diacritics, for matching labels such as "Nghị quyết"."""
    value = unicodedata.normalize("NFD", nfc(value or "").replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in value if not unicodedata.combining(c)).lower().strip()


def text_to_html(text):
    """Plain text or simple HTML → cleaned rich text in Wagtail's database format."""
    text = nfc(text or "").strip()
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
    parts = []
    for name, errors in error.message_dict.items():
        try:
            label = model._meta.get_field(name).verbose_name
        except Exception:
            label = name
        for message in errors:
            parts.append(message if name == "__all__" else f"{label}: {message}")
    return " ".join(parts)


class ContentImporter:
    def __init__(self, base_dir=".", user=None):
        self._source_id = ""
        self.base_dir = Path(base_dir)
        self.user = user
        self._sections = {}

    # -- the run -------------------------------------------------------------

    def run(self, lines):
        summary = ImportSummary()
        for line_no, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            summary.results.append(self.import_line(line_no, raw))
        return summary

    def import_line(self, line_no, raw):
        source_id = ""
        new_files = []
        try:
            self._source_id = ""
            data = self.parse(raw)
            source_id = data["source_id"]
            with transaction.atomic():
                return self.apply(line_no, data, new_files)
        except (LineError, ValidationError) as error:
            for document in new_files:  # the rows rolled back; remove the stored files too
                document.file.delete(save=False)
            if isinstance(error, ValidationError):
                model = MODELS.get(getattr(self, "_current_type", ""), OfficialDocumentPage)
                message = validation_message(error, model)
            else:
                message = str(error)
            return LineResult(line_no, "error", source_id or self._source_id, message)

    def parse(self, raw):
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            raise LineError(
                f"không đọc được JSON (cột {error.colno}: {error.msg}). Mỗi dòng phải là một "
                "đối tượng JSON đầy đủ."
            ) from None
        if not isinstance(data, dict):
            raise LineError("mỗi dòng phải là một đối tượng JSON {…}.")
        data = {key: nfc(value) for key, value in data.items()}
        source_id = data.get("source_id")
        if not isinstance(source_id, str | int) or not str(source_id).strip():
            raise LineError("thiếu “source_id” (mã bài trên sổ tay cũ).")
        data["source_id"] = self._source_id = str(source_id).strip()
        if data.get("type") not in MODELS:
            raise LineError(
                f"“type” là “{data.get('type')}”, phải là một trong: news, document, bulletin, "
                "resolution."
            )
        if not isinstance(data.get("title") or "", str):
            raise LineError("“title” phải là chuỗi chữ.")
        files = data.get("files") or []
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise LineError("“files” phải là danh sách đường dẫn tệp.")
        data["files"] = files
        return data

    def checksum(self, data):
        digest = hashlib.sha256(
            json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
        )
        for name in data["files"]:
            path = self.resolve(name)
            if path.is_file():
                digest.update(path.read_bytes())
        return digest.hexdigest()

    def apply(self, line_no, data, new_files):
        kind = data["type"]
        self._current_type = kind
        model = MODELS[kind]
        checksum = self.checksum(data)
        record = ImportedPage.objects.filter(source_id=data["source_id"]).first()
        page = None
        if record is not None:
            page = record.page.specific
            if not isinstance(page, model):
                raise LineError(
                    f"source_id này đã được nhập thành trang loại “{record.content_type}”, "
                    f"không đổi thành “{kind}” được."
                )
            if record.checksum == checksum:
                return LineResult(line_no, "unchanged", data["source_id"], page=page)

        documents = [self.load_file(name, new_files) for name in data["files"]]
        builder = getattr(self, f"build_{kind}")
        fields, relations = builder(data, documents)
        created = page is None
        if created:
            page = model(**fields)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        for name, value in relations.items():
            setattr(page, name, value)

        findings = screen(self.screening_text(page, documents))
        if created:
            page.live = False
            self.section(kind).add_child(instance=page)
        # An existing page's row is left alone: the new content goes into a
        # revision, which becomes live only if the screening passes.
        revision = page.save_revision(user=self.user, log_action=False)
        self.apply_members_only(page, kind, data)

        if findings:
            status = "draft"
            message = "bộ lọc bí mật nhà nước phát hiện: " + "; ".join(
                describe_finding(f) for f in findings
            )
            log(
                page,
                "content_import.held",
                user=self.user,
                data={"source_id": data["source_id"], "line": line_no},
            )
        else:
            status = "created" if created else "updated"
            message = ""
            revision.publish(user=self.user)
            page.refresh_from_db()
            log(
                page,
                "content_import.import",
                user=self.user,
                data={"source_id": data["source_id"], "line": line_no},
            )
        ImportedPage.objects.update_or_create(
            source_id=data["source_id"],
            defaults={"page": page, "content_type": kind, "checksum": checksum},
        )
        insert_or_update_object(page.specific)
        return LineResult(line_no, status, data["source_id"], message, page=page)

    # -- where pages go ------------------------------------------------------

    def section(self, kind):
        if kind in self._sections:
            return self._sections[kind]
        model, slug, title = SECTIONS[kind]
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise LineError("chưa có trang chủ (hãy chạy seed_demo hoặc tạo site trước).")
        home = site.root_page
        index = model.objects.child_of(home).filter(locale=Locale.get_default()).first()
        if index is None:
            index = model(title=title, slug=slug)
            home.add_child(instance=index)
            index.save_revision(user=self.user).publish(user=self.user)
        if kind == "bulletin":
            ensure_members_only(index)
        self._sections[kind] = index
        return index

    def apply_members_only(self, page, kind, data):
        if kind == "bulletin":
            # Bulletins are members only whatever the line says: the section's
            # restriction covers them; make sure it is there.
            ensure_members_only(page.get_parent())
            return
        wanted = bool(data.get("members_only"))
        own = PageViewRestriction.objects.filter(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
        if wanted and not own.exists():
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.LOGIN
            )
        elif not wanted:
            own.delete()

    # -- files ---------------------------------------------------------------

    def resolve(self, name):
        path = Path(name)
        return path if path.is_absolute() else self.base_dir / path

    def load_file(self, name, new_files):
        path = self.resolve(name)
        if not path.is_file():
            raise LineError(f"không tìm thấy tệp “{name}”.")
        content = path.read_bytes()
        digest = hashlib.sha1(content).hexdigest()  # noqa: S324 - Wagtail's file_hash is SHA-1
        Document = get_document_model()
        existing = Document.objects.filter(file_hash=digest).first()
        if existing is not None:
            return existing
        document = Document(title=path.stem.replace("_", " "), file=ContentFile(content, path.name))
        document._set_document_file_metadata()
        try:
            document.full_clean()
        except ValidationError as error:
            raise LineError(f"tệp “{name}”: {' '.join(error.messages)}") from None
        document.save()
        new_files.append(document)
        return document

    # -- one builder per type --------------------------------------------------

    def require_title(self, data):
        title = (data.get("title") or "").strip()
        if not title:
            raise LineError("thiếu “title” (tiêu đề).")
        return title

    def body_blocks(self, data, documents, media_ok=True):
        blocks = []
        body = text_to_html(data.get("body"))
        if body:
            blocks.append(("paragraph", RichText(body)))
        for document in documents:
            if media_ok and document.file_extension.lower() in ("mp3", "mp4"):
                blocks.append(("media", {"media": document, "title": document.title}))
            else:
                blocks.append(("document", {"document": document, "title": document.title}))
        return blocks

    def build_news(self, data, documents):
        fields = {
            "title": self.require_title(data),
            "date": parse_date(data.get("date"), "Ngày đăng") or timezone.localdate(),
            "lead": strip_tags(data.get("lead") or "").strip(),
            "body": self.body_blocks(data, documents),
        }
        return fields, {}

    def build_document(self, data, documents):
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
            "title": self.require_title(data),
            "number": number,
            "doc_type": self.document_type(data.get("doc_type"), number),
            "issuer": (data.get("issuer") or "").strip() or "Tỉnh ủy Đồng Nai",
            "issue_date": issue_date,
            "effective_date": parse_date(data.get("effective_date"), "Ngày hiệu lực"),
            "signer": (data.get("signer") or "").strip(),
            "summary": strip_tags(data.get("lead") or "").strip(),
            "body": text_to_html(data.get("body")),
        }
        if "in_force" in data:
            fields["in_force"] = bool(data["in_force"])
        from cms.documents.models import OfficialDocumentAttachment

        attachments = [
            OfficialDocumentAttachment(document=d, title=d.title, sort_order=i)
            for i, d in enumerate(documents)
        ]
        return fields, {"attachments": attachments}

    def document_type(self, value, number):
        if value:
            wanted = fold(str(value)).replace("_", " ")
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

    def build_bulletin(self, data, documents):
        kind = data.get("kind") or BulletinKind.INTERNAL
        if kind not in BulletinKind.values:
            raise LineError(f"“kind” “{kind}” phải là internal hoặc cell_material.")
        date = parse_date(data.get("date"), "Ngày")
        month = parse_int(data.get("month"), "Tháng") or (date.month if date else None)
        year = parse_int(data.get("year"), "Năm") or (date.year if date else None)
        if not month or not year:
            raise LineError("bản tin cần “month” và “year” (hoặc “date”) để đánh số phát hành.")
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
        pdfs = [d for d in documents if d.file_extension.lower() == "pdf"]
        others = [d for d in documents if d not in pdfs[:1]]
        title = (data.get("title") or "").strip() or (
            f"{BulletinKind(kind).label} số {month:02d}/{year}"
        )
        fields = {
            "title": title,
            "kind": kind,
            "month": month,
            "year": year,
            "lead": strip_tags(data.get("lead") or "").strip(),
            "body": self.body_blocks(data, others),
            "pdf": pdfs[0] if pdfs else None,
        }
        return fields, {"cell_types": options}

    def build_resolution(self, data, documents):
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
        slides = next((d for d in documents if d.file_extension.lower() in ("pdf", "pptx")), None)
        audio = next((d for d in documents if d.file_extension.lower() == "mp3"), None)
        video = next((d for d in documents if d.file_extension.lower() == "mp4"), None)
        rest = [d for d in documents if d not in (slides, audio, video)]
        fields = {
            "title": self.require_title(data),
            "document": linked,
            "summary": strip_tags(data.get("lead") or "").strip(),
            "body": self.body_blocks(data, rest),
            "study_deadline": parse_date(data.get("study_deadline"), "Hạn học tập"),
            "slides": slides,
            "audio": audio,
            "video": video,
        }
        return fields, {}

    # -- screening -------------------------------------------------------------

    def screening_text(self, page, documents):
        parts = [page.title]
        for name in ("lead", "summary", "number", "signer", "issuer"):
            parts.append(str(getattr(page, name, "") or ""))
        body = getattr(page, "body", None)
        if body is not None:
            if hasattr(body, "raw_data") or hasattr(body, "stream_block"):
                for block in body:
                    value = block.value
                    if isinstance(value, RichText):
                        parts.append(strip_tags(value.source))
                    elif isinstance(value, str):
                        parts.append(value)
            else:
                parts.append(strip_tags(str(body)))
        for document in documents:
            parts.append(document.title)
            parts.append(getattr(document, "extracted_text", "") or "")
        return "\n".join(p for p in parts if p)
