"""What the home page shows, gathered in one place."""

from django.utils import timezone


def member_for(user):
    if not user.is_authenticated:
        return None
    try:
        return user.member
    except Exception:
        return None


def home_context(request):
    from cms.bulletins.models import BulletinPage
    from cms.documents.models import OfficialDocumentPage
    from cms.news.models import NewsArticlePage
    from cms.resolutions.models import ResolutionStudyPage

    today = timezone.localdate()
    member = member_for(request.user)
    context = {
        "latest_news": NewsArticlePage.objects.live().public().order_by("-date", "-pk")[:6],
        "latest_documents": OfficialDocumentPage.objects.live()
        .public()
        .order_by("-issue_date", "-pk")[:5],
        "current_resolutions": ResolutionStudyPage.objects.live().public().studying(today)[:4],
        "member": member,
        "current_material": None,
    }
    if request.user.is_authenticated:
        context["current_material"] = (
            BulletinPage.objects.live()
            .cell_material()
            .for_month(today.year, today.month)
            .for_cell_type(member.cell_type if member else None)
            .first()
        )
    return context
