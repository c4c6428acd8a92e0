from django.db import models


class CellType(models.TextChoices):
    """Loại hình chi bộ (codes as in shared/GLOSSARY.md)."""

    RESIDENTIAL = "residential", "Khu dân cư, ấp"
    AGENCY = "agency", "Cơ quan"
    ENTERPRISE = "enterprise", "Doanh nghiệp"
    ARMED_FORCES = "armed_forces", "Lực lượng vũ trang"
    SCHOOL = "school", "Trường học"
    PUBLIC_SERVICE = "public_service", "Đơn vị sự nghiệp"


class OrgLevel(models.TextChoices):
    PROVINCE = "province", "Đảng bộ tỉnh"
    COMMITTEE = "committee", "Đảng bộ trực thuộc Tỉnh ủy"
    GRASSROOTS = "grassroots", "Tổ chức cơ sở đảng"
    CELL = "cell", "Chi bộ"


class Position(models.TextChoices):
    SECRETARY = "secretary", "Bí thư"
    DEPUTY_SECRETARY = "deputy_secretary", "Phó Bí thư"
    COMMITTEE_MEMBER = "committee_member", "Chi ủy viên"
    MEMBER = "member", "Đảng viên"


class MemberStatus(models.TextChoices):
    ACTIVE = "active", "Đang sinh hoạt"
    TRANSFERRED = "transferred", "Đã chuyển sinh hoạt"
    DECEASED = "deceased", "Đã từ trần"
    EXPELLED = "expelled", "Đã khai trừ"


class Gender(models.TextChoices):
    MALE = "male", "Nam"
    FEMALE = "female", "Nữ"
