"""www.linkedin.com for Firefox, on loopback: an HTTPS server and a proxy that reaches nothing else.

Firefox has no ``--host-resolver-rules``. The test profile points
``network.proxy.*`` at :class:`Proxy`, which tunnels ``CONNECT
www.linkedin.com:443`` to :class:`FixtureServer` (HTTPS, a certificate for
www.linkedin.com made at session start; the BiDi session accepts it with
``acceptInsecureCerts``) and refuses every other host and every plain HTTP
request, so nothing leaves the machine. 127.0.0.1 (the dashboard) is never
proxied by Firefox and stays reachable.

The server answers from the same :class:`~tests.browser.conftest.Site` the
Chromium harness routes with ``context.route``, so a fixture page is the same
bytes in both browsers.
"""

from __future__ import annotations

import select
import socket
import socketserver
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

HOST = "www.linkedin.com"

#: (path) -> (status, content type, body)
Responder = Callable[[str], "tuple[int, str, bytes]"]


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for www.linkedin.com (openssl, as CI installs it)."""
    cert, key = folder / "linkedin.crt", folder / "linkedin.key"
    if not cert.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", f"/CN={HOST}",
             "-addext", f"subjectAltName=DNS:{HOST}"],
            check=True, capture_output=True, timeout=60,
        )
    return cert, key


class _Handler(BaseHTTPRequestHandler):
    server: "FixtureServer"

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        status, content_type, body = self.server.respond(urlsplit(self.path).path)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        pass


class FixtureServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, respond: Responder, cert: Path, key: Path):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.respond = respond
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        self.socket = ctx.wrap_socket(self.socket, server_side=True, do_handshake_on_connect=False)

    @property
    def port(self) -> int:
        return self.server_address[1]


class _ProxyHandler(socketserver.BaseRequestHandler):
    server: "Proxy"

    def handle(self) -> None:
        sock: socket.socket = self.request
        head = b""
        while b"\r\n\r\n" not in head and len(head) < 65536:
            chunk = sock.recv(4096)
            if not chunk:
                return
            head += chunk
        parts = head.split(b"\r\n", 1)[0].split()
        if len(parts) < 2 or parts[0] != b"CONNECT" or parts[1].decode(errors="replace") != f"{HOST}:443":
            # Every other host, and plain http://: refused, nothing leaves the machine.
            sock.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        upstream = socket.create_connection(("127.0.0.1", self.server.target_port))
        sock.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        pair = {sock: upstream, upstream: sock}
        try:
            while True:
                ready, _, _ = select.select(list(pair), [], [], 60)
                if not ready:
                    return
                for s in ready:
                    data = s.recv(65536)
                    if not data:
                        return
                    pair[s].sendall(data)
        except OSError:
            return
        finally:
            upstream.close()


class Proxy(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, target_port: int):
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.target_port = target_port

    @property
    def port(self) -> int:
        return self.server_address[1]


class FakeLinkedIn:
    """The HTTPS server and its proxy, each in a thread; ``prefs`` for the Firefox profile."""

    def __init__(self, respond: Responder, cert_dir: Path):
        cert, key = make_certificate(cert_dir)
        self.server = FixtureServer(respond, cert, key)
        self.proxy = Proxy(self.server.port)
        for srv in (self.server, self.proxy):
            threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()

    @property
    def prefs(self) -> dict[str, object]:
        p = self.proxy.port
        return {
            "network.proxy.type": 1,
            "network.proxy.http": "127.0.0.1", "network.proxy.http_port": p,
            "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": p,
            "network.proxy.share_proxy_settings": False,
            "network.proxy.no_proxies_on": "",
            "network.proxy.allow_hijacking_localhost": False,
            "network.trr.mode": 5,  # no DNS over HTTPS
            "network.dns.disablePrefetch": True,
            "network.prefetch-next": False,
            "network.http.speculative-parallel-limit": 0,
        }

    def close(self) -> None:
        for srv in (self.proxy, self.server):
            srv.shutdown()
            srv.server_close()
