#!/usr/bin/env bash
# Creates .venv with Debian 12's Python 3.11 and installs the locked dependencies.
# Used by run.sh and test.sh; safe to run again (does nothing when up to date).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-}
if [ -z "$PYTHON" ]; then
  for candidate in python3.11 /usr/bin/python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      PYTHON=$candidate; break
    fi
  done
fi
if [ -z "$PYTHON" ]; then
  echo "Cần Python 3.11 (Debian 12: apt-get install python3.11 python3.11-venv)." >&2
  exit 1
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  # Installs the Debian packages given that are missing.
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Cài gói Debian: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then apt_install python3.11-venv; fi
# Fonts with Vietnamese glyphs for generated PDFs (reportlab) and the browser.
apt_install fonts-dejavu-core

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum requirements.lock | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.lock
  rm -f .venv/.installed-*
  touch "$stamp"
fi
