"""The PostgreSQL plan of the database backend: coordination levels over the index table."""

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.search.backends import get_search_backend

import pytest

from cms.bulletins.factories import BulletinPageFactory
from cms.bulletins.models import BulletinIndexPage
from cms.news.factories import NewsArticlePageFactory
from cms.news.models import NewsIndexPage
from cms.search.database_backend import coordination_tiers
from cms.search.services import search, suggest

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the tiered plan is PostgreSQL's (CI runs it there)"
)


def test_tiers_go_from_every_word_to_any_word():
    assert coordination_tiers(["cong", "trinh", "thuy"]) == [
        "('cong' & 'trinh' & 'thuy')",
        "('cong' & 'trinh') | ('cong' & 'thuy') | ('trinh' & 'thuy')",
        "'cong' | 'trinh' | 'thuy'",
    ]
    assert coordination_tiers(["dang"]) == ["'dang'"]
    assert coordination_tiers([]) == []


def test_long_queries_skip_levels_with_too_many_combinations_but_keep_any_word():
    terms = [f"w{i}" for i in range(12)]
    tiers = coordination_tiers(terms)
    # 12 of 12 (1 AND), 11 of 12 (12 ANDs), then C(12, 10) = 66 > 28: skipped down to "any".
    assert len(tiers) == 3
    assert tiers[0].count("&") == 11 and tiers[1].count("(") == 12
    assert tiers[-1] == " | ".join(f"'{t}'" for t in terms)


def test_tiers_never_carry_tsquery_syntax():
    # Terms come folded from the query parser; anything else is dropped, not quoted.
    assert coordination_tiers(["a'b", "x|y", "ok"]) == ["'ok'"]


@pytest.fixture
def database_search(db, settings):
    # The backend's plan alone: no other readings of the query (tests/search/test_interpret.py).
    settings.SEARCH_INTERPRET = False
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": settings.DATABASE_SEARCH_BACKEND}):
        get_search_backend("default").reset_indexes()
        yield


def _paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


def _irrigation_pages(crowd_size):
    """A crowd of pages with some query words, the best page, and a members-only one."""
    news = NewsIndexPage.objects.get(depth=3, slug="tin-tuc", locale__language_code="vi")
    crowd = [
        NewsArticlePageFactory(parent=news, title=f"Thủy lợi mùa khô, đợt {i}")
        for i in range(crowd_size)
    ]
    best = NewsArticlePageFactory(parent=news, title="Công trình thủy lợi nội đồng Cẩm Mỹ")
    members_only = BulletinPageFactory(
        parent=BulletinIndexPage.objects.get(slug="ban-tin"),
        title="Công trình thủy lợi trong bản tin nội bộ",
    )
    return news, crowd, best, members_only


def _search_captured(query):
    with CaptureQueriesContext(connection) as ctx:
        response = search(query, AnonymousUser())
    return response, [r["page"].slug for r in response.results], ctx


@postgres_only
def test_pages_with_every_word_come_first_when_big_tiers_are_cut(database_search, monkeypatch):
    monkeypatch.setattr("cms.search.postgres_backend.RANK_MAX", 2)
    monkeypatch.setattr("cms.search.postgres_backend.BODY_RANK_MAX", 2)
    news, crowd, best, members_only = _irrigation_pages(8)
    body_only = NewsArticlePageFactory(
        parent=news,
        title="Tin địa phương tuần này",
        body=_paragraph("Xã hoàn thành công trình thủy lợi trước mùa mưa."),
    )
    response, slugs, ctx = _search_captured("cong trinh thuy loi")
    assert slugs[0] == best.slug
    assert body_only.slug in slugs
    assert {p.slug for p in crowd} <= set(slugs)
    assert members_only.slug not in slugs
    assert response.total == 10
    # The candidates come from the index table alone, never joined to the page table.
    tiers = [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].startswith('SELECT "wagtailsearch_indexentry"."id"') and "LIMIT" in q["sql"]
    ]
    assert len(tiers) >= 3  # title: 4 of 4 words, 3 of 4, 2 of 4 (cut), …
    assert all("wagtailcore_page" not in sql for sql in tiers)


@postgres_only
def test_accent_exact_titles_lead_their_tier(database_search):
    news = NewsIndexPage.objects.get(depth=3, slug="tin-tuc", locale__language_code="vi")
    folded_only = [
        NewsArticlePageFactory(parent=news, title=f"Bàn giao bàn ghế cho trường số {i}")
        for i in range(3)
    ]
    exact = NewsArticlePageFactory(parent=news, title="Phiên chợ bán nông sản giúp dân")
    slugs = [r["page"].slug for r in search("bán", AnonymousUser()).results]
    assert slugs[0] == exact.slug
    assert {p.slug for p in folded_only} <= set(slugs)


@postgres_only
@pytest.mark.django_db
def test_search_gin_indexes_keep_a_small_pending_list():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.reloptions FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_am am ON am.oid = c.relam "
            "WHERE t.relname = 'wagtailsearch_indexentry' AND am.amname = 'gin'"
        )
        rows = cursor.fetchall()
    assert len(rows) == 3  # autocomplete, title, body
    assert all(options and "gin_pending_list_limit=256" in options for _name, options in rows)


sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's ranked plan (the PostgreSQL pass has its own)"
)


@sqlite_only
def test_sqlite_ranks_with_one_fts_match_and_checks_pages_in_chunks(database_search, monkeypatch):
    monkeypatch.setattr("cms.search.sqlite_backend.SQLITE_CHUNK", 2)
    _news, crowd, best, members_only = _irrigation_pages(5)
    response, slugs, ctx = _search_captured("cong trinh thuy loi")
    assert slugs[0] == best.slug
    assert {p.slug for p in crowd} <= set(slugs)
    assert members_only.slug not in slugs and response.total == 6
    # bm25 once: no statement repeats the MATCH in a per-page subquery (stock Wagtail does).
    matches = [q["sql"] for q in ctx.captured_queries if " MATCH " in q["sql"]]
    assert matches and all(sql.count(" MATCH ") == 1 for sql in matches)
    # Suggestions (FTS prefix match on the folded titles) take the same path.
    with CaptureQueriesContext(connection) as ctx:
        titles = [s["title"] for s in suggest("cong trinh thuy", AnonymousUser())]
    assert titles == [best.title]
    matches = [q["sql"] for q in ctx.captured_queries if " MATCH " in q["sql"]]
    assert matches and all(sql.count(" MATCH ") == 1 for sql in matches)
