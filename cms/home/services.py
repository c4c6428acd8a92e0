"""What the home page shows, gathered in one place."""

from django.utils import timezone

from wagtail.models import Locale

from cms.bulletins.models import BulletinPage
from cms.caching.audience import cached_for_audience
from cms.core.visibility import visible_to
from cms.documents.models import OfficialDocumentPage
from cms.members.models import Member
from cms.news.models import NewsArticlePage
from cms.resolutions.models import ResolutionStudyPage


def localized(pages):
    """Each page in the active language when it has a live translation."""
    if Locale.get_active() == Locale.get_default():
        return list(pages)
    return [page.localized for page in pages]


def _shared_lists(user, member, today):
    """The home page's lists, the same for every visitor of one audience."""
    # Lists are built from the Vietnamese pages (each page once), then shown in
    # the visitor's language where a translation exists.
    default_locale = Locale.get_default()
    pages = {
        model: visible_to(
            model.objects.live().filter(locale=default_locale).defer_streamfields(), user
        )
        for model in (NewsArticlePage, OfficialDocumentPage, ResolutionStudyPage)
    }
    return {
        "latest_news": localized(pages[NewsArticlePage].order_by("-date", "-pk")[:6]),
        "latest_documents": localized(
            pages[OfficialDocumentPage].order_by("-issue_date", "-pk")[:5]
        ),
        # Members see what their cell must study; others what everyone studies.
        "current_resolutions": localized(
            pages[ResolutionStudyPage].studying(today).for_member(member)[:4]
        ),
    }


def _current_material(today, cell_type):
    return (
        BulletinPage.objects.live()
        .cell_material()
        .for_month(today.year, today.month)
        .for_cell_type(cell_type)
        .first()
    )


def home_lists(request):
    """The home page's lists for this visitor: news, documents and the resolutions their
    cell studies, shared by their audience; for a member, their cell type's material of
    the month. The template keeps them rendered per audience (``cached_for_audience``)."""
    today = timezone.localdate()
    user = request.user
    member = Member.objects.for_user(user)
    cell_type = member.cell_type if member else None
    # Resolutions can be meant for the units above a cell: the cell is the audience.
    cell_id = member.cell_id if member else None
    lists = cached_for_audience(
        request, "home", lambda: _shared_lists(user, member, today), cell_id
    )
    lists = {**lists, "current_material": None}
    if user.is_authenticated:
        lists["current_material"] = cached_for_audience(
            request, "material", lambda: _current_material(today, cell_type), cell_type
        )
    return lists
