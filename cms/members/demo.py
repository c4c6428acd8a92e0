"""Demo party tree of Đồng Nai (2024) and one account per role."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.core import roles

from .choices import CellType, OrgLevel, Position
from .dashboard import take_snapshot
from .factories import add_organization
from .models import (
    CellTypeOption,
    LoginRateSnapshot,
    Member,
    PartyOrganization,
    UnitStaff,
    split_full_name,
)

COMMITTEES = [
    ("BH", "Đảng bộ thành phố Biên Hòa"),
    ("LK", "Đảng bộ thành phố Long Khánh"),
    ("CM", "Đảng bộ huyện Cẩm Mỹ"),
    ("XL", "Đảng bộ huyện Xuân Lộc"),
    ("VC", "Đảng bộ huyện Vĩnh Cửu"),
    ("TB", "Đảng bộ huyện Trảng Bom"),
    ("TN", "Đảng bộ huyện Thống Nhất"),
    ("DQ", "Đảng bộ huyện Định Quán"),
    ("TP", "Đảng bộ huyện Tân Phú"),
    ("LT", "Đảng bộ huyện Long Thành"),
    ("NT", "Đảng bộ huyện Nhơn Trạch"),
    ("KCQ", "Đảng bộ Khối các cơ quan tỉnh"),
    ("KDN", "Đảng bộ Khối Doanh nghiệp tỉnh"),
    ("QS", "Đảng bộ Quân sự tỉnh"),
]

# Grassroots units under each committee ("default": the district-level ones):
# (code suffix, name, with {place} for the committee's place name).
GRASSROOTS = {
    "default": [("X1", "Đảng bộ xã {place} 1"), ("CQ", "Đảng bộ cơ quan {place}")],
    "KDN": [("CT1", "Đảng bộ Công ty Cổ phần Cao su Đồng Nai")],
    "QS": [("BCH", "Đảng bộ Bộ Chỉ huy Quân sự tỉnh")],
    "KCQ": [("BTG", "Chi bộ Ban Tuyên giáo Tỉnh ủy (cơ sở)"), ("BTC", "Đảng bộ Văn phòng Tỉnh ủy")],
}
# The cells of each grassroots unit, by its code suffix: (code suffix, name, type).
CELLS = {
    "X1": [
        ("A1", "Chi bộ ấp 1", CellType.RESIDENTIAL),
        ("A2", "Chi bộ ấp 2", CellType.RESIDENTIAL),
        ("TH", "Chi bộ Trường Tiểu học", CellType.SCHOOL),
    ],
    "CQ": [
        ("VP", "Chi bộ Văn phòng", CellType.AGENCY),
        ("YT", "Chi bộ Trung tâm Y tế", CellType.PUBLIC_SERVICE),
    ],
    "CT1": [
        ("SX", "Chi bộ Xí nghiệp sản xuất", CellType.ENTERPRISE),
        ("KD", "Chi bộ Phòng Kinh doanh", CellType.ENTERPRISE),
    ],
    "BCH": [
        ("TM", "Chi bộ Phòng Tham mưu", CellType.ARMED_FORCES),
        ("CT", "Chi bộ Phòng Chính trị", CellType.ARMED_FORCES),
    ],
    "BTG": [("TG1", "Chi bộ Phòng Tuyên truyền", CellType.AGENCY)],
    "BTC": [("VP1", "Chi bộ Phòng Tổng hợp", CellType.AGENCY)],
}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Thu"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dung",
    "Hà",
    "Hải",
    "Hòa",
    "Hương",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phúc",
    "Quang",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thủy",
    "Trung",
    "Yến",
]

# username, full name, groups, superuser, member card (None: staff only)
DEMO_ACCOUNTS = [
    ("quantri", "Quản trị hệ thống", [roles.ADMINISTRATORS], True, None),
    ("bientap", "Lê Thị Biên Tập", [roles.EDITORS], False, None),
    ("duyetbai", "Trần Văn Duyệt", [roles.REVIEWERS], False, None),
    ("pheduyet", "Phạm Minh Phê Duyệt", [roles.APPROVERS], False, None),
    ("baomat", "Võ Thanh Bảo Mật", [roles.SECURITY_OFFICERS], False, None),
    ("tuyengiao", "Huỳnh Ngọc Tuyên Giáo", [roles.PROPAGANDA], False, None),
    ("tochuc", "Đặng Thu Tổ Chức", [roles.ORGANISATION], False, None),
    ("bithu", "Nguyễn Văn Bí Thư", [roles.CELL_SECRETARIES, roles.MEMBERS], False, "75000001"),
    ("dangvien", "Bùi Thị Đảng Viên", [roles.MEMBERS], False, "75000002"),
]
DEMO_CELL = "CM-X1-A1"
# Staff of the Cẩm Mỹ committee: sees the dashboard of its subtree only.
DEMO_UNIT_STAFF = ("tochuc_cm", "Lê Văn Tổ Chức Cẩm Mỹ", "CM")

# Login rates of the seed article (25/03/2024); the other committees are
# about its 57.2% province average.
SEED_RATES = {
    "CM": 0.987,
    "KCQ": 0.976,
    "LK": 0.96,
    "KDN": 0.957,
    "VC": 0.823,
    "XL": 0.779,
    "BH": 0.149,
}


def demo_name(i):
    return (
        f"{FAMILY[i % len(FAMILY)]} {MIDDLE[(i // 10) % len(MIDDLE)]} {GIVEN[(i * 7) % len(GIVEN)]}"
    )


def build_tree():
    province = add_organization(None, "DBT", "Đảng bộ tỉnh Đồng Nai", OrgLevel.PROVINCE)
    for code, name in COMMITTEES:
        committee = add_organization(province, code, name, OrgLevel.COMMITTEE)
        place = name.split(" ", 3)[-1]
        for g_suffix, g_name in GRASSROOTS.get(code, GRASSROOTS["default"]):
            grassroots = add_organization(
                committee, f"{code}-{g_suffix}", g_name.format(place=place), OrgLevel.GRASSROOTS
            )
            for c_suffix, c_name, cell_type in CELLS[g_suffix]:
                add_organization(
                    grassroots, f"{code}-{g_suffix}-{c_suffix}", c_name, OrgLevel.CELL, cell_type
                )
    return province


def ensure_member(user, full_name, card, cell, position, phone):
    member, _ = Member.objects.get_or_create(
        card_number=card,
        defaults={
            "user": user,
            "full_name": full_name,
            "cell": cell,
            "position": position,
            "phone": phone,
        },
    )
    return member


def seed_rank_and_file():
    """A few members per cell, with unusable passwords until accounts are issued."""
    User = get_user_model()
    cells = list(PartyOrganization.objects.cells().order_by("path"))
    n = 0
    for cell_index, cell in enumerate(cells):
        for k in range(4):
            n += 1
            card = f"76{cell_index:03d}{k:03d}"
            if Member.objects.filter(card_number=card).exists():
                continue
            user = User(username=card, first_name=demo_name(n))
            user.set_unusable_password()
            user.save()
            ensure_member(
                user,
                demo_name(n),
                card,
                cell,
                Position.SECRETARY if k == 0 else Position.MEMBER,
                f"0908{cell_index:03d}{k:03d}",
            )


def demo_user(username, full_name, password, *, groups=(), superuser=False):
    """The demo account ``username``, made once with ``groups``.

    Names are stored in Vietnamese order (``split_full_name``), so that
    get_full_name(), what Wagtail and the site header show, reads "Lê Thị Biên
    Tập"; accounts of older demo databases are turned around.
    """
    User = get_user_model()
    family, given = split_full_name(full_name)
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(
            username=username,
            first_name=family,
            last_name=given,
            is_superuser=superuser,
            is_staff=superuser,
            email=f"{username}@dongnai.local",
        )
        user.set_password(password)
        user.save()
        user.groups.add(*groups)
    elif (user.first_name, user.last_name) != (family, given):
        User.objects.filter(pk=user.pk).update(first_name=family, last_name=given)
    return user


def seed(ctx):
    for code, label in CellType.choices:  # also made by a migration; flushed test DBs lack them
        CellTypeOption.objects.get_or_create(code=code, defaults={"name": label})
    build_tree()
    groups = roles.ensure_groups()
    cell = PartyOrganization.objects.get(code=DEMO_CELL)
    accounts = []
    for username, full_name, group_names, superuser, card in DEMO_ACCOUNTS:
        user = demo_user(
            username,
            full_name,
            ctx["password"],
            groups=[groups[g] for g in group_names],
            superuser=superuser,
        )
        if card:
            position = Position.SECRETARY if username == "bithu" else Position.MEMBER
            ensure_member(user, full_name, card, cell, position, "0912" + card[-6:])
        accounts.append((username, full_name, ", ".join(group_names)))
    seed_rank_and_file()
    seed_unit_staff(ctx)
    seed_login_activity()
    ctx["accounts"] = accounts
    ctx["demo_cell"] = cell


def seed_unit_staff(ctx):
    username, full_name, code = DEMO_UNIT_STAFF
    user = demo_user(username, full_name, ctx["password"])
    user.user_permissions.add(*roles.permissions([roles.ACCESS_ADMIN]))
    UnitStaff.objects.get_or_create(user=user, unit=PartyOrganization.objects.get(code=code))


def seed_login_activity():
    """Accounts issued to every demo member, and logins near the seed's rates,
    with a month of daily snapshots for the trend chart (once)."""
    if Member.objects.filter(account_issued_at__isnull=False).exists():
        return
    now = timezone.now()
    Member.objects.update(account_issued_at=now - datetime.timedelta(days=60))
    for committee in PartyOrganization.objects.committees():
        rate = SEED_RATES.get(committee.code, 0.45)
        members = list(
            Member.objects.in_subtree(committee)
            .order_by("card_number")
            .values_list("pk", flat=True)
        )
        logged = members[: round(rate * len(members))]
        Member.objects.filter(pk__in=logged).update(
            first_login_at=now - datetime.timedelta(days=20), last_login_at=now, login_count=3
        )
    today = timezone.localdate()
    take_snapshot(today)
    for snap in list(LoginRateSnapshot.objects.filter(date=today)):
        for back in range(1, 31):
            share = 0.35 + 0.65 * (30 - back) / 30
            LoginRateSnapshot.objects.get_or_create(
                date=today - datetime.timedelta(days=back),
                unit=snap.unit,
                defaults={"issued": snap.issued, "logged_in": round(snap.logged_in * share)},
            )
