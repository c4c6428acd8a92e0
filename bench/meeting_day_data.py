"""Meeting-day data for bench/meeting_day.py: members with sessions, open meetings and motions
in the bench database, and the request classes of the mix built from them."""

import itertools
from urllib.parse import quote_plus, urlencode

CELLS = 20
MEMBERS_PER_CELL = 40
VOTERS_PER_CELL = 25  # checked in before the run; the others check in during it
MOTIONS_PER_MEETING = 5
SECRETARY_MOTIONS = 15
PASSWORD = "Bench@2026"
READER_COOKIE = "stdv_vid=benchreader000000000000; stdv_seen=1"
CSRF = "benchcsrftokenbenchcsrftoken0123"  # 32 characters: Django accepts the bare secret
SEARCHES = [
    "nghị quyết",
    "nghi quyet",
    "sinh hoạt chi bộ",
    "sinh hoat chi bo",
    "đảng viên",
    "dang vien",
    "kiểm tra giám sát",
    "chuyen doi so",
    "học tập làm theo",
    "hoc tap lam theo",
    "công tác tuyên giáo",
    "tổ chức cơ sở đảng",
    "an ninh trật tự",
    "kinh tế tập thể",
    "xây dựng nông thôn mới",
    "phòng chống tham nhũng",
]


