"""Keeping the bulletins section members only."""

from wagtail.models import PageViewRestriction

from cms.members.models import Member


def ensure_members_only(index):
    """Give the bulletins section its "login" view restriction if it lacks one."""
    restriction = PageViewRestriction.objects.filter(
        page=index, restriction_type=PageViewRestriction.LOGIN
    ).first()
    if restriction is None:
        restriction = PageViewRestriction.objects.create(
            page=index, restriction_type=PageViewRestriction.LOGIN
        )
    return restriction


def member_cell_type(user):
    member = Member.objects.for_user(user)
    return member.cell_type if member else None
