#!/usr/bin/env python3
"""Writes the nginx configuration from the templates in deploy/nginx/.

    python3 deploy/render.py --out /etc/nginx/sites-available            # a server (site file)
    python3 deploy/render.py --out .prod/nginx --local                   # scripts/prod.sh, tests

Every @NAME@ of a template is STDV_NAME from the environment, or the default below (a server
with Debian's nginx, the app on a unix socket). Brotli is switched on when Debian's module
(libnginx-mod-http-brotli-filter/-static) is installed. Standard library only.
"""

import argparse
import os
import re
import secrets
import sys
from pathlib import Path

DEPLOY_DIR = Path(__file__).resolve().parent
BROTLI_FILTER = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
BROTLI_STATIC = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")

DEFAULTS = {
    "LISTEN": "80",
    "SERVER_NAME": "_",
    "APP_UPSTREAM": "unix:/run/stdv/app.sock",
    "STATIC_ROOT": "/srv/stdv/app/static",
    "MEDIA_ROOT": "/srv/stdv/media",
    "CACHE_DIR": "/var/cache/nginx/stdv",
    "CACHE_MAX_SIZE": "1g",
    "DEPLOY_DIR": str(DEPLOY_DIR),
    # Written in 64 kB blocks at most a second apart: not a system call per request (tens of
    # thousands a second on a meeting evening), and a slow disk holds up no worker each time.
    "ACCESS_LOG": "/var/log/nginx/stdv-access.log stdv buffer=64k flush=1s",
    # Connections to the app per pool; their sum is what one app server may have in flight
    # (see docs/runbook.md, "Overload"). Past a pool's figure nginx answers 503 at once.
    "POOL_APP": "48",
    "POOL_MEETING": "16",
    "POOL_POLL": "32",
    "POOL_LOGIN": "4",
    "LOGIN_RATE": "120r/m",
    "LOGIN_BURST": "60",
    "RETRY_AFTER": "5",
    "CLIENT_MAX_BODY": "55m",
    "FRONT_CACHE_SECONDS": "1",
    "WORKER_PROCESSES": "auto",
}


def values(out_dir, local):
    found = {name: os.environ.get(f"STDV_{name}", default) for name, default in DEFAULTS.items()}
    # The signed poll addresses' secret, shared with the site (cms/meetings/live_links.py).
    # Without one the site signs nothing, and a random one here makes nginx refuse every link.
    found["LIVE_LINK_SECRET"] = os.environ.get("STDV_LIVE_LINK_SECRET") or secrets.token_urlsafe(32)
    found["CONF_DIR"] = str(out_dir)
    found["RUN_DIR"] = str(out_dir)
    brotli = BROTLI_FILTER.exists()
    found["BROTLI"] = (
        "    brotli on;\n    brotli_comp_level 4;\n    brotli_min_length 1024;\n"
        "    brotli_types text/css application/javascript application/json application/xml\n"
        "                 application/rss+xml application/atom+xml image/svg+xml text/plain;\n"
        if brotli
        else ""
    )
    found["BROTLI_STATIC"] = "        brotli_static on;" if BROTLI_STATIC.exists() else ""
    modules = [m for m in (BROTLI_FILTER, BROTLI_STATIC) if m.exists()] if local else []
    found["LOAD_MODULES"] = "".join(f"load_module {m};\n" for m in modules)
    # Workers of a root master would otherwise switch to nobody, who cannot read a work tree.
    found["USER"] = "user root;" if local and os.geteuid() == 0 else ""
    return found


def render(template, found):
    def replace(match):
        name = match.group(1)
        if name == "PLACEHOLDER":  # the word in the templates' own comments
            return match.group(0)
        if name not in found:
            raise KeyError(f"{template.name}: no value for @{name}@")
        return found[name]

    return re.sub(r"@([A-Z_]+)@", replace, template.read_text())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--local", action="store_true", help="also nginx.conf, run from --out")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    found = values(out, args.local)
    nginx = DEPLOY_DIR / "nginx"
    (out / "stdv.conf").write_text(render(nginx / "stdv.conf.in", found))
    (out / "stdv-proxy.conf").write_text((nginx / "stdv-proxy.conf").read_text())
    if args.local:
        (out / "nginx.conf").write_text(render(nginx / "nginx-local.conf.in", found))
        Path(found["CACHE_DIR"]).mkdir(parents=True, exist_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
