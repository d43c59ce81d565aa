"""Event seats benchmark: 100 learners check out 1–3 seats at once for an event
with 5 seats left, then 100 more after the first holds expired (their owners
pay late), over HTTP against gunicorn with the production settings and its
documented worker count, on PostgreSQL.

Prints confirmed seats (never above capacity), refused checkouts (told "sold
out" before paying), refunds of late payments, and the p50/p99 latency of the
booking step (the checkout POST that holds seats and creates the Checkout
Session on the Stripe stand-in) as the buyer waits for it, queueing for a
worker included. Asserts nothing about time.
`python -m bench.events [BUYERS]`.
"""

import os
import random
import statistics
import sys
import threading
import time
import uuid
from datetime import timedelta

from bench import harness

SECRET = "whsec_bench_events"  # noqa: S105
CAPACITY = 5


def setup_django(extra_env):
    os.environ.update(harness.environment(**extra_env))
    import django

    django.setup()


def buyers(run, wave, count, product, rng):
    from accounts.models import User
    from commerce.models import Cart, CartItem
    from events.models import Attendee, Booking

    users = User.objects.bulk_create(
        User(email=f"ev-{run}-{wave}-{n}@example.com", password="!")  # noqa: S106
        for n in range(count)
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.bulk_create(
        EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
    )
    for user in users:
        draft = Booking.objects.create(
            user=user, product=product, seats=rng.randint(1, 3)
        )
        Attendee.objects.bulk_create(
            Attendee(booking=draft, name=f"Guest {n}") for n in range(draft.seats)
        )
        CartItem.objects.create(cart=Cart.objects.create(user=user), product=product)
    return users


def signed_in_headers(user):
    """Cookie and CSRF headers of a browser where the learner is signed in."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    csrf = uuid.uuid4().hex  # 32 characters: an unmasked CSRF secret
    return {
        "Cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
        f"{settings.CSRF_COOKIE_NAME}={csrf}",
        "X-CSRFToken": csrf,
        "Content-Type": "application/x-www-form-urlencoded",
    }


def checkout_at_once(base, users):
    """Every learner posts checkout to the production server at the same moment
    from their own thread; (status, ms) per learner. The server's workers, not
    this process, decide how many run at once."""
    import http.client
    from urllib.parse import urlsplit

    from django.db import connection

    address = urlsplit(base)
    prepared = {user.pk: signed_in_headers(user) for user in users}
    connection.close()
    barrier, results = threading.Barrier(len(users)), {}

    def run(pk):
        client = http.client.HTTPConnection(address.hostname, address.port, timeout=300)
        barrier.wait()
        started = time.perf_counter()
        client.request("POST", "/en/checkout/", body="", headers=prepared[pk])
        reply = client.getresponse()
        reply.read()
        results[pk] = (reply.status, (time.perf_counter() - started) * 1000)
        client.close()

    threads = [threading.Thread(target=run, args=(pk,)) for pk in prepared]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def pay(standin, orders):
    from django.test import Client

    from tests.fakes.stripe_server import signed_post

    client = Client(HTTP_HOST="127.0.0.1", secure=True)
    for order in orders:
        event = standin.pay(order.stripe_session_id, deliver=False)
        signed_post(client, event, SECRET)


def main(count=100):
    from devtools.stripe_standin import StripeStandIn
    from tests.fakes.smtp_server import SMTPServer

    harness.ensure_database()
    with SMTPServer() as smtp:
        standin = StripeStandIn(SECRET)
        standin.auto_refund_events = False
        env = {
            "STRIPE_WEBHOOK_SECRET": SECRET,
            "STRIPE_SECRET_KEY": "sk_test_bench",
            "STRIPE_API_BASE": standin.serve(port=0),
            "EMAIL_HOST": smtp.host,
            "EMAIL_PORT": str(smtp.port),
        }
        harness.manage("migrate", "--noinput", "--verbosity", "0", **env)
        harness.manage("collectstatic", "--noinput", "--verbosity", "0", **env)
        setup_django(env)
        from django.utils import timezone

        from commerce.models import Order, Refund
        from events.models import Booking
        from home.bootstrap import ensure_site
        from tests.support.events import build_event

        run, rng = uuid.uuid4().hex[:8], random.Random(16)  # noqa: S311
        event = build_event(
            ensure_site(), f"Bench retreat {run}", capacity=CAPACITY, slug=run
        )
        first = buyers(run, 1, count, event.product, rng)
        second = buyers(run, 2, count, event.product, rng)
        with harness.production_server(**env) as (base, _server):
            wave1 = checkout_at_once(base, first)
            late = list(Order.objects.filter(user__in=first, status=Order.PENDING))
            Booking.objects.filter(order__in=late).update(
                hold_expires_at=timezone.now() - timedelta(seconds=1)
            )
            wave2 = checkout_at_once(base, second)
        pay(standin, Order.objects.filter(user__in=second, status=Order.PENDING))
        pay(standin, late)
        # Refunds and emails are tasks (decision 0090): the worker runs them.
        harness.manage(
            "db_worker", "--batch", "--no-reload", "--no-startup-delay", **env
        )
    standin.stop()

    results = [*wave1.values(), *wave2.values()]
    latencies = sorted(ms for _status, ms in results)
    confirmed = sum(
        Booking.objects.filter(
            product=event.product, status=Booking.CONFIRMED
        ).values_list("seats", flat=True)
    )
    refused = sum(1 for status, _ms in results if status == 302)
    refunds = Refund.objects.filter(order__in=late).count()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    harness.print_table(
        [
            {
                "checkouts": len(results),
                "capacity": CAPACITY,
                "confirmed seats": confirmed,
                "refused (sold out)": refused,
                "late paid, refunded": refunds,
                "p50 ms": statistics.median(latencies),
                "p99 ms": p99,
            }
        ],
        [
            "checkouts",
            "capacity",
            "confirmed seats",
            "refused (sold out)",
            "late paid, refunded",
            "p50 ms",
            "p99 ms",
        ],
    )
    return 0 if confirmed <= CAPACITY else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
