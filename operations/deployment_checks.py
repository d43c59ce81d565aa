"""The deployment guide's post-deployment checklist, run over HTTP against a live site.

Each check is a row of the table `manage.py check_deployment URL` prints: it asks
the site what a visitor, a browser or an attacker would ask and judges the answer,
so it says nothing about how the site is configured, only how it behaves.

A plain `http://` base URL is treated as the inside of a TLS-terminating proxy:
every request carries `X-Forwarded-Proto: https`, as the proxy's would. Gunicorn
trusts that header from `FORWARDED_ALLOW_IPS` (127.0.0.1 by default,
mystic/gunicorn.conf.py) and Django from `SECURE_PROXY_SSL_HEADER`; the redirect
row then sends `X-Forwarded-Proto: http`, the request a browser typing
`http://` would make through that proxy.
"""

import re
from dataclasses import dataclass
from functools import partial
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests

PASS, FAIL, SKIP = "pass", "FAIL", "skipped"
ONE_YEAR = 31_536_000  # the guide: HSTS and static assets cached for a year
FOREIGN_ORIGIN = "https://not-an-allowed-origin.invalid"
SAFE_REFERRER_POLICIES = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
GUIDE_PERMISSIONS = ("geolocation=()", "microphone=()", "camera=()")


@dataclass(frozen=True)
class Row:
    check: str
    outcome: str  # PASS, FAIL or SKIP
    detail: str = ""

    @property
    def failed(self):
        return self.outcome == FAIL


def row(check, ok, detail=""):
    return Row(check, PASS if ok else FAIL, detail)


