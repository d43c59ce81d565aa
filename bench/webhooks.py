"""Webhook benchmark: fulfilled events per second, p99 latency of
`POST /api/checkout/webhook`, and enrollments from 20 concurrent duplicates.

Runs the production settings under gunicorn on 127.0.0.1 (bench/harness.py) with
a local SMTP server and the Stripe stand-in as `STRIPE_API_BASE` (fulfilment
retrieves each session from it, decision 0033), creates pending orders with paid
sessions, then posts genuinely signed `checkout.session.completed` events from a
thread pool.
Prints figures; asserts nothing about time. `python -m bench.webhooks [N]`.
"""

import json
import os
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

from bench import harness

SECRET = "whsec_bench_webhooks"  # noqa: S105
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "16"))
DUPLICATES = 20


def setup_django(extra_env):
    os.environ.update(harness.environment(**extra_env))
    import django

    django.setup()


def create_orders(count, run):
    """`count` pending orders for as many learners, one course; returns orders."""
    from accounts.models import User
    from commerce.models import Order, OrderLine, Product

    product = Product.objects.create(
        translation_key=uuid.uuid4(), title=f"Bench course {run}"
    )
    users = User.objects.bulk_create(
        User(email=f"bench-{run}-{i}@example.com", password="!")  # noqa: S106
        for i in range(count)
    )
    orders = Order.objects.bulk_create(
        Order(
            user=user,
            email=user.email,
            currency="USD",
            subtotal_minor=4900,
            total_minor=4900,
            number=f"BENCH-{run}-{i}",
        )
        for i, user in enumerate(users)
    )
    OrderLine.objects.bulk_create(
        OrderLine(
            order=order,
            product=product,
            title=product.title,
            unit_amount_minor=4900,
            amount_minor=4900,
        )
        for order in orders
    )
    return product, orders


def pay_in_standin(standin, orders):
    """A paid Checkout Session in the stand-in for each order, as Stripe holds it
    after the learner paid; returns the `checkout.session.completed` events."""
    from commerce.models import Order

    events = {}
    for order in orders:
        session = standin.create_session(
            {
                "mode": "payment",
                "line_items": [
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": "usd",
                            "unit_amount": order.total_minor,
                            "product_data": {"name": "Bench course"},
                        },
                    }
                ],
                "client_reference_id": order.number,
                "metadata": {"order_id": str(order.pk)},
                "success_url": "http://127.0.0.1/unused",
            }
        )
        order.stripe_session_id = session["id"]
        events[order.pk] = standin.pay(session["id"], deliver=False)
    Order.objects.bulk_update(orders, ["stripe_session_id"])
    return events


def post(url, event):
    from devtools.stripe_standin import sign

    payload = json.dumps(event).encode()
    request = urllib.request.Request(  # noqa: S310 (127.0.0.1 only)
        url,
        data=payload,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Stripe-Signature": sign(payload, SECRET),
        },
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            body = json.loads(response.read())
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = {}, error.code
    return status, body.get("outcome"), (time.perf_counter() - started) * 1000


def main(count=400):
    from tests.fakes.smtp_server import SMTPServer

    harness.ensure_database()
    with SMTPServer() as smtp:
        from devtools.stripe_standin import StripeStandIn

        standin = StripeStandIn(SECRET)
        env = {
            "STRIPE_WEBHOOK_SECRET": SECRET,
            "STRIPE_SECRET_KEY": "sk_test_bench",
            "STRIPE_API_BASE": standin.serve(port=0),
            "EMAIL_HOST": smtp.host,
            "EMAIL_PORT": str(smtp.port),
        }
        harness.manage("migrate", "--noinput", "--verbosity", "0", **env)
        setup_django(env)
        run = uuid.uuid4().hex[:8]
        _product, orders = create_orders(count + 1, run)
        paid = pay_in_standin(standin, orders)
        duplicate_order, orders = orders[-1], orders[:-1]
        with harness.production_server(**env) as (base, _process):
            url = f"{base}/api/checkout/webhook"
            events = [paid[order.pk] for order in orders]
            started = time.perf_counter()
            with ThreadPoolExecutor(CONCURRENCY) as pool:
                results = list(pool.map(lambda e: post(url, e), events))
            elapsed = time.perf_counter() - started
            fulfilled = sum(
                1 for status, outcome, _ms in results if outcome == "fulfilled"
            )
            latencies = sorted(ms for _s, _o, ms in results)

            event = paid[duplicate_order.pk]
            barrier = threading.Barrier(DUPLICATES)
            outcomes = []

            def deliver_duplicate():
                barrier.wait()
                outcomes.append(post(url, event))

            threads = [
                threading.Thread(target=deliver_duplicate) for _ in range(DUPLICATES)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()

    standin.stop()
    from commerce.models import Enrollment

    duplicates_enrolled = Enrollment.objects.filter(user=duplicate_order.user).count()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    harness.print_table(
        [
            {
                "events": len(events),
                "fulfilled": fulfilled,
                "fulfilled/s": fulfilled / elapsed,
                "p50 ms": statistics.median(latencies),
                "p99 ms": p99,
                "concurrency": CONCURRENCY,
            }
        ],
        ["events", "fulfilled", "fulfilled/s", "p50 ms", "p99 ms", "concurrency"],
    )
    print(
        f"{DUPLICATES} concurrent duplicate deliveries: "
        f"{sum(1 for s, _o, _ms in outcomes if s == 200)} answered 200, "
        f"{duplicates_enrolled} enrollment(s) created (must be 1)"
    )
    return 0 if duplicates_enrolled == 1 and fulfilled == len(events) else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 400))
