"""The host process: read frames on stdin, answer on stdout, until the browser lets go.

Hygiene first, because a single stray byte on stdout breaks the port for good
("Error when communicating with the native messaging host";
browserpass/browserpass-legacy#29 shows a print parsed as a 1.8 GB length):

* At startup the real stdin/stdout are duplicated to private descriptors for
  the frames; fd 1 is then pointed at stderr and fd 0 at the null device, and
  ``sys.stdout`` becomes ``sys.stderr``. A stray ``print``, a C library
  writing to fd 1, or a child process (the dashboard) inheriting fd 1 can no
  longer corrupt the stream, and no child can steal frames from stdin.
* Logs go to ``host.log`` in the data dir (rotating, small) and, from
  WARNING up, to stderr (Chrome shows it when started from a terminal,
  Firefox in the browser console). Never message text: request types, ids,
  timings and error codes only.
* EOF between frames is the browser closing the port: exit 0. SIGTERM (what
  Firefox sends on disconnect) finishes the request in hand, then exits 0.
  A stream that cannot continue (truncated frame, absurd length) is logged
  and ends the process within a second, exit 1, no traceback on stdout.

The caller is logged: Chromium passes ``chrome-extension://<id>/`` (plus
``--parent-window=N`` on Windows), Firefox the manifest path and the add-on
ID. The browser has already enforced ``allowed_origins``/``allowed_extensions``
before starting us, so a mismatch with what ``install`` registered is
logged as a warning (a stale install, a second copy of the extension), not
refused.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from pathlib import Path

TYPE_CHECKING = False  # not typing's: the native host answers hello without importing typing
if TYPE_CHECKING:
    from typing import Any, BinaryIO

from native_host import DEFAULT_MAX_INCOMING, HOST_NAME, MAX_OUTGOING
from native_host.dispatch import Session, encode
from native_host.framing import EndOfStream, FrameTooLarge, FramingError, encode_frame, read_frame

log = logging.getLogger("native_host")

LOG_MAX_BYTES = 256 * 1024


class _Stop(BaseException):
    """Raised by the signal handler while the loop waits for the next frame."""


def take_stdio() -> tuple[BinaryIO, BinaryIO]:
    """Private binary streams for the frames; fd 0 -> null device, fd 1 -> stderr."""
    in_fd = os.dup(0)
    out_fd = os.dup(1)
    if os.name == "nt":  # pragma: no cover - Windows only
        import msvcrt

        msvcrt.setmode(in_fd, os.O_BINARY)
        msvcrt.setmode(out_fd, os.O_BINARY)
    try:
        os.dup2(2, 1)
    except OSError:  # no stderr at all: send stray output nowhere
        null_out = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null_out, 1)
        os.close(null_out)
    null_in = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null_in, 0)
    os.close(null_in)
    sys.stdout = sys.stderr
    return os.fdopen(in_fd, "rb", buffering=64 * 1024), os.fdopen(out_fd, "wb")


class QuietFileHandler(logging.Handler):
    """Mixin behaviour for the host's log file: private, and silent when the disk fails.

    The file is created 0600 (and an older 0644 one tightened): it holds
    timestamps of LinkedIn use and the caller's ID (audit B19). A disk that
    turns read-only or full must not print logging's "--- Logging error ---"
    traceback on every request (audit B16): the first failure is said once,
    in one line, on stderr, and the file is given up for this process.
    """

    failed = False

    def _open(self):  # FileHandler's hook for opening (and reopening after rotation)
        from guard.files import open_private

        return open_private(Path(self.baseFilename), "a", encoding=self.encoding, errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        if not self.failed:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        if self.failed:
            return
        self.failed = True
        error = sys.exc_info()[1]
        reason = getattr(error, "strerror", None) or type(error).__name__
        try:
            sys.stderr.write(f"{HOST_NAME}: WARNING cannot write the host log ({reason}); continuing without it\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass


class HostLogHandler(QuietFileHandler, logging.FileHandler):
    """The host log: appended to, and moved to ``host.log.1`` (replacing the one there) when the next
    record would take it to ``max_bytes``.

    What ``logging.handlers.RotatingFileHandler`` does with one backup, without
    importing ``logging.handlers``: it brings ``socket``, ``pickle`` and
    ``queue``, milliseconds of every start while the browser waits for ``hello``.
    """

    def __init__(self, path: Path, max_bytes: int):
        super().__init__(path, mode="a", encoding="utf-8", delay=False)
        self.max_bytes = max_bytes

    def emit(self, record: logging.LogRecord) -> None:
        if self.failed:
            return
        try:
            if self._full(record):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        logging.FileHandler.emit(self, record)

    def _full(self, record: logging.LogRecord) -> bool:
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False  # not a file (/dev/null): nothing to rotate
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, 2)
        return self.stream.tell() + len(self.format(record) + self.terminator) >= self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        backup = self.baseFilename + ".1"
        if os.path.exists(backup):
            os.remove(backup)
        if os.path.exists(self.baseFilename):
            os.rename(self.baseFilename, backup)
        self.stream = self._open()


def setup_logging() -> None:
    logger = logging.getLogger("native_host")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    fmt = logging.Formatter("%(asctime)s pid=%(process)d %(levelname)s %(message)s")
    err = logging.StreamHandler(sys.stderr)
    err.setLevel(logging.WARNING)
    err.setFormatter(logging.Formatter(f"{HOST_NAME}: %(levelname)s %(message)s"))
    logger.addHandler(err)
    try:
        from guard.files import private_dir
        from guard.paths import host_log_path

        path = host_log_path()
        private_dir(path.parent)
        # Opened now, not on the first record: a read-only disk is found here, said once.
        handler = HostLogHandler(path, LOG_MAX_BYTES)
        handler.setFormatter(fmt)
        logger.addHandler(handler)
    except OSError as error:
        logger.warning("cannot write the host log (%s); continuing without it", error.strerror or error)
    # The warning log module logs under "guard.*"; keep its errors in our file.
    logging.getLogger("guard").handlers = logger.handlers
    logging.getLogger("guard").setLevel(logging.INFO)


def parse_args(args: list[str]) -> tuple[dict[str, Any], str]:
    """Our own options and a description of the caller, from the browser's arguments."""
    options: dict[str, Any] = {"max_incoming": DEFAULT_MAX_INCOMING}
    env_limit = os.environ.get("LINKEDIN_GUARD_MAX_INCOMING")
    if env_limit and env_limit.isdigit():
        options["max_incoming"] = int(env_limit)
    caller = "unknown caller"
    positional = []
    for arg in args:
        if arg.startswith("--max-incoming="):
            value = arg.split("=", 1)[1]
            if value.isdigit():
                options["max_incoming"] = int(value)
        elif arg.startswith("--parent-window="):
            pass  # Chrome on Windows: the window handle, 0 from a service worker
        else:
            positional.append(arg)
    if positional and positional[0].startswith("chrome-extension://"):
        caller = positional[0]
        options["origin"] = positional[0]
    elif len(positional) >= 2:
        # Firefox: <path of the host manifest> <add-on id>
        caller = f"firefox add-on {positional[1]} via {positional[0]}"
        options["firefox_manifest"] = positional[0]
        options["addon_id"] = positional[1]
    elif positional:
        caller = f"unrecognised arguments {positional!r}"
    return options, caller


