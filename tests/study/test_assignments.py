import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from cms.bulletins.choices import BulletinKind
from cms.bulletins.factories import BulletinPageFactory
from cms.bulletins.models import BulletinIndexPage
from cms.members.models import CellTypeOption
from cms.resolutions.models import Audience
from cms.study.factories import (
    LearningSummaryFactory,
    QuizAttemptFactory,
    StudyAssignmentFactory,
    StudyReadFactory,
)
from cms.study.models import StudyAssignment
from cms.study.progress import member_progress

pytestmark = pytest.mark.django_db


def overdue_material_of(unit, title, month):
    """A cell material assigned to ``unit`` with a deadline two days past."""
    bulletin = BulletinPageFactory(
        parent=BulletinIndexPage.objects.first(),
        title=title,
        slug=f"tai-lieu-thu-{month}",
        kind=BulletinKind.CELL_MATERIAL,
        month=month,
        year=2026,
    )
    late = timezone.localdate() - datetime.timedelta(days=2)
    StudyAssignmentFactory(page=bulletin, audience=Audience.UNITS, units=[unit], deadline=late)
    return bulletin


def test_assignment_by_audience(tree, member_in, resolution):
    in_a, in_b, elsewhere = member_in("TST-A"), member_in("TST-B"), member_in("TSU-A")
    everyone = StudyAssignmentFactory(page=resolution)
    residential = StudyAssignmentFactory(
        page=resolution,
        audience=Audience.CELL_TYPES,
        cell_types=list(CellTypeOption.objects.filter(code="residential")),
    )
    committee = StudyAssignmentFactory(
        page=resolution, audience=Audience.UNITS, units=[tree["TST"]]
    )

    def ids(member):
        return set(StudyAssignment.objects.for_member(member).values_list("pk", flat=True))

    assert ids(in_a) >= {everyone.pk, residential.pk, committee.pk}
    assert committee.pk in ids(in_b) and residential.pk not in ids(in_b)
    assert everyone.pk in ids(elsewhere)
    assert not ids(elsewhere) & {residential.pk, committee.pk}
    assert not StudyAssignment.objects.for_member(None).exists()


def test_my_study_shows_progress_and_overdue(client, tree, member_in, resolution):
    member = member_in("TST-A")
    bulletin = overdue_material_of(tree["TST-A"], "Tài liệu sinh hoạt chi bộ thử tháng 11", 11)
    StudyAssignmentFactory(page=resolution, audience=Audience.UNITS, units=[tree["TST"]])
    StudyReadFactory(member=member, page=resolution)
    QuizAttemptFactory(member=member, page=resolution, correct=1, total=3)
    QuizAttemptFactory(member=member, page=resolution, correct=3, total=3)
    LearningSummaryFactory(member=member, page=resolution)

    items = {i.page.pk: i for i in member_progress(member)}
    study = items[resolution.pk]
    assert study.read and study.quiz_passed and study.best_percent == 100
    assert study.summary_submitted and not study.summary_reviewed and study.done
    material = items[bulletin.pk]
    assert not material.read and material.overdue and not material.has_quiz

    client.force_login(member.user)
    html = client.get(reverse("study:my_study")).content.decode()
    assert "Học tập của tôi" in html
    assert resolution.title in html and bulletin.title in html
    assert "Quá hạn" in html and "Đạt bài tự kiểm tra (100%)" in html
    assert "Đã gửi, chờ nhận xét" in html
    assert "style=" not in html.split("<main", 1)[1]


def test_unassigned_member_sees_an_empty_space_and_staff_get_403(client, tree, member_in, users):
    member = member_in("TSU-A")
    client.force_login(member.user)
    response = client.get(reverse("study:my_study"))
    assert "chưa có nội dung học tập nào được giao" in response.content.decode()
    client.force_login(users["bientap"])
    assert client.get(reverse("study:my_study")).status_code == 403


def test_the_home_panel_counts_what_my_study_shows(client, tree, member_in, resolution):
    """The panel keeps the cell's assignments per cell and counts the member's own progress
    (``to_do_and_overdue``): the same figures as "Học tập của tôi", for each member."""
    member, mate = member_in("TST-A"), member_in("TST-A")
    StudyAssignmentFactory(page=resolution, audience=Audience.UNITS, units=[tree["TST"]])
    overdue_material_of(tree["TST-A"], "Tài liệu thử cho bảng học tập", 10)
    StudyReadFactory(member=member, page=resolution)
    QuizAttemptFactory(member=member, page=resolution, correct=3, total=3)
    LearningSummaryFactory(member=member, page=resolution)

    def panel(who):
        client.force_login(who.user)
        html = client.get("/").content.decode()
        return html.split('id="home-study"', 1)[1].split("</section>", 1)[0]

    for who in (member, mate, member):  # the second time from the kept lists
        items = member_progress(who)
        to_do = sum(not i.done for i in items)
        overdue = sum(i.overdue for i in items)
        assert (to_do, overdue) == ((1, 1) if who == member else (2, 1))
        shown = panel(who)
        assert f"Còn {to_do} nội dung cần học tập." in shown
        assert f"{overdue} nội dung đã quá hạn." in shown
