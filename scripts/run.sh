#!/usr/bin/env bash
# One command: venv, install, migrate, demo data, then the site on http://127.0.0.1:8000
# with scheduled publishing every minute. Run again: starts fast and keeps the data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-cms.settings.dev}
PY=.venv/bin/python
$PY manage.py migrate --no-input -v0
if [ ! -f .venv/.demo-seeded ] || [ "${SEED:-}" = 1 ]; then
  echo "Tạo dữ liệu mẫu (lần đầu)…"
  $PY manage.py seed_demo && touch .venv/.demo-seeded
fi

# Wagtail's publish_scheduled every minute, for as long as the site runs.
$PY manage.py run_scheduler >/dev/null 2>&1 &
SCHEDULER=$!
trap 'kill $SCHEDULER 2>/dev/null || true' EXIT INT TERM

cat <<MSG

  Sổ tay đảng viên điện tử đang chạy:
    Trang đảng viên:   http://127.0.0.1:8000/
    Đăng nhập:         http://127.0.0.1:8000/dang-nhap/
    Trang quản trị:    http://127.0.0.1:8000/admin/
    Kiểm tra hệ thống: http://127.0.0.1:8000/healthz

  Tài khoản mẫu (mật khẩu: ${DEMO_PASSWORD:-Demo@2026}).
  Cán bộ: gõ tên đăng nhập (ở /admin/ hoặc /dang-nhap/):
    quantri    quản trị hệ thống          bientap    biên tập viên
    duyetbai   Ban Biên tập – biên tập    pheduyet   Ban Biên tập – phê duyệt
    baomat     cán bộ bảo mật             tuyengiao  Ban Tuyên giáo
    tochuc     Ban Tổ chức
  Đảng viên: gõ SỐ THẺ ĐẢNG VIÊN (không phải tên đăng nhập) ở /dang-nhap/:
    75000001   bí thư chi bộ (tài khoản bithu)
    75000002   đảng viên (tài khoản dangvien)

MSG
$PY manage.py runserver 127.0.0.1:8000
