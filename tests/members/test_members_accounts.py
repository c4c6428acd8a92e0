"""Password rules, who may reset whose password, the printed credentials,
transfers keeping history, and moving a unit keeping its members."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from wagtail.models import ModelLogEntry

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from cms.members import services
from cms.members.choices import Position
from cms.members.factories import MemberFactory, UserFactory
from cms.members.models import Member, MemberTransfer, PartyOrganization, UnitStaff


@pytest.mark.django_db
@pytest.mark.parametrize(
    "password, message",
    [
        ("Ab1!x", "ít nhất 8 ký tự"),
        ("12345678", "quá phổ biến"),
        ("matkhau123", "quá phổ biến"),
        ("MậtKhẩu123", "quá phổ biến"),
        ("x79123456x", "số thẻ"),  # card number inside
        ("0912777888", "số thẻ"),  # phone
        ("05031968ab", "số thẻ"),  # date of birth ddmmyyyy
    ],
)
def test_password_rules(make_member, password, message):
    member = make_member(
        card_number="79123456", phone="0912777888", date_of_birth=datetime.date(1968, 3, 5)
    )
    with pytest.raises(ValidationError) as exc:
        validate_password(password, member.user)
    assert message in " ".join(exc.value.messages)


@pytest.mark.django_db
def test_good_password_accepted(make_member):
    member = make_member(date_of_birth=datetime.date(1968, 3, 5))
    validate_password("Sen-hong-Dong-Nai", member.user)


def reset_url(member):
    return f"/quan-ly-tai-khoan/dang-vien/{member.pk}/cap-lai-mat-khau/"


@pytest.fixture
def secretary(make_member, cell):
    return make_member(position=Position.SECRETARY, cell=cell)


@pytest.mark.django_db
def test_secretary_resets_own_cell_member(client, secretary, make_member):
    member = make_member()
    client.force_login(secretary.user)
    response = client.post(reset_url(member))
    assert response.status_code == 200
    code = response.context["code"]
    member.user.refresh_from_db()
    assert not member.user.has_usable_password()
    entry = ModelLogEntry.objects.filter(action="members.password_reset").latest("pk")
    assert entry.object_id == str(member.pk) and entry.user_id == secretary.user_id
    client.logout()
    assert (
        client.post("/dang-nhap/", {"username": member.card_number, "password": code}).status_code
        == 302
    )


@pytest.mark.django_db
def test_secretary_reset_refused_outside_cell(client, secretary, make_member, other_cell):
    outsider = make_member(cell=other_cell)
    client.force_login(secretary.user)
    assert client.post(reset_url(outsider)).status_code == 403
    assert client.get(f"/quan-ly-tai-khoan/chi-bo/{other_cell.code}/").status_code == 403
    outsider.user.refresh_from_db()
    assert outsider.user.has_usable_password()


@pytest.mark.django_db
def test_plain_member_and_anonymous_refused(client, make_member):
    member, target = make_member(), make_member()
    assert client.post(reset_url(target)).status_code == 302  # to the login page
    client.force_login(member.user)
    assert client.post(reset_url(target)).status_code == 403
    assert client.get("/quan-ly-tai-khoan/").status_code == 403


@pytest.mark.django_db
def test_committee_staff_manage_their_subtree_only(client, make_member, other_cell):
    staff = UserFactory(username="canbo_cm_test")
    UnitStaff.objects.create(user=staff, unit=PartyOrganization.objects.get(code="CM"))
    client.force_login(staff)
    assert client.post(reset_url(make_member())).status_code == 200  # CM-X1-A1
    assert client.post(reset_url(make_member(cell=other_cell))).status_code == 403  # Biên Hòa


@pytest.mark.django_db
def test_organisation_department_manages_all(client, users, make_member, other_cell):
    client.force_login(users["tochuc"])
    assert client.post(reset_url(make_member(cell=other_cell))).status_code == 200


@pytest.mark.django_db
def test_printed_credentials_pdf_and_xlsx(client, secretary, cell):
    fresh = [
        Member.objects.get(pk=m.pk)
        for m in [secretary]
        + [MemberFactory(cell=cell, full_name=f"Nguyễn Thị Hương {i}") for i in range(3)]
    ]
    for m in fresh[1:]:
        m.user.set_unusable_password()
        m.user.save()
    client.force_login(secretary.user)
    url = f"/quan-ly-tai-khoan/chi-bo/{cell.code}/in-ma-kich-hoat/"
    assert client.get(url).status_code == 405  # issuing codes is a POST
    response = client.post(url, {"format": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Nguyễn Thị Hương 0" in text
    assert "DANH SÁCH MÃ KÍCH HOẠT" in text
    # The secretary set a password already: not in the list.
    assert secretary.card_number not in text
    response = client.post(url, {"format": "xlsx"})
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    names = [r[1] for r in rows]
    assert {"Nguyễn Thị Hương 0", "Nguyễn Thị Hương 2"} <= set(names)
    code = next(r[4] for r in rows if r[1] == "Nguyễn Thị Hương 1")
    member = next(m for m in fresh if m.full_name == "Nguyễn Thị Hương 1")
    member.refresh_from_db()
    assert member.account_issued_at is not None and member.must_change_password
    # Printing again replaced the PDF's codes: only the newest works.
    client.logout()
    ok = client.post("/dang-nhap/", {"username": member.card_number, "password": code})
    assert ok.status_code == 302
    assert (
        ModelLogEntry.objects.filter(
            action="members.credentials_issue", object_id=str(member.pk)
        ).count()
        == 2
    )


@pytest.mark.django_db
def test_transfer_keeps_history(make_member, other_cell, cell, users):
    member = make_member()
    services.transfer_member(member, other_cell, user=users["tochuc"], note="Chuyển nơi cư trú")
    member.refresh_from_db()
    assert member.cell == other_cell
    t = MemberTransfer.objects.get(member=member)
    assert (t.from_cell, t.to_cell, t.created_by) == (cell, other_cell, users["tochuc"])
    assert ModelLogEntry.objects.filter(action="members.transfer", object_id=str(member.pk))


@pytest.mark.django_db
def test_moving_a_unit_keeps_its_members(make_member):
    grassroots = PartyOrganization.objects.get(code="CM-X1")
    member = make_member()  # in CM-X1-A1
    target = PartyOrganization.objects.get(code="LK")
    grassroots.move(target, "last-child")
    cell = PartyOrganization.objects.get(code="CM-X1-A1")
    assert cell.path.startswith(target.path)
    assert member in Member.objects.in_subtree(target)
    assert member not in Member.objects.in_subtree(PartyOrganization.objects.get(code="CM"))


@pytest.mark.django_db
def test_status_change_deactivates_account(make_member):
    member = make_member()
    services.set_status(member, "deceased")
    assert not get_user_model().objects.get(pk=member.user_id).is_active
