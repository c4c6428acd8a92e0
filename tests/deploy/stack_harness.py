"""The production stack for a test: gunicorn and Debian's nginx on free loopback ports, with the
nginx configuration of deploy/ rendered by deploy/render.py, against a copy of the test
database; a driver process changes content in that copy. Everything stops and is removed at
the end, and every wait is bounded.
"""

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
BUSY_TEXT = "Hệ thống đang bận, vui lòng thử lại"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stack_environment(database_url, tmp):
    """What the stack's processes share: production settings plus the test's password hasher
    and plain static files (tests/deploy/stack_settings.py)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_", "DJANGO_", "STDV_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="stack_settings",
        PYTHONPATH=f"{HERE}{os.pathsep}{ROOT}",
        SECRET_KEY="stack-test-" + "k" * 60,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(tmp / "media"),
        TEST_MEDIA_ROOT=str(tmp / "media"),
        LOG_LEVEL="ERROR",
        # A connection per request, closed after it: the stack lives through the whole test
        # session, and idle persistent connections (8 threads) would count against
        # PostgreSQL's max_connections while other tests open 50 at once.
        DB_CONN_MAX_AGE="0",
        # Shared with nginx (Stack.render): signed live-status poll addresses.
        STDV_LIVE_LINK_SECRET="stack-live-" + uuid.uuid4().hex,
    )
    # Production settings require Redis (issue 15, item 5): the local one unless given.
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/7")
    env["CACHE_KEY_PREFIX"] = f"stdv-stack-{uuid.uuid4().hex[:8]}"
    return env


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status = status
        self.headers = headers
        self.body = body
        self.seconds = seconds

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name):
        return ", ".join(value for key, value in self.headers if key.lower() == name.lower())

    def cookies(self):
        found = {}
        for key, value in self.headers:
            if key.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                found[name.strip()] = rest.split(";", 1)[0]
        return found


class Stack:
    """gunicorn + nginx. ``pools`` overrides the nginx pools (STDV_POOL_*)."""

    def __init__(self, tmp, env, *, workers=1, threads=4, pools=None, background=False):
        self.background = background
        self.tmp = Path(tmp)
        self.env = env
        self.workers = workers
        self.threads = threads
        self.pools = pools or {}
        self.port = free_port()
        self.app_port = free_port()
        self.nginx_dir = self.tmp / "nginx"
        self.static_root = self.tmp / "static"
        self.processes = []
        self.supervised = {}  # name -> (arguments, index in processes)
        self.restarts = {}
        self.stopping = threading.Event()
        self.supervisor = None

    # --- life cycle ---------------------------------------------------------------------
    def render(self):
        env = dict(os.environ)
        env.update(
            STDV_LIVE_LINK_SECRET=self.env.get("STDV_LIVE_LINK_SECRET", ""),
            STDV_LISTEN=f"127.0.0.1:{self.port}",
            STDV_APP_UPSTREAM=f"127.0.0.1:{self.app_port}",
            STDV_STATIC_ROOT=str(self.static_root),
            STDV_MEDIA_ROOT=str(self.tmp / "media"),
            STDV_CACHE_DIR=str(self.nginx_dir / "cache"),
            STDV_ACCESS_LOG=f"{self.nginx_dir / 'access.log'} stdv",
            STDV_WORKER_PROCESSES="1",
            **{f"STDV_POOL_{name.upper()}": str(size) for name, size in self.pools.items()},
        )
        subprocess.run(
            [sys.executable, str(ROOT / "deploy" / "render.py"), "--out", str(self.nginx_dir)]
            + ["--local"],
            env=env,
            check=True,
            timeout=30,
        )
        return self.nginx_dir / "nginx.conf"

    def nginx(self, *args, timeout=30):
        conf = self.nginx_dir / "nginx.conf"
        return subprocess.run(
            ["nginx", "-p", str(self.nginx_dir), "-c", str(conf)]
            + ["-e", str(self.nginx_dir / "error.log"), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def start(self):
        self.stopping.clear()
        (self.tmp / "media").mkdir(parents=True, exist_ok=True)
        self.static_root.mkdir(parents=True, exist_ok=True)
        env = dict(
            self.env,
            STDV_APP_BIND=f"127.0.0.1:{self.app_port}",
            STDV_APP_WORKERS=str(self.workers),
            STDV_APP_THREADS=str(self.threads),
        )
        log = open(self.tmp / "gunicorn.log", "ab")  # noqa: SIM115 (closed in stop)
        self.processes.append(
            (
                subprocess.Popen(
                    [str(VENV_BIN / "gunicorn"), "--config", "deploy/gunicorn.conf.py"]
                    + ["cms.wsgi:application"],
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                ),
                log,
            )
        )
        if self.background:
            # The django-tasks worker and scheduled publishing (every second here).
            self.spawn("worker", "manage.py", "db_worker", "--interval", "0.2")
            self.spawn("scheduler", "manage.py", "run_scheduler", "--interval", "1")
            self.supervisor = threading.Thread(target=self._supervise, daemon=True)
            self.supervisor.start()
        self.render()
        checked = self.nginx("-t")
        assert checked.returncode == 0, checked.stderr
        started = self.nginx()
        assert started.returncode == 0, started.stderr
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.processes[0][0].poll() is not None:
                raise RuntimeError(self.log_tail())
            try:
                if self.get("/healthz").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("stack not ready in 90 s\n" + self.log_tail())

    def spawn(self, name, *args):
        log = open(self.tmp / f"{name}.log", "ab")  # noqa: SIM115 (closed in stop)
        process = subprocess.Popen(
            [sys.executable, *args],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append((process, log))
        self.supervised[name] = (args, len(self.processes) - 1)

    def _supervise(self):
        """What systemd does for deploy/systemd/stdv-worker@ and stdv-scheduler
        (Restart=always, RestartSec=2): a background process that exits, for instance
        when PostgreSQL refused it a connection, is started again."""
        while not self.stopping.wait(0.5):
            for name, (args, index) in list(self.supervised.items()):
                process, log = self.processes[index]
                if process.poll() is None or self.stopping.wait(2):
                    continue
                log.close()
                self.restarts[name] = self.restarts.get(name, 0) + 1
                replacement = open(self.tmp / f"{name}.log", "ab")  # noqa: SIM115 (closed in stop)
                self.processes[index] = (
                    subprocess.Popen(
                        [sys.executable, *args],
                        cwd=ROOT,
                        env=self.env,
                        stdout=replacement,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    ),
                    replacement,
                )

    def log_tail(self):
        path = self.tmp / "gunicorn.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop(self):
        self.stopping.set()
        if self.supervisor is not None:
            self.supervisor.join(timeout=5)
        if (self.nginx_dir / "nginx.pid").exists():
            self.nginx("-s", "stop")
        for process, log in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGINT)  # gunicorn's quick shutdown
                try:
                    process.wait(timeout=3)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=10)
            log.close()
        self.processes.clear()
        self.supervised.clear()
        self.supervisor = None
        shutil.rmtree(self.nginx_dir / "cache", ignore_errors=True)

    # --- HTTP through nginx -------------------------------------------------------------
    def request(self, method, path, *, cookies=None, headers=None, form=None, timeout=30):
        headers = dict(headers or {})
        body = None
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            return Response(
                response.status, response.getheaders(), data, time.monotonic() - started
            )
        finally:
            conn.close()

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def login(self, username, password):
        """Logs in through nginx like a phone would; returns the cookies of the session."""
        page = self.get("/dang-nhap/")
        token = page.cookies()["csrftoken"]
        response = self.request(
            "POST",
            "/dang-nhap/",
            cookies={"csrftoken": token},
            form={"username": username, "password": password, "csrfmiddlewaretoken": token},
        )
        assert response.status == 302, (response.status, response.text[:500])
        cookies = response.cookies()  # login rotates the CSRF token
        session = {"csrftoken": cookies.get("csrftoken", token), "sessionid": cookies["sessionid"]}
        # A member's first login shows the personal-data processing notice: acknowledged.
        first = self.get("/", cookies=session)
        if first.status == 302 and "/thong-bao-du-lieu-ca-nhan/" in first.header("Location"):
            done = self.post_form("/thong-bao-du-lieu-ca-nhan/", session, {"agree": "on"})
            assert done.status == 302, (done.status, done.text[:500])
        return session

    def post_form(self, path, session, fields=None):
        """A form a logged-in member sends (with the CSRF token of the session)."""
        return self.request(
            "POST",
            path,
            cookies=session,
            form={"csrfmiddlewaretoken": session["csrftoken"], **(fields or {})},
        )


class Driver:
    """A Django process on the stack's database that makes the changes an editor would
    (tests/deploy/stack_driver.py): one start-up, then one JSON line per action."""

    def __init__(self, env):
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "stack_driver.py")],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    def call(self, action, **arguments):
        self.process.stdin.write(json.dumps({"action": action, **arguments}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("driver stopped: " + self.process.stderr.read()[-3000:])
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.process.stdout.close()
        self.process.stderr.close()


def wait_until(check, seconds, interval=0.05):
    """Polls ``check`` until it returns something truthy; returns (value, seconds taken)."""
    started = time.monotonic()
    while True:
        value = check()
        elapsed = time.monotonic() - started
        if value or elapsed > seconds:
            return value, elapsed
        time.sleep(interval)
