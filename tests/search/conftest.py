"""Search fixtures: the fixed relevance corpus and the backends to run it on.

``search_backend`` is parametrised: ``database`` always (SQLite or PostgreSQL,
whichever DATABASE_URL selects); ``opensearch`` against the osmem-server
binary (a real OpenSearch-API server over a socket, started once per session);
``elasticsearch`` only when ELASTICSEARCH_URL points at a real cluster.
"""

import os
import uuid

from django.conf import settings
from django.test import override_settings

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest
from osmem_server import OsmemServer, resolve_binary

from cms.bulletins.factories import BulletinPageFactory
from cms.bulletins.models import BulletinIndexPage
from cms.documents.factories import OfficialDocumentPageFactory
from cms.documents.models import DocumentIndexPage, OfficialDocumentPage
from cms.news.factories import NewsArticlePageFactory
from cms.news.models import NewsIndexPage
from cms.resolutions.factories import ResolutionStudyPageFactory
from cms.resolutions.models import ResolutionIndexPage
from cms.search import vocabulary
from cms.search.circuit import reset_circuit
from cms.search.index import searchable_page_models

from .relevance import corpus


def _paragraphs(text):
    return [("paragraph", f"<p>{text}</p>")]


def build_corpus():
    """Create the corpus pages under the demo sections; returns {slug: page}."""
    news = NewsIndexPage.objects.get(depth=3, slug="tin-tuc", locale__language_code="vi")
    docs = DocumentIndexPage.objects.get(depth=3, slug="van-ban", locale__language_code="vi")
    bulletins = BulletinIndexPage.objects.get(slug="ban-tin")
    resolutions = ResolutionIndexPage.objects.first()
    pages = {}
    # The demo has some of the same document numbers; numbers are unique per issuer.
    numbers = [d["number"] for d in corpus.DOCUMENTS if "number" in d]
    for clash in OfficialDocumentPage.objects.filter(number__in=numbers):
        clash.delete()
    for d in corpus.DOCUMENTS:
        pages[d["slug"]] = OfficialDocumentPageFactory(parent=docs, **d)
    for d in corpus.NEWS:
        d = dict(d, body=_paragraphs(d["body"]))
        pages[d["slug"]] = NewsArticlePageFactory(parent=news, **d)
    for d in corpus.BULLETINS:
        d = dict(d, body=_paragraphs(d["body"]))
        pages[d["slug"]] = BulletinPageFactory(parent=bulletins, **d)
    for d in corpus.RESOLUTIONS:
        d = dict(d, body=_paragraphs(d["body"]))
        pages[d["slug"]] = ResolutionStudyPageFactory(parent=resolutions, **d)
    return pages


def osmem_available():
    try:
        return os.path.exists(resolve_binary())
    except Exception:
        return False


@pytest.fixture(scope="session")
def osmem_url():
    server = OsmemServer.start(japanese=False)
    yield server.url
    server.close()


def external_backend(backend_path, url):
    return {
        "default": {
            "BACKEND": backend_path,
            "URLS": [url],
            "INDEX_PREFIX": f"stdv_test_{uuid.uuid4().hex[:8]}_",
            "TIMEOUT": 5,
            "OPTIONS": {"max_retries": 0},
            "INDEX_SETTINGS": {},
        },
        "database": settings.DATABASE_SEARCH_BACKEND,
    }


def _prepare_external_index():
    backend = get_search_backend("default")
    for index in backend.all_indexes():
        index.reset()
    for model in searchable_page_models():
        backend.get_index_for_model(model).add_model(model)
    return backend


BACKEND_PARAMS = ["database"]
BACKEND_PARAMS.append(
    pytest.param(
        "opensearch",
        marks=pytest.mark.skipif(not osmem_available(), reason="osmem-server binary missing"),
    )
)
if os.environ.get("ELASTICSEARCH_URL"):
    BACKEND_PARAMS.append("elasticsearch")


@pytest.fixture(params=BACKEND_PARAMS)
def search_backend(request, db):
    """Yields the backend name; the corpus is created after the backend is configured."""
    kind = request.param
    reset_circuit("default")
    if kind == "database":
        with override_settings(
            WAGTAILSEARCH_BACKENDS={"default": settings.DATABASE_SEARCH_BACKEND}
        ):
            # Only the corpus is indexed, as on the external backends.
            get_search_backend("default").reset_indexes()
            yield kind
        return
    if kind == "opensearch":
        url = request.getfixturevalue("osmem_url")
        conf = external_backend("cms.search.backends.ResilientOpenSearch3Backend", url)
    else:
        conf = external_backend(
            "cms.search.backends.ResilientElasticsearch8Backend", os.environ["ELASTICSEARCH_URL"]
        )
    with override_settings(WAGTAILSEARCH_BACKENDS=conf):
        backend = _prepare_external_index()
        yield kind
        for index in backend.all_indexes():
            index.delete()


@pytest.fixture
def corpus_pages(search_backend):
    pages = build_corpus()
    backend = get_search_backend("default")
    if search_backend != "database":
        backend.refresh_indexes()
    vocabulary.rebuild()  # what update_index does after indexing
    return pages


def page_slugs(response):
    return [r["page"].slug for r in response.results]


__all__ = ["Page", "build_corpus", "page_slugs"]
