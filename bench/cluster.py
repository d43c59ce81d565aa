"""Multi-server rehearsal: two app servers and a worker behind HAProxy, under load.

`make bench-cluster` (`python -m bench.cluster`). On 127.0.0.1 only, ports
CLUSTER_PORT_BASE (18000) + 10..15:

- HAProxy (Debian's package, foreground, generated config in a temp folder)
  terminating TLS and balancing two gunicorn servers (mystic/gunicorn.conf.py,
  production settings: DEBUG off, PostgreSQL, Redis cache and sessions, files
  in an S3 object store served by moto, the Stripe stand-in as STRIPE_API_BASE,
  a local SMTP server) and one background worker (cluster_stack.WORKER_COMMAND);
- a fresh database (BENCH_CLUSTER_DATABASE_URL, migrated and seeded with the
  demo shop, learners with verified addresses);
- open-loop load (bench/cluster_load.py) following the original platform's
  profile scaled by BENCH_CLUSTER_SCALE (0.2 by default; 1.0 is the full
  profile: 5 -> 50 req/s, 100, 150, ramp down; 150 s of load;
  BENCH_CLUSTER_STRETCH shortens or lengthens the phases, 0.3 for a smoke run);
- a rolling deploy of app1 during the steady phase (drained through HAProxy's
  runtime API, gunicorn stopped gracefully and started again, put back), and a
  SIGKILL of app2 during the spike, started again at once.

Prints per phase requests, errors, p95 and p99; orders created vs fulfilled;
emails queued vs sent once the worker has drained the queue. Exits 1 unless
no checkout failed, no order or email was lost, and every error was a request
in flight on the killed server when it died.
"""

import os
import ssl
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections import Counter, deque
from pathlib import Path

from bench.cluster_load import PROFILE, Shop, phase_at, run, schedule
from bench.cluster_stack import (
    PYTHON,
    ROOT,
    WORKER_COMMAND,
    WORKER_NAME,
    AppServer,
    HAProxy,
    Process,
    port_is_free,
)
from bench.harness import print_table

SCALE = float(os.environ.get("BENCH_CLUSTER_SCALE", "0.2"))
# Multiplies the phases' lengths and the deploy and kill times (a smoke run: 0.3).
STRETCH = float(os.environ.get("BENCH_CLUSTER_STRETCH", "1.0"))
PORT_BASE = int(os.environ.get("CLUSTER_PORT_BASE", "18000"))
PORTS = {
    name: PORT_BASE + offset
    for name, offset in (
        ("haproxy", 10),
        ("app1", 11),
        ("app2", 12),
        ("stripe", 13),
        ("smtp", 14),
        ("s3", 15),
    )
}
DATABASE_URL = os.environ.get(
    "BENCH_CLUSTER_DATABASE_URL",
    "postgres://postgres@127.0.0.1:5432/mystic_cluster_bench",
)
REDIS_URL = os.environ.get("BENCH_CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/6")
WORKERS = int(os.environ.get("BENCH_CLUSTER_WORKERS", "3"))  # per app server
ROLLING_AT = 45.0 * STRETCH  # seconds into the run (steady phase)
KILL_AT = 100.0 * STRETCH  # (spike phase)
DRAIN_SECONDS = 90  # at most, for the worker to send what is queued
PASSWORD = "cluster-lotus-4417"  # noqa: S105
WEBHOOK_SECRET = "whsec_bench_cluster"  # noqa: S105
BUCKET = "mystic-cluster"


def environment(base):
    """The app servers', worker's and commands' environment: production settings."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mystic.settings.bench",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": "cluster-bench-secret-key-shared-by-every-server-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": base,
        "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
        "SECURE_HSTS_SECONDS": "0",
        # As if a CDN stood in front of HAProxy: the visitor's address is the
        # second last in X-Forwarded-For (bench visitors send one each).
        "TRUSTED_PROXY_COUNT": "2",
        "REQUEST_LOG_LEVEL": "WARNING",
        "LOG_LEVEL": "WARNING",
        "STRIPE_SECRET_KEY": "sk_test_cluster",
        "STRIPE_PUBLISHABLE_KEY": "pk_test_cluster",
        "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "STRIPE_API_BASE": f"http://127.0.0.1:{PORTS['stripe']}",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(PORTS["smtp"]),
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": f"http://127.0.0.1:{PORTS['s3']}",
        "S3_REGION": "us-east-1",
        "S3_ACCESS_KEY_ID": "testing",
        "S3_SECRET_ACCESS_KEY": "testing",
        "WEB_CONCURRENCY": str(WORKERS),
    }


def manage(env, *args):
    import subprocess

    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def fresh_database():
    """Drop and create the rehearsal's database: counts start from nothing."""
    import psycopg

    if "127.0.0.1" not in DATABASE_URL or "cluster" not in DATABASE_URL:
        sys.exit("bench: the cluster database must be a 'cluster' one on 127.0.0.1")
    name = DATABASE_URL.rsplit("/", 1)[1]
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def flush_redis():
    import redis

    if not REDIS_URL.startswith("redis://127.0.0.1"):
        sys.exit("bench: the cluster only flushes a Redis on 127.0.0.1")
    with redis.Redis.from_url(REDIS_URL) as client:
        client.flushdb()


