"""The party tree and the members who belong to it."""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone

from axes.models import AccessAttempt
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from .choices import CellType, Gender, MemberStatus, OrgLevel, Position


class CellTypeOption(models.Model):
    """A cell type as something content can target (one row per code)."""

    code = models.CharField("mã", max_length=32, unique=True, choices=CellType.choices)
    name = models.CharField("tên", max_length=100)

    class Meta:
        ordering = ["pk"]
        verbose_name = "loại hình chi bộ"
        verbose_name_plural = "loại hình chi bộ"

    def __str__(self):
        return self.name


class PartyOrganizationQuerySet(MP_NodeQuerySet):
    def committees(self):
        return self.filter(level=OrgLevel.COMMITTEE)

    def cells(self):
        return self.filter(level=OrgLevel.CELL)


class PartyOrganizationManager(MP_NodeManager):
    def get_queryset(self):
        return PartyOrganizationQuerySet(self.model).order_by("path")

    def committees(self):
        return self.get_queryset().committees()

    def cells(self):
        return self.get_queryset().cells()


class PartyOrganization(MP_Node):
    """A unit of the party tree: province → committees → grassroots → cells.

    Materialised paths make "everything under this committee" a prefix
    filter, and moving a unit keeps its members (they point at the unit).
    """

    code = models.CharField("mã đơn vị", max_length=32, unique=True)
    name = models.CharField("tên đơn vị", max_length=255)
    level = models.CharField("cấp", max_length=16, choices=OrgLevel.choices)
    cell_type = models.CharField(
        "loại hình chi bộ", max_length=32, choices=CellType.choices, blank=True
    )

    objects = PartyOrganizationManager()

    class Meta:
        verbose_name = "tổ chức đảng"
        verbose_name_plural = "tổ chức đảng"

    def __str__(self):
        return self.name

    def committee(self):
        """The subordinate committee this unit belongs to (itself if one)."""
        if self.level == OrgLevel.COMMITTEE:
            return self
        return self.get_ancestors().filter(level=OrgLevel.COMMITTEE).first()


_NOT_LOADED = object()


class MemberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=MemberStatus.ACTIVE)

    def for_user(self, user):
        """The one answer to "which member is this user": the active member
        profile of a logged-in user, or ``None`` (staff accounts, anonymous
        visitors and members who left). Cached on the user object, so a
        request asks the database at most once.
        """
        if user is None or not getattr(user, "is_authenticated", False):
            return None
        if not hasattr(user, "_active_member"):
            user._active_member = self._loaded_with(user)
        if user._active_member is _NOT_LOADED:
            user._active_member = (
                self.active().select_related("cell").filter(user_id=user.pk).first()
            )
        return user._active_member

    def _loaded_with(self, user):
        """The member the session's user query already brought (``MemberBackend.get_user``
        selects ``member__cell``), so a request need not ask again."""
        relation = user._meta.get_field("member")
        if not relation.is_cached(user):
            return _NOT_LOADED
        member = relation.get_cached_value(user)
        if member is None:
            return None
        if not member._meta.get_field("cell").is_cached(member):
            return _NOT_LOADED
        return member if member.status == MemberStatus.ACTIVE else None

    def in_subtree(self, organization):
        return self.filter(cell__path__startswith=organization.path)

    def issued(self):
        """Members who have been handed an account (credentials issued)."""
        return self.filter(account_issued_at__isnull=False)

    def never_logged_in(self):
        return self.issued().filter(first_login_at__isnull=True)

    def by_identifier(self, identifier):
        """Members a login name may mean: a card number, or a phone number."""
        identifier = (identifier or "").strip()
        phone = normalize_phone(identifier)
        query = Q(card_number__iexact=identifier)
        if phone:
            query |= Q(phone=phone)
        return self.filter(query)

    def login_rates_by_prefix(self, path_length):
        """Issued/logged-in counts of active members grouped by the first
        ``path_length`` characters of their cell's tree path: one aggregated
        query for every unit of one level."""
        return (
            self.active()
            .annotate(prefix=Substr("cell__path", 1, path_length))
            .values("prefix")
            .annotate(
                issued=Count("id", filter=Q(account_issued_at__isnull=False)),
                logged_in=Count(
                    "id",
                    filter=Q(account_issued_at__isnull=False, first_login_at__isnull=False),
                ),
            )
            .order_by()
        )


