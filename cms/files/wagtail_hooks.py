from django.urls import path

from wagtail import hooks

from cms.security.privacy import mark_private

from .permissions import has_view_restriction, refuse_document
from .views import DocumentIndexView


@hooks.register("before_serve_document")
def check_page_restrictions(document, request):
    refusal = refuse_document(document, request)
    if refusal is None and has_view_restriction(document):
        # A members-only file: kept by no shared cache and not on the reader's disk.
        mark_private(request)
    return refusal


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
