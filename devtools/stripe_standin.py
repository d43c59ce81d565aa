"""A local stand-in for the part of Stripe's API our gateway uses. TEST MODE ONLY.

Why it lives in the app and not only under tests/: development without
STRIPE_SECRET_KEY runs the very same code path as production (the official SDK,
signed webhooks) against this server, so `make run` can sell a course end to end
offline. It is plain `http.server` with no Django imports, bound to 127.0.0.1, and
only enabled where settings opt in (`STRIPE_STANDIN = True`: development and tests;
production settings force it off).
See docs/decisions/0030-stripe-standin-in-the-app.md.

It serves:
- `POST /v1/checkout/sessions` (form-encoded as the SDK sends it, honouring
  `Idempotency-Key`, rejecting `payment_method_types` like API 2026-10-28.endive),
  `GET /v1/checkout/sessions/{id}` (with `expand[]=line_items`, Stripe's
  includable list of line items), `GET /v1/checkout/sessions/{id}/line_items`,
  `POST /v1/refunds`;
- `GET /pay/{session}`: a hosted-checkout page with "Pay (test)" and
  "Decline (test)" buttons, which post signed webhook events back to the app
  using Stripe's signature scheme
  (`Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.payload")`).
"""

import hashlib
import hmac
import html
import json
import logging
import secrets
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

log = logging.getLogger(__name__)

API_VERSION = "2026-10-28.endive"
WEBHOOK_PATH = "/api/checkout/webhook"


def new_id(prefix):
    return f"{prefix}_test_{secrets.token_hex(12)}"


def sign(payload, secret, timestamp=None):
    """The `Stripe-Signature` header Stripe would send for `payload` (bytes)."""
    timestamp = int(time.time()) if timestamp is None else int(timestamp)
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def decode_form(body):
    """Stripe's bracketed form encoding (`a[b][0][c]=v`) into nested dicts/lists."""
    root = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        parts = key.replace("]", "").split("[")
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return _listify(root)


def _listify(node):
    if not isinstance(node, dict):
        return node
    if node and all(key.isdigit() for key in node):
        return [_listify(node[key]) for key in sorted(node, key=int)]
    return {key: _listify(value) for key, value in node.items()}


class StripeError(Exception):
    def __init__(self, status, message, param=None, kind="invalid_request_error"):
        super().__init__(message)
        self.status, self.message, self.param, self.kind = status, message, param, kind

    def body(self):
        error = {"type": self.kind, "message": self.message}
        if self.param:
            error["param"] = self.param
        return {"error": error}


