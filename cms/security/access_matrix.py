"""The access-control matrix: role × resource × action, written once as data.

``SECURITY.md`` shows it (``manage.py access_matrix --write`` renders it
between its markers; a test fails when the two differ) and
``tests/security/test_access_matrix.py`` requests every cell with the demo
accounts. Outcomes:

- ``ok``: the page or file is served (200);
- ``login``: a redirect to a login page (anonymous visitors);
- ``deny``: 403 or 404 (a forbidden id answers like an unknown one), a
  redirect to the login page for a signed-in person without that power, or
  Wagtail's own refusal (back to ``/admin/`` with a message).

``{own}`` is a meeting of the demo secretary's cell (CM-X1-A1), ``{other}`` a
meeting of another cell, ``{guess}`` an id that does not exist, ``{draft}`` a news
article, ``{bulletin_url}`` an internal bulletin restricted to members and
``{document_url}`` its PDF. A POST answered with a redirect elsewhere than a
login page counts as ``ok`` (the action was taken).
"""

ROLES = {
    "anonymous": "Khách (chưa đăng nhập)",
    "dangvien": "Đảng viên",
    "bithu": "Bí thư chi bộ",
    "tochuc": "Ban Tổ chức",
    "bientap": "Biên tập viên",
    "quantri": "Quản trị hệ thống",
    "duyetbai": "Duyệt bài (thẩm định)",
    "pheduyet": "Phê duyệt xuất bản",
    "baomat": "Kiểm tra bí mật nhà nước",
    "tuyengiao": "Ban Tuyên giáo",
    "tochuc_cm": "Cán bộ tổ chức huyện (Cẩm Mỹ)",
}

# key: (label, method, path)
RESOURCES = {
    "meeting_own": ("Buổi sinh hoạt của chi bộ mình", "GET", "/sinh-hoat-chi-bo/{own}/"),
    "minutes_own": ("Biên bản của chi bộ mình", "GET", "/sinh-hoat-chi-bo/{own}/bien-ban/"),
    "motion_add_own": (
        "Thêm biểu quyết (chi bộ mình)",
        "GET",
        "/sinh-hoat-chi-bo/{own}/bieu-quyet/them/",
    ),
    "votes_export_own": (
        "Xuất kết quả biểu quyết (chi bộ mình)",
        "GET",
        "/sinh-hoat-chi-bo/{own}/ket-qua-bieu-quyet.xlsx",
    ),
    "meeting_other": ("Buổi sinh hoạt của chi bộ khác", "GET", "/sinh-hoat-chi-bo/{other}/"),
    "minutes_other": ("Biên bản của chi bộ khác", "GET", "/sinh-hoat-chi-bo/{other}/bien-ban/"),
    "meeting_guess": ("Mã buổi sinh hoạt đoán mò", "GET", "/sinh-hoat-chi-bo/{guess}/"),
    "cell_accounts": (
        "Danh sách và tài khoản đảng viên của chi bộ",
        "GET",
        "/quan-ly-tai-khoan/chi-bo/CM-X1-A1/",
    ),
    "roster_import": ("Nhập danh sách đảng viên", "GET", "/admin/dang-vien/nhap-danh-sach/"),
    "login_dashboard": ("Bảng tỷ lệ đăng nhập", "GET", "/admin/dang-vien/ty-le-dang-nhap/"),
    "login_export": (
        "Xuất bảng tỷ lệ đăng nhập",
        "GET",
        "/admin/dang-vien/ty-le-dang-nhap/xuat.xlsx",
    ),
    "admin_home": ("Trang quản trị", "GET", "/admin/"),
    "draft_edit": ("Sửa bản nháp tin bài", "GET", "/admin/pages/{draft}/edit/"),
    "page_history": ("Lịch sử sửa đổi tin bài", "GET", "/admin/pages/{draft}/history/"),
    "bulletin_members": ("Bản tin nội bộ (chỉ đảng viên)", "GET", "{bulletin_url}"),
    "document_private": ("Tệp PDF nội bộ", "GET", "{document_url}"),
    "check_in_own": ("Điểm danh (chi bộ mình)", "POST", "/sinh-hoat-chi-bo/{own}/co-mat/"),
    "never_logged_in": (
        "Danh sách chưa đăng nhập (có họ tên)",
        "GET",
        "/admin/dang-vien/ty-le-dang-nhap/chua-dang-nhap/CM/",
    ),
    "reach_report": ("Báo cáo học tập", "GET", "/bao-cao-hoc-tap/"),
    "cell_summaries": ("Bài thu hoạch của chi bộ", "GET", "/thu-hoach-chi-bo/"),
    "my_data": ("Dữ liệu của tôi", "GET", "/du-lieu-cua-toi/"),
    "site_history": ("Nhật ký thao tác", "GET", "/admin/reports/site-history/"),
    "published_questions": (
        "Hỏi đáp công khai (quy trình biên tập)",
        "GET",
        "/admin/snippets/study/publishedquestion/",
    ),
    "users_admin": ("Quản lý tài khoản quản trị", "GET", "/admin/users/"),
}