class _Links(HTMLParser):
    """`<html lang>`, stylesheets and the main navigation's first link."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.stylesheets = []
        self.nav_links = []
        self._in_main_nav = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.stylesheets.append(attrs.get("href") or "")
        elif tag == "nav" and "main-nav" in (attrs.get("class") or "").split():
            self._in_main_nav = True
        elif tag == "a" and self._in_main_nav and attrs.get("href"):
            self.nav_links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_main_nav = False


def parse_page(html):
    parser = _Links()
    parser.feed(html)
    return parser


def max_age(cache_control):
    match = re.search(r"max-age=(\d+)", cache_control or "")
    return int(match[1]) if match else 0


class Site:
    """The site under test: its base URL and how to ask it things."""

    def __init__(self, base_url, *, timeout=10):
        parts = urlsplit(base_url.rstrip("/"))
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ValueError(f"not an http(s) URL: {base_url}")
        self.base = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        self.https = parts.scheme == "https"
        self.host = parts.netloc
        # The origin a browser sees: always https (see the module's docstring).
        self.origin = f"https://{parts.netloc}"
        self.timeout = timeout
        self.proxy_headers = {} if self.https else {"X-Forwarded-Proto": "https"}
        self.english_home = None  # the parsed /en/, once check_pages has read it

    def url(self, path):
        return urljoin(self.base + "/", path.lstrip("/"))

    def request(self, method, path, *, headers=None, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", self.timeout)
        headers = {**self.proxy_headers, **(headers or {})}
        url = path if path.startswith(("http://", "https://")) else self.url(path)
        return requests.request(method, url, headers=headers, **kwargs)  # noqa: S113

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)


def _status(response):
    return f"{response.status_code} {response.reason}".strip()


def check_health(site):
    response = site.get("/api/health")
    try:
        body = response.json()
    except ValueError:
        return [row("health", False, f"{_status(response)}, not JSON")]
    rows = [
        row(
            "health",
            response.status_code == 200 and body.get("status") == "healthy",
            f"{_status(response)}, status {body.get('status')!r}",
        ),
        row(
            "health: database",
            body.get("database") == "connected",
            str(body.get("database")),
        ),
        row("health: Redis", body.get("redis") == "connected", str(body.get("redis"))),
    ]
    if "queue" in body:
        queue = body["queue"] if isinstance(body["queue"], dict) else {}
        working = queue.get("backend") == "inline" or queue.get("worker") == "alive"
        rows.append(
            row(
                "health: queue",
                response.status_code == 200 and working,
                f"worker {queue.get('worker', 'inline')}, depth "
                f"{queue.get('depth', 0)}, oldest waiting "
                f"{queue.get('oldest_waiting_seconds')} s",
            )
        )
    else:
        rows.append(Row("health: queue", SKIP, "the site's /api/health reports none"))
    return rows


def check_pages(site):
    """Home and catalog in English and Spanish; keeps the English home page
    for the static assets row."""
    rows = []
    for language in ("en", "es"):
        response = site.get(f"/{language}/")
        page = parse_page(response.text) if response.status_code == 200 else None
        rows.append(
            row(
                f"home ({language})",
                page is not None and page.lang == language,
                f"/{language}/ {_status(response)}, lang={page.lang if page else None}",
            )
        )
        if language == "en":
            site.english_home = page
        catalog = page.nav_links[0] if page and page.nav_links else None
        if catalog is None:
            rows.append(row(f"catalog ({language})", False, "no catalog link on home"))
            continue
        response = site.get(catalog)
        lang = parse_page(response.text).lang if response.status_code == 200 else None
        rows.append(
            row(
                f"catalog ({language})",
                response.status_code == 200 and lang == language,
                f"{catalog} {_status(response)}, lang={lang}",
            )
        )
    return rows


def check_static(site):
    home = site.english_home
    stylesheets = [href for href in (home.stylesheets if home else []) if href]
    if not stylesheets:
        return [row("static assets", False, "home links no stylesheet")]
    href = stylesheets[0]
    response = site.get(urljoin(site.url("/en/"), href))
    seconds = max_age(response.headers.get("Cache-Control"))
    return [
        row(
            "static assets",
            response.status_code == 200
            and "css" in response.headers.get("Content-Type", "")
            and seconds >= ONE_YEAR,
            f"{href} {_status(response)}, max-age={seconds}",
        )
    ]


def check_security_headers(site):
    response = site.get("/en/")
    headers = response.headers
    csp = headers.get("Content-Security-Policy", "")
    frame = headers.get("X-Frame-Options", "")
    ancestors = re.search(r"frame-ancestors ([^;]+)", csp)
    hsts = headers.get("Strict-Transport-Security", "")
    referrer = headers.get("Referrer-Policy", "")
    permissions = headers.get("Permissions-Policy", "")
    return [
        row(
            "header: Content-Security-Policy",
            "default-src" in csp,
            csp[:60] + ("…" if len(csp) > 60 else "") if csp else "missing",
        ),
        row(
            "header: Strict-Transport-Security",
            max_age(hsts) >= ONE_YEAR,
            hsts or "missing",
        ),
        row(
            "header: X-Frame-Options / frame-ancestors",
            frame.upper() in {"DENY", "SAMEORIGIN"}
            or (ancestors is not None and "*" not in ancestors[1]),
            f"X-Frame-Options: {frame or 'missing'}; frame-ancestors: "
            f"{ancestors[1].strip() if ancestors else 'missing'}",
        ),
        row(
            "header: X-Content-Type-Options",
            headers.get("X-Content-Type-Options", "").lower() == "nosniff",
            headers.get("X-Content-Type-Options", "missing"),
        ),
        row(
            "header: Referrer-Policy",
            bool(set(referrer.replace(" ", "").split(",")) & SAFE_REFERRER_POLICIES),
            referrer or "missing",
        ),
        row(
            "header: Permissions-Policy",
            all(item in permissions.replace(" ", "") for item in GUIDE_PERMISSIONS),
            permissions or "missing",
        ),
    ]


def check_https_redirect(site):
    if site.https:
        plain = urlunsplit(("http", site.host, "/en/", "", ""))
        response = site.get(plain)
        how = plain
    else:
        response = site.get("/en/", headers={"X-Forwarded-Proto": "http"})
        how = "/en/ with X-Forwarded-Proto: http"
    location = response.headers.get("Location", "")
    return [
        row(
            "HTTP → HTTPS redirect",
            response.status_code in {301, 308} and location.startswith("https://"),
            f"{how} → {_status(response)} {location}".strip(),
        )
    ]


def check_cors(site, allowed_origin=None):
    """CORS answered only under /api/, only for listed origins."""
    problems, seen = [], []
    api = site.get("/api/health", headers={"Origin": FOREIGN_ORIGIN})
    granted = api.headers.get("Access-Control-Allow-Origin")
    seen.append(f"/api/ to an unlisted origin: {granted or 'none'}")
    if granted:
        problems.append("the API allows an unlisted origin")
    for origin in filter(None, (allowed_origin, FOREIGN_ORIGIN)):
        page = site.get("/en/", headers={"Origin": origin})
        if page.headers.get("Access-Control-Allow-Origin"):
            problems.append(f"a page answers CORS for {origin}")
    seen.append("pages: none")  # `seen` is shown only when nothing is wrong
    if allowed_origin:
        listed = site.get("/api/health", headers={"Origin": allowed_origin})
        granted = listed.headers.get("Access-Control-Allow-Origin")
        seen.append(f"/api/ to {allowed_origin}: {granted or 'none'}")
        if granted != allowed_origin:
            problems.append(f"the API does not allow {allowed_origin}")
    return [row("CORS limited to the API", not problems, "; ".join(problems or seen))]


def check_rate_limit(site, attempts=70):
    """The autocomplete API allows 30 a minute per IP: hit it until refused.

    The window is a fixed minute, so a run that straddles its end starts
    counting again: 70 requests reach the limit whenever the run begins.

    Chosen over the sign-in limit because a refusal there would lock the
    operator's own IP out of signing in for 15 minutes; this one costs a minute
    of autocomplete suggestions.
    """
    for count in range(1, attempts + 1):
        response = site.get("/api/search/autocomplete?q=deployment-check")
        if response.status_code == 429:
            return [
                row(
                    "rate limiting",
                    bool(response.headers.get("Retry-After")),
                    f"/api/search/autocomplete: 429 after {count} requests, "
                    f"Retry-After {response.headers.get('Retry-After', 'missing')}",
                )
            ]
    return [row("rate limiting", False, f"no 429 in {attempts} requests")]


def check_csrf(site):
    """A sign-in post from the site's own origin, without cookie or token."""
    path = "/en/accounts/login/"
    response = site.request(
        "POST",
        path,
        data={"login": "nobody@example.com", "password": "not-a-password"},
        headers={"Origin": site.origin, "Referer": site.origin + path},
    )
    return [
        row(
            "CSRF refused without a token",
            response.status_code == 403,
            f"POST {path} → {_status(response)}",
        )
    ]


