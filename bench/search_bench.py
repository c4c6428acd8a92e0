"""Search benchmark: 20,000 generated Vietnamese pages, index build, query latency.

    DJANGO_SETTINGS_MODULE=cms.settings.dev DATABASE_URL=... \
        python bench/search_bench.py [--pages 20000] [--runs 3]

Uses whatever database DATABASE_URL selects (a SQLite file by default): run it
on a scratch database. It migrates, seeds the demo (no index), bulk-inserts
generated news articles and official documents (raw inserts, no signals),
times ``update_index`` on the default backend, then times ``search()`` (the
service the views call, snippets included) over a mixed query list for an
anonymous user and a member, and ``suggest()`` over prefixes.
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import Locale, Page  # noqa: E402

from cms.documents.models import DocumentIndexPage, OfficialDocumentPage  # noqa: E402
from cms.home.models import HomePage  # noqa: E402
from cms.news.models import NewsArticlePage, NewsIndexPage  # noqa: E402
from cms.search import vocabulary  # noqa: E402
from cms.search.services import search as search_service  # noqa: E402
from cms.search.services import suggest as suggest_service  # noqa: E402

WORDS = (  # noqa: SIM905
    "đảng viên chi bộ sinh hoạt nghị quyết tỉnh ủy đồng nai cán bộ công tác kiểm tra giám sát "
    "tuyên giáo dân vận tổ chức xây dựng chỉnh đốn phát triển kinh tế xã hội nông thôn mới "
    "chuyển đổi số điện tử văn bản hướng dẫn kế hoạch báo cáo quyết định thông báo kết luận "
    "học tập quán triệt tư tưởng đạo đức phong cách hồ chí minh nhân dân địa phương huyện xã "
    "phường ấp khu phố an ninh trật tự quốc phòng môi trường giáo dục y tế sức khỏe hòa giải "
    "thủy lợi thiên tai lũ lụt bán nông sản bàn ghế trường học học sinh nghèo vượt khó hội "
    "nông dân phụ nữ cựu chiến binh thanh niên đoàn viên ưu tú kết nạp quần chúng hồ sơ "
    "nhiệm vụ giải pháp trọng tâm năm tháng quý chất lượng hiệu quả đổi mới nội dung hình thức "
    "bảo vệ bí mật nhà nước không gian mạng lãng phí tham nhũng tiêu cực doanh nghiệp đầu tư "
    "hạ tầng giao thông đô thị công nghiệp dịch vụ du lịch văn hóa thể thao gia đình"
).split()
DOC_CODES = {
    "nghi_quyet": "NQ",
    "chi_thi": "CT",
    "ke_hoach": "KH",
    "huong_dan": "HD",
    "thong_bao": "TB",
    "quyet_dinh": "QĐ",
}
DOC_TYPES = list(DOC_CODES)
QUERIES = [
    "đảng viên",
    "dang vien",
    "ĐẢNG VIÊN",
    "nghị quyết sinh hoạt chi bộ",
    "nghi quyet",
    "chuyen doi so",
    "bí mật nhà nước",
    "kiểm tra giám sát",
    "thủy lợi",
    "thuỷ lợi",
    "hoà giải",
    "bán nông sản",
    "bàn ghế trường học",
    "12-NQ/TU",
    "45 kh tu",
    "104-ct/tu",
    '"sinh hoạt chi bộ"',
    '"nong thon moi"',
    "tham nhũng tiêu cực lãng phí",
    "cựu chiến binh",
    "xyzabc đảng viên",
    "học tập tư tưởng đạo đức hồ chí minh",
    "du lich van hoa",
    "an ninh",
    "kết nạp quần chúng ưu tú",
    "doanh nghiệp đầu tư hạ tầng giao thông",
    "sức khỏe",
    "môi trường",
]
# Issue 18: Telex, VNI, abbreviations, numbers, typos, joined words.
INTERPRETED = [
    "ddangr vieen",
    "nghij quyeets sinh hoatj chi booj",
    "chuyeenr ddooir soos",
    "tuye6n truye62n",
    "ho5c ta65p tu7 tu7o73ng",
    "NQ sinh hoạt chi bộ",
    "SHCB",
    "BCH tỉnh ủy",
    "hội nghị lần thứ 15",
    "kieemr tra giasm sast",
    "chuyn doi so",
    "nong thon moii",
    "sinhhoatchibo",
    "antoanninh",
]
PREFIXES = [
    "đả",
    "dang v",
    "nghi q",
    "chuy",
    "kiem tra g",
    "thu",
    "bao ve bi",
    "ho",
    "sinh hoat c",
    "cuu chien",
]


TOPIC_SHARE = 0.15
# Set expressions that real texts repeat, so quoted-phrase queries have matches.
TOPIC_PHRASES = [
    "nông thôn mới",
    "sinh hoạt chi bộ",
    "bí mật nhà nước",
    "chuyển đổi số",
    "kiểm tra giám sát",
    "cựu chiến binh",
    "an ninh trật tự",
    "tham nhũng tiêu cực",
]
SEED_WORDS: list[str] = []
SEED_CHAIN: dict[str, list[str]] = {}


def load_chain():
    """Word bigrams of the demo's Vietnamese pages (written for this project), so the
    generated text has the word frequencies of real content, not a flat vocabulary."""
    text = []
    for page in Page.objects.live().specific().iterator():
        text.append(page.title)
        if hasattr(page, "search_body_text"):
            text.append(page.search_body_text())
    found = [w for w in re.findall(r"[^\W\d_]+", " ".join(text).lower()) if len(w) > 1]
    SEED_WORDS[:] = found
    SEED_CHAIN.clear()
    for a, b in zip(found, found[1:], strict=False):
        SEED_CHAIN.setdefault(a, []).append(b)
    return len(found), len(set(found))


def sentence(rng, n):
    """``n`` words: a walk on the demo text's bigrams, with topic words mixed in.

    Without demo text, topic words only (every query then matches far more pages).
    """
    out = []
    word = rng.choice(SEED_WORDS) if SEED_WORDS else ""
    for _ in range(n):
        if not SEED_WORDS or rng.random() < TOPIC_SHARE:
            out.append(rng.choice(TOPIC_PHRASES) if rng.random() < 0.2 else rng.choice(WORDS))
            continue
        out.append(word)
        nxt = SEED_CHAIN.get(word)
        word = rng.choice(nxt) if nxt else rng.choice(SEED_WORDS)
    return " ".join(out).capitalize()


def insert_pages(parent, model, count, make_fields, rng):
    """Raw bulk insert of ``count`` live children of ``parent`` (no signals, no revisions)."""
    ct = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    now = timezone.now()
    start = parent.numchild
    base_rows = []
    for i in range(count):
        title = sentence(rng, rng.randint(6, 12))
        slug = f"bench-{uuid.uuid4().hex[:12]}"
        base_rows.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=ct,
                live=True,
                path=model._get_path(parent.path, parent.depth + 1, start + i + 1),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                first_published_at=now,
                last_published_at=now,
                locale=locale,
                translation_key=uuid.uuid4(),
            )
        )
    Page.objects.bulk_create(base_rows, batch_size=1000)
    ids = dict(Page.objects.filter(slug__in=[p.slug for p in base_rows]).values_list("slug", "pk"))
    table = model._meta.db_table
    # Every column of the model's own table: generated values, else the field's default.
    own = [f for f in model._meta.local_concrete_fields if not f.primary_key]
    columns = [f.column for f in own]
    sql = (
        f"INSERT INTO {table} (page_ptr_id, {', '.join(columns)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * (len(columns) + 1))})"
    )

    def row(page):
        values = make_fields(rng)
        out = [ids[page.slug]]
        for f in own:
            if f.name in values:
                out.append(values[f.name])
            elif f.has_default():
                out.append(f.get_db_prep_save(f.get_default(), connection))
            else:
                out.append(None if f.null else "")
        return out

    rows = [row(p) for p in base_rows]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    Page.objects.filter(pk=parent.pk).update(numchild=start + count)
    parent.refresh_from_db()


def news_fields(rng):
    paragraphs = [
        {"type": "paragraph", "value": f"<p>{sentence(rng, 60)}.</p>", "id": str(uuid.uuid4())}
        for _ in range(3)
    ]
    return {
        "date": f"20{rng.randint(15, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "lead": sentence(rng, 25) + ".",
        "body": json.dumps(paragraphs, ensure_ascii=False),
    }


def doc_fields(rng):
    doc_type = rng.choice(DOC_TYPES)
    return {
        "number": f"{rng.randint(1, 300)}-{DOC_CODES[doc_type]}/TU",
        "doc_type": doc_type,
        "issuer": rng.choice(["Tỉnh ủy Đồng Nai", "Ban Thường vụ Tỉnh ủy", "Văn phòng Tỉnh ủy"]),
        "issue_date": f"20{rng.randint(10, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "effective_date": None,
        "signer": "",
        "summary": sentence(rng, 30) + ".",
        "body": f"<p>{sentence(rng, 150)}.</p>",
        "in_force": True,
    }


def percentile(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def timed(fn, items, runs):
    out = []
    for _ in range(runs):
        for item in items:
            t = time.perf_counter()
            fn(item)
            out.append((time.perf_counter() - t) * 1000)
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-index", action="store_true", help="reuse the existing index")
    parser.add_argument(
        "--flat",
        action="store_true",
        help="topic words only (about 200, equally likely): a harsher corpus than real text",
    )
    args = parser.parse_args()
    rng = random.Random(2026)
    vendor = connection.vendor
    print(f"database: {vendor} ({connection.settings_dict['NAME']})")

    call_command("migrate", verbosity=0)
    if not HomePage.objects.exists():
        call_command("seed_demo", "--no-index", verbosity=0)
    home = HomePage.objects.first()
    generated = Page.objects.filter(slug__startswith="bench-").count()
    if generated < args.pages:
        n_words, n_distinct = (0, 0) if args.flat else load_chain()
        print(
            f"vocabulary: {n_words} words of demo text, {n_distinct} distinct, + {len(WORDS)} topic words"
        )
        t = time.perf_counter()
        with transaction.atomic():
            news_index = NewsIndexPage.objects.filter(slug="bench-tin").first() or home.add_child(
                instance=NewsIndexPage(title="Bench tin", slug="bench-tin")
            )
            docs_index = DocumentIndexPage.objects.filter(
                slug="bench-van-ban"
            ).first() or home.add_child(
                instance=DocumentIndexPage(title="Bench văn bản", slug="bench-van-ban")
            )
            n_docs = args.pages // 4
            for chunk in range(0, args.pages - n_docs, 2000):
                insert_pages(
                    news_index,
                    NewsArticlePage,
                    min(2000, args.pages - n_docs - chunk),
                    news_fields,
                    rng,
                )
            for chunk in range(0, n_docs, 2000):
                insert_pages(
                    docs_index, OfficialDocumentPage, min(2000, n_docs - chunk), doc_fields, rng
                )
        print(f"generated {args.pages} pages in {time.perf_counter() - t:.1f} s")
    total_pages = Page.objects.live().type(NewsArticlePage, OfficialDocumentPage).count()
    print(f"searchable pages: {total_pages}")

    if not args.skip_index:
        t = time.perf_counter()
        call_command("update_index", backend_name="default", verbosity=0)
        print(f"index build (update_index, all models): {time.perf_counter() - t:.1f} s")
    if vendor == "postgresql":
        # What autovacuum does after a bulk load: flush the GIN pending lists, fresh statistics.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE wagtailsearch_indexentry")
            cursor.execute("ANALYZE")
    anon = AnonymousUser()
    member = get_user_model().objects.get(username="dangvien")
    # Like the views: a request, so page URLs come from the per-request site cache.
    request = RequestFactory().get("/tra-cuu/", HTTP_HOST="127.0.0.1")

    def search(q, user):
        return search_service(q, user, request=request)

    def suggest(q, user):
        return suggest_service(q, user, request=request)

    if args.skip_index:
        t = time.perf_counter()
        words = vocabulary.rebuild()
        print(f"vocabulary rebuild: {words} words in {time.perf_counter() - t:.1f} s")
    else:
        print(f"vocabulary: {vocabulary.SearchWord.objects.count()} words")
    search(QUERIES[0], anon)  # warm-up
    plain = [q for q in QUERIES if '"' not in q]
    phrases = [q for q in QUERIES if '"' in q]
    for interpret in (False, True):
        settings.SEARCH_INTERPRET = interpret
        state = "on" if interpret else "off"
        print(f"-- query interpretation {state}")
        for label, items in (("plain words only", plain), ("quoted phrases only", phrases)):
            ms = timed(lambda q: search(q, anon), items, args.runs)
            print(
                f"search ({label}, {len(items)} queries x {args.runs}): "
                f"p50 {statistics.median(ms):.1f} ms, p95 {percentile(ms, 95):.1f} ms"
            )
        for label, user in (("anonymous", anon), ("member", member)):
            ms = timed(lambda q, u=user: search(q, u), QUERIES, args.runs)
            print(
                f"search ({label}, {len(QUERIES)} queries x {args.runs}): "
                f"p50 {statistics.median(ms):.1f} ms, p95 {percentile(ms, 95):.1f} ms, max {max(ms):.1f} ms"
            )
        ms = timed(lambda q: search(q, anon), INTERPRETED, args.runs)
        print(
            f"search (Telex/VNI/abbreviations/typos/joined, {len(INTERPRETED)} queries x "
            f"{args.runs}): p50 {statistics.median(ms):.1f} ms, p95 {percentile(ms, 95):.1f} ms, "
            f"max {max(ms):.1f} ms"
        )
        mixed = QUERIES + INTERPRETED
        ms = timed(lambda q: search(q, anon), mixed, args.runs)
        print(
            f"search (whole mix with those, {len(mixed)} queries x {args.runs}): "
            f"p50 {statistics.median(ms):.1f} ms, p95 {percentile(ms, 95):.1f} ms"
        )
    settings.SEARCH_INTERPRET = True
    ms = timed(lambda q: suggest(q, anon), PREFIXES, args.runs * 3)
    print(
        f"suggest ({len(PREFIXES)} prefixes x {args.runs * 3}): "
        f"p50 {statistics.median(ms):.1f} ms, p95 {percentile(ms, 95):.1f} ms, max {max(ms):.1f} ms"
    )
    response = search("dang vien", anon)
    print(
        f"sample: 'dang vien' total={response.total} capped={response.capped} backend={response.backend}"
    )
    for q in ("ddangr vieen", "sinhhoatchibo", "chuyn doi so"):
        offer = search(q, anon).did_you_mean
        print(f"sample: {q!r} did you mean: {offer.text if offer else None!r}")


if __name__ == "__main__":
    main()
