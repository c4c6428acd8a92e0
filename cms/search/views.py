from django.core.paginator import Paginator
from django.shortcuts import render

from .services import search_pages

MAX_QUERY_LENGTH = 200


def search_page(request):
    query = request.GET.get("q", "")
    notice = ""
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        notice = f"Từ khóa quá dài, chỉ dùng {MAX_QUERY_LENGTH} ký tự đầu."
    results = search_pages(query, request.user) if query.strip() else []
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return render(
        request, "search/search_page.html", {"query": query, "page_obj": page, "notice": notice}
    )