class Member(models.Model):
    """A party member's profile, one-to-one with the login account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member"
    )
    full_name = models.CharField("họ và tên", max_length=255)
    card_number = models.CharField("số thẻ đảng viên", max_length=32, unique=True)
    gender = models.CharField("giới tính", max_length=8, choices=Gender.choices, blank=True)
    date_of_birth = models.DateField("ngày sinh", null=True, blank=True)
    admission_date = models.DateField("ngày vào Đảng", null=True, blank=True)
    full_membership_date = models.DateField("ngày chính thức", null=True, blank=True)
    phone = models.CharField("số điện thoại", max_length=20, blank=True, db_index=True)
    email = models.EmailField("email", blank=True)
    cell = models.ForeignKey(
        PartyOrganization,
        verbose_name="chi bộ",
        on_delete=models.PROTECT,
        related_name="members",
        limit_choices_to={"level": OrgLevel.CELL},
    )
    position = models.CharField(
        "chức vụ", max_length=32, choices=Position.choices, default=Position.MEMBER
    )
    status = models.CharField(
        "trạng thái", max_length=16, choices=MemberStatus.choices, default=MemberStatus.ACTIVE
    )
    account_issued_at = models.DateTimeField(
        "ngày cấp tài khoản",
        null=True,
        blank=True,
        help_text="Lần đầu mã kích hoạt của đảng viên được in và bàn giao.",
    )
    must_change_password = models.BooleanField("phải đổi mật khẩu", default=False)
    first_login_at = models.DateTimeField("đăng nhập lần đầu", null=True, blank=True)
    last_login_at = models.DateTimeField("đăng nhập gần nhất", null=True, blank=True)
    login_count = models.PositiveIntegerField("số lần đăng nhập", default=0)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = "đảng viên"
        verbose_name_plural = "đảng viên"
        # Powers of the organisation department, granted to groups (cms/core/roles.py).
        permissions = [
            ("manage_accounts", "Quản lý tài khoản đảng viên của mọi đơn vị"),
            ("view_login_rates", "Xem tỷ lệ đăng nhập của toàn Đảng bộ tỉnh"),
            ("import_roster", "Nhập danh sách đảng viên"),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.card_number})"

    @property
    def cell_type(self):
        return self.cell.cell_type

    @property
    def is_active_member(self):
        return self.status == MemberStatus.ACTIVE

    def record_login(self):
        """Note a successful login in one UPDATE (no read, no race)."""
        now = timezone.now()
        Member.objects.filter(pk=self.pk).update(
            first_login_at=Coalesce(F("first_login_at"), now),
            last_login_at=now,
            login_count=F("login_count") + 1,
        )


def split_full_name(full_name):
    """(family and middle names, given name) of a Vietnamese full name.

    Accounts store them in that order as ``first_name``/``last_name``, so that
    Django's get_full_name() (what Wagtail and the site header show) reads
    "Nguyễn Văn An".
    """
    family, _, given = " ".join(full_name.split()).rpartition(" ")
    return family[:150], given[:150]


def normalize_phone(value):
    """``0912 345 678``, ``+84912345678``, ``0912.345.678`` → ``0912345678``;
    empty string when it is not a Vietnamese mobile/landline number."""
    digits = "".join(ch for ch in str(value or "") if ch.isdigit() or ch == "+")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if len(digits) == 10 and digits.startswith("0") and digits.isdigit():
        return digits
    return ""


def _history_link(to, on_delete, **options):
    """A foreign key of a record kept for history (no reverse accessor)."""
    return models.ForeignKey(to, on_delete=on_delete, related_name="+", **options)


class MemberTransfer(models.Model):
    """A member's move from one cell to another (history is never rewritten)."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="transfers", verbose_name="đảng viên"
    )
    from_cell = _history_link(PartyOrganization, models.PROTECT, verbose_name="từ chi bộ")
    to_cell = _history_link(PartyOrganization, models.PROTECT, verbose_name="đến chi bộ")
    transferred_on = models.DateField("ngày chuyển", default=timezone.localdate)
    note = models.CharField("ghi chú", max_length=255, blank=True)
    created_by = _history_link(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        verbose_name="người thực hiện",
    )
    created_at = models.DateTimeField("thời điểm ghi", auto_now_add=True)

    class Meta:
        ordering = ["-transferred_on", "-pk"]
        verbose_name = "chuyển sinh hoạt"
        verbose_name_plural = "chuyển sinh hoạt"

    def __str__(self):
        return f"{self.member}: {self.from_cell.code} → {self.to_cell.code}"


