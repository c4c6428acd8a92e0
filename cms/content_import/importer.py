"""Bring pages over from the old handbook: one JSON object per line.

Each line is imported on its own, inside its own transaction: a bad line
writes nothing (no page, no file, no mapping) and the next line goes on.
Lines are matched to pages by ``source_id`` (``ImportedPage``), so running
the same file twice changes nothing, and running an edited file updates the
pages it names.

Before a page is published its text goes through the workflow's state-secret
screening (``editorial_workflows.screening.findings``, the same reading of a
page the workflow uses); a line with a finding is kept as an unpublished
draft and reported. Reading a line is in ``parsing.py``, the page fields of
each type in ``builders.py``, the report in ``report.py``.
"""

import hashlib
import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.search.index import insert_or_update_object

from cms.bulletins.models import BulletinIndexPage, BulletinPage
from cms.bulletins.services import ensure_members_only
from cms.documents.models import DocumentIndexPage, OfficialDocumentPage
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.resolutions.models import ResolutionIndexPage, ResolutionStudyPage
from editorial_workflows.screening import findings

from .builders import BUILDERS
from .models import ImportedPage
from .parsing import LineError, parse_line, validation_message
from .report import ImportSummary, LineResult, describe_findings

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


class ContentImporter:
    def __init__(self, base_dir=".", user=None):
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
        data = {}
        new_files = []
        try:
            data = parse_line(raw)
            with transaction.atomic():
                return self.apply(line_no, data, new_files)
        except (LineError, ValidationError) as error:
            for document in new_files:  # the rows rolled back; remove the stored files too
                document.file.delete(save=False)
            if isinstance(error, ValidationError):
                model = MODELS.get(data.get("type"), OfficialDocumentPage)
                message = validation_message(error, model)
            else:
                message = str(error)
            source_id = data.get("source_id") or getattr(error, "source_id", "")
            return LineResult(line_no, "error", source_id, message)

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
        fields, relations = BUILDERS[kind](data, documents)
        created = page is None
        if created:
            page = model(**fields)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        for name, value in relations.items():
            setattr(page, name, value)

        found = findings(page)
        if created:
            page.live = False
            self.section(kind).add_child(instance=page)
        # An existing page's row is left alone: the new content goes into a
        # revision, which becomes live only if the screening passes.
        revision = page.save_revision(user=self.user, log_action=False)
        self.apply_members_only(page, kind, data)

        if found:
            status = "draft"
            message = describe_findings(found)
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
