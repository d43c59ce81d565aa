"""The processes of the multi-server rehearsal: HAProxy, app servers, a worker.

Everything listens on 127.0.0.1 only, on ports 18000-18099 (CLUSTER_PORT_BASE),
and runs in the foreground of the benchmark with its files in a temporary folder:
Debian's HAProxy with a generated configuration (never the system service),
terminating TLS with a throwaway self-signed certificate, balancing two gunicorn
servers started with the production gunicorn configuration, and one background
worker. Each child gets its own process group, so a kill takes its workers too.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
OUTBOX_INTERVAL = 5  # seconds between two `send_queued_email` runs

# The one place that says what the background worker is (and its name in the
# report). With the Tasks framework's database backend installed
# (django-tasks-db) it is its worker; before that, the email outbox drained
# every few seconds, as cron would.
WORKER_NAME = (
    "manage.py db_worker"
    if find_spec("django_tasks_db")
    else f"manage.py send_queued_email every {OUTBOX_INTERVAL} s"
)
WORKER_COMMAND = (
    [PYTHON, "manage.py", "db_worker"]
    if find_spec("django_tasks_db")
    else [
        "bash",
        "-c",
        f'while :; do "{PYTHON}" manage.py send_queued_email >/dev/null; '
        f"sleep {OUTBOX_INTERVAL}; done",
    ]
)


def ensure_haproxy():
    """Debian's haproxy binary, installed with apt-get when missing (as root)."""
    if shutil.which("haproxy"):
        return shutil.which("haproxy")
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing Debian's haproxy (the package, not the service)...")
        subprocess.run(  # noqa: S603
            ["apt-get", "install", "-y", "-qq", "haproxy"],  # noqa: S607
            check=True,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        return shutil.which("haproxy")
    sys.exit("bench: haproxy is missing - install Debian's haproxy package.")


def port_is_free(port):
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is fine
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def self_signed_pem(folder):
    """A certificate and key for 127.0.0.1 in one PEM (HAProxy's `crt`).

    Returns (pem for HAProxy, certificate alone for clients to trust).
    """
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(  # noqa: S603
        [  # noqa: S607
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    pem = folder / "haproxy.pem"
    pem.write_text(cert.read_text() + key.read_text())
    return pem, cert


HAPROXY_CONFIG = """\
global
    log stdout format raw local0
    stats socket {socket} mode 600 level admin
    maxconn 4000

defaults
    mode http
    log global
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-keep-alive 10s
    timeout check 5s
    # Requests beyond a server's gunicorn workers wait here, not in its listen
    # backlog: the health check is never stuck behind hundreds of them, and a
    # waiting request goes to the other server if this one dies.
    timeout queue 60s
    # A connection refused (a server just killed, not yet marked down) is
    # retried on the other server; a request already sent is never replayed.
    retries 3
    option redispatch 1

frontend shop
    bind 127.0.0.1:{port} ssl crt {pem}
    option forwardfor
    http-request set-header X-Forwarded-Proto https
    capture request header X-Bench-Id len 24
    log-format "%hr %b/%s %ST %tsc %Ta"
    http-after-response set-header X-Served-By %[srv_name]
    default_backend app

backend app
    balance leastconn
    option httpchk
    http-check send meth GET uri /api/health/web ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect status 200
    default-server inter 1s fall 3 rise 2 maxconn {maxconn}
{servers}
"""


class HAProxy:
    """HAProxy in the foreground with its runtime API on a Unix socket."""

    def __init__(self, folder, port, servers, maxconn):
        self.folder, self.port = folder, port
        self.socket = folder / "haproxy.sock"
        self.pem, self.certificate = self_signed_pem(folder)
        self.config = folder / "haproxy.cfg"
        lines = "\n".join(
            f"    server {name} 127.0.0.1:{server_port} check"
            for name, server_port in servers.items()
        )
        self.config.write_text(
            HAPROXY_CONFIG.format(
                socket=self.socket,
                port=port,
                pem=self.pem,
                servers=lines,
                maxconn=maxconn,
            )
        )
        self.log = folder / "haproxy.log"
        self.process = None

    @property
    def base(self):
        return f"https://127.0.0.1:{self.port}"

    def start(self):
        binary = ensure_haproxy()
        subprocess.run([binary, "-c", "-q", "-f", str(self.config)], check=True)  # noqa: S603
        with self.log.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [binary, "-db", "-f", str(self.config)],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 10
        while not self.socket.exists():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"haproxy did not start: {self.log.read_text()}")
            time.sleep(0.1)

    def command(self, line):
        """One runtime API command (`set server app/app1 state drain`)."""
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(str(self.socket))
            sock.sendall(line.encode() + b"\n")
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def server_stats(self, name):
        """The `show stat` row of backend server `name` as a dict."""
        lines = self.command("show stat").splitlines()
        header = lines[0].lstrip("# ").split(",")
        for line in lines[1:]:
            row = dict(zip(header, line.split(","), strict=False))
            if row.get("pxname") == "app" and row.get("svname") == name:
                return row
        raise KeyError(name)

    def wait_status(self, name, status, timeout=60):
        deadline = time.monotonic() + timeout
        while self.server_stats(name)["status"] != status:
            if time.monotonic() > deadline:
                raise RuntimeError(f"haproxy: {name} never became {status}")
            time.sleep(0.1)

    def stop(self):
        stop_group(self.process)


class Process:
    """A child in its own process group, output to a log file in the folder."""

    def __init__(self, name, command, env, folder):
        self.name, self.command, self.env = name, command, env
        self.log = folder / f"{name}.log"
        self.process = None

    def start(self):
        with self.log.open("a") as log:
            self.process = subprocess.Popen(  # noqa: S603
                self.command,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def stop(self, timeout=40):
        stop_group(self.process, timeout=timeout)

    def kill(self):
        """SIGKILL to the whole group: the master and every worker, mid-request."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


class AppServer(Process):
    """Gunicorn with the production configuration on one port."""

    def __init__(self, name, port, env, folder, workers):
        command = [
            str(Path(PYTHON).parent / "gunicorn"),
            "mystic.wsgi",
            "--config",
            str(ROOT / "mystic" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
        ]
        super().__init__(name, command, env, folder)
        self.port = port

    def wait_healthy(self, timeout=180):
        url = f"http://127.0.0.1:{self.port}/api/health/web"
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as reply:  # noqa: S310
                    if reply.status == 200:
                        return
            except OSError as error:
                exited = self.process.poll()
                if time.monotonic() > deadline or exited is not None:
                    raise RuntimeError(
                        f"{self.name} did not start ({error}; exit {exited}); "
                        f"see {self.log}"
                    ) from None
            time.sleep(0.3)


def stop_group(process, timeout=40):
    """SIGTERM to the child's group (graceful), SIGKILL if it overstays."""
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
