"""One-time login tokens and the running dashboard's state file (stdlib only).

Why this shape
--------------
A dashboard is started either by ``linkedin-guard ui`` (which prints its URL)
or by the native host when the popup asks for it (``open_dashboard``). When a
dashboard is already running, the host must hand the browser a *fresh*
one-time link without talking to the server first. So:

* Each server instance has a random 256-bit **launch secret**, written with
  its pid and port to ``<data dir>/dashboard.json``, readable only by the
  user (mode 0600, created with that mode — never chmod'ed afterwards).
* A **token** is ``nonce + expiry``, signed with HMAC-SHA256 under that
  secret. Whoever can read the state file (only the user — the same person
  who can read the log database next to it) can mint one; the server checks
  the signature and the expiry and remembers used nonces until they expire,
  so each token opens exactly one session.
* The secret itself never appears in a URL, a browser history or a log;
  only short-lived single-use tokens do. A token seen later (history, a
  screenshot) is worthless: it was used, or it expired.

The alternative — the server watching a 0600 file of pending tokens — needs
file polling and clean-up races between host and server; signing needs
neither, and the launcher stays a few lines of stdlib.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import struct
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guard import paths
from guard.files import atomic_write, private_dir

STATE_FILE_NAME = "dashboard.json"
TOKEN_PREFIX = "t1"
# Links the launcher mints are opened by the browser within a second or two.
LAUNCH_TOKEN_TTL = 120.0
# The link printed by `linkedin-guard ui --no-open` may be copied by hand later.
PRINTED_TOKEN_TTL = 24 * 3600.0

_NONCE_BYTES = 16


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def new_secret() -> str:
    return _b64(secrets.token_bytes(32))


def _sign(secret: str, payload: bytes) -> bytes:
    return hmac.new(secret.encode("ascii"), payload, hashlib.sha256).digest()[:20]


def mint(secret: str, ttl: float = LAUNCH_TOKEN_TTL, now: float | None = None) -> str:
    """A signed one-time token valid for ``ttl`` seconds."""
    expiry = int((time.time() if now is None else now) + ttl)
    payload = secrets.token_bytes(_NONCE_BYTES) + struct.pack(">Q", expiry)
    return f"{TOKEN_PREFIX}.{_b64(payload)}.{_b64(_sign(secret, payload))}"


class TokenBook:
    """Checks tokens for one server instance and makes each usable once."""

    def __init__(self, secret: str, clock=time.time):
        self.secret = secret
        self._clock = clock
        self._used: dict[bytes, int] = {}  # nonce -> expiry
        self._lock = threading.Lock()

    def mint(self, ttl: float = LAUNCH_TOKEN_TTL) -> str:
        return mint(self.secret, ttl, now=self._clock())

    def redeem(self, token: str | None) -> bool:
        """True once for a valid, unexpired token; False for anything else."""
        if not token or len(token) > 200:
            return False
        try:
            prefix, payload_b64, mac_b64 = token.split(".")
            payload, mac = _unb64(payload_b64), _unb64(mac_b64)
        except ValueError:  # wrong shape or bad base64 (binascii.Error is a ValueError)
            return False
        if prefix != TOKEN_PREFIX or len(payload) != _NONCE_BYTES + 8:
            return False
        if not hmac.compare_digest(mac, _sign(self.secret, payload)):
            return False
        nonce = payload[:_NONCE_BYTES]
        (expiry,) = struct.unpack(">Q", payload[_NONCE_BYTES:])
        now = self._clock()
        if expiry <= now:
            return False
        with self._lock:
            self._forget_expired(now)
            if nonce in self._used:
                return False
            self._used[nonce] = expiry
        return True

    def _forget_expired(self, now: float) -> None:
        for nonce in [n for n, exp in self._used.items() if exp <= now]:
            del self._used[nonce]


# --------------------------------------------------------------------------
# The state file of the running dashboard
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class DashboardState:
    pid: int
    port: int
    secret: str
    instance: str
    started_at: float

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def to_json(self) -> dict[str, Any]:
        return {
            "pid": self.pid,
            "port": self.port,
            "secret": self.secret,
            "instance": self.instance,
            "started_at": self.started_at,
        }


def state_path() -> Path:
    return paths.data_dir() / STATE_FILE_NAME


def write_state(state: DashboardState, path: Path | None = None) -> Path:
    """Write the state file atomically, readable by the user only (0600 from creation)."""
    path = path or state_path()
    private_dir(path.parent)
    atomic_write(path, json.dumps(state.to_json()), mode=0o600)
    return path


def read_state(path: Path | None = None) -> DashboardState | None:
    path = path or state_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return DashboardState(
            pid=int(data["pid"]),
            port=int(data["port"]),
            secret=str(data["secret"]),
            instance=str(data["instance"]),
            started_at=float(data["started_at"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remove_state(instance: str, path: Path | None = None) -> None:
    """Remove the state file if it still describes ``instance`` (a newer server may own it)."""
    path = path or state_path()
    current = read_state(path)
    if current is not None and current.instance == instance:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