# Who may: every signed-in role, and the staff roles (all but the two member roles).
SIGNED_IN = tuple(role for role in ROLES if role != "anonymous")
STAFF = tuple(role for role in SIGNED_IN if role not in ("dangvien", "bithu"))


def _allowed(*roles):
    """Outcomes in the order of ROLES: anonymous visitors are sent to log in, the
    ``roles`` are served and everyone else is refused."""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles: {sorted(unknown)}")
    return tuple(
        "login" if role == "anonymous" else "ok" if role in roles else "deny" for role in ROLES
    )


# resource: who is served (a tuple of outcomes in the order of ROLES)
MATRIX = {
    "meeting_own": _allowed("dangvien", "bithu"),
    "minutes_own": _allowed("dangvien", "bithu"),
    "motion_add_own": _allowed("bithu"),
    # Members of the cell see the results on the meeting page and may download them.
    "votes_export_own": _allowed("dangvien", "bithu"),
    "meeting_other": _allowed(),
    "minutes_other": _allowed(),
    "meeting_guess": _allowed(),
    "cell_accounts": _allowed("bithu", "tochuc", "quantri", "tochuc_cm"),
    "roster_import": _allowed("tochuc", "quantri"),
    "login_dashboard": _allowed("tochuc", "quantri", "tochuc_cm"),
    "login_export": _allowed("tochuc", "quantri", "tochuc_cm"),
    "admin_home": _allowed(*STAFF),
    # Reviewers and approvers open the draft to judge it (Wagtail's moderation).
    "draft_edit": _allowed("bientap", "quantri", "duyetbai", "pheduyet"),
    "page_history": _allowed("bientap", "quantri", "duyetbai", "pheduyet"),
    "bulletin_members": _allowed(*SIGNED_IN),
    "document_private": _allowed(*SIGNED_IN),
    "check_in_own": _allowed("dangvien", "bithu"),
    "never_logged_in": _allowed("tochuc", "quantri", "tochuc_cm"),
    "reach_report": _allowed("bithu", "quantri", "tuyengiao", "tochuc_cm"),
    "cell_summaries": _allowed("bithu"),
    # Everyone's own data, staff included (their account, logins, audit entries).
    "my_data": _allowed(*SIGNED_IN),
    # Wagtail lists to each person only the entries of what they may manage.
    "site_history": _allowed(*STAFF),
    "published_questions": _allowed("quantri", "tuyengiao"),
    "users_admin": _allowed("quantri"),
}

OUTCOME_LABELS = {"ok": "được", "login": "đăng nhập", "deny": "không"}
BEGIN = "<!-- access-matrix:begin (manage.py access_matrix --write) -->"
END = "<!-- access-matrix:end -->"


def cells():
    """Every (role, resource, outcome) of the matrix."""
    for resource, outcomes in MATRIX.items():
        for role, outcome in zip(ROLES, outcomes, strict=True):
            yield role, resource, outcome


def render_markdown():
    roles = list(ROLES.values())
    lines = [
        "| Tài nguyên (hành động) | " + " | ".join(roles) + " |",
        "|---|" + "---|" * len(roles),
    ]
    for resource, outcomes in MATRIX.items():
        label, method, path = RESOURCES[resource]
        row = " | ".join(OUTCOME_LABELS[outcome] for outcome in outcomes)
        lines.append(f"| {label} (`{method} {path}`) | {row} |")
    return "\n".join([BEGIN, *lines, END])


def replace_in(text):
    """``text`` (SECURITY.md) with the matrix between its markers brought up to date."""
    start, end = text.index(BEGIN), text.index(END) + len(END)
    return text[:start] + render_markdown() + text[end:]