class StripeStandIn:
    """The stand-in's state and behaviour; `serve()` puts it on a local port."""

    def __init__(self, webhook_secret, webhook_url=None, api_key_prefix="sk_test_"):
        self.webhook_secret = webhook_secret
        self.webhook_url = webhook_url
        self.api_key_prefix = api_key_prefix
        self.sessions, self.refunds, self.charges = {}, {}, {}
        self.idempotency = {}
        self.requests = []  # (method, path, params, idempotency key) for tests
        self.deliveries = []  # (event type, status code) for tests
        self.auto_refund_events = True
        self.lock = threading.RLock()
        self.server = None
        self.base_url = None

    # -- serving ---------------------------------------------------------------

    def serve(self, port=0, host="127.0.0.1"):
        """Start serving in a daemon thread; returns the base URL."""
        standin = self

        class Handler(_Handler):
            pass

        Handler.standin = standin
        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://{host}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.base_url

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    # -- API -------------------------------------------------------------------

    def create_session(self, params, idempotency_key=None):
        with self.lock:
            if idempotency_key and idempotency_key in self.idempotency:
                fingerprint, response = self.idempotency[idempotency_key]
                if fingerprint != _fingerprint(params):
                    raise StripeError(
                        400,
                        "Keys for idempotent requests can only be used with the "
                        "same parameters they were first used with.",
                        kind="idempotency_error",
                    )
                return response
            session = self._new_session(params)
            self.sessions[session["id"]] = session
            if idempotency_key:
                self.idempotency[idempotency_key] = (_fingerprint(params), session)
            return session

    def _new_session(self, params):
        if "payment_method_types" in params:
            raise StripeError(
                400,
                "Received unknown parameter: payment_method_types",
                param="payment_method_types",
            )
        if params.get("mode") != "payment":
            raise StripeError(400, "Only mode=payment is supported here.", "mode")
        for required in ("success_url", "line_items"):
            if not params.get(required):
                raise StripeError(400, f"Missing required param: {required}.", required)
        currencies, total = set(), 0
        for item in params["line_items"]:
            data = item.get("price_data") or {}
            try:
                amount = int(data["unit_amount"]) * int(item.get("quantity", 1))
                currencies.add(data["currency"].lower())
            except (KeyError, ValueError) as error:
                raise StripeError(400, "Invalid price_data.", "line_items") from error
            total += amount
        if len(currencies) != 1:
            raise StripeError(400, "All line items need one currency.", "line_items")
        session_id = new_id("cs")
        now = int(time.time())
        expires_at = int(params.get("expires_at") or now + 24 * 3600)
        if not now + 30 * 60 - 5 <= expires_at <= now + 24 * 3600:
            raise StripeError(
                400,
                "The `expires_at` timestamp must be 30 minutes to 24 hours ahead.",
                "expires_at",
            )
        items = [_line_item(item) for item in params["line_items"]]
        return {
            "id": session_id,
            "object": "checkout.session",
            "mode": "payment",
            "status": "open",
            "payment_status": "unpaid",
            "amount_total": total,
            "amount_subtotal": total,
            "currency": currencies.pop(),
            "client_reference_id": params.get("client_reference_id"),
            "customer_email": params.get("customer_email"),
            "locale": params.get("locale", "auto"),
            "metadata": params.get("metadata", {}),
            "payment_intent": None,
            "success_url": params["success_url"],
            "cancel_url": params.get("cancel_url"),
            "url": f"{self.base_url}/pay/{session_id}",
            "created": now,
            "expires_at": expires_at,
            "livemode": False,
            "_line_items": items,
            "_payment_intent_metadata": (params.get("payment_intent_data") or {}).get(
                "metadata", {}
            ),
        }

    def get_session(self, session_id):
        session = self.sessions.get(session_id)
        if session is None:
            raise StripeError(404, f"No such checkout.session: '{session_id}'", "id")
        return session

    def line_items(self, session_id):
        """The session's line items as Stripe lists them (`object: list`)."""
        session = self.get_session(session_id)
        return {
            "object": "list",
            "data": session["_line_items"],
            "has_more": False,
            "url": f"/v1/checkout/sessions/{session_id}/line_items",
        }

    def retrieve(self, session_id, expand=()):
        """`GET /v1/checkout/sessions/{id}`: line items only when expanded."""
        with self.lock:
            session = self.public(self.get_session(session_id))
            if "line_items" in expand:
                session["line_items"] = self.line_items(session_id)
            return session

    def create_refund(self, params, idempotency_key=None):
        with self.lock:
            if idempotency_key and idempotency_key in self.idempotency:
                return self.idempotency[idempotency_key][1]
            intent = params.get("payment_intent")
            charge = next(
                (c for c in self.charges.values() if c["payment_intent"] == intent),
                None,
            )
            if charge is None:
                raise StripeError(
                    404, f"No such payment_intent: '{intent}'", "payment_intent"
                )
            remaining = charge["amount"] - charge["amount_refunded"]
            amount = int(params.get("amount") or remaining)
            if amount <= 0 or amount > remaining:
                raise StripeError(400, "Refund amount is too large.", "amount")
            refund = {
                "id": new_id("re"),
                "object": "refund",
                "amount": amount,
                "currency": charge["currency"],
                "charge": charge["id"],
                "payment_intent": intent,
                "status": "pending",
                "metadata": params.get("metadata", {}),
                "created": int(time.time()),
            }
            self.refunds[refund["id"]] = refund
            if idempotency_key:
                self.idempotency[idempotency_key] = (_fingerprint(params), refund)
        if self.auto_refund_events:
            threading.Thread(
                target=self.settle_refund, args=(refund["id"],), daemon=True
            ).start()
        return refund

    # -- what the hosted page and tests do -------------------------------------

    def pay(self, session_id, deliver=True, delayed=False):
        """The customer pays: the session completes, a charge exists.

        With `delayed` (a bank debit), the session completes unpaid and the money
        arrives later (`settle_delayed`). Returns the `checkout.session.completed`
        event (delivered if `deliver`).
        """
        with self.lock:
            session = self.get_session(session_id)
            if delayed and session["payment_status"] == "unpaid":
                session.update(status="complete", payment_intent=new_id("pi"))
            elif session["payment_status"] != "paid":
                self._charge(session)
        event = self.event("checkout.session.completed", self.public(session))
        if deliver:
            self.deliver(event)
        return event

    def settle_delayed(self, session_id, deliver=True):
        """A delayed payment succeeds: `checkout.session.async_payment_succeeded`."""
        with self.lock:
            session = self.get_session(session_id)
            if session["payment_status"] != "paid":
                self._charge(session)
        event = self.event(
            "checkout.session.async_payment_succeeded", self.public(session)
        )
        if deliver:
            self.deliver(event)
        return event

    def _charge(self, session):
        intent = session["payment_intent"] or new_id("pi")
        charge = {
            "id": new_id("ch"),
            "object": "charge",
            "amount": session["amount_total"],
            "amount_refunded": 0,
            "currency": session["currency"],
            "payment_intent": intent,
            "metadata": session["_payment_intent_metadata"],
            "refunded": False,
            "paid": True,
        }
        self.charges[charge["id"]] = charge
        session.update(status="complete", payment_status="paid", payment_intent=intent)

    def decline(self, session_id, deliver=True):
        """The card is declined: Stripe keeps the session open and says so."""
        session = self.get_session(session_id)
        intent = {
            "id": new_id("pi"),
            "object": "payment_intent",
            "amount": session["amount_total"],
            "currency": session["currency"],
            "metadata": session["_payment_intent_metadata"],
            "last_payment_error": {"message": "Your card was declined."},
        }
        event = self.event("payment_intent.payment_failed", intent)
        if deliver:
            self.deliver(event)
        return event

    def expire(self, session_id, deliver=True):
        session = self.get_session(session_id)
        if session["status"] == "open":
            session["status"] = "expired"
        event = self.event("checkout.session.expired", self.public(session))
        if deliver:
            self.deliver(event)
        return event

    def settle_refund(self, refund_id, deliver=True):
        """The refund succeeds: the charge is refunded, `charge.refunded` is sent."""
        time.sleep(0.05)
        with self.lock:
            refund = self.refunds[refund_id]
            charge = self.charges[refund["charge"]]
            if refund["status"] == "pending":
                refund["status"] = "succeeded"
                charge["amount_refunded"] += refund["amount"]
                charge["refunded"] = charge["amount_refunded"] >= charge["amount"]
            payload = dict(charge)
        event = self.event("charge.refunded", payload)
        if deliver:
            self.deliver(event)
        return event

    def event(self, event_type, obj):
        return {
            "id": new_id("evt"),
            "object": "event",
            "api_version": API_VERSION,
            "created": int(time.time()),
            "type": event_type,
            "livemode": False,
            "pending_webhooks": 1,
            "data": {"object": obj},
        }

    @staticmethod
    def public(session):
        return {k: v for k, v in session.items() if not k.startswith("_")}

    def url_for_webhook(self, event):
        if self.webhook_url:
            return self.webhook_url
        obj = event["data"]["object"]
        session = obj if obj.get("object") == "checkout.session" else None
        if session is None:
            session = next(iter(self.sessions.values()), None)
        parts = urlsplit(session["success_url"])
        return f"{parts.scheme}://{parts.netloc}{WEBHOOK_PATH}"

    def deliver(self, event, url=None, timestamp=None, secret=None, signature=None):
        """POST the event to the app, signed; returns (status, body)."""
        payload = json.dumps(event).encode()
        header = signature or sign(payload, secret or self.webhook_secret, timestamp)
        request = urllib.request.Request(  # noqa: S310 (http to 127.0.0.1 only)
            url or self.url_for_webhook(event),
            data=payload,
            method="POST",
            headers={"Content-Type": "application/json", "Stripe-Signature": header},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                result = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            result = error.code, error.read().decode()
        with self.lock:
            self.deliveries.append((event["type"], result[0]))
        return result


def _line_item(item):
    """A `line_items[]` create parameter as Stripe returns it: an `item` object
    whose `description` is the product name and whose `price` was made inline."""
    data = item["price_data"]
    quantity = int(item.get("quantity", 1))
    unit_amount = int(data["unit_amount"])
    currency = data["currency"].lower()
    amount = unit_amount * quantity
    return {
        "id": new_id("li"),
        "object": "item",
        "amount_discount": 0,
        "amount_subtotal": amount,
        "amount_tax": 0,
        "amount_total": amount,
        "currency": currency,
        "description": (data.get("product_data") or {}).get("name"),
        "metadata": {},
        "price": {
            "id": new_id("price"),
            "object": "price",
            "active": False,
            "currency": currency,
            "product": new_id("prod"),
            "type": "one_time",
            "unit_amount": unit_amount,
            "livemode": False,
        },
        "quantity": quantity,
    }


def _fingerprint(params):
    return hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()


class _Handler(BaseHTTPRequestHandler):
    standin: StripeStandIn

    def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
        log.debug("stripe stand-in: " + format, *args)

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length).decode() if length else ""

    def _json(self, status, data):
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _authorised(self):
        auth = self.headers.get("Authorization", "")
        if not auth.startswith(f"Bearer {self.standin.api_key_prefix}"):
            self._json(
                401,
                {"error": {"type": "invalid_request_error", "message": "Bad API key."}},
            )
            return False
        return True

    def do_GET(self):  # noqa: N802 (stdlib name)
        path = urlsplit(self.path).path
        try:
            if path.startswith("/v1/checkout/sessions/"):
                if not self._authorised():
                    return
                parts = path.split("/")  # "", v1, checkout, sessions, id[, line_items]
                if len(parts) == 6 and parts[5] == "line_items":
                    return self._json(200, self.standin.line_items(parts[4]))
                query = decode_form(urlsplit(self.path).query)
                expand = query.get("expand") or []
                expand = expand if isinstance(expand, list) else [expand]
                return self._json(200, self.standin.retrieve(parts[4], expand))
            if path.startswith("/pay/"):
                return self._page(self.standin.get_session(path.split("/")[2]))
            self._json(404, {"error": {"message": "Unrecognized request URL."}})
        except StripeError as error:
            self._json(error.status, error.body())

    def do_POST(self):  # noqa: N802 (stdlib name)
        path = urlsplit(self.path).path
        body = self._body()
        key = self.headers.get("Idempotency-Key")
        try:
            if path == "/v1/checkout/sessions":
                if not self._authorised():
                    return
                params = decode_form(body)
                self.standin.requests.append(("POST", path, params, key))
                session = self.standin.create_session(params, key)
                return self._json(200, self.standin.public(session))
            if path == "/v1/refunds":
                if not self._authorised():
                    return
                params = decode_form(body)
                self.standin.requests.append(("POST", path, params, key))
                return self._json(200, self.standin.create_refund(params, key))
            if path.startswith("/pay/"):
                _blank, _pay, session_id, action = path.split("/")[:4]
                return self._hosted_action(session_id, action)
            self._json(404, {"error": {"message": "Unrecognized request URL."}})
        except StripeError as error:
            self._json(error.status, error.body())

    def _hosted_action(self, session_id, action):
        session = self.standin.get_session(session_id)
        if action == "pay":
            self.standin.pay(session_id)
            target = session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id)
            self.send_response(303)
            self.send_header("Location", target)
            self.end_headers()
            return None
        if action == "decline":
            self.standin.decline(session_id)
            return self._page(session, declined=True)
        return self._json(404, {"error": {"message": "Unknown action."}})

    def _page(self, session, declined=False):
        esc = html.escape
        items = "".join(
            f"<li data-line-item>{esc(item['description'] or '')}: "
            f"{item['amount_total'] / 100:.2f} {esc(item['currency'].upper())}</li>"
            for item in session["_line_items"]
        )
        notice = (
            '<p role="alert">Your card was declined (test).</p>' if declined else ""
        )
        closed = session["status"] != "open"
        actions = (
            "<p>This checkout session is no longer open.</p>"
            if closed
            else f"""
  <form method="post" action="/pay/{esc(session["id"])}/pay">
    <button type="submit">Pay (test)</button></form>
  <form method="post" action="/pay/{esc(session["id"])}/decline">
    <button type="submit">Decline (test)</button></form>"""
        )
        cancel = session.get("cancel_url") or "/"
        page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Test checkout · Stripe stand-in</title>
