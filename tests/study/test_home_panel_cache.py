"""The study panel and the unread count are kept per member (cms/study/caching.py):
what the member does shows on their next page, and never on anyone else's."""

from cms.resolutions.factories import ResolutionStudyPageFactory
from cms.resolutions.models import ResolutionIndexPage
from cms.study import notifications
from cms.study.choices import NotificationKind
from cms.study.factories import (
    QuizAttemptFactory,
    StudyAssignmentFactory,
    StudyReadFactory,
    quiz_stream,
)

DONE = "Đồng chí đã hoàn thành các nội dung được giao."
ONE_TO_DO = "Còn 1 nội dung cần học tập."


def home(client, member):
    client.force_login(member.user)
    return client.get("/").content.decode()


def plain_resolution():
    return ResolutionStudyPageFactory(
        parent=ResolutionIndexPage.objects.live().first(), title="Nghị quyết chỉ cần đọc"
    )


def test_reading_the_item_shows_as_done_on_the_next_home_page(client, member_in):
    page = plain_resolution()
    StudyAssignmentFactory(page=page)
    member, neighbour = member_in("TST-A"), member_in("TST-A")
    assert ONE_TO_DO in home(client, member)
    assert ONE_TO_DO in home(client, neighbour)

    client.force_login(member.user)
    assert client.get(page.url).status_code == 200  # the read is written in one INSERT
    assert DONE in home(client, member)
    assert ONE_TO_DO in home(client, neighbour)


def test_a_new_assignment_and_a_passed_quiz_show_on_the_next_home_page(client, member_in):
    page = ResolutionStudyPageFactory(
        parent=ResolutionIndexPage.objects.live().first(),
        title="Nghị quyết có câu hỏi tự kiểm tra",
        quiz=quiz_stream(),
        quiz_pass_mark=60,
    )
    member = member_in("TST-B")
    assert DONE in home(client, member)
    StudyAssignmentFactory(page=page)
    assert ONE_TO_DO in home(client, member)
    StudyReadFactory(member=member, page=page)
    assert ONE_TO_DO in home(client, member)  # the quiz is still to pass
    QuizAttemptFactory(member=member, page=page)
    assert DONE in home(client, member)


def test_unread_notices_follow_new_notices_and_mark_all_read(client, member_in):
    member, other = member_in("TST-A"), member_in("TST-A")
    assert "Thông báo (" not in home(client, member)
    notifications.notify([member.user_id], NotificationKind.MEETING, "Lịch sinh hoạt mới")
    assert "Thông báo (1)" in home(client, member)
    assert "Thông báo (" not in home(client, other)
    notifications.mark_all_read(member.user)
    assert "Thông báo (" not in home(client, member)
