"""Who may download a document or an image.

A file is as private as the most private page that links to it: if any
page referencing it (per Wagtail's reference index) has a view restriction,
on itself or an ancestor, that the request does not satisfy, the file is
refused, even when a public page links to it too. This sits on top of the
collection view restrictions (the "Bản tin nội bộ" collection is members
only), so a file uploaded for a bulletin is protected before any page uses
it. For documents Wagtail checks the collection itself (with its password
form); for images ``refuse_image`` checks both.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from wagtail.models import PageViewRestriction
from wagtail.permissions import policy_registry

from .services import pages_referencing


def can_manage(user, document):
    """Editors who may change the document in the admin can always fetch it."""
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return False
    policy = policy_registry.get_by_type(type(document))
    return policy.user_has_permission_for_instance(user, "change", document)


def has_view_restriction(obj):
    """Whether any view restriction applies to ``obj`` (a document or an
    image): on its collection, or on a page that references it."""
    if obj.collection.get_view_restrictions().exists():
        return True
    return any(page.get_view_restrictions().exists() for page in pages_referencing(obj))


def unmet_page_restriction(document, request):
    """The first view restriction, of a page linking to ``document``, that
    ``request`` does not satisfy (with its page), or ``None``."""
    for page in pages_referencing(document):
        for restriction in page.get_view_restrictions():
            if not restriction.accept_request(request):
                return page, restriction
    return None


def refuse_document(document, request):
    """An HttpResponse refusing ``document`` to ``request``, or ``None`` if allowed.

    Anonymous visitors go to the login page and come back to the file;
    signed-in users outside the allowed groups get 403; a password-protected
    page sends the visitor to that page's password form.
    """
    if can_manage(request.user, document):
        return None
    unmet = unmet_page_restriction(document, request)
    if unmet is None:
        return None
    page, restriction = unmet
    if restriction.restriction_type == PageViewRestriction.PASSWORD:
        return redirect(page.url or "/")
    return _refuse(request)


def refuse_image(image, request):
    """Like ``refuse_document``, for an image, whose collection restrictions
    Wagtail does not check (its renditions are plain media files)."""
    if can_manage(request.user, image):
        return None
    for restriction in image.collection.get_view_restrictions():
        if not restriction.accept_request(request):
            return _refuse(request)
    return refuse_document(image, request)


def _refuse(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied("Bạn không có quyền xem tệp này.")
