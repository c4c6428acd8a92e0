"""Private files on S3, against moto's standalone server over a real socket.

The bucket's objects are private: an unsigned GET is refused by the server.
The site's /documents/ view checks permissions first, then either streams the
object (serve_view, our default) or redirects an allowed user to a
short-lived signed URL (redirect).
"""

import socket
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit, urlunsplit

from django.core.files.base import ContentFile
from django.test import override_settings

import boto3
import pytest
from moto.server import ThreadedMotoServer

from cms.files.demo import members_collection
from cms.files.factories import ProtectedDocumentFactory
from cms.files.samples import build_pdf

BUCKET = "stdv-files-test"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def moto_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **CREDENTIALS).create_bucket(
        Bucket=BUCKET
    )
    yield endpoint
    server.stop()


@pytest.fixture
def s3_storage(moto_endpoint, settings):
    storages = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": moto_endpoint,
                "region_name": "us-east-1",
                "access_key": "testing",
                "secret_key": "testing",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 60,
                "file_overwrite": False,
                "location": "media",
            },
        },
    }
    with override_settings(STORAGES=storages):
        yield boto3.client("s3", endpoint_url=moto_endpoint, region_name="us-east-1", **CREDENTIALS)


def http_get(url):
    """GET over the socket; return (status, body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture
def pdf_bytes():
    return build_pdf(
        ["Tài liệu sinh hoạt chi bộ tháng 01/2001", "Lưu trên S3, đối tượng riêng tư."]
    )


@pytest.fixture
def s3_document(s3_storage, pdf_bytes, db):
    document = ProtectedDocumentFactory(
        title="Tài liệu trên S3",
        collection=members_collection(),
        file=ContentFile(pdf_bytes, name="sinh-hoat-chi-bo.pdf"),
    )
    return document


def unsigned(url):
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


@pytest.mark.django_db
def test_object_is_private_and_unsigned_get_is_refused(
    s3_storage, s3_document, moto_endpoint, pdf_bytes
):
    key = f"media/{s3_document.file.name}"
    stored = s3_storage.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert stored == pdf_bytes
    grants = s3_storage.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert all("URI" not in grant["Grantee"] for grant in grants)  # no AllUsers/AuthenticatedUsers

    storage_url = s3_document.file.url
    assert storage_url.startswith(f"{moto_endpoint}/{BUCKET}/{key}?")
    status, _ = http_get(unsigned(storage_url))
    assert status == 403


@pytest.mark.django_db
def test_text_is_extracted_from_the_s3_object(s3_document):
    s3_document.refresh_from_db()
    assert "Tài liệu sinh hoạt chi bộ tháng 01/2001" in s3_document.extracted_text


@pytest.mark.django_db
def test_site_view_enforces_login_and_streams_to_members(client, users, s3_document, pdf_bytes):
    response = client.get(s3_document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/?next=/documents/")

    client.force_login(users["dangvien"])
    response = client.get(s3_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes
    assert "Location" not in response  # streamed by the site; no bucket URL handed out


@pytest.mark.django_db
def test_redirect_mode_hands_members_a_short_lived_signed_url(
    client, users, s3_document, pdf_bytes, moto_endpoint, settings
):
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    response = client.get(s3_document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")  # the check runs before any URL

    client.force_login(users["dangvien"])
    response = client.get(s3_document.url)
    assert response.status_code == 302
    signed = response["Location"]
    assert signed.startswith(f"{moto_endpoint}/{BUCKET}/media/documents/")
    query = parse_qs(urlsplit(signed).query)
    assert query.get("X-Amz-Expires") == ["60"] or "Expires" in query
    status, body = http_get(signed)
    assert (status, body) == (200, pdf_bytes)
    assert http_get(unsigned(signed))[0] == 403


@pytest.mark.django_db
def test_private_image_on_s3_is_streamed_only_through_the_site(
    client, users, s3_storage, moto_endpoint
):
    from cms.files.factories import ProtectedImageFactory

    image = ProtectedImageFactory(collection=members_collection())
    rendition = image.get_rendition("width-400")
    key = f"media/{rendition.file.name}"
    assert key.startswith("media/protected_images/")
    grants = s3_storage.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert all("URI" not in grant["Grantee"] for grant in grants)
    assert http_get(unsigned(rendition.file.url))[0] == 403

    assert rendition.url.startswith("/images/")  # the page shows the site's URL
    response = client.get(rendition.url)
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")
    client.force_login(users["dangvien"])
    response = client.get(rendition.url)
    assert response.status_code == 200
    stored = s3_storage.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert b"".join(response.streaming_content) == stored


@pytest.mark.django_db
def test_public_image_on_s3_keeps_its_signed_storage_url(s3_storage, moto_endpoint):
    from cms.files.factories import ProtectedImageFactory

    rendition = ProtectedImageFactory().get_rendition("width-400")
    assert rendition.url.startswith(f"{moto_endpoint}/{BUCKET}/media/images/")
    assert "X-Amz-Signature" in rendition.url or "Signature" in rendition.url
    assert http_get(rendition.url)[0] == 200
