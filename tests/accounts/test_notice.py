"""The processing notice (cms/accounts/notice.py): shown at first login, acknowledged,
recorded with its version and time; until then member pages lead to it."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from cms.accounts import notice
from cms.accounts.models import NoticeAcknowledgement

pytestmark = pytest.mark.django_db
NOTICE = reverse("accounts:notice")


@pytest.mark.raw_login
def test_member_pages_lead_to_the_notice_until_it_is_acknowledged(client, member):
    client.force_login(member.user)
    for path in ["/", "/tin-tuc/", reverse("accounts:my_data"), "/sinh-hoat-chi-bo/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{NOTICE}?next="), path
    # Static files, the notice itself and logging out stay open.
    assert client.get("/static/css/site.css").status_code in (200, 404)
    page = client.get(f"{NOTICE}?next=/tin-tuc/")
    html = page.content.decode()
    assert page.status_code == 200
    for words in ["Dữ liệu được lưu", "Mục đích", "Ai được xem", "Nghị định 13/2023/NĐ-CP"]:
        assert words in html
    assert "style=" not in html

    refused = client.post(NOTICE, {"next": "/tin-tuc/"})
    assert refused.status_code == 200
    assert "Đồng chí đánh dấu vào ô xác nhận" in refused.content.decode()
    assert not NoticeAcknowledgement.objects.filter(user=member.user).exists()

    before = timezone.now()
    done = client.post(NOTICE, {"agree": "on", "next": "/tin-tuc/"})
    assert done["Location"] == "/tin-tuc/"
    record = NoticeAcknowledgement.objects.get(user=member.user)
    assert record.version == notice.NOTICE_VERSION
    assert before <= record.acknowledged_at <= timezone.now() + datetime.timedelta(seconds=1)
    assert ModelLogEntry.objects.for_instance(member.user).filter(action="accounts.notice_ack")
    assert client.get("/tin-tuc/").status_code == 200


@pytest.mark.raw_login
def test_an_acknowledged_notice_is_not_asked_again_at_the_next_login(client, member):
    notice.acknowledge(member.user)
    client.force_login(member.user)
    assert client.get("/tin-tuc/").status_code == 200


@pytest.mark.raw_login
def test_a_new_notice_version_is_asked_again(client, member):
    notice.acknowledge(member.user, version="2020-01")
    client.force_login(member.user)
    assert client.get("/tin-tuc/")["Location"].startswith(NOTICE)


@pytest.mark.raw_login
def test_logging_out_is_never_held_up_by_the_notice(client, member):
    client.force_login(member.user)
    assert client.post(reverse("members:logout"))["Location"] == "/"


def test_staff_accounts_without_a_member_profile_are_not_asked(client, editor):
    client.force_login(editor)
    assert client.get("/tin-tuc/").status_code == 200
    assert not NoticeAcknowledgement.objects.filter(user=editor).exists()


def test_a_next_address_elsewhere_is_not_followed(client, member):
    client.force_login(member.user)
    NoticeAcknowledgement.objects.filter(user=member.user).delete()
    done = client.post(NOTICE, {"agree": "on", "next": "https://example.com/"})
    assert done["Location"] == "/"


@pytest.mark.raw_login
def test_the_notice_reads_in_english_under_en_and_is_acknowledged_the_same(client, member):
    client.force_login(member.user)
    english = client.get("/en/thong-bao-du-lieu-ca-nhan/?next=/en/")
    html = english.content.decode()
    assert english.status_code == 200
    for shown in [
        "Notice on the processing of personal data",
        "Who processes the data",
        "Your rights",
        "Confirm and continue",
        'href="/en/du-lieu-cua-toi/">My data',
    ]:
        assert shown in html, shown
    for hidden in ["Bên xử lý dữ liệu", "Quyền của đồng chí", "Xác nhận và tiếp tục"]:
        assert hidden not in html, hidden
    refused = client.post("/en/thong-bao-du-lieu-ca-nhan/", {"next": "/en/"})
    assert "Tick the box to confirm" in refused.content.decode()
    assert not NoticeAcknowledgement.objects.filter(user=member.user).exists()
    done = client.post("/en/thong-bao-du-lieu-ca-nhan/", {"agree": "on", "next": "/en/"})
    assert done.status_code == 302 and done["Location"] == "/en/"
    assert NoticeAcknowledgement.objects.get(user=member.user).version == notice.NOTICE_VERSION
    vietnamese = client.get(NOTICE).content.decode()
    assert "Bên xử lý dữ liệu" in vietnamese and "Who processes the data" not in vietnamese
