"""The one owner of "someone looked at members' personal data" (SECURITY.md, audit trail).

Every view or export that shows people's names with their membership data — lists,
dashboards with names, roster previews, vote results, minutes, activation-code sheets,
a member's own data — calls ``record_read``. It writes a Wagtail audit-log entry
(``personal_data.read`` or ``personal_data.export``) on the object the data belongs to
(a unit, a meeting, a motion, a user), saying who, when, what (``what``: a short
Vietnamese description) and how many people (``people``).
"""

from django.utils.functional import LazyObject, empty

from wagtail.log_actions import log

READ = "personal_data.read"
EXPORT = "personal_data.export"
ACTIONS = {
    READ: "Xem dữ liệu cá nhân của đảng viên",
    EXPORT: "Tải xuống dữ liệu cá nhân của đảng viên",
}


def loggable(instance):
    """The model instance behind ``request.user`` (a lazy object, wrapped twice once
    django-otp's middleware runs): Wagtail's log silently skips a lazy object."""
    while isinstance(instance, LazyObject):
        if instance._wrapped is empty:
            instance._setup()
        instance = instance._wrapped
    return instance


def record_read(request, instance, what, people, export=False, **details):
    """Logs that ``request.user`` saw (``export=False``) or downloaded the personal data of
    ``people`` persons, belonging to ``instance``; returns the entry."""
    user = getattr(request, "user", None)
    data = {"what": str(what), "people": int(people), "path": request.path, **details}
    return log(
        loggable(instance),
        EXPORT if export else READ,
        user=user if user is not None and user.is_authenticated else None,
        data=data,
    )
