"""Elasticsearch unreachable: search answers from the database, publishing goes on,
and the missed updates are indexed once the server is back."""

import socket

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import override_settings

from wagtail.search.backends import get_search_backend

import pytest

from cms.search.circuit import reset_circuit
from cms.search.index import searchable_page_models
from cms.search.models import PendingIndexUpdate
from cms.search.services import search

from .conftest import build_corpus, external_backend, osmem_available


def closed_port_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def dead_elasticsearch(db):
    conf = external_backend("cms.search.backends.ResilientElasticsearch8Backend", closed_port_url())
    reset_circuit("default")
    with override_settings(WAGTAILSEARCH_BACKENDS=conf):
        yield
    reset_circuit("default")


def test_search_answers_from_the_database_when_elasticsearch_is_down(dead_elasticsearch, client):
    pages = build_corpus()  # publishing works although the index cannot be reached
    assert PendingIndexUpdate.objects.filter(object_id=str(pages["de-an-04"].pk)).exists()
    response = search("04 DA TU", AnonymousUser())
    assert response.backend == "database"
    assert response.results[0]["page"].slug == "de-an-04"
    assert client.get("/tra-cuu/", {"q": "so tay"}).status_code == 200
    assert client.get("/api/search/suggest/", {"q": "so tay"}).status_code == 200
    assert client.get("/").status_code == 200


def test_publishing_with_elasticsearch_down_queues_the_update(dead_elasticsearch, users):
    pages = build_corpus()
    page = pages["tin-moi-truong"]
    page.title = "Ra quân làm sạch môi trường ven sông Đồng Nai"
    revision = page.save_revision(user=users["bientap"])
    revision.publish()
    row = PendingIndexUpdate.objects.get(object_id=str(page.pk))
    assert row.action == "index"
    call_command("retry_pending_index")  # still down: the row stays
    assert PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()


@pytest.mark.skipif(not osmem_available(), reason="osmem-server binary missing")
def test_missed_updates_are_indexed_when_the_server_returns(db, osmem_url):
    dead = external_backend("cms.search.backends.ResilientOpenSearch3Backend", closed_port_url())
    reset_circuit("default")
    with override_settings(WAGTAILSEARCH_BACKENDS=dead):
        pages = build_corpus()
    assert PendingIndexUpdate.objects.count() >= len(pages)
    alive = external_backend("cms.search.backends.ResilientOpenSearch3Backend", osmem_url)
    alive["default"]["INDEX_PREFIX"] = dead["default"]["INDEX_PREFIX"]
    reset_circuit("default")
    with override_settings(WAGTAILSEARCH_BACKENDS=alive):
        backend = get_search_backend("default")
        for model_index in backend.all_indexes():
            model_index.reset()
        for model in searchable_page_models():
            backend.get_index_for_model(model).add_model(model)
        call_command("retry_pending_index")
        assert PendingIndexUpdate.objects.count() == 0
        backend.refresh_indexes()
        response = search("04-da/tu", AnonymousUser())
        assert response.backend == "default"
        assert response.results[0]["page"].slug == "de-an-04"
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
