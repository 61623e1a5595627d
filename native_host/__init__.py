"""The native messaging host: the browser extension's line to the guard.

Kept light on purpose: ``import native_host`` must not pull in pydantic,
sqlite or the rules, because the browser starts a fresh host process for every
native port and the first ``hello`` reply is on the clock (see
``benchmarks/host_bench.py``).
"""

from __future__ import annotations

#: The name in the host manifest and in ``chrome.runtime.connectNative(...)``.
#: Lowercase, dots and underscores only: Chromium and Firefox both accept it
#: (Firefox requires ``^\w+(\.\w+)*$``), and it must equal the manifest's file name.
HOST_NAME = "com.linkedin_guard.host"

PROTOCOL_VERSION = 1

#: Host to browser: Chrome and Firefox refuse anything larger (1 MiB).
MAX_OUTGOING = 1024 * 1024

#: Browser to host: Chrome sends at most 64 MiB. Anything claiming more is not
#: a frame from a browser; the stream is out of step and cannot continue.
ABSURD_INCOMING = 64 * 1024 * 1024

#: Default inbound limit (configurable): far above any real page context
#: (texts are capped at 100,000 characters) and far below what would hurt.
DEFAULT_MAX_INCOMING = 8 * 1024 * 1024


def host_version() -> str:
    from guard import __version__

    return __version__
