"""Open-loop load for the multi-server rehearsal: a fixed schedule of arrivals.

Arrivals follow the original platform's load-test profile (ramp 5 -> 50 req/s
over 30 s, 100 req/s for 60 s, a 150 req/s spike for 30 s, ramp down), every
rate multiplied by `scale`. Each arrival is due at a time fixed before the run
starts and its latency counts from that time, not from when a thread got to it:
a slow server cannot slow the arrivals down and hide its own slowness
(coordinated omission). An arrival is one visitor action: a page, a sign-in,
an add to cart, or a whole checkout (cart, Checkout Session, payment on the
Stripe stand-in, which posts the signed webhook, and the success page).
"""

import random
import re
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import count

import requests

# (phase, seconds, rate at start, rate at end), in requests per second at scale 1.
PROFILE = [
    ("ramp up", 30, 5, 50),
    ("steady", 60, 100, 100),
    ("spike", 30, 150, 150),
    ("ramp down", 30, 100, 5),
]
MIX = {
    "home": 20,
    "catalog": 15,
    "course": 28,
    "search": 15,
    "sign-in": 6,
    "add to cart": 10,
    "checkout": 6,
}
SEARCH_WORDS = ["meditation", "yoga", "breath", "calm", "tarot", "sleep", "mindful"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TIMEOUT = (5, 60)
MAX_IN_FLIGHT = 400
STEP_RETRIES = 2  # a learner whose checkout step failed reloads and tries again


@dataclass
class Record:
    """One HTTP request to the shop, as the visitor saw it."""

    kind: str
    phase: str
    started: float  # when it was due (first request of an arrival) or sent
    ended: float
    status: int | None
    error: str
    server: str

    @property
    def failed(self):
        return bool(self.error)

    @property
    def latency_ms(self):
        return (self.ended - self.started) * 1000


@dataclass
class Checkout:
    """What became of one checkout arrival."""

    learner: str
    phase: str
    order: str = ""
    session: str = ""
    completed: bool = False
    retries: int = 0
    problem: str = ""


def schedule(scale, stretch=1.0, seed=18):
    """[(due second, phase, kind)] for the whole run, fixed before it starts;
    `stretch` multiplies the phases' lengths (a short smoke run: 0.2)."""
    chooser = random.Random(seed)
    kinds, weights = list(MIX), list(MIX.values())
    arrivals, offset = [], 0.0
    for phase, full_seconds, start, end in PROFILE:
        seconds = full_seconds * stretch
        t = 0.0
        while t < seconds:
            rate = max((start + (end - start) * t / seconds) * scale, 0.5)
            arrivals.append((offset + t, phase, chooser.choices(kinds, weights)[0]))
            t += 1 / rate
        offset += seconds
    return arrivals


def phase_at(second, stretch=1.0):
    offset = 0
    for phase, seconds, _start, _end in PROFILE:
        offset += seconds * stretch
        if second < offset:
            return phase
    return PROFILE[-1][0]


@dataclass
class Shop:
    """Where things are, and what the visitors may ask for."""

    base: str
    certificate: str
    course_paths: list
    product_ids: list
    learners: deque
    password: str
    standin_base: str
    records: list = field(default_factory=list)
    checkouts: list = field(default_factory=list)
    signed_in: deque = field(default_factory=deque)
    lock: threading.Lock = field(default_factory=threading.Lock)
    ids: count = field(default_factory=count)


class Visitor:
    """One browser: a requests session that keeps cookies, records each request."""

    def __init__(self, shop, phase, due=None):
        self.shop, self.phase, self.due = shop, phase, due
        self.http = requests.Session()
        self.http.verify = shop.certificate
        self.http.trust_env = False  # REQUESTS_CA_BUNDLE would replace `verify`
        self.http.headers["User-Agent"] = "mystic-bench-cluster"
        # Each visitor comes from an address of its own, as a CDN in front of
        # HAProxy would say (TRUSTED_PROXY_COUNT=2): per-IP limits see visitors.
        address = random.getrandbits(24)
        self.http.headers["X-Forwarded-For"] = (
            f"10.{address >> 16}.{(address >> 8) & 255}.{address & 255}"
        )

    def request(self, kind, method, path, expect, **options):
        """(response or None, ok); one Record whatever happened."""
        url = path if path.startswith("http") else self.shop.base + path
        started = self.due if self.due is not None else time.monotonic()
        self.due = None  # only the arrival's first request counts from its due time
        headers = {"X-Bench-Id": f"b{next(self.shop.ids)}"}
        if method == "POST":  # what a browser says of a same-origin form post
            headers |= {"Origin": self.shop.base, "Referer": url}
        response, error = None, ""
        try:
            response = self.http.request(
                method,
                url,
                headers=headers,
                allow_redirects=False,
                timeout=TIMEOUT,
                **options,
            )
            if response.status_code != expect:
                error = f"HTTP {response.status_code}"
        except requests.RequestException as exc:
            error = f"{type(exc).__name__}: {str(exc)[-160:]}"
        record = Record(
            kind=kind,
            phase=self.phase,
            started=started,
            ended=time.monotonic(),
            status=response.status_code if response is not None else None,
            error=error,
            server=response.headers.get("X-Served-By", "") if response else "",
        )
        with self.shop.lock:
            self.shop.records.append(record)
        return response, not error

    def retrying(self, kind, method, path, expect, checkout, **options):
        """A checkout step a learner repeats after an error page (up to twice)."""
        for attempt in range(STEP_RETRIES + 1):
            response, ok = self.request(kind, method, path, expect, **options)
            if ok:
                return response
            if attempt < STEP_RETRIES:
                checkout.retries += 1
                time.sleep(1)
        return None

    def sign_in(self, email, kind="sign-in"):
        page, ok = self.request(kind, "GET", "/en/accounts/login/", 200)
        token = TOKEN.search(page.text) if ok else None
        if not token:
            return False
        data = {
            "login": email,
            "password": self.shop.password,
            "csrfmiddlewaretoken": token[1],
        }
        _reply, ok = self.request(kind, "POST", "/en/accounts/login/", 302, data=data)
        return ok


def visit(shop, phase, kind, due, chooser):
    """Carry out one arrival; a checkout that broke down is recorded as failed."""
    try:
        _visit(shop, phase, kind, due, chooser)
    except Exception as error:  # noqa: BLE001 - the report counts it
        if kind == "checkout":
            with shop.lock:
                shop.checkouts.append(Checkout("", phase, problem=repr(error)))


def _visit(shop, phase, kind, due, chooser):
    visitor = Visitor(shop, phase, due)
    if kind == "home":
        visitor.request(kind, "GET", "/en/", 200)
    elif kind == "catalog":
        visitor.request(kind, "GET", "/en/courses/", 200)
    elif kind == "course":
        visitor.request(kind, "GET", chooser.choice(shop.course_paths), 200)
    elif kind == "search":
        word = chooser.choice(SEARCH_WORDS)
        visitor.request(kind, "GET", f"/en/search/?q={word}", 200)
    elif kind == "sign-in":
        email = next_learner(shop)
        if email and visitor.sign_in(email):
            with shop.lock:
                shop.signed_in.append((email, visitor))
    elif kind == "add to cart":
        product = chooser.choice(shop.product_ids)
        _reply, ok = visitor.request(
            kind, "POST", "/en/cart/add/", 302, data={"product": product}
        )
        if ok:
            visitor.request(kind, "GET", "/en/cart/", 200)
    elif kind == "checkout":
        check_out(shop, phase, due, chooser)


def next_learner(shop):
    with shop.lock:
        return shop.learners.popleft() if shop.learners else None


def check_out(shop, phase, due, chooser):
    """A signed-in learner buys one course and pays on the Stripe stand-in."""
    with shop.lock:
        email, visitor = shop.signed_in.popleft() if shop.signed_in else (None, None)
    if visitor is None:
        email = next_learner(shop)
        visitor = Visitor(shop, phase, due)
        if not email or not visitor.sign_in(email, kind="checkout"):
            shop.checkouts.append(Checkout(email or "", phase, problem="sign-in"))
            return
    visitor.phase, visitor.due = phase, due
    checkout = Checkout(email, phase)
    shop.checkouts.append(checkout)
    product = chooser.choice(shop.product_ids)
    added = visitor.retrying(
        "checkout", "POST", "/en/cart/add/", 302, checkout, data={"product": product}
    )
    cart = added and visitor.retrying("checkout", "GET", "/en/cart/", 200, checkout)
    token = TOKEN.search(cart.text) if cart else None
    if not token:
        checkout.problem = "cart"
        return
    started = visitor.retrying(
        "checkout",
        "POST",
        "/en/checkout/",
        303,
        checkout,
        data={"csrfmiddlewaretoken": token[1]},
    )
    pay_url = started.headers.get("Location", "") if started else ""
    if not pay_url.startswith(shop.standin_base + "/pay/"):
        checkout.problem = f"checkout went to {pay_url!r}"
        return
    checkout.session = pay_url.rstrip("/").split("/")[-1]
    # The learner pays on the stand-in's hosted page; before answering, it
    # posts the signed checkout.session.completed webhook to the shop.
    try:
        paid = visitor.http.post(
            f"{pay_url}/pay", allow_redirects=False, timeout=TIMEOUT
        )
    except requests.RequestException as error:
        checkout.problem = f"payment: {error!r}"
        return
    success = paid.headers.get("Location", "")
    if paid.status_code != 303 or not success:
        checkout.problem = f"payment answered {paid.status_code}"
        return
    checkout.order = re.search(r"order=([^&]+)", success)[1]
    back = visitor.retrying("checkout", "GET", success, 200, checkout)
    checkout.completed = back is not None
    if not checkout.completed:
        checkout.problem = "success page"


def run(shop, arrivals, events=(), seed=18):
    """Send every arrival at its due time; run `events` [(second, callable)] on
    their own threads at their time. Returns the monotonic start of the run."""
    chooser = random.Random(seed + 1)
    pool = ThreadPoolExecutor(MAX_IN_FLIGHT, thread_name_prefix="visitor")
    start = time.monotonic()
    timers = []
    for second, action in events:
        timer = threading.Timer(second, action)
        timer.start()
        timers.append(timer)
    for second, phase, kind in arrivals:
        due = start + second
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        pool.submit(visit, shop, phase, kind, due, random.Random(chooser.random()))
    pool.shutdown(wait=True)
    for timer in timers:
        timer.join()
    return start
