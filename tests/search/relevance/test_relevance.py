"""The relevance set: MRR and recall@5 over the fixed corpus, on every backend."""

from django.contrib.auth.models import AnonymousUser

from cms.search.services import search

from .queries import MEMBER_QUERIES, PUBLIC_QUERIES

MRR_TARGET = 0.9
RECALL5_TARGET = 0.95


def evaluate(queries, user):
    rr_total = recall_total = 0.0
    misses = []
    for query, expected in queries:
        response = search(query, user)
        # Answered by the backend under test, not by the database fallback.
        assert response.backend == "default", (query, response.notices)
        slugs = [r["page"].slug for r in response.results]
        rank = next((i + 1 for i, s in enumerate(slugs) if s in expected), None)
        rr_total += 1.0 / rank if rank else 0.0
        found = len(set(slugs[:5]) & set(expected))
        recall_total += found / min(5, len(expected))
        if rank != 1 or found < min(5, len(expected)):
            misses.append((query, expected, slugs[:5]))
    n = len(queries)
    return rr_total / n, recall_total / n, misses


def test_relevance_set(corpus_pages, search_backend, users):
    assert len(PUBLIC_QUERIES) + len(MEMBER_QUERIES) >= 40
    mrr, recall, misses = evaluate(PUBLIC_QUERIES, AnonymousUser())
    m_mrr, m_recall, m_misses = evaluate(MEMBER_QUERIES, users["dangvien"])
    print(
        f"\n[relevance/{search_backend}] {len(PUBLIC_QUERIES)} public queries: "
        f"MRR={mrr:.3f} recall@5={recall:.3f}; {len(MEMBER_QUERIES)} member queries: "
        f"MRR={m_mrr:.3f} recall@5={m_recall:.3f}"
    )
    for miss in misses + m_misses:
        print("   not first/complete:", miss)
    assert mrr >= MRR_TARGET, misses
    assert recall >= RECALL5_TARGET, misses
    assert m_mrr >= MRR_TARGET and m_recall >= RECALL5_TARGET, m_misses
