"""The abbreviations the look-up knows, kept by the editors in the admin (Snippets)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Abbreviation


class AbbreviationViewSet(SnippetViewSet):
    model = Abbreviation
    icon = "search"
    menu_label = "Chữ viết tắt (tra cứu)"
    list_display = ["short", "expansion"]
    search_fields = ["short", "expansion"]
    ordering = ["short_folded"]


register_snippet(AbbreviationViewSet)
