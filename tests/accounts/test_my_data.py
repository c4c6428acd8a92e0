""" "Dữ liệu của tôi" (cms/accounts/personal_data.py): everything held about a member, on
a page and as a download, never a secret ballot's choice; the download is audited."""

import json

from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from cms.meetings import services
from cms.meetings.models import Ballot
from cms.study.models import Bookmark, Notification
from tests.meetings.test_voting import make_motion, option, present

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(open_meeting, secretary, members, home_page):
    """members[1] attended, voted openly and secretly, bookmarked a page, got a notice."""
    voter = members[1]
    present(open_meeting, secretary, [secretary, voter])
    open_vote = make_motion(open_meeting, secretary, options=("Đồng ý mở", "Không mở"))
    services.cast_vote(voter.user, open_vote.pk, option(open_vote, "Đồng ý mở").pk)
    secret = make_motion(
        open_meeting, secretary, ballot_type="secret", options=("Bầu Kín Một", "Bầu Kín Hai")
    )
    services.cast_vote(voter.user, secret.pk, option(secret, "Bầu Kín Một").pk)
    services.close_motion(secretary.user, secret)
    Bookmark.objects.create(user=voter.user, page=home_page)
    Notification.objects.create(user=voter.user, kind="assigned", title="Học nghị quyết mới")
    return voter


def test_the_page_lists_profile_meetings_votes_and_study(client, history):
    client.force_login(history.user)
    html = client.get(reverse("accounts:my_data")).content.decode()
    for shown in [
        history.full_name,
        history.card_number,
        history.phone,
        "Điểm danh sinh hoạt",
        "Có mặt",
        "Biểu quyết đã tham gia",
        "Đồng ý mở",
        "Học nghị quyết mới",
        "Tài liệu đã lưu",
        "Xác nhận thông báo xử lý dữ liệu cá nhân",
    ]:
        assert shown in html, shown
    # The secret ballot: the receipt only, never the choice.
    assert html.count("Thông qua nghị quyết tháng") >= 2
    assert "Bầu Kín Một" not in html and "Bầu Kín Hai" not in html
    assert Ballot.objects.filter(option__label="Bầu Kín Một").exists()
    assert "style=" not in html


def test_the_download_holds_the_same_data_and_is_audited(client, history):
    client.force_login(history.user)
    response = client.get(reverse("accounts:my_data_download"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="du-lieu-cua-toi-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    titles = [section["title"] for section in data["du_lieu"]]
    assert "Hồ sơ đảng viên" in titles and "Biểu quyết đã tham gia" in titles
    assert history.card_number in response.content.decode()
    assert "Bầu Kín Một" not in response.content.decode()
    entry = ModelLogEntry.objects.for_instance(history.user).get(action="personal_data.export")
    assert entry.user_id == history.user.pk
    assert entry.data["people"] == 1


def test_only_ones_own_data(client, history, members):
    client.force_login(members[2].user)
    html = client.get(reverse("accounts:my_data")).content.decode()
    assert members[2].card_number in html
    assert history.card_number not in html


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(reverse("accounts:my_data_download"))
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")


def test_every_page_footer_leads_a_member_to_their_data_and_the_notice(client, member):
    """Found from any page, not only by typing its address; anonymous (cached) pages keep a
    footer without it."""
    my_data, notice = reverse("accounts:my_data"), reverse("accounts:notice")
    anonymous = client.get("/").content.decode()
    assert my_data not in anonymous and notice not in anonymous
    client.force_login(member.user)
    for path in ["/", "/tra-cuu/"]:
        html = client.get(path).content.decode()
        assert f'href="{my_data}">Dữ liệu của tôi</a>' in html
        assert f'href="{notice}">Thông báo xử lý dữ liệu cá nhân</a>' in html
    english = client.get("/en/").content.decode()
    assert 'href="/en/du-lieu-cua-toi/">My data</a>' in english
    assert client.get("/en/du-lieu-cua-toi/").status_code == 200