def prepare(env, learners):
    """Migrate, seed the demo shop, create learners; (course paths, product ids)."""
    for command in (
        ("migrate", "--noinput", "-v0"),
        ("collectstatic", "--noinput", "-v0"),
        ("seed_demo",),
        ("seed_shop",),
    ):
        manage(env, *command)
    os.environ.update(env)
    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from cms.models import CoursePage
    from commerce.models import Product

    courses = CoursePage.objects.live().public().filter(locale__language_code="en")
    paths = [course.get_url() for course in courses]
    products = list(  # courses a visitor can see and must pay for
        Product.objects.filter(
            prices__amount_minor__gt=0, course_page__in=courses.values("pk")
        )
        .distinct()
        .values_list("pk", flat=True)
    )
    encoded = make_password(PASSWORD)  # one hash for all: hashing is the slow part
    users = User.objects.bulk_create(
        User(email=f"learner-{i}@cluster.example", name=f"L{i}", password=encoded)
        for i in range(learners)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True)
        for user in users
    )
    return paths, products, [user.email for user in users]


def percentile(values, share):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def in_flight_at(record, moment, start):
    """Was the request on its way (sent, not answered) when `moment` came?"""
    return record.started - start <= moment + 0.5 and record.ended - start >= moment


class Timeline:
    """The deploy and the kill, run on timer threads during the load."""

    def __init__(self, haproxy, servers):
        self.haproxy, self.servers = haproxy, servers
        self.notes, self.kill_at, self.start = [], None, None
        self.deployed = threading.Event()

    def note(self, text):
        self.notes.append(f"t={time.monotonic() - self.start:6.1f} s  {text}")

    def rolling_deploy(self, name="app1"):
        server = self.servers[name]
        self.haproxy.command(f"set server app/{name} state drain")
        self.note(f"{name}: drain (no new requests)")
        deadline = time.monotonic() + 30
        while int(self.haproxy.server_stats(name)["scur"] or 0) > 0:
            if time.monotonic() > deadline:
                break
            time.sleep(0.1)
        self.note(f"{name}: no requests left; SIGTERM (graceful stop)")
        server.stop()
        server.start()
        server.wait_healthy()
        self.note(f"{name}: new gunicorn answers /api/health/web")
        self.haproxy.command(f"set server app/{name} state ready")
        self.haproxy.wait_status(name, "UP")
        self.note(f"{name}: back in HAProxy (UP)")
        self.deployed.set()

    def kill(self, name="app2"):
        """SIGKILL to the other server, once the deploy is over (never both down)."""
        if not self.deployed.is_set():
            self.note(f"{name}: kill waits for the rolling deploy to finish")
            self.deployed.wait()
        server = self.servers[name]
        self.kill_at = time.monotonic() - self.start
        server.kill()
        self.note(f"{name}: SIGKILL to master and workers")
        server.start()
        server.wait_healthy()
        self.note(f"{name}: started again, answers /api/health/web")
        self.haproxy.wait_status(name, "UP")
        self.note(f"{name}: back in HAProxy (UP)")


def warm_up(shop):
    """Every page once per server, not counted: image renditions made, templates
    loaded, as on a site that has been serving for a while."""
    import requests

    paths = ["/en/", "/en/courses/", "/en/accounts/login/", *shop.course_paths]
    paths += [f"/en/search/?q={word}" for word in ("meditation", "yoga")]
    with requests.Session() as http:
        http.trust_env = False
        for path in paths * 2:
            http.get(shop.base + path, verify=shop.certificate, timeout=120)


