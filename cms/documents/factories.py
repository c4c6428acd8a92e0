import datetime

import factory
import wagtail_factories

from cms.core.factories import section_factory

from .models import DocumentIndexPage, DocumentType, OfficialDocumentPage

DocumentIndexPageFactory = section_factory(DocumentIndexPage, "Văn bản", "van-ban")


class OfficialDocumentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OfficialDocumentPage

    title = factory.Sequence(lambda n: f"Kế hoạch thực hiện nhiệm vụ số {n}")
    number = factory.Sequence(lambda n: f"{n + 1:02d}-KH/TU")
    doc_type = DocumentType.PLAN
    issuer = "Tỉnh ủy Đồng Nai"
    issue_date = datetime.date(2024, 3, 1)
