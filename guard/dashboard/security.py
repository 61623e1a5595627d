"""Why a web page the person visits cannot use the dashboard.

Any site open in the browser can send requests to 127.0.0.1, and every
excerpt in the log was written by a stranger. The layers, in the order a
request meets them:

1. **Host header** must be ``127.0.0.1:PORT`` or ``localhost:PORT`` (else 421).
   A DNS-rebinding attack points ``evil.example`` at 127.0.0.1; the browser
   then sends ``Host: evil.example``, which is refused.
2. **Origin** must be this very origin for unsafe methods (POST, PUT, PATCH,
   DELETE) and for WebSocket upgrades (else 403). Browsers attach ``Origin``
   to those, so a cross-site form post or ``new WebSocket(...)`` from another
   site is refused even though WebSockets are not covered by the same-origin
   policy (``aio-libs/aiohttp-demos: demos/chat``; datasette's csrf.py does
   the same with headers). ``Origin: null`` passes only with the browser's
   ``Sec-Fetch-Site: same-origin`` (see :func:`same_origin` for why).
3. **Authentication**: a session cookie (HttpOnly, SameSite=Strict, per
   port) or a one-time token (``?token=`` or ``Authorization: Bearer``), else
   401. A ``GET`` with ``?token=`` sets the cookie and is answered with a
   tiny page that moves on to the same address without the token (see
   :func:`continue_page` for why not an HTTP redirect).
4. **Response headers** on every response, errors included: a strict CSP
   (``default-src 'self'``, no inline script or style, ``frame-ancestors
   'none'``), ``Referrer-Policy: no-referrer``, ``X-Content-Type-Options:
   nosniff``, ``X-Frame-Options: DENY``, ``Cache-Control: no-store``; never
   any ``Access-Control-*`` header.
"""

from __future__ import annotations

import secrets
import time
from typing import Awaitable, Callable

from aiohttp import hdrs, web

from guard.dashboard import keys
from guard.dashboard.tokens import TokenBook

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def local_port(request: web.Request) -> int | None:
    """The port this connection arrived on (the server may have asked for port 0)."""
    transport = request.transport
    sockname = transport.get_extra_info("sockname") if transport is not None else None
    if isinstance(sockname, (tuple, list)) and len(sockname) >= 2:
        return int(sockname[1])
    return None


def allowed_hosts(port: int | None) -> frozenset[str]:
    if port is None:
        return frozenset()
    return frozenset({f"127.0.0.1:{port}", f"localhost:{port}"})


def is_websocket_upgrade(request: web.Request) -> bool:
    return request.headers.get(hdrs.UPGRADE, "").lower() == "websocket"


class Sessions:
    """Session ids handed out by this server instance (memory only: a restart logs out).

    A session ends after :attr:`IDLE_TTL` seconds without a request and at
    :attr:`MAX_AGE` at the latest (audit C8: they never expired, and every
    launcher ``is_alive()`` ping made one that lived as long as the server).
    Expired ones are pruned whenever a new one is made, and at most
    :attr:`MAX_SESSIONS` are kept (the oldest go first).
    """

    COOKIE_PREFIX = "lg_session_"
    IDLE_TTL = 8 * 3600.0
    MAX_AGE = 24 * 3600.0
    MAX_SESSIONS = 256

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._sessions: dict[str, tuple[float, float]] = {}  # sid -> (created, last used)

    def cookie_name(self, port: int | None) -> str:
        # Cookies ignore the port: two dashboards on 127.0.0.1 must not
        # overwrite each other's cookie.
        return f"{self.COOKIE_PREFIX}{port or 0}"

    def new(self) -> str:
        now = self._clock()
        self.prune(now)
        while len(self._sessions) >= self.MAX_SESSIONS:
            del self._sessions[next(iter(self._sessions))]  # dicts keep insertion order: the oldest
        sid = secrets.token_urlsafe(32)
        self._sessions[sid] = (now, now)
        return sid

    def valid(self, sid: str | None) -> bool:
        if not sid:
            return False
        times = self._sessions.get(sid)
        if times is None:
            return False
        now = self._clock()
        if self._expired(times, now):
            del self._sessions[sid]
            return False
        self._sessions[sid] = (times[0], now)
        return True

    def _expired(self, times: tuple[float, float], now: float) -> bool:
        created, used = times
        return now - used >= self.IDLE_TTL or now - created >= self.MAX_AGE

    def prune(self, now: float | None = None) -> int:
        """Forget expired sessions; how many went."""
        now = self._clock() if now is None else now
        gone = [sid for sid, times in self._sessions.items() if self._expired(times, now)]
        for sid in gone:
            del self._sessions[sid]
        return len(gone)

    def __len__(self) -> int:
        return len(self._sessions)


