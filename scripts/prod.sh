#!/usr/bin/env bash
# The production stack on this machine, against the local PostgreSQL (127.0.0.1:5432, user
# postgres) and Redis (127.0.0.1:6379): migrations, collectstatic, gunicorn, the django-tasks
# worker (database queue), scheduled publishing, nginx in front with the page cache and the
# overload limits of deploy/nginx/stdv.conf.in. Media on moto's S3 server with STDV_S3=moto.
#
#   bash scripts/prod.sh          start, print the addresses, stop everything on Ctrl-C
#   bash scripts/prod.sh start    start in the background and return
#   bash scripts/prod.sh stop     stop what start started
#   bash scripts/prod.sh status
#
# Everything lives in $STDV_PROD_DIR (default .prod/): secret key, logs, nginx files, cache.
# The database is $DATABASE_URL (default postgres://postgres@127.0.0.1:5432/stdv_prod), created
# and seeded with the demo on first use; nginx listens on 127.0.0.1:$STDV_PORT (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ACTION=${1:-run}
DIR=${STDV_PROD_DIR:-$ROOT/.prod}
PORT=${STDV_PORT:-8080}
PY=$ROOT/.venv/bin/python
mkdir -p "$DIR/run" "$DIR/log"

pid_alive() { [ -f "$DIR/run/$1.pid" ] && kill -0 "$(cat "$DIR/run/$1.pid")" 2>/dev/null; }

