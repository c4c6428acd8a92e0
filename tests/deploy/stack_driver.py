"""Makes an editor's changes in the stack's database for the deploy tests: reads one JSON line
per action on stdin, answers one JSON line (with the time the change was committed)."""

import datetime
import json
import sys
import time

import django

import psycopg

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import Page, PageViewRestriction, Site  # noqa: E402

from django_tasks_db.models import DBTaskResult  # noqa: E402

from cms.bulletins.models import BulletinPage  # noqa: E402
from cms.files.factories import ProtectedDocumentFactory  # noqa: E402
from cms.files.models import ProtectedDocument  # noqa: E402
from cms.home.models import SiteBranding  # noqa: E402
from cms.meetings import services as meeting_services  # noqa: E402
from cms.meetings.choices import AttendanceStatus  # noqa: E402
from cms.meetings.factories import MeetingFactory, MotionFactory  # noqa: E402
from cms.meetings.models import Attendance, Ballot, Meeting, VoteReceipt  # noqa: E402
from cms.members.choices import Position  # noqa: E402
from cms.members.factories import MemberFactory  # noqa: E402
from cms.members.models import Member  # noqa: E402
from cms.news.factories import NewsArticlePageFactory  # noqa: E402
from cms.news.models import NewsIndexPage  # noqa: E402


def _page(pk):
    return Page.objects.get(pk=pk).specific


def info():
    bulletin = BulletinPage.objects.live().order_by("pk").first()
    index = NewsIndexPage.objects.live().order_by("pk").first()
    member = Member.objects.filter(card_number="75000002").select_related("user").get()
    return {
        "members_only_url": bulletin.url,
        "members_only_title": bulletin.title,
        "news_index_url": index.url,
        "member_username": member.card_number,
        "member_name": member.full_name,
    }


def publish_article(title):
    index = NewsIndexPage.objects.live().order_by("pk").first()
    with transaction.atomic():
        page = NewsArticlePageFactory.build(title=title, live=False)
        index.add_child(instance=page)
        page.save_revision().publish()
    return {"id": page.pk, "url": page.url}


def unpublish(id):
    _page(id).unpublish()
    return {}


def move_to_home(id):
    home = Site.objects.get(is_default_site=True).root_page
    _page(id).move(home, pos="last-child")
    return {"url": _page(id).url}


def delete(id):
    _page(id).delete()
    return {}


def set_site_name(name):
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    branding.site_name = name
    branding.save()
    return {}


def restrict(id):
    PageViewRestriction.objects.create(page=_page(id), restriction_type=PageViewRestriction.LOGIN)
    return {}


def open_meeting(card_number):
    member = Member.objects.get(card_number=card_number)
    secretary = Member.objects.filter(
        cell=member.cell, position=Position.SECRETARY, user__isnull=False
    ).first()
    meeting = MeetingFactory(chair=secretary, recorder=member)
    meeting_services.open_meeting(secretary.user, meeting)
    return {"meeting": meeting.pk}


def open_motion(meeting):
    found = Meeting.objects.get(pk=meeting)
    motion = MotionFactory(meeting=found)
    meeting_services.open_motion(found.chair.user, motion)
    return {"motion": motion.pk, "option": motion.options.order_by("order").first().pk}


def add_members(meeting, count):
    """``count`` new members of the meeting's cell who can log in (factory password)."""
    cell = Meeting.objects.get(pk=meeting).cell
    return {"cards": [MemberFactory(cell=cell).card_number for _ in range(count)]}


def meeting_rows(meeting, motion):
    """Attendance rows per member, ballots and receipts of a motion."""
    rows = Attendance.objects.filter(meeting_id=meeting, status=AttendanceStatus.PRESENT)
    return {
        "present": sorted(rows.values_list("member__card_number", flat=True)),
        "ballots": Ballot.objects.filter(motion_id=motion).count(),
        "receipts": sorted(
            VoteReceipt.objects.filter(motion_id=motion).values_list(
                "member__card_number", flat=True
            )
        ),
    }


def receipts(motion, card_number):
    found = VoteReceipt.objects.filter(motion_id=motion, member__card_number=card_number)
    return {"receipts": found.count(), "ballots": Ballot.objects.filter(motion_id=motion).count()}


def attendance(meeting, card_number):
    rows = Attendance.objects.filter(meeting_id=meeting, member__card_number=card_number)
    return {
        "rows": rows.count(),
        "present": rows.filter(status=AttendanceStatus.PRESENT).count(),
    }


def schedule_article(title, seconds):
    """An article approved to go live ``seconds`` from now (Wagtail's scheduled publishing)."""
    index = NewsIndexPage.objects.live().order_by("pk").first()
    page = NewsArticlePageFactory.build(title=title, live=False)
    index.add_child(instance=page)
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=seconds)
    page.save_revision().publish()
    page.refresh_from_db()
    return {"id": page.pk, "url": page.url, "live": page.live}


def upload_document(title):
    document = ProtectedDocumentFactory(title=title)
    document.refresh_from_db()
    return {"id": document.pk, "text": document.extracted_text}


def document_text(id):
    recent = DBTaskResult.objects.order_by("-enqueued_at")[:50]
    task = next((t for t in recent if t.args_kwargs.get("args") == [id]), None)
    return {
        "text": ProtectedDocument.objects.get(pk=id).extracted_text,
        "task": task.status if task else None,
        "worker": (task.worker_ids or [None])[-1] if task else None,
    }


def database_outage(down):
    """PostgreSQL as a restart looks to the site: every other session of the stack's database
    cut, new ones refused; ``down=False`` lets them in again. This process keeps its own."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database(), pg_backend_pid()")
        name, own = cursor.fetchone()
    params = connection.get_connection_params()
    params["dbname"] = "postgres"  # a database may not refuse connections while one is in it
    with psycopg.connect(**params, autocommit=True) as admin:
        allow = "false" if down else "true"
        admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS {allow}')
        cut = 0
        if down:
            cut = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> %s",
                [name, own],
            ).fetchone()[0]
    return {"cut": cut}


def migrate():
    call_command("migrate", verbosity=0, interactive=False)
    return {}


ACTIONS = {
    f.__name__: f
    for f in (
        info,
        publish_article,
        unpublish,
        move_to_home,
        delete,
        set_site_name,
        restrict,
        open_meeting,
        attendance,
        open_motion,
        receipts,
        migrate,
        schedule_article,
        upload_document,
        document_text,
        database_outage,
        add_members,
        meeting_rows,
    )
}


def main():
    for line in sys.stdin:
        request = json.loads(line)
        action = ACTIONS[request.pop("action")]
        try:
            answer = action(**request)
        except Exception as error:  # reported to the test, which fails with it
            answer = {"error": f"{error.__class__.__name__}: {error}"}
        answer["committed_at"] = time.time()
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
