"""Images are as private as the pages using them and their collection.

A members-only page's image has no public file: the page shows it through
/images/<signature>/<id>/<filter>/<name>, which checks permissions like
/documents/; its original and renditions are refused under /media/. A public
article's image stays a plain media file that no Django view touches.
"""

import re
from html import unescape

from django.core.files.storage import default_storage

import pytest

from cms.bulletins.models import BulletinIndexPage, BulletinPage
from cms.files.demo import members_collection
from cms.files.factories import ProtectedImageFactory
from cms.news.factories import NewsArticlePageFactory
from cms.news.models import NewsIndexPage

pytestmark = pytest.mark.django_db

IMG_SRC = re.compile(r'<img src="([^"]+)"')


def image_srcs(response):
    assert response.status_code == 200
    return [unescape(src) for src in IMG_SRC.findall(response.content.decode())]


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def bulletin_with_image():
    def make(image, slug="ban-tin-co-anh"):
        page = BulletinPage(
            title="Bản tin có ảnh minh họa",
            slug=slug,
            month=2,
            year=2001,
            body=[("image", {"image": image, "caption": "Hội nghị chi bộ", "credit": ""})],
        )
        BulletinIndexPage.objects.get(slug="ban-tin").add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def article_with_image():
    def make(image, slug="tin-co-anh"):
        page = NewsArticlePageFactory(
            parent=NewsIndexPage.objects.get(slug="tin-tuc", locale__language_code="vi"),
            slug=slug,
            lead_image=image,
            lead_image_caption="Ảnh công khai",
        )
        page.save_revision().publish()
        return page

    return make


def test_members_only_bulletin_image_is_served_only_to_members(
    client, users, bulletin_with_image, debug_urls
):
    image = ProtectedImageFactory()  # public collection: the page makes it private
    page = bulletin_with_image(image)
    assert image.is_private

    client.force_login(users["dangvien"])
    [src] = image_srcs(client.get(page.url))
    assert src.startswith("/images/") and f"/{image.pk}/width-800%7Cformat-webp/" in src
    response = client.get(src)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert "private" in response["Cache-Control"]
    data = body(response)
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    rendition = image.get_rendition("width-800|format-webp")
    assert rendition.file.name.startswith("protected_images/")
    assert default_storage.open(rendition.file.name).read() == data

    client.logout()
    response = client.get(src)
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/?next=/images/")
    # No file of it under /media/, even with the development media route.
    assert client.get(f"/media/{image.file.name}").status_code == 404
    assert client.get(f"/media/{rendition.file.name}").status_code == 404
    assert image.file.name.startswith("original_images/")


def test_a_tampered_signature_is_refused(client, users, bulletin_with_image):
    page = bulletin_with_image(ProtectedImageFactory())
    client.force_login(users["dangvien"])
    [src] = image_srcs(client.get(page.url))
    # Another size of the same image needs its own signature.
    assert client.get(src.replace("width-800", "width-1600")).status_code == 403


def test_members_collection_image_is_private_before_any_page_uses_it(client, users):
    image = ProtectedImageFactory(collection=members_collection())
    rendition = image.get_rendition("width-400")
    assert rendition.file.name.startswith("protected_images/")
    assert rendition.url.startswith("/images/")
    assert client.get(rendition.url).status_code == 302
    client.force_login(users["dangvien"])
    assert client.get(rendition.url).status_code == 200


def test_public_article_image_stays_a_plain_media_file(
    client, article_with_image, debug_urls, django_assert_num_queries
):
    image = ProtectedImageFactory()
    page = article_with_image(image)
    assert not image.is_private
    [src] = image_srcs(client.get(page.url))
    assert src.startswith("/media/images/")
    # Served as a static file (by the web server in production): no query, no check.
    with django_assert_num_queries(0):
        response = client.get(src)
    assert response.status_code == 200
    assert body(response)[8:12] == b"WEBP"


def test_image_turning_private_loses_its_public_file(
    client,
    users,
    article_with_image,
    bulletin_with_image,
    debug_urls,
    django_capture_on_commit_callbacks,
):
    image = ProtectedImageFactory()
    article = article_with_image(image)
    [public_src] = image_srcs(client.get(article.url))
    public_file = public_src.removeprefix("/media/")
    assert default_storage.exists(public_file)

    # Now also on a members-only page: the safe side wins. (Wagtail removes
    # a deleted rendition's file once the transaction commits.)
    with django_capture_on_commit_callbacks(execute=True):
        bulletin_with_image(image)
    assert not default_storage.exists(public_file)
    assert client.get(public_src).status_code == 404
    [src] = image_srcs(client.get(article.url))
    assert src.startswith("/images/")
    assert client.get(src).status_code == 302
    client.force_login(users["dangvien"])
    assert client.get(src).status_code == 200


def test_restriction_removed_makes_the_image_public_again(
    bulletin_with_image, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    image = ProtectedImageFactory()
    page = bulletin_with_image(image)
    protected = image.get_rendition("width-400")
    assert protected.file.name.startswith("protected_images/")
    # Take the page out of the members-only section's reach: delete the
    # section's restriction (the page's own serve() guard still applies).
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page__in=page.get_ancestors()).delete()
    assert not default_storage.exists(protected.file.name)
    fresh = type(image).objects.get(pk=image.pk)
    assert not fresh.is_private
    assert fresh.get_rendition("width-400").url.startswith("/media/images/")