def hash_token(raw):
    """Keyed SHA-256 of a high-entropy token: fast, and useless without SECRET_KEY."""
    normalized = "".join(ch for ch in raw.upper() if ch.isalnum())
    return hmac.new(settings.SECRET_KEY.encode(), normalized.encode(), hashlib.sha256).hexdigest()


class ActivationCodeQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())


class ActivationCode(models.Model):
    """A one-time code handed to a member instead of a first password.

    Only its keyed hash is stored. It expires, works once, and the member
    must set a real password right after using it.
    """

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="activation_codes")
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    issued_by = _history_link(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True)

    objects = ActivationCodeQuerySet.as_manager()

    class Meta:
        verbose_name = "mã kích hoạt"
        verbose_name_plural = "mã kích hoạt"

    def __str__(self):
        return f"Mã kích hoạt của {self.member_id}"


class UnitStaff(models.Model):
    """A staff member of a committee (or grassroots organisation) who manages
    the accounts and follows the login rate of that unit's subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staffed_units",
        verbose_name="cán bộ",
    )
    unit = models.ForeignKey(
        PartyOrganization,
        on_delete=models.CASCADE,
        related_name="staff",
        verbose_name="đơn vị phụ trách",
    )

    class Meta:
        verbose_name = "cán bộ phụ trách đơn vị"
        verbose_name_plural = "cán bộ phụ trách đơn vị"
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="unique_unit_staff")]

    def __str__(self):
        return f"{self.user} – {self.unit}"


class LoginLockout(AccessAttempt):
    """A login name and client address waiting after too many failed logins
    (django-axes' record of them); deleting it lets the pair try again at once."""

    class Meta:
        proxy = True
        default_permissions = ("view", "delete")
        verbose_name = "đăng nhập bị tạm khóa"
        verbose_name_plural = "đăng nhập bị tạm khóa"


class PendingRosterQuerySet(models.QuerySet):
    def fresh(self):
        return self.filter(created_at__gte=timezone.now() - PendingRoster.LIFETIME)

    def stale(self):
        return self.filter(created_at__lt=timezone.now() - PendingRoster.LIFETIME)


class PendingRoster(models.Model):
    """An uploaded roster between its preview and its confirmation.

    In the database, so that whichever worker process answers the
    confirmation finds it (a per-process cache would lose it); deleted when
    written, and stale ones when the next roster is uploaded.
    """

    LIFETIME = datetime.timedelta(minutes=30)

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    data = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = PendingRosterQuerySet.as_manager()

    class Meta:
        verbose_name = "danh sách chờ xác nhận"
        verbose_name_plural = "danh sách chờ xác nhận"

    def __str__(self):
        return self.filename


class LoginRateSnapshot(models.Model):
    """Issued/logged-in figures of one unit on one day, for the trend chart."""

    date = models.DateField("ngày")
    unit = models.ForeignKey(
        PartyOrganization,
        on_delete=models.CASCADE,
        related_name="login_snapshots",
        verbose_name="đơn vị",
    )
    issued = models.PositiveIntegerField("đã cấp tài khoản", default=0)
    logged_in = models.PositiveIntegerField("đã đăng nhập", default=0)

    class Meta:
        ordering = ["date"]
        verbose_name = "số liệu đăng nhập theo ngày"
        verbose_name_plural = "số liệu đăng nhập theo ngày"
        constraints = [
            models.UniqueConstraint(fields=["date", "unit"], name="unique_login_snapshot")
        ]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.unit.code}: {self.logged_in}/{self.issued}"

    @property
    def rate(self):
        return self.logged_in / self.issued if self.issued else 0.0
