#!/usr/bin/env bash
# Debian's nginx (with the brotli modules) and wrk, when missing: the stack (scripts/prod.sh),
# its tests (tests/deploy/) and the benchmark (bench/meeting_day.py) use them. Installing
# starts no service: the stack runs its own nginx with the configuration of deploy/.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for pkg in nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static wrk; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Cài gói Debian: ${missing[*]}"
created_policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  # Keep the package from starting a system nginx on port 80.
  printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
  as_root chmod 755 /usr/sbin/policy-rc.d
  created_policy=1
fi
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
if [ -n "$created_policy" ]; then as_root rm -f /usr/sbin/policy-rc.d; fi
