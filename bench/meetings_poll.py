"""How much a live poll of the meeting screen costs.

Run: DJANGO_SETTINGS_MODULE=cms.settings.dev python bench/meetings_poll.py
(after ``migrate`` and ``seed_demo``; add REDIS_URL=… to measure with Redis).
Prints queries and time per poll for a cache hit, a 304 and a rebuild.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from cms.meetings import live  # noqa: E402
from cms.meetings.models import Meeting  # noqa: E402
from tests.account_gates import pass_account_gates  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]
N = int(os.environ.get("N", "500"))
meeting = Meeting.objects.filter(cell__code="CM-X1-A1").order_by("-date").first()
client = Client()
bench_user = meeting.cell.members.get(user__username="dangvien").user
client.force_login(bench_user)
pass_account_gates(client, bench_user)  # 2FA and the processing notice (tests/account_gates.py)
url = f"/api/sinh-hoat-chi-bo/{meeting.pk}/truc-tiep.json"


def measure(label, headers_fn, before=None):
    client.get(url)
    if before:
        before()
    with CaptureQueriesContext(connection) as q:
        response = client.get(url, **headers_fn())
    start = time.perf_counter()
    for _ in range(N):
        if before:
            before()
        client.get(url, **headers_fn())
    ms = (time.perf_counter() - start) * 1000 / N
    tables = sorted(
        {
            sql.split('FROM "')[1].split('"')[0]
            for sql in (x["sql"] for x in q.captured_queries)
            if 'FROM "' in sql
        }
    )
    print(
        f"{label:<28} status {response.status_code}  queries {len(q):>2}  {ms:6.2f} ms/poll  {tables}"
    )


etag = client.get(url)["ETag"]
measure("cached payload (200)", lambda: {})
measure("unchanged, If-None-Match", lambda: {"HTTP_IF_NONE_MATCH": etag})
measure("after every write (rebuild)", lambda: {}, before=lambda: live._bump(meeting.pk))
print(f"cache backend: {settings.CACHES['default']['BACKEND']}; db: {connection.vendor}; N={N}")