# --- meeting-day data ------------------------------------------------------------------------
def prepare(quick):
    """Cells with bench members (sessions made directly; logins are measured on their own),
    an open meeting per cell with open motions, voters already checked in."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from cms.accounts import notice
    from cms.bulletins.models import BulletinPage
    from cms.meetings import live_links, services
    from cms.meetings.choices import AttendanceStatus
    from cms.meetings.factories import MeetingFactory, MotionFactory
    from cms.meetings.models import Attendance
    from cms.members.choices import OrgLevel, Position
    from cms.members.factories import bulk_members
    from cms.members.models import Member, PartyOrganization
    from cms.news.models import NewsArticlePage

    User = get_user_model()
    count = CELLS // 2 if quick else CELLS
    cells = list(PartyOrganization.objects.filter(level=OrgLevel.CELL).order_by("path")[:count])
    password = make_password(PASSWORD)
    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
    # what a member's login records (django-axes only refuses)
    backend = "cms.members.backends.MemberBackend"
    today = timezone.localdate()
    plan = {"members": [], "meetings": [], "votes": [], "checkins": [], "motions": []}
    for k, cell in enumerate(cells):
        prefix = "6"
        cards = [f"{prefix}{k * 1000 + i:08d}" for i in range(MEMBERS_PER_CELL)]
        if not Member.objects.filter(card_number=cards[0]).exists():
            bulk_members(cell, MEMBERS_PER_CELL, start=k * 1000, prefix=prefix)
            Member.objects.filter(card_number=cards[0]).update(position=Position.SECRETARY)
        # Hashed by the site's current hasher on every run: a login measures a check, not an
        # older hash's replacement.
        User.objects.filter(username__in=cards).update(password=password)
        members = list(
            Member.objects.filter(card_number__in=cards)
            .select_related("user")
            .order_by("card_number")
        )
        secretary = members[0]
        meeting = MeetingFactory(chair=secretary, recorder=members[1], date=today)
        services.open_meeting(secretary.user, meeting)
        motions = [MotionFactory(meeting=meeting) for _ in range(MOTIONS_PER_MEETING)]
        for motion in motions:
            services.open_motion(secretary.user, motion)
        drafts = [MotionFactory(meeting=meeting) for _ in range(SECRETARY_MOTIONS)]
        voters = members[:VOTERS_PER_CELL]
        Attendance.objects.filter(meeting=meeting, member__in=voters).update(
            status=AttendanceStatus.PRESENT, checked_in_at=timezone.now(), self_checked_in=True
        )
        sessions = {}
        for member in members:
            # Members who have logged in before: the processing notice is behind them.
            notice.acknowledge(member.user)
            session = SessionStore()
            session[SESSION_KEY] = str(member.user.pk)
            session[BACKEND_SESSION_KEY] = backend
            session[HASH_SESSION_KEY] = member.user.get_session_auth_hash()
            session.save()
            sessions[member.pk] = (
                f"sessionid={session.session_key}; csrftoken={CSRF}; {READER_COOKIE}"
            )
        plan["meetings"].append(meeting.pk)
        # The signed poll address the meeting page gives a member (cms/meetings/live_links.py).
        poll = live_links.poll_url(meeting.pk, full=False)
        for member in members:
            plan["members"].append(
                {
                    "cookie": sessions[member.pk],
                    "meeting": meeting.pk,
                    "card": member.card_number,
                    "poll": poll,
                }
            )
        for member in members[VOTERS_PER_CELL:]:
            plan["checkins"].append(
                {
                    "id": f"c:{meeting.pk}:{member.pk}",
                    "cookie": sessions[member.pk],
                    "meeting": meeting.pk,
                }
            )
        for motion in motions:
            option = motion.options.order_by("order").first().pk
            for member in voters:
                plan["votes"].append(
                    {
                        "id": f"v:{motion.pk}:{member.pk}",
                        "cookie": sessions[member.pk],
                        "motion": motion.pk,
                        "option": option,
                        "meeting": meeting.pk,
                    }
                )
        for motion in drafts:
            plan["motions"].append({"cookie": sessions[secretary.pk], "motion": motion.pk})
    materials = BulletinPage.objects.live().cell_material().order_by("-year", "-month")[:5]
    plan["materials"] = [page.url for page in materials]
    articles = NewsArticlePage.objects.live().public().order_by("-first_published_at")[:10]
    plan["articles"] = [page.url for page in articles]
    plan["login_cards"] = [m["card"] for m in plan["members"]]
    return plan


def form(fields):
    return urlencode({"csrfmiddlewaretoken": CSRF, **fields})


def classes(plan):
    """Every request class: name → (plan for the Lua script, threads, connections in the mix)."""
    members = plan["members"]
    get = lambda path, cookie: {"path": path, "cookie": cookie}  # noqa: E731
    reader = [get("/", READER_COOKIE)]
    articles = [get(url, READER_COOKIE) for url in plan["articles"]]
    searches = [get("/tra-cuu/?q=" + quote_plus(q), READER_COOKIE) for q in SEARCHES]
    detail = lambda m: f"/sinh-hoat-chi-bo/{m}/"  # noqa: E731
    return {
        "anon_home": ({"requests": reader}, 6),
        "anon_article": ({"requests": articles}, 4),
        "search": ({"requests": searches, "unique": True}, 4),
        "member_home": ({"requests": [get("/", m["cookie"]) for m in members]}, 6),
        "material": (
            {
                "requests": [
                    get(url, m["cookie"])
                    for m, url in zip(members, itertools.cycle(plan["materials"]))
                ]
            },
            4,
        ),
        "poll": (
            {
                "requests": [get(m["poll"], m["cookie"]) for m in members],
                "etag": True,
            },
            16,
        ),
        "checkin": (
            {
                "requests": [
                    {
                        "id": c["id"],
                        "method": "POST",
                        "path": f"/sinh-hoat-chi-bo/{c['meeting']}/co-mat/",
                        "cookie": c["cookie"],
                        "body": form({}),
                    }
                    for c in plan["checkins"]
                ],
                "after": [get(detail(c["meeting"]), c["cookie"]) for c in plan["checkins"]],
                "partition": True,
                "record": True,
            },
            2,
        ),
        "vote": (
            {
                "requests": [
                    {
                        "id": v["id"],
                        "method": "POST",
                        "path": f"/sinh-hoat-chi-bo/bieu-quyet/{v['motion']}/bo-phieu/",
                        "cookie": v["cookie"],
                        "body": form({"option": v["option"]}),
                    }
                    for v in plan["votes"]
                ],
                "after": [get(detail(v["meeting"]), v["cookie"]) for v in plan["votes"][:200]],
                "partition": True,
                "record": True,
            },
            2,
        ),
        "secretary": (
            {
                "requests": [
                    {
                        "method": "POST",
                        "path": f"/sinh-hoat-chi-bo/bieu-quyet/{m['motion']}/{step}/",
                        "cookie": m["cookie"],
                        "body": form({}),
                    }
                    for m in plan["motions"]
                    for step in ("mo", "ket-thuc")
                ]
            },
            1,
        ),
        "login": (
            {
                "requests": [
                    {
                        "method": "POST",
                        "path": "/dang-nhap/",
                        "cookie": f"csrftoken={CSRF}; {READER_COOKIE}",
                        "body": form({"username": card, "password": PASSWORD}),
                    }
                    for card in plan["login_cards"]
                ],
                "delay_ms": 1000,
            },
            1,
        ),
    }
