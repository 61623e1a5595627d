"""Shared helpers for host tests: frames, an in-process session, a spawned host."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

ACME = {
    "employer": {"name": "Acme Data B.V.", "official_title": "Account manager New Business",
                 "social_media_policy": True},
}


def frame(obj: Any) -> bytes:
    data = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return struct.pack("@I", len(data)) + data


def split_frames(data: bytes) -> list[dict]:
    """Every frame in ``data``; fails if anything else is there."""
    out = []
    while data:
        assert len(data) >= 4, f"trailing bytes that are not a frame: {data!r}"
        (n,) = struct.unpack("@I", data[:4])
        assert len(data) >= 4 + n, "truncated frame on stdout"
        out.append(json.loads(data[4 : 4 + n].decode("utf-8")))
        data = data[4 + n :]
    return out


def post(text: str, *, session: str | None = "tab-1/nav-1", trigger: str = "input", **extra) -> dict:
    ctx = {"kind": "post", "url": "https://www.linkedin.com/feed/", "trigger": trigger, "text": text,
           "mentions": [], "media": [], **extra}
    if session is not None:
        ctx["page_session"] = session
    return ctx


@pytest.fixture
def session(guard_home):  # guard_home: tests/conftest.py (every test gets its own)
    from native_host.dispatch import Session

    # settings_check_interval=0: evaluate looks at the settings file every time,
    # so a test can write the file and evaluate at once. The production
    # interval has its own tests (test_dispatch.py, "settings check").
    s = Session(settings_path=guard_home / "settings.json", log_path=guard_home / "warnings.sqlite3",
                settings_check_interval=0)
    yield s
    s.close()


def ask(session, request: Any) -> list[dict]:
    """The messages answering ``request``, as the browser receives them (encoded, then parsed)."""
    from native_host.dispatch import encode

    raw = request if isinstance(request, bytes) else json.dumps(request).encode()
    return [json.loads(encode(m)) for m in session.handle(raw)]


def host_env(guard_home: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "LINKEDIN_GUARD_HOME": str(guard_home), **extra}
    env.pop("PYTHONPATH", None)
    return env


def run_host(stdin: bytes, guard_home: Path, *args: str, timeout: float = 20) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "native_host", *args], input=stdin, capture_output=True,
                          env=host_env(guard_home), timeout=timeout, cwd=str(guard_home))