def same_origin(request: web.Request, *, allow_null: bool) -> bool:
    """``Origin`` is this server's own origin.

    One exception, because our own ``Referrer-Policy: no-referrer`` causes it:
    for a same-origin form POST the Fetch standard then serialises the origin
    as ``null`` ("append a request Origin header", step for ``no-referrer``),
    and Chromium does so. Such a request is accepted only when the browser
    itself vouches for it with ``Sec-Fetch-Site: same-origin`` — a forbidden
    header that no page script can set, and that a cross-site form (also
    ``Origin: null`` under its own no-referrer policy, or from a sandboxed
    frame) always carries as ``cross-site``. WebSocket upgrades always carry
    the real origin, so there ``null`` is never accepted.
    """
    origin = (request.headers.get(hdrs.ORIGIN) or "").lower()
    if origin in {f"http://{h}" for h in allowed_hosts(request[keys.PORT])}:
        return True
    return allow_null and origin == "null" and request.headers.get("Sec-Fetch-Site", "").lower() == "same-origin"


def _plain(status: int, text: str) -> web.Response:
    return web.Response(status=status, text=text + "\n", content_type="text/plain", charset="utf-8")


def make_middlewares(
    tokens: TokenBook,
    sessions: Sessions,
    on_activity: Callable[[], None],
    unauthorized_page: Callable[[web.Request], web.Response],
) -> list:
    @web.middleware
    async def host_check(request: web.Request, handler: Handler) -> web.StreamResponse:
        port = local_port(request)
        request[keys.PORT] = port
        if request.headers.get(hdrs.HOST, "").lower() not in allowed_hosts(port):
            return _plain(421, "421 Misdirected Request: use http://127.0.0.1:PORT/")
        return await handler(request)

    @web.middleware
    async def origin_check(request: web.Request, handler: Handler) -> web.StreamResponse:
        websocket = is_websocket_upgrade(request)
        if request.method in UNSAFE_METHODS or websocket:
            if not same_origin(request, allow_null=not websocket):
                return _plain(403, "403 Forbidden: cross-origin request refused")
        return await handler(request)

    @web.middleware
    async def authenticate(request: web.Request, handler: Handler) -> web.StreamResponse:
        # Only signed-in requests count as use: a hostile page firing requests
        # at 127.0.0.1 must not keep the dashboard from stopping when idle.
        cookie_name = sessions.cookie_name(request[keys.PORT])
        if sessions.valid(request.cookies.get(cookie_name)):
            on_activity()
            return await handler(request)

        query_token = request.query.get("token")
        bearer = None
        auth = request.headers.get(hdrs.AUTHORIZATION, "")
        if auth.lower().startswith("bearer "):
            bearer = auth[7:].strip()
        token = query_token or bearer
        if token is None or not tokens.redeem(token):
            if request.path.startswith("/api/") or request.path.startswith("/static/"):
                return _plain(401, "401 Unauthorized: open the dashboard through LinkedIn Guard")
            return unauthorized_page(request)

        on_activity()
        sid = sessions.new()
        if query_token and request.method in ("GET", "HEAD") and not is_websocket_upgrade(request):
            # Take the token out of the address bar (and history) at once.
            query = request.query.copy()
            query.popall("token", None)
            response: web.StreamResponse = continue_page(str(request.rel_url.with_query(query)))
        else:
            response = await handler(request)
        if not response.prepared:
            set_session_cookie(response, cookie_name, sid)
        return response

    return [host_check, origin_check, authenticate]


def continue_page(location: str) -> web.Response:
    """A page that navigates itself to ``location`` (meta refresh, no script).

    Not a 303: a tab the extension opens counts as opened from another site,
    and Firefox keeps that through HTTP redirects and even reloads, so the
    SameSite=Strict cookie would never be sent and the person would land on
    the 401 page. A navigation started by this page itself is same-site in
    every browser. ``location`` is our own path and query, escaped anyway.
    """
    from guard.dashboard.markup import escape

    target = escape(location)
    body = (
        '<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer">'
        f'<meta http-equiv="refresh" content="0; url={target}">'
        f'<title>LinkedIn Guard</title><p><a href="{target}">LinkedIn Guard</a></p>'
    )
    return web.Response(text=body, content_type="text/html", headers={"Refresh": f"0; url={location}"})


def set_session_cookie(response: web.StreamResponse, name: str, sid: str) -> None:
    response.set_cookie(name, sid, httponly=True, samesite="Strict", path="/")


# The 401 page cannot load /static (that needs a session too), so it carries
# one small inline stylesheet, allowed by its exact hash and nothing else.
UNAUTHORIZED_STYLE = (
    "body{font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2226;background:#f4f6f8;"
    "margin:0;padding:18vh 1.25rem}main{max-width:36rem;margin:0 auto;background:#fff;border:1px solid #dde3e9;"
    "border-radius:10px;padding:1.5rem 1.75rem;box-shadow:0 1px 3px rgba(16,24,40,.08)}"
    "h1{font-size:1.3rem;margin:0 0 .5rem}p{margin:0;color:#5e6b78}"
)


def csp_with_style(style: str) -> str:
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    return CSP.replace("style-src 'self'", f"style-src 'self' 'sha256-{digest}'")


UNAUTHORIZED_CSP = csp_with_style(UNAUTHORIZED_STYLE)


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """``on_response_prepare``: runs for every response, including errors and static files."""
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    if response.status == 401 and response.content_type == "text/html":
        response.headers["Content-Security-Policy"] = UNAUTHORIZED_CSP
    for name in list(response.headers):
        if name.lower().startswith("access-control-"):
            del response.headers[name]
