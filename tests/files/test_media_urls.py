"""No /media/ address, however it is written, reaches a private file.

Documents, image originals and the renditions of private images are served
only by their permission-checking views. Under the development server
(``cms.settings.dev``, what scripts/run.sh runs: DEBUG, media served by
Django) each way of writing their path answers 404, through the test client
and over a real socket with the raw path sent as is (``curl --path-as-is``);
with DEBUG off no media route exists at all. A public rendition stays
reachable at its one normal address.
"""

import http.client
from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from django.db import connections
from django.test import testcases

from wagtail.models import Collection

import pytest

from cms.files.demo import members_collection
from cms.files.factories import ProtectedDocumentFactory, ProtectedImageFactory
from cms.files.samples import build_pdf

pytestmark = pytest.mark.django_db

FORMS = [
    "/media/{name}",
    "/media//{name}",
    "/media///{name}",
    "/media/%2f{name}",
    "/media/%2F{name}",
    "/media/./{name}",
    "/media//./{name}",
    "/media/images/../{name}",
    "/media/images/%2e%2e/{name}",
    "/media/images/%2E%2E%2F{name}",
    "/media/images%2f..%2f{name}",
    "/media/images/..%2f{name}",
    "/media/images//../{name}",
    "/media/%2e/{name}",
    "/media/images\\..\\{name}",
    "/media/images/%5c..%5c{name}",
]


@pytest.fixture
def private_files():
    """A members-only document, a private image's original and its rendition."""
    if Collection.get_first_root_node() is None:  # flushed by a transactional test
        Collection.add_root(name="Gốc")
    document = ProtectedDocumentFactory(
        collection=members_collection(),
        file=ContentFile(build_pdf(["Tài liệu nội bộ"]), name="tai-lieu-noi-bo.pdf"),
    )
    image = ProtectedImageFactory(collection=members_collection())
    rendition = image.get_rendition("width-100")
    names = [document.file.name, image.file.name, rendition.file.name]
    assert [n.split("/")[0] for n in names] == ["documents", "original_images", "protected_images"]
    return names


@pytest.fixture
def public_rendition():
    rendition = ProtectedImageFactory().get_rendition("width-100")
    assert rendition.file.name.startswith("images/")
    return rendition


def addresses(names):
    return [form.format(name=name) for name in names for form in FORMS]


def test_no_form_reaches_a_private_file_under_the_development_server(
    client, debug_urls, private_files, public_rendition
):
    for address in addresses(private_files):
        assert client.get(address).status_code == 404, address
    # What the development server is for: public renditions, at their normal address.
    assert client.get(public_rendition.url).status_code == 200
    for form in ("/media//{name}", "/media/images/../{name}", "/media/./{name}"):
        address = form.format(name=public_rendition.file.name)
        assert client.get(address).status_code == 404, address


def test_no_media_route_without_debug(client, private_files, public_rendition):
    for address in addresses([*private_files, public_rendition.file.name]):
        assert client.get(address).status_code == 404, address


def raw_get(server_url, path):
    """GET ``path`` exactly as written (no client-side normalisation)."""
    parts = urlsplit(server_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.fixture
def dev_server(monkeypatch, debug_urls, transactional_db):
    """The site over a real socket as ``manage.py runserver`` serves it.

    Its own server thread, started here: pytest-django's ``live_server`` lives
    for the whole session, so when another test started it first it already
    serves MEDIA_ROOT by itself below the URLconf (Django's
    ``_MediaFilesHandler``), which runserver never does."""
    monkeypatch.setattr(testcases, "_MediaFilesHandler", lambda application: application)
    shared = {c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()}
    for connection in shared.values():
        connection.inc_thread_sharing()
    thread = testcases.LiveServerThread(
        "localhost", lambda application: application, connections_override=shared, port=0
    )
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    try:
        if thread.error:
            raise thread.error
        yield f"http://localhost:{thread.port}"
    finally:
        thread.terminate()
        for connection in shared.values():
            connection.dec_thread_sharing()


@pytest.mark.django_db(transaction=True)
def test_no_form_reaches_a_private_file_over_a_socket(dev_server, private_files, public_rendition):
    for address in addresses(private_files):
        status, content = raw_get(dev_server, address)
        assert status == 404, (address, status)
        assert b"%PDF" not in content and b"\x89PNG" not in content
    status, _ = raw_get(dev_server, public_rendition.url)
    assert status == 200
