"""Times admin or report pages through Django's test client: the median of
``runs`` requests after a warm-up, and the queries one request makes."""

import os
import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext


def time_pages(client, pages, runs, target_ms):
    """Prints one line per (label, path) and the slowest median against ``target_ms``."""
    worst = 0
    width = max(len(label) for label, _ in pages) + 2
    for label, path in pages:
        assert client.get(path).status_code == 200  # warm up
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
        with CaptureQueriesContext(connection) as ctx:
            client.get(path)
        median = statistics.median(times)
        worst = max(worst, median)
        print(
            f"{label:{width}s} median {median:7.1f} ms  min {min(times):7.1f} ms  "
            f"max {max(times):7.1f} ms  queries {len(ctx.captured_queries)}"
        )
    print(f"load average while running: {os.getloadavg()}")
    verdict = "OK" if worst <= target_ms else "TOO SLOW"
    print(f"slowest page median {worst:.1f} ms (target ≤ {target_ms} ms): {verdict}")
    return worst