stop_all() {
  if [ -f "$DIR/run/nginx.pid" ]; then
    nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -e "$DIR/log/nginx-error.log" -s quit 2>/dev/null || true
  fi
  for name in scheduler worker app moto; do
    if pid_alive "$name"; then
      kill -TERM "$(cat "$DIR/run/$name.pid")" 2>/dev/null || true
    fi
  done
  for _ in $(seq 1 50); do
    local alive=0
    for name in scheduler worker app moto; do pid_alive "$name" && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.2
  done
  for name in scheduler worker app moto; do
    if pid_alive "$name"; then kill -KILL -- "-$(cat "$DIR/run/$name.pid")" 2>/dev/null || true; fi
  done
  rm -f "$DIR"/run/*.pid
}

status() {
  for name in app worker scheduler moto; do
    if pid_alive "$name"; then echo "$name: đang chạy (pid $(cat "$DIR/run/$name.pid"))"; else echo "$name: dừng"; fi
  done
  if [ -f "$DIR/nginx/nginx.pid" ] && kill -0 "$(cat "$DIR/nginx/nginx.pid")" 2>/dev/null; then
    echo "nginx: đang chạy, http://127.0.0.1:$PORT/"
  else
    echo "nginx: dừng"
  fi
}

case "$ACTION" in
  stop) stop_all; exit 0 ;;
  status) status; exit 0 ;;
  run|start) ;;
  *) echo "Cách dùng: bash scripts/prod.sh [run|start|stop|status]" >&2; exit 2 ;;
esac

bash scripts/bootstrap.sh
bash deploy/install-debian-packages.sh

stop_all

# --- environment ------------------------------------------------------------------------------
[ -f "$DIR/secret_key" ] || "$PY" -c 'import secrets; print(secrets.token_urlsafe(64))' >"$DIR/secret_key"
export DJANGO_SETTINGS_MODULE=cms.settings.production
SECRET_KEY=$(cat "$DIR/secret_key")
export SECRET_KEY
# Shared by the site and nginx: signed live-status poll addresses (cms/meetings/live_links.py).
[ -f "$DIR/live_link_secret" ] || "$PY" -c 'import secrets; print(secrets.token_urlsafe(32))' >"$DIR/live_link_secret"
STDV_LIVE_LINK_SECRET=${STDV_LIVE_LINK_SECRET:-$(cat "$DIR/live_link_secret")}
export STDV_LIVE_LINK_SECRET
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export CSRF_TRUSTED_ORIGINS=${CSRF_TRUSTED_ORIGINS:-http://127.0.0.1:$PORT,http://localhost:$PORT}
# Plain http on the loopback; on a server TLS ends at nginx or the load balancer.
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-0}
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/stdv_prod}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/2}
export CACHE_KEY_PREFIX=${CACHE_KEY_PREFIX:-stdv-prod}
export MEDIA_ROOT=${MEDIA_ROOT:-$DIR/media}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$PORT}
export STDV_APP_BIND=${STDV_APP_BIND:-unix:$DIR/run/app.sock}
export STDV_APP_WORKERS=${STDV_APP_WORKERS:-$(nproc)}
export STDV_APP_THREADS=${STDV_APP_THREADS:-4}

"$PY" - <<'PYCODE'
import os, sys
from urllib.parse import urlsplit
import psycopg, redis
u = urlsplit(os.environ["DATABASE_URL"])
name = u.path.lstrip("/")
try:
    conn = psycopg.connect(host=u.hostname, port=u.port or 5432, user=u.username,
                           password=u.password, dbname="postgres", connect_timeout=3, autocommit=True)
except psycopg.OperationalError as exc:
    sys.exit(f"PostgreSQL không trả lời ({u.hostname}:{u.port or 5432}): {exc}")
if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
    conn.execute(f'CREATE DATABASE "{name}"')
    print(f"Đã tạo cơ sở dữ liệu {name}.")
try:
    redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=2).ping()
except redis.RedisError as exc:
    sys.exit(f"Redis không trả lời ({os.environ['REDIS_URL']}): {exc}")
PYCODE

if [ "${STDV_S3:-}" = moto ]; then
  S3_PORT=${STDV_S3_PORT:-9010}
  setsid "$ROOT/.venv/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT" >"$DIR/log/moto.log" 2>&1 &
  echo $! >"$DIR/run/moto.pid"
  export AWS_STORAGE_BUCKET_NAME=stdv-media AWS_S3_ENDPOINT_URL=http://127.0.0.1:$S3_PORT
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_S3_REGION_NAME=us-east-1
  "$PY" - <<'PYCODE'
import os, time, boto3, botocore
s3 = boto3.client("s3", endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"], region_name="us-east-1")
for _ in range(100):
    try:
        s3.create_bucket(Bucket=os.environ["AWS_STORAGE_BUCKET_NAME"]); break
    except botocore.exceptions.EndpointConnectionError:
        time.sleep(0.1)
PYCODE
fi

# --- database, static files, demo ---------------------------------------------------------------
echo "Chuyển đổi cơ sở dữ liệu (migrate)…"
"$PY" manage.py migrate --no-input -v0
echo "Thu thập tệp tĩnh (collectstatic)…"
"$PY" manage.py collectstatic --no-input -v0
seeded="$DIR/seeded-$(echo "$DATABASE_URL" | sha256sum | cut -c1-12)"
if [ ! -f "$seeded" ] && [ "${STDV_SEED:-1}" = 1 ]; then
  echo "Tạo dữ liệu mẫu (lần đầu)…"
  "$PY" manage.py seed_demo --allow-production && touch "$seeded"
fi

# --- processes ------------------------------------------------------------------------------------
start_bg() {  # name, command…
  local name=$1; shift
  setsid "$@" >>"$DIR/log/$name.log" 2>&1 &
  echo $! >"$DIR/run/$name.pid"
}
# The application yields the CPU to nginx, PostgreSQL and Redis when the machine is full, so
# cached pages and polls keep answering at once while pages that need Python queue (Nice= in
# deploy/systemd/stdv-app.service, stdv-worker@.service).
NICE=${STDV_APP_NICE:-10}
start_bg app nice -n "$NICE" "$ROOT/.venv/bin/gunicorn" --config deploy/gunicorn.conf.py cms.wsgi:application
start_bg worker nice -n "$NICE" "$PY" manage.py db_worker --interval 1
start_bg scheduler "$PY" manage.py run_scheduler --interval 60

STDV_LISTEN=${STDV_LISTEN:-127.0.0.1:$PORT} \
STDV_APP_UPSTREAM=${STDV_APP_UPSTREAM:-${STDV_APP_BIND%%,*}} \
STDV_STATIC_ROOT=${STDV_STATIC_ROOT:-$ROOT/static} \
STDV_MEDIA_ROOT=${STDV_MEDIA_ROOT:-$MEDIA_ROOT} \
STDV_CACHE_DIR=${STDV_CACHE_DIR:-$DIR/nginx/cache} \
STDV_ACCESS_LOG=${STDV_ACCESS_LOG:-$DIR/log/nginx-access.log stdv buffer=64k flush=1s} \
  python3 deploy/render.py --out "$DIR/nginx" --local
nginx -t -q -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -e "$DIR/log/nginx-error.log"
nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -e "$DIR/log/nginx-error.log"
ln -sf "$DIR/nginx/nginx.pid" "$DIR/run/nginx.pid"

# Ready when the health check answers through nginx.
for i in $(seq 1 150); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then break; fi
  if ! pid_alive app; then echo "gunicorn không khởi động được; xem $DIR/log/app.log" >&2; tail -20 "$DIR/log/app.log" >&2; exit 1; fi
  sleep 0.2
  [ "$i" = 150 ] && { echo "Trang chưa trả lời sau 30 giây; xem $DIR/log/" >&2; exit 1; }
done

cat <<MSG

  Sổ tay đảng viên điện tử (cấu hình production) đang chạy sau nginx:
    Trang đảng viên:   http://127.0.0.1:$PORT/
    Trang quản trị:    http://127.0.0.1:$PORT/admin/
    Kiểm tra hệ thống: http://127.0.0.1:$PORT/healthz
  gunicorn: $STDV_APP_WORKERS tiến trình × $STDV_APP_THREADS luồng; tiến trình nền django-tasks (db_worker);
  xuất bản theo lịch mỗi phút; cơ sở dữ liệu $DATABASE_URL; Redis $REDIS_URL.
  Nhật ký: $DIR/log/   Dừng: bash scripts/prod.sh stop

MSG

if [ "$ACTION" = run ]; then
  trap 'echo; echo "Đang dừng…"; stop_all; exit 0' INT TERM
  while pid_alive app; do sleep 1; done
  echo "gunicorn đã dừng; xem $DIR/log/app.log" >&2
  stop_all
  exit 1
fi
