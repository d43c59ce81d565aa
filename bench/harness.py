"""Shared parts of the benchmarks: a production server on 127.0.0.1, wrk, tables.

Benchmarks print figures and ratios; they assert nothing about time. Every load run
is bounded (duration and connections) and only ever targets 127.0.0.1.
"""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BENCH_ENV = {
    "DATABASE_URL": os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mystic_bench"
    ),
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8"),
    "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "REQUEST_LOG_LEVEL": "WARNING",
    "LOG_LEVEL": "WARNING",
    "API_RATE_LIMIT_PER_MINUTE": "100000000",
    "DJANGO_SETTINGS_MODULE": "mystic.settings.bench",
}


def environment(**extra):
    return {**os.environ, **BENCH_ENV, **extra}


def manage(*args, **extra_env):
    """Run a management command with the production settings of the benchmark."""
    subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args], cwd=ROOT, env=environment(**extra_env), check=True
    )


def ensure_database():
    """Create the benchmark database if it does not exist yet."""
    import psycopg

    url = BENCH_ENV["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def ensure_wrk():
    if shutil.which("wrk"):
        return shutil.which("wrk")
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing Debian's wrk for the load runs...")
        subprocess.run(  # noqa: S603
            ["apt-get", "install", "-y", "-qq", "wrk"],
            check=True,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        return shutil.which("wrk")
    sys.exit("bench: wrk is missing - install Debian's wrk package.")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def workers_for(cores=None):
    """The documented worker formula: 2 x cores + 1."""
    return 2 * (cores or os.cpu_count() or 1) + 1


@contextlib.contextmanager
def production_server(workers=None, **extra_env):
    """Gunicorn with the production settings; yields (base_url, process)."""
    port = free_port()
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "mystic.wsgi",
        "--config",
        str(ROOT / "mystic" / "gunicorn.conf.py"),  # production's, bind/workers below
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers or workers_for()),
        "--access-logfile",
        "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=environment(**extra_env))  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        # Five workers loading Wagtail on a busy 2-core machine can take a while.
        deadline = time.monotonic() + 180
        while True:
            try:
                ready = f"{base}/api/health/web"
                with urllib.request.urlopen(ready, timeout=5) as reply:
                    if reply.status == 200:
                        break
            except OSError as error:
                exited = process.poll()
                if time.monotonic() > deadline or exited is not None:
                    raise RuntimeError(
                        f"the production server did not start ({error}; "
                        f"gunicorn exit code {exited})"
                    ) from None
                time.sleep(0.3)
        yield base, process
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def worker_rss_mb(master_pid):
    """Resident memory of each gunicorn worker (children of the master), in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", text, re.M):
            match = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
            if match:
                sizes.append(int(match.group(1)) / 1024)
    return sizes


def _to_ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def _is_bench_database_backend(pid):
    """A PostgreSQL backend serving a benchmark database ("postgres: 15/main: user
    mystic_bench… host"): backends of other databases (another checkout's test run
    on this shared machine) are not the benchmark's cost."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b" mystic_bench" in cmdline


def server_cpu_ticks(master_pid):
    """CPU ticks used so far by the server's workers, the PostgreSQL backends of
    the benchmark's databases and Redis, by pid."""
    ticks = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        pid = int(stat.parent.name)
        worker = int(fields[1]) == master_pid
        database = name.startswith("postgres") and _is_bench_database_backend(pid)
        if worker or database or name == "redis-server":
            utime, stime = int(fields[11]), int(fields[12])
            ticks[pid] = utime + stime
    return ticks


def cpu_ms_per_request(before, after, requests):
    """Server-side CPU per request between two `server_cpu_ticks` snapshots.

    Unlike p99 it hardly moves with what else the machine is doing: it is the
    work a request costs, the figure to size servers with (cores / it = req/s).
    """
    spent = sum(after[pid] - before.get(pid, 0) for pid in after)
    return 1000 * spent / os.sysconf("SC_CLK_TCK") / max(requests, 1)


def wrk(
    url,
    *,
    connections=16,
    duration=10,
    threads=2,
    headers=(),
    script=None,
    server_pid=None,
):
    """Run wrk against a 127.0.0.1 URL; return rps, p50/p99 (ms), requests, errors.

    `script` is the path of a wrk Lua script (`-s`), e.g. one that picks the
    request path; `headers` are "Name: value" strings (`-H`). With `server_pid`
    (gunicorn's master) the result also has `cpu_ms`: the CPU one request cost the
    workers, PostgreSQL and Redis together.
    """
    if not url.startswith("http://127.0.0.1"):
        raise ValueError("benchmarks only target 127.0.0.1")
    command = [
        ensure_wrk(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        "10s",
    ]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", str(script)]
    before = server_cpu_ticks(server_pid) if server_pid else None
    output = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    after = server_cpu_ticks(server_pid) if server_pid else None
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.M))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(non_2xx.group(1)) if non_2xx else 0
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": _to_ms(percentiles["50"]),
        "p99_ms": _to_ms(percentiles["99"]),
        "requests": requests,
        "errors": errors,
    }
    if server_pid:
        result["cpu_ms"] = cpu_ms_per_request(before, after, requests)
    return result


def print_table(rows, columns):
    """Print rows (dicts) as an aligned text table."""
    widths = {c: max(len(c), *(len(_fmt(r.get(c))) for r in rows)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(_fmt(row.get(c)).ljust(widths[c]) for c in columns))


def _fmt(value):
    if isinstance(value, float):
        return f"{value:,.1f}"
    return "" if value is None else str(value)