def check_webhook(site):
    path = "/api/checkout/webhook"
    response = site.request(
        "POST",
        path,
        data=b'{"id": "evt_unsigned", "type": "checkout.session.completed"}',
        headers={"Content-Type": "application/json"},
    )
    ok = 400 <= response.status_code < 500 and response.status_code not in {404, 405}
    return [
        row("Stripe webhook refuses unsigned", ok, f"POST {path} → {_status(response)}")
    ]


def check_sitemap_and_robots(site):
    sitemap = site.get("/sitemap.xml")
    robots = site.get("/robots.txt")
    return [
        row(
            "sitemap.xml",
            sitemap.status_code == 200
            and "xml" in sitemap.headers.get("Content-Type", "")
            and "<loc>" in sitemap.text,
            f"{_status(sitemap)}, {sitemap.text.count('<loc>')} <loc>",
        ),
        row(
            "robots.txt",
            robots.status_code == 200 and "Sitemap:" in robots.text,
            f"{_status(robots)}"
            + (", names the sitemap" if "Sitemap:" in robots.text else ""),
        ),
    ]


def check_admin_login(site):
    response = site.get("/admin/login/")
    has_form = 'name="password"' in response.text
    return [
        row(
            "admin login page",
            response.status_code == 200 and has_form,
            f"{_status(response)}" + (", password form" if has_form else ""),
        )
    ]


def _describe(error, timeout):
    url = getattr(error.request, "url", "") if error.request is not None else ""
    if isinstance(error, requests.Timeout):
        return f"no answer within {timeout:g} s: {url}"
    if isinstance(error, requests.ConnectionError):
        return f"cannot connect: {url}"
    return f"{type(error).__name__}: {error}"[:160]


def run_checks(base_url, *, allowed_origin=None, timeout=10, rate_limit_attempts=70):
    """Every row of the checklist, in the guide's order; never raises for a
    site that misbehaves (an unreachable site fails its rows)."""
    site = Site(base_url, timeout=timeout)
    steps = [
        ("health", check_health),
        ("pages", check_pages),
        ("static assets", check_static),
        ("security headers", check_security_headers),
        ("HTTP → HTTPS redirect", check_https_redirect),
        ("CORS limited to the API", partial(check_cors, allowed_origin=allowed_origin)),
        ("rate limiting", partial(check_rate_limit, attempts=rate_limit_attempts)),
        ("CSRF refused without a token", check_csrf),
        ("Stripe webhook refuses unsigned", check_webhook),
        ("sitemap and robots", check_sitemap_and_robots),
        ("admin login page", check_admin_login),
    ]
    rows = []
    for name, step in steps:
        try:
            rows += step(site)
        except requests.RequestException as error:
            rows.append(row(name, False, _describe(error, site.timeout)))
    return rows


def format_table(rows):
    width = max(len(r.check) for r in rows)
    lines = [f"{'check':<{width}}  result   detail", f"{'-' * width}  -------  ------"]
    lines += [f"{r.check:<{width}}  {r.outcome:<7}  {r.detail}" for r in rows]
    return "\n".join(lines)
