"""Private files on local storage: only /documents/<id>/<name>, and only for
users who may see the pages that list the file."""

import uuid
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.models import PageViewRestriction

import pytest

from cms.files.demo import members_collection
from cms.files.factories import ProtectedDocumentFactory
from cms.files.samples import build_pdf

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content)


def assert_sent_to_login(response, document):
    assert response.status_code == 302
    assert response["Location"] == f"/dang-nhap/?next={quote(document.url, safe='/')}"


@pytest.fixture
def bulletin_pdf():
    return build_pdf(["Bản tin thông báo nội bộ số 01/2001", "Chỉ dành cho đảng viên."])


def test_members_collection_file_needs_login(client, users, bulletin_pdf):
    document = ProtectedDocumentFactory(
        collection=members_collection(), file=ContentFile(bulletin_pdf, name="ban-tin.pdf")
    )
    assert document.url == f"/documents/{document.pk}/{document.filename}"
    assert_sent_to_login(client.get(document.url), document)

    client.force_login(users["dangvien"])
    response = client.get(document.url)
    assert response.status_code == 200
    assert body(response) == bulletin_pdf
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_file_linked_from_a_members_only_page_needs_login(
    client, users, bulletin_pdf, members_page_linking
):
    # Uploaded into the public root collection by mistake: the page decides.
    document = ProtectedDocumentFactory(file=ContentFile(bulletin_pdf, name="tai-lieu.pdf"))
    assert client.get(document.url).status_code == 200  # not linked yet: public
    members_page_linking(document)
    assert_sent_to_login(client.get(document.url), document)
    client.force_login(users["dangvien"])
    assert body(client.get(document.url)) == bulletin_pdf


def test_public_page_link_does_not_open_a_members_only_file(
    client, bulletin_pdf, members_page_linking, home_page
):
    from cms.home.models import HomePage

    document = ProtectedDocumentFactory(file=ContentFile(bulletin_pdf, name="chung.pdf"))
    members_page_linking(document)
    public = HomePage(
        title="Trang công khai thử",
        slug="trang-cong-khai-thu",
        intro=f'<p><a linktype="document" id="{document.pk}">tệp</a></p>',
    )
    home_page.add_child(instance=public)
    assert_sent_to_login(client.get(document.url), document)


def test_group_restricted_page_refuses_other_members_with_403(
    client, users, bulletin_pdf, members_page_linking
):
    document = ProtectedDocumentFactory(file=ContentFile(bulletin_pdf, name="nhom.pdf"))
    page = members_page_linking(document)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    committee = Group.objects.create(name="Cấp ủy thử nghiệm")
    restriction.groups.add(committee)

    client.force_login(users["dangvien"])
    assert client.get(document.url).status_code == 403
    users["dangvien"].groups.add(committee)
    assert client.get(document.url).status_code == 200
    client.force_login(users["quantri"])  # manages documents in the admin
    assert body(client.get(document.url)) == bulletin_pdf


def test_no_media_url_serves_documents(client, bulletin_pdf):
    document = ProtectedDocumentFactory(
        collection=members_collection(), file=ContentFile(bulletin_pdf, name="media.pdf")
    )
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_development_media_route_refuses_documents(client, bulletin_pdf, debug_urls):
    document = ProtectedDocumentFactory(
        collection=members_collection(), file=ContentFile(bulletin_pdf, name="dev.pdf")
    )
    assert document.file.name.startswith("documents/")
    assert client.get(f"/media/{document.file.name}").status_code == 404
    # Written straight into MEDIA_ROOT: other tests may swap the default storage.
    other = Path(settings.MEDIA_ROOT) / "khac" / f"kiem-tra-{uuid.uuid4().hex}.txt"
    other.parent.mkdir(parents=True, exist_ok=True)
    other.write_bytes(b"media khac")
    try:
        # Only public image renditions are media (tests/files/test_media_urls.py).
        assert client.get(f"/media/khac/{other.name}").status_code == 404
    finally:
        other.unlink()
