from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.members.models import PartyOrganization
from tests.account_gates import current_code

pytestmark = pytest.mark.django_db

COMMITTEES = {
    "Biên Hòa",
    "Long Khánh",
    "Cẩm Mỹ",
    "Xuân Lộc",
    "Vĩnh Cửu",
    "Trảng Bom",
    "Thống Nhất",
    "Định Quán",
    "Tân Phú",
    "Long Thành",
    "Nhơn Trạch",
    "Khối các cơ quan tỉnh",
    "Khối Doanh nghiệp tỉnh",
    "Quân sự tỉnh",
}


def counts():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label not in {"sessions", "wagtailsearch", "admin"}
    }


def test_seed_demo_twice_gives_the_same_counts(demo_site):
    before = counts()
    call_command("seed_demo", "--no-index", verbosity=0)
    assert counts() == before
    assert before["wagtailcore.Page"] > 20


def test_the_demo_is_dong_nai_with_its_14_committees_and_every_cell_type(demo_site):
    committees = PartyOrganization.objects.committees()
    assert committees.count() == 14
    names = " | ".join(committees.values_list("name", flat=True))
    for place in COMMITTEES:
        assert place in names
    cell_types = set(PartyOrganization.objects.cells().values_list("cell_type", flat=True))
    assert cell_types == {
        "residential",
        "agency",
        "enterprise",
        "armed_forces",
        "school",
        "public_service",
    }


def test_one_demo_account_per_role(users):
    from cms.core import roles

    expected = {
        "quantri": roles.ADMINISTRATORS,
        "bientap": roles.EDITORS,
        "duyetbai": roles.REVIEWERS,
        "pheduyet": roles.APPROVERS,
        "tuyengiao": roles.PROPAGANDA,
        "tochuc": roles.ORGANISATION,
        "bithu": roles.CELL_SECRETARIES,
        "dangvien": roles.MEMBERS,
    }
    for username, group in expected.items():
        assert users[username].groups.filter(name=group).exists(), username
    assert users["quantri"].is_superuser
    assert users["bithu"].member.position == "secretary"


def test_admin_login_works_with_a_demo_account(client, demo_site):
    response = client.post("/admin/login/", {"username": "bientap", "password": "Demo@2026"})
    assert response.status_code == 302
    # Admin access needs a second factor: the first login enrols an authenticator.
    enrol = client.get("/admin/")
    assert enrol["Location"].startswith(reverse("accounts:otp_enrol"))
    client.get(reverse("accounts:otp_enrol"))
    device = TOTPDevice.objects.get(user__username="bientap", confirmed=False)
    client.post(reverse("accounts:otp_enrol"), {"code": current_code(device)})
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "Trang tổng quan" in dashboard.content.decode()