def check_caller(options: dict[str, Any]) -> None:
    """Compare the caller with what ``install`` registered; log a mismatch."""
    try:
        from native_host.record import expected_callers

        expected = expected_callers(options.get("firefox_manifest"))
    except Exception as err:  # never stop serving over a diagnostic
        log.info("caller not checked: %s", type(err).__name__)
        return
    origin = options.get("origin")
    addon = options.get("addon_id")
    if origin and expected.get("origins") and origin not in expected["origins"]:
        log.warning("started by %s, but install registered %s (stale install?)", origin, ", ".join(expected["origins"]))
    if addon and expected.get("addons") and addon not in expected["addons"]:
        log.warning("started by add-on %s, but the manifest allows %s", addon, ", ".join(expected["addons"]))


class Sender:
    """Writes whole frames, one at a time (the warm-up thread may send too)."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.lock = threading.Lock()

    def send(self, message: dict[str, Any]) -> None:
        payload = encode(message)
        if len(payload) > MAX_OUTGOING:
            # Handlers paginate; this is the last line of defence: the browser
            # would drop the port on an oversized frame.
            log.error("reply to %r would be %d bytes; sent too_large instead", message.get("id"), len(payload))
            payload = encode({"id": message.get("id"), "ok": False, "error": {
                "code": "too_large", "message": f"the reply would be {len(payload)} bytes, above 1 MiB"}})
        frame = encode_frame(payload)
        with self.lock:
            self.stream.write(frame)
            self.stream.flush()


def serve(frames_in: BinaryIO, frames_out: BinaryIO, session: Any, *, max_incoming: int = DEFAULT_MAX_INCOMING,
          on_first_reply: Any = None, state: dict[str, Any] | None = None) -> int:
    """The request loop; the exit code."""
    sender = Sender(frames_out)
    send = sender.send
    state = state if state is not None else {}
    state.setdefault("busy", False)
    first = True
    timed = log.isEnabledFor(logging.DEBUG)  # per-request timings only when someone reads them
    while True:
        try:
            state["busy"] = False
            if state.get("stop"):
                log.info("stopping on %s", state["stop"])
                return 0
            try:
                raw = read_frame(frames_in, max_incoming)
            finally:
                state["busy"] = True
        except _Stop:
            log.info("stopping on %s", state.get("stop"))
            return 0
        except EndOfStream:
            log.info("the browser closed the port; exiting")
            return 0
        except FrameTooLarge as err:
            log.warning("%s; dropped it", err)
            try:
                sender.send({"id": None, "ok": False, "error": {"code": "too_large", "message": str(err)}})
            except (BrokenPipeError, OSError):
                return 0
            continue
        except FramingError as err:
            log.error("cannot continue: %s", err)
            return 1
        if timed:
            started = time.perf_counter()
        messages = session.handle(raw)
        reply = messages[0]
        if timed:
            log.debug("%s %s in %.2f ms", reply.get("id"), "ok" if reply.get("ok") else reply["error"]["code"],
                      (time.perf_counter() - started) * 1000)
        if not reply["ok"]:
            log.info("request %r answered with error %s", reply.get("id"), reply["error"]["code"])
        try:
            for message in messages:
                send(message)
        except (BrokenPipeError, OSError):
            log.info("the browser went away while we answered; exiting")
            return 0
        if first:
            first = False
            if on_first_reply is not None:
                on_first_reply(sender)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    frames_in, frames_out = take_stdio()
    setup_logging()
    options, caller = parse_args(args)
    log.info("started by %s (pid %d, python %s)", caller, os.getpid(), sys.version.split()[0])

    # The organisation's layer only from a browser-started host: Chromium passes the
    # extension's origin, Firefox the manifest path and add-on ID.
    session = Session(caller=caller, managed_relay="origin" in options or "addon_id" in options)
    state: dict[str, Any] = {"busy": False, "stop": None}

    def on_signal(signum: int, frame: Any) -> None:
        state["stop"] = signal.Signals(signum).name
        if not state["busy"]:
            raise _Stop()

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), on_signal)

    def warm(sender: Sender) -> None:
        try:
            session.warm_up()
            for event in session.after_warm_up_events():
                sender.send(event)
        except Exception as err:
            log.error("warm-up failed: %s", type(err).__name__)

    def after_first_reply(sender: Sender) -> None:
        check_caller(options)  # a small JSON read; logged before anything else can end the process
        # After the first reply, so hello is not slowed by imports competing
        # for the interpreter lock; the first evaluate waits for it if needed.
        threading.Thread(target=warm, args=(sender,), name="warm-up", daemon=True).start()

    try:
        return serve(frames_in, frames_out, session, max_incoming=options["max_incoming"],
                     on_first_reply=after_first_reply, state=state)
    except KeyboardInterrupt:
        log.info("interrupted")
        return 0
    finally:
        state["busy"] = True  # no _Stop from here on
        try:
            session.close()
        except Exception:
            pass


def entry() -> int:
    """The ``linkedin-guard-host`` console script (on Windows the ``.exe`` the host manifest points at).

    Reads the launch defaults ``install`` wrote beside the launcher (what the
    POSIX shell launcher exports), then serves like ``python -m native_host``.
    """
    from native_host.launcher import apply_launch_defaults

    apply_launch_defaults(sys.argv[0], os.environ)
    return main()
