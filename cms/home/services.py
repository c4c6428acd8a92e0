"""What the home page shows, gathered in one place."""

from django.utils import timezone

from wagtail.models import Locale


def member_for(user):
    if not user.is_authenticated:
        return None
    try:
        return user.member
    except Exception:
        return None


def localized(pages):
    """Each page in the active language when it has a live translation."""
    if Locale.get_active() == Locale.get_default():
        return list(pages)
    return [page.localized for page in pages]


def home_context(request):
    from cms.bulletins.models import BulletinPage
    from cms.documents.models import OfficialDocumentPage
    from cms.news.models import NewsArticlePage
    from cms.resolutions.models import ResolutionStudyPage

    from .visibility import visible_to

    today = timezone.localdate()
    user = request.user
    member = member_for(user)
    # Lists are built from the Vietnamese pages (each page once), then shown in
    # the visitor's language where a translation exists.
    default_locale = Locale.get_default()
    pages = {
        model: visible_to(model.objects.live().filter(locale=default_locale), user)
        for model in (NewsArticlePage, OfficialDocumentPage, ResolutionStudyPage)
    }
    context = {
        "latest_news": localized(pages[NewsArticlePage].order_by("-date", "-pk")[:6]),
        "latest_documents": localized(
            pages[OfficialDocumentPage].order_by("-issue_date", "-pk")[:5]
        ),
        # Members see what their cell must study; others what everyone studies.
        "current_resolutions": localized(
            pages[ResolutionStudyPage].studying(today).for_member(member)[:4]
        ),
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
