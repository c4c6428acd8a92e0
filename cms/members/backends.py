"""Log in with a card number or a phone number, and a password or a
one-time activation code.

Staff accounts without a member profile log in with their user name. A
member who is not active (transferred, deceased, expelled) is refused even
with the right password, and so are sessions of members who stop being
active. Failed attempts are counted by django-axes (``lockout.py``), whose
backend comes first in ``AUTHENTICATION_BACKENDS``.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.utils import timezone

from cms.caching.models import ContentVersion
from cms.core.prepared import PreparedGet
from cms.core.visibility import with_group_ids

from .choices import MemberStatus
from .models import ActivationCode, Member, hash_token

REFUSAL_ATTR = "member_login_refusal"


def _session_users():
    """The query behind every logged-in request: the member and their cell come with the
    user, and so do the user's groups and the content version, as every member page needs
    them. Built once and compiled once per thread (``cms.core.prepared``): building and
    compiling it cost three times what running it does."""
    users = get_user_model()._default_manager.select_related("member__cell")
    return with_group_ids(users.annotate(**ContentVersion.objects.tag_columns()))


SESSION_USER = PreparedGet(_session_users)


def _refuse(request, reason):
    if request is not None:
        setattr(request, REFUSAL_ATTR, reason)


def find_member(identifier):
    """The member a login name means (card number first), or ``None``."""
    ident = identifier.strip()
    members = list(Member.objects.by_identifier(ident).select_related("user")[:3])
    exact = [m for m in members if m.card_number.lower() == ident.lower()]
    if exact:
        return exact[0]
    # A phone shared by several members does not identify anyone.
    return members[0] if len(members) == 1 else None


class MemberBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if not username or not password:
            return None
        return self._check(request, username, password)

    def _check(self, request, username, password):
        member = self._find_member(username)
        if member is None:
            return self._check_staff(username, password)
        user = member.user
        via_code = False
        ok = user.has_usable_password() and user.check_password(password)
        if not ok and not user.has_usable_password():
            via_code = (
                ActivationCode.objects.valid()
                .filter(member=member, code_hash=hash_token(password))
                .exists()
            )
            ok = via_code
        if not ok:
            return None
        if member.status != MemberStatus.ACTIVE or not user.is_active:
            _refuse(request, "inactive")
            return None
        if via_code:
            used = (
                ActivationCode.objects.valid()
                .filter(member=member, code_hash=hash_token(password))
                .update(used_at=timezone.now())
            )
            if not used:  # used by a concurrent request
                return None
            Member.objects.filter(pk=member.pk).update(must_change_password=True)
            member.must_change_password = True
        user.login_via_activation_code = via_code
        return user

    @staticmethod
    def _find_member(username):
        return find_member(username)

    def _check_staff(self, username, password):
        User = get_user_model()
        user = User._default_manager.filter(
            **{User.USERNAME_FIELD: username.strip()}, member__isnull=True
        ).first()
        if user is None:
            User().set_password(password)  # same cost as a real check
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        try:
            member = user.member
        except Member.DoesNotExist:
            return True
        return member.status == MemberStatus.ACTIVE

    def get_user(self, user_id):
        user = SESSION_USER.get(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
