#!/usr/bin/env bash
# One command: everything the suite needs (venv, Debian's chromium and fonts), then ruff,
# Django's checks and the whole pytest suite on SQLite; when PostgreSQL answers on
# 127.0.0.1:5432 (or TEST_DATABASE_URL is set) the suite runs a second time against it,
# with Redis for cache and counters when Redis answers.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null 2>&1; then
  echo "Cài Chromium của Debian cho kiểm thử trình duyệt…"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium fonts-dejavu-core fonts-noto-core >/dev/null
fi
# Debian's nginx and wrk: tests/deploy/ runs the site behind the nginx configuration of deploy/.
bash deploy/install-debian-packages.sh
# axe-core for the accessibility tests (npm registry, into tools/web/node_modules)
bash scripts/web_tools.sh
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=cms.settings.test
WORKERS=${PYTEST_WORKERS:-2}
# loadgroup: tests marked xdist_group(name) share one worker (the PostgreSQL races).
DIST="--dist loadgroup"

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== Django checks"
$PY manage.py check --fail-level WARNING
$PY manage.py makemigrations --check --dry-run >/dev/null

echo "== pytest on SQLite"
env -u DATABASE_URL -u REDIS_URL -u ELASTICSEARCH_URL $PY -m pytest -n "$WORKERS" $DIST -q "$@"

PG_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/stdv}
if $PY - "$PG_URL" <<'PYCODE' 2>/dev/null
import sys, psycopg
from urllib.parse import urlsplit
u = urlsplit(sys.argv[1])
psycopg.connect(host=u.hostname, port=u.port or 5432, user=u.username, dbname="postgres", connect_timeout=3).close()
PYCODE
then
  REDIS=""
  if $PY -c "import redis,sys; redis.Redis(host='127.0.0.1', port=6379, socket_connect_timeout=2).ping()" 2>/dev/null; then
    REDIS=redis://127.0.0.1:6379/15
  fi
  # tests/deploy/test_replica.py starts a streaming replica with pg_basebackup: a local Debian
  # cluster needs a replication line in pg_hba.conf (a reload, no restart).
  HBA=/etc/postgresql/15/main/pg_hba.conf
  if [ -w "$HBA" ] && ! grep -Eq '^[[:space:]]*host[[:space:]]+replication' "$HBA"; then
    echo "host replication postgres 127.0.0.1/32 trust" >>"$HBA"
    psql -h 127.0.0.1 -U postgres -Atqc "SELECT pg_reload_conf()" >/dev/null || true
  fi
  echo "== pytest on PostgreSQL ($PG_URL)${REDIS:+ with Redis ($REDIS)}"
  DATABASE_URL=$PG_URL REDIS_URL=$REDIS CACHE_KEY_PREFIX=stdv-test $PY -m pytest -n "$WORKERS" $DIST -q "$@"
else
  echo "== PostgreSQL không trả lời: bỏ qua lượt chạy trên PostgreSQL"
fi
