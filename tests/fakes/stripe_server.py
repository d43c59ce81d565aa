"""The local Stripe stand-in for tests, plus helpers to misdeliver webhooks.

The server itself is `devtools.stripe_standin.StripeStandIn` (also used by
`make run` without Stripe keys, so development and tests share one code path).
Here: start it on a free port, and deliver events the ways Stripe sometimes does
— twice, twenty times at once, out of order, late (stale signature) or forged.

    standin = start(SECRET, f"{live_server.url}/api/checkout/webhook")
    event = standin.pay(session_id, deliver=False)
    deliver_concurrently(standin, event, times=20)
"""

import json
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

from devtools.stripe_standin import StripeStandIn, sign

__all__ = [
    "StripeStandIn",
    "deliver_badly_signed",
    "deliver_concurrently",
    "deliver_stale",
    "sign",
    "start",
    "signed_post",
    "separate_process",
]


def start(webhook_secret, webhook_url=None):
    standin = StripeStandIn(webhook_secret, webhook_url)
    standin.serve(port=0)
    return standin


@contextmanager
def separate_process(webhook_secret, webhook_url):
    """The stand-in as an operator runs it: its own process, its own port.

    Yields its base URL (what `STRIPE_API_BASE` is set to).
    """
    process = subprocess.Popen(  # noqa: S603 (our own module, fixed arguments)
        [
            sys.executable,
            "-m",
            "devtools.stripe_standin",
            "--port=0",
            f"--webhook-secret={webhook_secret}",
            f"--webhook-url={webhook_url}",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


def deliver_concurrently(standin, event, times=20):
    """Deliver the same event `times` times at once; returns the status codes."""
    barrier = threading.Barrier(times)
    statuses = [None] * times

    def send(index):
        barrier.wait()
        statuses[index] = standin.deliver(event)[0]

    threads = [threading.Thread(target=send, args=(i,)) for i in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def deliver_stale(standin, event, age_seconds=600):
    """Deliver with a signature made `age_seconds` ago (a replayed request)."""
    return standin.deliver(event, timestamp=int(time.time()) - age_seconds)


def deliver_badly_signed(standin, event):
    """Deliver signed with the wrong secret (a forger's request)."""
    return standin.deliver(event, secret="whsec_not_the_real_secret")


def signed_post(client, event, secret, timestamp=None, path="/api/checkout/webhook"):
    """POST an event through Django's test client with a genuine signature."""
    payload = json.dumps(event).encode()
    return client.post(
        path,
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=sign(payload, secret, timestamp),
    )
