"""Render the study reach report over generated data (target ≤ 500 ms for 100,000 members,
10 assigned items and 1 million reading records, on PostgreSQL).

python bench/study_reach.py [--members N] [--items K] [--runs R]
DATABASE_URL=postgres://postgres@127.0.0.1:5432/stdv_study_bench python bench/study_reach.py

The database named by DATABASE_URL is emptied first (default: a SQLite file in /tmp).
Prints the sizes it built and, per report page, the median, min and max time and the
number of queries.
"""

import argparse
import os
import time

os.environ.setdefault("ALLOWED_HOSTS", "testserver")

from _members_db import build_tree, fresh_database  # noqa: E402
from _timing import time_pages  # noqa: E402


def build(members, items, unassigned_reads):
    from django.utils import timezone

    from wagtail.models import Page

    from cms.members.factories import bulk_members
    from cms.members.models import Member, PartyOrganization
    from cms.resolutions.models import ResolutionStudyPage
    from cms.study.factories import StudyAssignmentFactory, quiz_stream
    from cms.study.models import LearningSummary, QuizAttempt, StudyRead

    build_tree()
    cells = list(PartyOrganization.objects.cells())
    per_cell, extra = divmod(members, len(cells))
    start = 0
    for i, cell in enumerate(cells):
        n = per_cell + (1 if i < extra else 0)
        bulk_members(cell, n, logged_in=n, start=start)
        start += n
    root = Page.get_first_root_node()
    assignments = []
    for k in range(items):
        page = root.add_child(
            instance=ResolutionStudyPage(
                title=f"Nghị quyết thử số {k}",
                slug=f"nghi-quyet-thu-{k}",
                quiz=quiz_stream(),
                asks_for_summary=True,
            )
        )
        assignments.append(StudyAssignmentFactory(page=page))
    ids = list(Member.objects.order_by("pk").values_list("pk", flat=True))
    now = timezone.now()
    for k, a in enumerate(assignments):
        # reach falls from about 99 % on the first item to about 90 % on the last,
        # varying from cell to cell (members are numbered cell by cell)
        skip = 10 + k
        readers = [pk for i, pk in enumerate(ids) if (i * 7 + k) % 100 >= skip // 10 + i % skip]
        StudyRead.objects.bulk_create(
            [StudyRead(member_id=pk, page_id=a.page_id, read_at=now) for pk in readers],
            batch_size=5000,
        )
        QuizAttempt.objects.bulk_create(
            [
                QuizAttempt(
                    member_id=pk, page_id=a.page_id, correct=3 - i % 2, total=3, passed=i % 2 == 0
                )
                for i, pk in enumerate(readers[::2])
            ],
            batch_size=5000,
        )
        LearningSummary.objects.bulk_create(
            [
                LearningSummary(
                    member_id=pk,
                    page_id=a.page_id,
                    text="Bài thu hoạch.",
                    status="reviewed" if i % 3 == 0 else "submitted",
                )
                for i, pk in enumerate(readers[::4])
            ],
            batch_size=5000,
        )
    # Members also open pages nobody assigned (last month's material, an old resolution):
    # their records sit in the same table and the report must step over them.
    other = root.add_child(
        instance=ResolutionStudyPage(title="Nghị quyết không giao học", slug="khong-giao")
    )
    StudyRead.objects.bulk_create(
        [StudyRead(member_id=pk, page_id=other.pk, read_at=now) for pk in ids[:unassigned_reads]],
        batch_size=5000,
    )
    return assignments


def reuse_database(name):
    url = os.environ.setdefault("DATABASE_URL", f"sqlite:////tmp/{name}.sqlite3")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return url


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--unassigned-reads",
        type=int,
        default=100_000,
        help="reading records of a page nobody assigned (1 million records in all by default)",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="keep the data a previous run built (same sizes)"
    )
    args = parser.parse_args()
    setup = reuse_database if args.reuse else fresh_database
    url = setup("stdv_study_bench")
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from cms.members.models import Member, PartyOrganization
    from cms.study.models import LearningSummary, QuizAttempt, StudyAssignment, StudyRead
    from tests.account_gates import pass_account_gates

    t = time.perf_counter()
    if args.reuse and StudyAssignment.objects.exists():
        assignments = list(StudyAssignment.objects.order_by("pk"))
    else:
        assignments = build(args.members, args.items, args.unassigned_reads)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"database: {connection.vendor} ({url.split('@')[-1]})")
    print(
        f"data: {Member.objects.count()} members in {PartyOrganization.objects.cells().count()} "
        f"cells, {len(assignments)} assigned items, {StudyRead.objects.count()} reading records, "
        f"{QuizAttempt.objects.count()} quiz attempts, {LearningSummary.objects.count()} "
        f"summaries; built in {time.perf_counter() - t:.0f} s"
    )
    admin = get_user_model().objects.filter(username="bench").first()
    admin = admin or get_user_model().objects.create_superuser("bench", "b@example.vn", "x")
    client = Client()
    client.force_login(admin)
    pass_account_gates(client, admin)  # 2FA and the processing notice (tests/account_gates.py)
    item = assignments[-1].pk
    base = "/bao-cao-hoc-tap/"
    pages = [
        ("province", f"{base}?noi-dung={item}"),
        ("committee BH", f"{base}?don-vi=BH&noi-dung={item}"),
        ("grassroots BH-G0", f"{base}?don-vi=BH-G0&noi-dung={item}"),
        ("cell BH-G0-C0, by member", f"{base}?don-vi=BH-G0-C0&noi-dung={item}"),
        ("XLSX export, province", f"{base}excel/?noi-dung={item}"),
    ]
    time_pages(client, pages, args.runs, target_ms=500)


if __name__ == "__main__":
    main()
