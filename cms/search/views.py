from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .index import searchable_page_models as _models
from .services import search_for_request, suggest


def _run(request):
    return search_for_request(request)


@require_GET
def search_page(request):
    response, filters = _run(request)
    context = {
        "response": response,
        "query": response.query.text,
        "filters": filters,
        "types": [(m.search_type_key(), m._meta.verbose_name) for m in _models()],
    }
    return render(request, "search/search_page.html", context)


@require_GET
def api_search(request):
    response, _filters = _run(request)
    return JsonResponse(response.as_json(), json_dumps_params={"ensure_ascii": False})


@require_GET
def api_suggest(request):
    items = suggest(request.GET.get("q", ""), request.user, request=request)
    return JsonResponse({"results": items}, json_dumps_params={"ensure_ascii": False})
