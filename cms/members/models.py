"""The party tree and the members who belong to it."""

from django.conf import settings
from django.db import models

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


class MemberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=MemberStatus.ACTIVE)

    def in_subtree(self, organization):
        return self.filter(cell__path__startswith=organization.path)


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

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = "đảng viên"
        verbose_name_plural = "đảng viên"

    def __str__(self):
        return f"{self.full_name} ({self.card_number})"

    @property
    def cell_type(self):
        return self.cell.cell_type
