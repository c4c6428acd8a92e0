"""gunicorn settings for the site (scripts/prod.sh and deploy/systemd/stdv-app.service).

Environment: STDV_APP_BIND (default unix:/run/stdv/app.sock), STDV_APP_WORKERS (default: the
number of cores), STDV_APP_THREADS (default 4). Threads let a worker overlap the waits on
PostgreSQL and Redis; CPU-bound rendering needs one process per core (docs/scale.md).
"""

import multiprocessing
import os

bind = [b.strip() for b in os.environ.get("STDV_APP_BIND", "unix:/run/stdv/app.sock").split(",")]
workers = int(os.environ.get("STDV_APP_WORKERS", multiprocessing.cpu_count()))
threads = int(os.environ.get("STDV_APP_THREADS", "4"))
worker_class = "gthread"
# Connections nginx has not handed over yet wait here; nginx's pools (max_conns) keep this short.
backlog = 256
keepalive = 5
timeout = 30
graceful_timeout = 20
max_requests = 20_000
max_requests_jitter = 2_000
# The code is loaded once and shared by the workers (faster start, less memory).
preload_app = True
# nginx writes the access log.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("STDV_APP_LOG_LEVEL", "warning")
proc_name = "stdv-app"
