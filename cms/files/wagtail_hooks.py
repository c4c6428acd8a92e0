from django.urls import path

from wagtail import hooks

from .permissions import refuse_document
from .views import DocumentIndexView


@hooks.register("before_serve_document")
def check_page_restrictions(document, request):
    return refuse_document(document, request)


@hooks.register("register_admin_urls")
def register_document_index():
    # Registered before wagtail.documents' own URLs (cms.files comes first in
    # INSTALLED_APPS), so the document listing gains a "text layer" column.
    return [
        path("documents/", DocumentIndexView.as_view(), name="files_document_index"),
        path(
            "documents/results/",
            DocumentIndexView.as_view(results_only=True),
            name="files_document_index_results",
        ),
    ]
