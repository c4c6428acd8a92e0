"""The one owner of "someone looked at members' personal data" (SECURITY.md, audit trail),
and of the audit entries of the changes a whole cell makes at once (``record_change``).

Every view or export that shows people's names with their membership data — lists,
dashboards with names, roster previews, vote results, minutes, activation-code sheets,
a member's own data — calls ``record_read``. It writes a Wagtail audit-log entry
(``personal_data.read`` or ``personal_data.export``) on the object the data belongs to
(a unit, a meeting, a motion, a user), saying who, when, what (``what``: a short
Vietnamese description) and how many people (``people``).
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.functional import LazyObject, empty

from wagtail.log_actions import get_active_log_context, log, registry
from wagtail.models import ModelLogEntry

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


def record_change(instance, action, *, user, data):
    """The entry ``wagtail.log_actions.log`` writes for ``user``'s change to ``instance``,
    written in one INSERT; returns it.

    For the changes every member of a cell makes within the same minute (check-ins, votes).
    Wagtail's own write validates every field of the entry again on saving, its two foreign
    keys with a query each: the content type (which comes from the cache) and the user
    (who is making the request). Here the entry is validated once, without those two
    look-ups, and inserted. A model whose entries are not ``ModelLogEntry`` rows (pages)
    goes through Wagtail's ``log``."""
    model = registry.get_log_model_for_instance(instance)
    if model is not ModelLogEntry:
        return log(instance, action, user=user, data=data)
    context = get_active_log_context()
    entry = model(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        object_id=str(instance.pk),
        label=model.objects.get_instance_title(instance),
        action=action,
        timestamp=timezone.now(),
        data=data,
        user=user or context.user,
        uuid=context.uuid,
    )
    entry.full_clean(exclude=["content_type", "user"])
    model.objects.bulk_create([entry])
    return entry
