"""One test (or more) per security point of the dashboard (issue 5, point 4)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import socket
import time
from html.parser import HTMLParser

import aiohttp
import pytest

from guard import settings_store
from guard.dashboard.keys import SESSIONS, TOKENS
from guard.dashboard.security import CSP, UNAUTHORIZED_STYLE
from guard.dashboard.tokens import TokenBook, mint
from guard.models import Settings
from tests.dashboard.conftest import MARKUP, same_origin

# --------------------------------------------------------------------------
# Bound to loopback only
# --------------------------------------------------------------------------


def _non_loopback_address() -> str | None:
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # UDP connect sends nothing; it picks the outgoing interface
        address = probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith("127.") else address


async def test_server_listens_on_127_0_0_1_only(guard_home):
    from guard.dashboard import server

    urls: list[str] = []
    task = asyncio.create_task(server.serve(0, idle_timeout=None, on_url=urls.append))
    try:
        for _ in range(200):
            if urls:
                break
            await asyncio.sleep(0.01)
        assert urls and urls[0].startswith("http://127.0.0.1:")
        port = int(urls[0].split(":")[2].split("/")[0])
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            pass
        other = _non_loopback_address()
        if other is not None:
            with pytest.raises(OSError):
                socket.create_connection((other, port), timeout=1).close()
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


# --------------------------------------------------------------------------
# Host header (DNS rebinding) -> 421
# --------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["evil.example:{port}", "evil.example", "127.0.0.1:1", "localhost", "127.0.0.1",
                                  "[::1]:{port}", "127.0.0.1.nip.io:{port}", ""])
async def test_wrong_host_header_is_421(client, host):
    resp = await client.get("/", headers={"Host": host.format(port=client.port)})
    assert resp.status == 421
    # Even a valid session does not help, and nothing of the page leaks.
    assert "Warning log" not in await resp.text()


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}"])
async def test_loopback_host_headers_are_accepted(client, host):
    resp = await client.get("/", headers={"Host": host.format(port=client.port)})
    assert resp.status == 200


async def test_wrong_host_is_checked_before_authentication(anon):
    token = anon.app[TOKENS].mint()
    resp = await anon.get(f"/?token={token}", headers={"Host": "evil.example"}, allow_redirects=False)
    assert resp.status == 421
    # The token was not spent on a refused request.
    resp = await anon.get(f"/?token={token}", allow_redirects=False)
    assert resp.status == 200 and "Set-Cookie" in resp.headers


# --------------------------------------------------------------------------
# Authentication: cookie or one-time token, else 401
# --------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/log/1", "/settings", "/rules", "/chart", "/api/log", "/api/settings",
                                  "/api/rules", "/api/ping", "/static/app.js", "/static/app.css", "/log/export.csv",
                                  "/does-not-exist"])
async def test_no_session_is_401(anon, seed, path):
    seed.add(subject="Mark Visser 4711", excerpt="secret pitch 4711")
    resp = await anon.get(path, allow_redirects=False)
    assert resp.status == 401
    text = await resp.text()
    assert "LinkedIn Guard" in text
    assert "4711" not in text


async def test_unauthenticated_websocket_is_401(anon):
    with pytest.raises(aiohttp.WSServerHandshakeError) as err:
        await anon.ws_connect("/api/live", headers=same_origin(anon))
    assert err.value.status == 401


async def test_token_is_exchanged_for_a_strict_httponly_cookie_by_a_same_site_step(anon):
    token = anon.app[TOKENS].mint()
    resp = await anon.get(f"/settings?token={token}&x=1", allow_redirects=False)
    # Not an HTTP redirect: a tab the extension opens is cross-site, and
    # Firefox keeps that through redirects, so the Strict cookie would never
    # be sent. The page moves on by itself, the token left out.
    assert resp.status == 200 and "Location" not in resp.headers
    assert resp.headers["Refresh"] == "0; url=/settings?x=1"
    body = await resp.text()
    assert 'http-equiv="refresh" content="0; url=/settings?x=1"' in body
    assert token not in body and "<script" not in body
    cookie_header = resp.headers["Set-Cookie"]
    assert cookie_header.startswith(f"lg_session_{anon.port}=")
    lowered = cookie_header.lower()
    assert "httponly" in lowered
    assert "samesite=strict" in lowered
    assert "path=/" in lowered
    assert "max-age" not in lowered and "expires" not in lowered  # a session cookie
    resp = await anon.get("/settings?x=1")
    assert resp.status == 200


async def test_token_works_once(anon):
    token = anon.app[TOKENS].mint()
    first = await anon.get(f"/?token={token}", allow_redirects=False)
    assert first.status == 200 and "Set-Cookie" in first.headers
    anon.session.cookie_jar.clear()
    second = await anon.get(f"/?token={token}", allow_redirects=False)
    assert second.status == 401


async def test_expired_forged_and_garbled_tokens_are_401(anon):
    book: TokenBook = anon.app[TOKENS]
    expired = mint(book.secret, ttl=-1)
    forged = mint("another-secret-entirely", ttl=60)
    valid = book.mint()
    tampered = valid[:-2] + ("AA" if not valid.endswith("AA") else "BB")
    for token in (expired, forged, tampered, "t1..", "x" * 500, "t1.%%%.%%%", ""):
        resp = await anon.get("/", params={"token": token}, allow_redirects=False)
        assert resp.status == 401, token


async def test_bearer_token_authorises_a_script_request(anon):
    token = anon.app[TOKENS].mint()
    resp = await anon.get("/api/ping", headers={"Authorization": f"Bearer {token}"})
    assert resp.status == 200
    assert (await resp.json())["instance"]


async def test_unknown_session_cookie_is_401(anon):
    anon.session.cookie_jar.update_cookies({f"lg_session_{anon.port}": "made-up"})
    resp = await anon.get("/", allow_redirects=False)
    assert resp.status == 401
    assert len(anon.app[SESSIONS]) == 0


async def test_cookie_of_another_dashboard_port_does_not_count(client):
    # Cookies ignore ports; each dashboard names its cookie after its own port.
    sid = next(iter(client.app[SESSIONS]._sessions))
    client.session.cookie_jar.clear()
    client.session.cookie_jar.update_cookies({"lg_session_1": sid})
    resp = await client.get("/", allow_redirects=False)
    assert resp.status == 401


# --------------------------------------------------------------------------
# Origin: unsafe methods and WebSocket upgrades need this very origin, else 403
# --------------------------------------------------------------------------

UNSAFE = [
    ("POST", "/log/clear", {"data": {"confirmed": "1"}}),
    ("POST", "/log/delete", {"data": {"id": "1", "confirmed": "1"}}),
    ("POST", "/settings", {"data": {"language": "nl"}}),
    ("PUT", "/api/settings", {"json": {"language": "nl"}}),
    ("DELETE", "/api/log", {"json": {"all": True}}),
]


@pytest.mark.parametrize("method,path,body", UNSAFE)
@pytest.mark.parametrize("bad_origin", [None, "http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1:{port}",
                                        "http://localhost.evil.example:{port}"])
async def test_unsafe_method_without_same_origin_is_403(client, seed, method, path, body, bad_origin):
    seed.add()
    before = settings_store.load().settings
    headers = {} if bad_origin is None else {"Origin": bad_origin.format(port=client.port)}
    resp = await client.request(method, path, headers=headers, allow_redirects=False, **body)
    assert resp.status == 403
    # Nothing happened.
    assert (await (await client.get("/api/log")).json())["total"] == 1
    assert settings_store.load().settings == before


@pytest.mark.parametrize("good", ["http://127.0.0.1:{port}", "http://localhost:{port}"])
async def test_unsafe_method_with_same_origin_goes_through(client, seed, good):
    seed.add()
    resp = await client.post("/log/clear", data={"confirmed": "1"}, headers={"Origin": good.format(port=client.port)},
                             allow_redirects=False)
    assert resp.status == 303
    assert (await (await client.get("/api/log")).json())["total"] == 0


async def test_null_origin_passes_only_when_the_browser_says_same_origin(client, seed):
    """Our no-referrer policy makes Chromium send ``Origin: null`` on our own form posts."""
    seed.add()
    for fetch_site in ("cross-site", "same-site", "none", None):
        headers = {"Origin": "null"} | ({"Sec-Fetch-Site": fetch_site} if fetch_site else {})
        resp = await client.post("/log/clear", data={"confirmed": "1"}, headers=headers, allow_redirects=False)
        assert resp.status == 403, fetch_site
    # A real cross-site origin is refused whatever else the request claims.
    resp = await client.post("/log/clear", data={"confirmed": "1"}, allow_redirects=False,
                             headers={"Origin": "http://evil.example", "Sec-Fetch-Site": "same-origin"})
    assert resp.status == 403
    assert (await (await client.get("/api/log")).json())["total"] == 1
    resp = await client.post("/log/clear", data={"confirmed": "1"}, allow_redirects=False,
                             headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert resp.status == 303
    assert (await (await client.get("/api/log")).json())["total"] == 0


async def test_null_origin_never_opens_a_websocket(client):
    with pytest.raises(aiohttp.WSServerHandshakeError) as err:
        await client.ws_connect("/api/live", headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert err.value.status == 403


@pytest.mark.parametrize("bad_origin", [None, "http://evil.example", "null"])
async def test_websocket_without_same_origin_is_403(client, bad_origin):
    headers = {} if bad_origin is None else {"Origin": bad_origin}
    with pytest.raises(aiohttp.WSServerHandshakeError) as err:
        await client.ws_connect("/api/live", headers=headers)
    assert err.value.status == 403


async def test_websocket_with_same_origin_connects(client):
    ws = await client.ws_connect("/api/live", headers=same_origin(client))
    hello = await ws.receive_json(timeout=2)
    assert hello["type"] == "hello"
    await ws.close()


# --------------------------------------------------------------------------
# No CORS, strict headers on every response
# --------------------------------------------------------------------------


async def test_no_cors_headers_even_when_asked(client):
    for method in ("GET", "OPTIONS"):
        resp = await client.request(
            method,
            "/api/log",
            headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "GET"},
        )
        assert not [h for h in resp.headers if h.lower().startswith("access-control-")]
    resp = await client.get("/api/log", headers={"Origin": "http://evil.example"})
    assert resp.status == 200  # readable only by same-origin pages: the browser blocks the rest


@pytest.mark.parametrize("path,who", [("/", "client"), ("/static/app.css", "client"), ("/api/log", "client"),
                                      ("/nope", "client"), ("/", "anon"), ("/api/log", "anon")])
async def test_security_headers_on_every_response(client, anon, path, who):
    c = client if who == "client" else anon
    resp = await c.get(path, allow_redirects=False)
    if resp.status == 401 and resp.content_type == "text/html":
        # The 401 page: the same policy plus its one inline stylesheet, allowed by hash.
        got = directives(resp.headers["Content-Security-Policy"])
        want = directives(CSP)
        digest = base64.b64encode(hashlib.sha256(UNAUTHORIZED_STYLE.encode()).digest()).decode()
        assert got.pop("style-src") == f"'self' 'sha256-{digest}'"
        want.pop("style-src")
        assert got == want
        assert f"<style>{UNAUTHORIZED_STYLE}</style>" in await resp.text()
    else:
        assert resp.headers["Content-Security-Policy"] == CSP
    assert "default-src 'self'" in CSP and "frame-ancestors 'none'" in CSP
    assert "'unsafe-inline'" not in CSP and "'unsafe-eval'" not in CSP
    assert resp.headers["Referrer-Policy"] == "no-referrer"
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["X-Frame-Options"] == "DENY"


def directives(csp: str) -> dict[str, str]:
    return {d.split(" ", 1)[0]: d.split(" ", 1)[1] for d in (p.strip() for p in csp.split(";")) if d}


async def test_security_headers_on_421_and_403(client):
    resp = await client.get("/", headers={"Host": "evil.example"})
    assert resp.status == 421 and resp.headers["Content-Security-Policy"] == CSP
    resp = await client.post("/log/clear", headers={"Origin": "http://evil.example"})
    assert resp.status == 403 and resp.headers["Content-Security-Policy"] == CSP


class _Tags(HTMLParser):
    """Every start tag with its attributes, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse_tags(text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(text)
    return parser.tags


async def test_pages_have_no_inline_script_or_style(client, seed):
    seed.add(excerpt=MARKUP, subject=MARKUP)
    for path in ("/", "/log/1", "/settings", "/rules", "/chart"):
        tags = parse_tags(await (await client.get(path)).text())
        scripts = [attrs for tag, attrs in tags if tag == "script"]
        assert scripts == [{"src": "/static/app.js", "defer": None}], path
        assert not [tag for tag, _ in tags if tag == "style"], path
        for tag, attrs in tags:
            assert "style" not in attrs, (path, tag)
            assert not [a for a in attrs if a.startswith("on")], (path, tag, attrs)
        # Only our own elements: none of the markup from the log became a tag.
        assert not [a for t, a in tags if t == "img"], path
        assert not [a for t, a in tags if t == "b"], path


# --------------------------------------------------------------------------
# Every piece of text escaped
# --------------------------------------------------------------------------


async def test_markup_in_log_entries_is_escaped_everywhere(client, seed):
    entry_id = seed.add(excerpt=MARKUP, subject=MARKUP, url='javascript:alert(1)//"><script>x</script>')
    for path in ("/", f"/log/{entry_id}", "/?q=<script>", f"/?q={MARKUP[:60]}"):
        resp = await client.get(path)
        text = await resp.text()
        assert resp.status == 200
        assert "<script>window.__pwned" not in text
        assert "<img src=x" not in text
        assert "<b>bold</b>" not in text
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in text or "&lt;script&gt;" in text
    detail = await (await client.get(f"/log/{entry_id}")).text()
    assert 'href="javascript:' not in detail  # not a link at all


async def test_markup_in_settings_values_is_escaped(client):
    settings_store.save(Settings.model_validate({"employer": {"name": MARKUP, "title_aliases": ["</textarea><script>x</script>"]},
                                                 "clients": [{"name": '"><img src=x onerror=alert(1)>'}]}))
    text = await (await client.get("/settings")).text()
    assert "<script>window.__pwned" not in text
    assert "</textarea><script>" not in text
    assert '"><img src=x' not in text
    assert "&lt;/textarea&gt;&lt;script&gt;" in text


async def test_markup_in_filter_values_is_escaped(client):
    resp = await client.get("/", params={"q": '"><script>alert(1)</script>'})
    text = await resp.text()
    assert '"><script>alert(1)' not in text
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in text


async def test_session_expires_never_on_its_own_but_dies_with_the_server(aiohttp_client, config):
    # Sessions live in memory: a new server instance knows none of them.
    from guard.dashboard.app import create_app

    first = await aiohttp_client(create_app(config))
    await first.get(f"/?token={first.app[TOKENS].mint()}", allow_redirects=False)
    sid = next(iter(first.app[SESSIONS]._sessions))
    second = await aiohttp_client(create_app(config))
    second.session.cookie_jar.update_cookies({f"lg_session_{second.port}": sid})
    assert (await second.get("/", allow_redirects=False)).status == 401


def test_tokens_expire_by_the_clock():
    now = [1000.0]
    book = TokenBook("s" * 43, clock=lambda: now[0])
    token = book.mint(ttl=10)
    now[0] += 11
    assert not book.redeem(token)
    fresh = book.mint(ttl=10)
    assert book.redeem(fresh)
    assert not book.redeem(fresh)
    assert time.time() > 0