<style>body{{font-family:sans-serif;max-width:32rem;margin:2rem auto}}
.banner{{background:#ffb020;padding:.5rem 1rem;font-weight:bold}}</style></head><body>
<p class="banner">TEST MODE: local Stripe stand-in, no real payment is taken.</p>
<h1>Test checkout</h1>
<p>{esc(session.get("customer_email") or "")}</p>
<ul>{items}</ul>
<p>Total: <strong>{session["amount_total"] / 100:.2f}
{esc(session["currency"].upper())}</strong></p>
{notice}{actions}
<p><a href="{esc(cancel)}">Back to the shop</a></p>
</body></html>"""
        body = page.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


_dev_standin = None
_dev_lock = threading.Lock()


def ensure_dev_standin(port, webhook_secret, webhook_url=None):
    """Start the development stand-in in this process once (idempotent).

    If the port is taken (another runserver process already serves it) we leave
    it be and the SDK talks to that one.
    """
    global _dev_standin
    with _dev_lock:
        if _dev_standin is not None:
            return _dev_standin
        standin = StripeStandIn(webhook_secret, webhook_url)
        try:
            standin.serve(port=port)
        except OSError:
            log.info("Stripe stand-in already running on port %s", port)
            return None
        log.warning("Stripe stand-in (TEST MODE) serving on %s", standin.base_url)
        _dev_standin = standin
        return standin


def main(argv=None):
    """Serve the stand-in on its own, as an operator would next to the app:

        python -m devtools.stripe_standin --port 12111 \\
            --webhook-secret whsec_… --webhook-url http://127.0.0.1:8000/api/checkout/webhook

    then run the app with STRIPE_SECRET_KEY=sk_test_…, the same
    STRIPE_WEBHOOK_SECRET and STRIPE_API_BASE=http://127.0.0.1:12111.
    Prints the base URL on the first line (useful with `--port 0`).
    """
    import argparse
    import sys

    parser = argparse.ArgumentParser(description="Local Stripe stand-in (TEST MODE)")
    parser.add_argument("--port", type=int, default=12111)
    parser.add_argument("--webhook-secret", required=True)
    parser.add_argument(
        "--webhook-url",
        help="where to post events (default: the site of each session's success URL)",
    )
    args = parser.parse_args(argv)
    standin = StripeStandIn(args.webhook_secret, args.webhook_url)
    sys.stdout.write(f"{standin.serve(port=args.port)}\n")
    sys.stdout.flush()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        standin.stop()


if __name__ == "__main__":
    main()
