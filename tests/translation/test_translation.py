from wagtail.models import Locale, Page

import pytest

from cms.documents.models import OfficialDocumentPage
from cms.home.translation import translate_page
from cms.news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


def test_demo_translations_leave_a_sound_tree():
    assert Page.find_problems() == ([], [], [], [], [])


def test_english_version_is_created_and_served_under_en(client):
    article = NewsArticlePage.objects.get(
        slug="cam-my-dan-dau-ty-le-dang-nhap", locale__language_code="vi"
    )
    english = translate_page(
        article,
        "en",
        {
            "Cẩm Mỹ dẫn đầu tỷ lệ đảng viên đăng nhập sổ tay điện tử": (
                "Cẩm Mỹ leads the handbook login rate"
            )
        },
    )
    assert english.locale == Locale.objects.get(language_code="en")
    assert english.live and english.translation_key == article.translation_key
    assert english.url == "/en/tin-tuc/cam-my-dan-dau-ty-le-dang-nhap/"
    response = client.get(english.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Cẩm Mỹ leads the handbook login rate" in html
    # untranslated strings keep the Vietnamese text until the editor translates them
    assert "người hỗ trợ số" in html
    # the switcher links back to the Vietnamese page
    assert 'href="/tin-tuc/cam-my-dan-dau-ty-le-dang-nhap/"' in html
    # the Vietnamese page links to its English version
    vi_html = client.get(article.url).content.decode()
    assert 'href="/en/tin-tuc/cam-my-dan-dau-ty-le-dang-nhap/"' in vi_html


def test_translation_follows_the_source_when_it_changes(client):
    article = NewsArticlePage.objects.get(
        slug="ho-tro-dang-vien-lon-tuoi", locale__language_code="vi"
    )
    translate_page(article, "en", {})
    article.lead = "Sa-pô mới của bài tiếng Việt."
    article.save_revision().publish()
    english = translate_page(article, "en", {"Sa-pô mới của bài tiếng Việt.": "The new lead."})
    assert english.lead == "The new lead."


def test_page_without_translation_falls_back_to_vietnamese(client):
    response = client.get("/en/tin-tuc/guong-dien-hinh-bi-thu-chi-bo-ap/")
    assert response.status_code == 302
    assert response["Location"] == "/tin-tuc/guong-dien-hinh-bi-thu-chi-bo-ap/?chua-dich=en"
    html = client.get(response["Location"]).content.decode()
    assert '<html lang="vi">' in html
    assert "This page is not available in English yet" in html
    assert "chưa có bản dịch" in html  # the switcher shows English but cannot link it
    # a section without an English version falls back the same way
    assert client.get("/en/van-ban/")["Location"] == "/van-ban/?chua-dich=en"
    # an address that exists in neither language is still a 404
    assert client.get("/en/khong-co-trang-nay/").status_code == 404


def test_translated_document_keeps_its_number_without_tripping_uniqueness():
    document = OfficialDocumentPage.objects.get(number="12-NQ/TU", locale__language_code="vi")
    english = translate_page(document, "en", {})
    assert english.number == "12-NQ/TU"
    english.full_clean()


def test_english_home_is_served(client):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html and "Electronic Party Member Handbook" in html
