#!/usr/bin/env bash
# Browser check tools from the npm registry into tools/web/node_modules (ignored by git):
# axe-core for the accessibility tests (tests/a11y), and with --lighthouse also
# Lighthouse 12 for bench/web_scores.py (Lighthouse 13 needs Node 22).
# Installs Debian's nodejs and npm when they are missing. Does nothing when already installed.
set -euo pipefail
cd "$(dirname "$0")/../tools/web"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v npm >/dev/null 2>&1; then
  echo "Cài Node.js và npm của Debian…"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null
fi
if [ "${1:-}" = "--lighthouse" ]; then
  [ -x node_modules/.bin/lighthouse ] || npm ci --no-audit --no-fund --loglevel=error
else
  [ -f node_modules/axe-core/axe.min.js ] || npm ci --omit=dev --no-audit --no-fund --loglevel=error
fi