def drain(smtp, outbox, since, at_least, timeout=DRAIN_SECONDS):
    """Wait for the worker to send what is queued (and the SMTP server to have
    at least `at_least` messages, however the queue is kept); seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        queued = outbox.filter(created_at__gte=since, status="queued").count()
        if not queued and len(smtp.messages) >= at_least:
            return time.monotonic() - started
        time.sleep(1)
    return time.monotonic() - started


def report(shop, start, timeline, smtp, since):
    from accounts.models import OutgoingEmail
    from commerce.models import Order

    rows = []
    for phase, full_seconds, rate_start, rate_end in PROFILE:
        seconds = full_seconds * STRETCH
        records = [r for r in shop.records if r.phase == phase]
        ok = [r.latency_ms for r in records if not r.failed]
        rows.append(
            {
                "phase": phase,
                "seconds": seconds,
                "arrivals/s": f"{rate_start * SCALE:g}->{rate_end * SCALE:g}",
                "requests": len(records),
                "HTTP req/s": len(records) / seconds,
                "errors": sum(r.failed for r in records),
                "p50 ms": statistics.median(ok) if ok else 0.0,
                "p95 ms": percentile(ok, 0.95),
                "p99 ms": percentile(ok, 0.99),
            }
        )
    print()
    print(
        f"BENCH_CLUSTER_SCALE={SCALE:g} (1.0 = the original profile); "
        f"2 app servers x {WORKERS} gunicorn workers behind HAProxy; "
        f"worker: {WORKER_NAME}"
    )
    print_table(rows, list(rows[0]))
    kinds = Counter(r.kind for r in shop.records)
    kind_rows = []
    for kind in kinds:
        records = [r for r in shop.records if r.kind == kind]
        ok = [r.latency_ms for r in records if not r.failed]
        kind_rows.append(
            {
                "request": kind,
                "requests": len(records),
                "errors": sum(r.failed for r in records),
                "p95 ms": percentile(ok, 0.95),
                "p99 ms": percentile(ok, 0.99),
            }
        )
    print()
    print_table(kind_rows, list(kind_rows[0]))
    print()
    for line in timeline.notes:
        print(line)

    errors = [r for r in shop.records if r.failed]
    kill_at = timeline.kill_at
    excused = [
        r
        for r in errors
        if kill_at is not None
        and r.server in ("app2", "")
        and in_flight_at(r, kill_at, start)
    ]
    unexcused = [r for r in errors if r not in excused]
    print()
    print(
        f"errors: {len(errors)}; in flight on app2 when it was killed: {len(excused)}; "
        f"other: {len(unexcused)}"
    )
    for r in unexcused[:10]:
        print(
            f"  t={r.started - start:6.1f}-{r.ended - start:6.1f} s {r.kind}: "
            f"{r.error} (server {r.server or '-'})"
        )

    checkouts = shop.checkouts
    completed = [c for c in checkouts if c.completed]
    failed = [c for c in checkouts if not c.completed]
    retried = sum(1 for c in checkouts if c.retries)
    orders = Order.objects.filter(created_at__gte=since)
    paid_sessions = {
        sid for sid, s in shop.standin.sessions.items() if s["payment_status"] == "paid"
    }
    fulfilled_sessions = set(
        orders.filter(status=Order.PAID).values_list("stripe_session_id", flat=True)
    )
    # Stripe retries a webhook that failed (for days); the stand-in does not,
    # so do it once here for every paid session whose order is not fulfilled.
    redelivered = 0
    for sid in sorted(paid_sessions - fulfilled_sessions):
        session = shop.standin.sessions[sid]
        event = shop.standin.event(
            "checkout.session.completed", shop.standin.public(session)
        )
        shop.standin.deliver(event)
        redelivered += 1
    fulfilled_sessions = set(
        orders.filter(status=Order.PAID).values_list("stripe_session_id", flat=True)
    )
    lost_orders = paid_sessions - fulfilled_sessions
    by_status = Counter(orders.values_list("status", flat=True))
    webhooks = Counter(status for _type, status in shop.standin.deliveries)
    print(
        f"checkouts: {len(checkouts)} started, {len(completed)} completed, "
        f"{len(failed)} failed, {retried} needed a retried step"
    )
    for c in failed[:10]:
        print(f"  {c.learner} ({c.phase}): {c.problem}")
    print(
        f"orders created: {orders.count()}, fulfilled (paid): {by_status[Order.PAID]}; "
        f"by status: {dict(by_status)}; paid on Stripe but not fulfilled: "
        f"{len(lost_orders)}; webhook answers: {dict(webhooks)} "
        f"(+{redelivered} redelivered after the run, as Stripe retries)"
    )
    outbox = OutgoingEmail.objects.filter(created_at__gte=since)
    # Every fulfilled order sends its buyer at least one email.
    waited = drain(smtp, OutgoingEmail.objects, since, by_status[Order.PAID])
    emails = Counter(outbox.values_list("status", flat=True))
    queued = sum(emails.values())
    print(
        f"emails queued: {queued}, sent: {emails['sent']}, still queued: "
        f"{emails['queued']}, failed: {emails['failed']}; received by SMTP: "
        f"{len(smtp.messages)} (worker drained in {waited:.0f} s)"
    )
    lost_emails = max(
        queued - emails["sent"] + max(0, emails["sent"] - len(smtp.messages)),
        by_status[Order.PAID] - len(smtp.messages),
    )
    problems = []
    if failed:
        problems.append(f"{len(failed)} failed checkouts")
    if lost_orders:
        problems.append(f"{len(lost_orders)} paid orders not fulfilled")
    if lost_emails:
        problems.append(f"{lost_emails} emails not sent")
    if unexcused:
        problems.append(f"{len(unexcused)} errors not explained by the kill")
    print()
    if problems:
        print("FAIL: " + "; ".join(problems))
        return 1
    print(
        "PASS: 0 failed checkouts, 0 lost orders or emails, errors only on "
        "requests in flight on the killed server"
    )
    return 0


def main():
    for name, port in PORTS.items():
        if not port_is_free(port):
            sys.exit(f"bench: port {port} ({name}) is taken on 127.0.0.1")
    from devtools.stripe_standin import StripeStandIn
    from tests.fakes.smtp_server import SMTPServer
    from tests.support import s3

    arrivals = schedule(SCALE, STRETCH)
    signing_in = sum(1 for _t, _p, kind in arrivals if kind in ("sign-in", "checkout"))
    print(
        f"Cluster rehearsal at scale {SCALE:g}: {len(arrivals):,} arrivals over "
        f"{sum(p[1] for p in PROFILE) * STRETCH:g} s"
    )
    with tempfile.TemporaryDirectory(prefix="mystic-cluster-") as folder:
        folder = Path(folder)
        haproxy = HAProxy(
            folder,
            PORTS["haproxy"],
            {n: PORTS[n] for n in ("app1", "app2")},
            maxconn=WORKERS,  # one request per gunicorn (sync) worker
        )
        env = environment(haproxy.base)
        moto = s3.start(port=PORTS["s3"])
        standin = StripeStandIn(
            WEBHOOK_SECRET, webhook_url=f"{haproxy.base}/api/checkout/webhook"
        )
        # The stand-in (this process, urllib) posts webhooks to HAProxy's TLS port.
        trusting = ssl.create_default_context(cafile=str(haproxy.certificate))
        urllib.request.install_opener(
            urllib.request.build_opener(urllib.request.HTTPSHandler(context=trusting))
        )
        standin.serve(port=PORTS["stripe"])
        servers = {
            name: AppServer(name, PORTS[name], env, folder, WORKERS)
            for name in ("app1", "app2")
        }
        worker = Process("worker", WORKER_COMMAND, env, folder)
        processes = [*servers.values(), worker]
        try:
            with SMTPServer(port=PORTS["smtp"]) as smtp:
                s3.S3Server(moto.endpoint_url, moto.process).client().create_bucket(
                    Bucket=BUCKET
                )
                print("Fresh database, demo shop, learners...")
                fresh_database()
                flush_redis()
                paths, products, learners = prepare(env, signing_in + 20)
                from django.utils import timezone

                since = timezone.now()
                for server in servers.values():
                    server.start()
                for server in servers.values():
                    server.wait_healthy()
                worker.start()
                haproxy.start()
                haproxy.wait_status("app1", "UP")
                haproxy.wait_status("app2", "UP")
                shop = Shop(
                    base=haproxy.base,
                    certificate=str(haproxy.certificate),
                    course_paths=paths,
                    product_ids=products,
                    learners=deque(learners),
                    password=PASSWORD,
                    standin_base=standin.base_url,
                )
                shop.standin = standin
                warm_up(shop)
                timeline = Timeline(haproxy, servers)
                print(
                    f"Load: {len(paths)} courses, {len(products)} paid products, "
                    f"{len(learners)} learners; rolling deploy of app1 at "
                    f"{ROLLING_AT:g} s ({phase_at(ROLLING_AT, STRETCH)}), SIGKILL of "
                    f"app2 at {KILL_AT:g} s ({phase_at(KILL_AT, STRETCH)})"
                )
                timeline.start = time.monotonic()
                start = run(
                    shop,
                    arrivals,
                    events=[
                        (ROLLING_AT, timeline.rolling_deploy),
                        (KILL_AT, timeline.kill),
                    ],
                )
                return report(shop, start, timeline, smtp, since)
        finally:
            haproxy.stop()
            for process in processes:
                process.stop()
            standin.stop()
            moto.process.terminate()
            moto.process.wait(timeout=10)
            if os.environ.get("BENCH_CLUSTER_KEEP_LOGS"):
                keep = ROOT / "var" / f"cluster-logs-{uuid.uuid4().hex[:6]}"
                keep.mkdir(parents=True, exist_ok=True)
                for log in folder.glob("*.log"):
                    (keep / log.name).write_text(log.read_text())
                print(f"logs kept in {keep}")


if __name__ == "__main__":
    sys.exit(main())
