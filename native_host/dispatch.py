"""From one request frame to the frames that answer it.

:class:`Session` holds one host process's state: the engine (one per process,
because rate rules remember), the settings in force and the file they came
from, and the warning log. ``handle(raw)`` never raises: whatever the bytes,
the answer is a list of messages to send (a reply, sometimes followed by a
``settings_changed`` event).

Startup is on the clock: the browser starts a new host per native port and
waits for ``hello``. So ``hello`` is answered without pydantic, the rules or
SQLite (a directory listing and a JSON read); the heavy parts load in
:meth:`Session.warm_up`, which the host runs in a background thread right
after the first reply, and which every other request waits for.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from pathlib import Path
from collections.abc import Mapping

TYPE_CHECKING = False  # not typing's: the native host answers hello without importing typing
if TYPE_CHECKING:
    from typing import Any, Callable

from native_host import MAX_OUTGOING, PROTOCOL_VERSION, host_version
from native_host.errors import HostError, invalid

log = logging.getLogger("native_host")

RETENTION_EVERY_S = 24 * 3600
#: ``evaluate`` looks at the settings file (an ``os.stat``) at most this often;
#: a change on disk is in force for every ``evaluate`` that starts more than
#: this long after it was written. ``get_settings`` always looks.
SETTINGS_CHECK_S = 0.25
_monotonic = time.monotonic  # one global lookup on the hot path; tests replace it
GET_LOG_DEFAULT = 20
GET_LOG_MAX = 500
MAX_ID_CHARS = 200
MAX_JUSTIFICATION = 5000
# Room left in a 1 MiB frame for the envelope around a list of entries/findings.
_ENVELOPE_ROOM = 4096
DASHBOARD_PAGES = ("log", "settings", "rules", "chart", "audit", "consent")
DECISIONS = ("dismissed", "proceeded", "cancelled", "fixed", "not_applicable")
REASON_KINDS = ("not_a_pitch", "asked_for_it")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# A JSON escape of a UTF-16 surrogate. JavaScript strings may hold a lone one
# (text cut in the middle of an emoji) and JSON.stringify writes it as \ud83d;
# Python decodes it into a str that pydantic refuses and UTF-8 cannot carry.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


# Iterative: a request json accepted may nest deeper than a recursive walk can go (audit B7).
from guard.safe_json import scrub as _scrub  # noqa: E402


class RawJSON(Mapping):
    """A result already serialised (by pydantic's Rust encoder, several times
    faster than ``model_dump`` + ``json.dumps`` for a list of warnings).
    Reads like the dict it encodes, for tests and callers in-process."""

    __slots__ = ("data", "_parsed")

    def __init__(self, data: bytes):
        self.data = data
        self._parsed: dict[str, Any] | None = None

    def _dict(self) -> dict[str, Any]:
        if self._parsed is None:
            self._parsed = json.loads(self.data)
        return self._parsed

    def __getitem__(self, key: str) -> Any:
        return self._dict()[key]

    def __iter__(self):
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())


_NO_WARNINGS = b'{"warnings":[]}'  # most evaluates: nothing to say, nothing to encode
_SAFE_INT = 2**53  # ids beyond JavaScript's exact integers take the plain path

# Built once: json.dumps/json.loads with options build a new coder per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_ASCII_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), allow_nan=False)
_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def encode(message: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON. Lone surrogates (legal in JSON text, not in UTF-8) are escaped."""
    result = message.get("result")
    if isinstance(result, RawJSON) and len(message) == 3:
        return b'{"id":' + encode_value(message["id"]) + b',"ok":true,"result":' + result.data + b"}"
    return encode_value(message)


def encode_value(value: Any) -> bytes:
    try:
        return _ENCODER.encode(value).encode("utf-8")
    except UnicodeEncodeError:
        return _ASCII_ENCODER.encode(value).encode("ascii")


MAX_SKELETON_CHARS = 8 * 1024 * 1024
# One line of a page skeleton: an element with kept attributes, a text marker
# or a shadow-root boundary (extension/content/skeleton.js writes them).
_SKELETON_LINE = re.compile(
    r'^ *(?:<[a-z][a-z0-9-]*(?: [a-z][a-z0-9:_.-]*(?:="[^"<>\n]*")?)*>|"…"|#shadow-root \(open\)|#cut after \d+ elements)$')


def page_structure_problem(skeleton: str) -> str | None:
    """Why ``skeleton`` is not a page skeleton (the line that is not), or None."""
    for number, line in enumerate(skeleton.rstrip("\n").split("\n"), 1):
        if not _SKELETON_LINE.match(line):
            return f"line {number} is not a skeleton line (an element, \"…\" or #shadow-root)"
    return None


def rule_ids_cheaply() -> list[str]:
    """Rule ids from the catalogue's module names, without importing the rules (or pydantic)."""
    import guard

    folder = Path(guard.__file__).parent / "rules"
    ids = []
    for name in os.listdir(folder):
        # Same shape guard.rules discovers: lgNNN_<slug>.py
        if len(name) > 6 and name.startswith("lg") and name[2:5].isdigit() and name[5] == "_" and name.endswith(".py"):
            ids.append("LG" + name[2:5])
    return sorted(ids)


def _open_consent(log_path: Path | None) -> Any:
    """The consent register next to the warning log (opened lazily; see guard.consent)."""
    try:
        from guard.consent import ConsentRegister

        return ConsentRegister(Path(log_path).with_name("consent.sqlite3") if log_path is not None else None)
    except Exception as err:  # the guard still warns without it
        log.error("cannot use the consent register: %s", type(err).__name__)
        return None


def _respect_locks(new: Any, old: Any, layer: Any) -> Any:
    """Refuse a change to a value the organisation locked (code ``locked``); keep the person's own values."""
    from guard import managed

    refused = managed.locked_changes(new, old, layer)
    if refused:
        raise HostError("locked", managed.refusal_message(refused)[:2000], refused)
    return managed.keep_own_values(new, old, layer)


#: Warnings whose JSON the host remembers (``_Core.warnings_json``).
WARNINGS_JSON_KEPT = 256


def _object_fields(model: Any) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Positions (in field order) of a model's list fields, and of its fields that may hold a model."""
    from typing import get_args, get_origin

    from pydantic import BaseModel

    lists, objects = [], []
    for i, field in enumerate(model.model_fields.values()):
        ann = field.annotation
        if get_origin(ann) is list:
            lists.append(i)
        elif any(isinstance(a, type) and issubclass(a, BaseModel) for a in (ann, *get_args(ann))):
            objects.append(i)
    return tuple(lists), tuple(objects)


def _warning_key(fields: dict[str, Any], lists: tuple[int, ...], objects: tuple[int, ...]
                 ) -> tuple[tuple, list[Any]] | None:
    """A warning's JSON key: its texts as they are, the objects in its lists and its models (evidence,
    legal basis, fix) by identity; and those objects, to be held while the key is remembered. None when
    a value is not where its field says."""
    values = list(fields.values())
    held: list[Any] = []
    for i in lists:
        items = values[i]
        if type(items) is not list:
            return None
        held += items
        values[i] = tuple([id(item) for item in items])
    for i in objects:
        value = values[i]
        if value is not None:
            held.append(value)
            values[i] = id(value)
    return tuple(values), held


def _stat_signature(path: str | Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class _Core:
    """What ``warm_up`` loads: settings, engine, warning log."""

    def __init__(self, settings_path: Path, log_path: Path | None):
        from guard import settings_store
        from guard.engine import Engine

        from pydantic import TypeAdapter, ValidationError

        from guard.models import Finding, parse_context, validation_details

        # Looked up once here, not imported on every evaluate.
        self.ValidationError = ValidationError
        # The warnings list in one call to pydantic's Rust encoder, straight to
        # bytes (model_dump_json per warning made a str per warning, then
        # encoded each again: 6.0 -> 3.1 us for two warnings).
        self.findings_json = TypeAdapter(list[Finding]).serializer.to_json
        # Each warning's JSON, remembered (see warnings_json).
        self._warning_json: dict[tuple, tuple[bytes, list[Any]]] = {}
        self._warning_fields = _object_fields(Finding)
        self._warning_width = len(Finding.model_fields)
        from guard.engine import RECIPIENT_RULES

        self._remembered_rules = RECIPIENT_RULES  # the rules whose findings the engine builds from memory
        # An evaluate request parsed and its context validated in one pass by
        # pydantic's Rust JSON parser: no dict of the context is built in
        # Python first (json.loads + validate_python: 4.1 -> 2.2 us).
        from typing import Any, Literal

        from pydantic import ConfigDict
        from typing_extensions import NotRequired, TypedDict

        from guard.models import Context

        request_type = TypedDict(  # type: ignore[misc]
            "EvaluateRequest", {"type": Literal["evaluate"], "id": NotRequired[Any], "context": Context})
        request_type.__pydantic_config__ = ConfigDict(extra="ignore")  # type: ignore[attr-defined]
        self._validate_evaluate = TypeAdapter(request_type).validator.validate_json  # no Python wrapper per call
        self.parse_context = parse_context
        self.validation_details = validation_details
        self.settings_path = settings_path
        self.settings_file = os.fspath(settings_path)  # os.stat on a str: no Path conversion per request
        self.settings_checked_at = _monotonic()
        self.signature = _stat_signature(settings_path)
        loaded = settings_store.load(settings_path)
        if loaded.moved_to is not None:
            self.signature = _stat_signature(settings_path)
        self.settings = loaded.settings
        self.problem = loaded.problem
        self.load_managed(loaded.settings)
        self.engine = Engine(self.settings, consent=_open_consent(log_path))
        self.log = None
        self.log_error: str | None = None
        self.retention_at = 0.0
        try:
            from guard.warning_log import WarningLog

            self.log = WarningLog(log_path)
        except Exception as err:  # the guard still warns without its log
            self.log_error = f"cannot open the warning log: {type(err).__name__}: {err}"
            log.error(self.log_error)
        self.apply_retention()

    def apply_retention(self) -> None:
        self.retention_at = time.monotonic()
        if self.log is None:
            return
        try:
            removed = self.log.apply_retention(self.settings.log.retention_days)
        except Exception as err:
            log.error("retention failed: %s", type(err).__name__)
            return
        if removed:
            log.info("retention: removed %d entries older than %d days", removed, self.settings.log.retention_days)

    def settings_json(self) -> dict[str, Any]:
        return self.settings.model_dump(mode="json")

    # -- the organisation's layer (guard.managed): settings = defaults < user < locked

    def load_managed(self, user_settings: Any) -> None:
        from guard import managed

        self.managed_path = managed.path_for(self.settings_path)
        self.managed_signature = _stat_signature(self.managed_path)
        self.managed, problem = managed.load(self.managed_path)
        # A layer the host refused last (set_managed) outranks: it is what the browser's policy says now.
        self.managed_problem = managed.refusal(self.managed_path) or problem
        self.use_settings(user_settings)

    def use_settings(self, user_settings: Any) -> None:
        """The person's own settings in, the effective ones in force."""
        from guard import managed

        self.user_settings = user_settings
        merged = managed.effective(user_settings, self.managed)
        self.settings, self.sources = merged.settings, merged.sources
        if hasattr(self, "engine"):
            self.engine.settings = merged.settings  # same engine: rate windows survive

    def managed_json(self) -> dict[str, Any] | None:
        if self.managed.empty:
            return None
        return {**self.managed.as_json(), "locked_paths": self.managed.locked_paths(),
                "effective": self.settings_json(), "sources": self.sources}

    def settings_reply(self) -> dict[str, Any]:
        return {"settings": self.user_settings.model_dump(mode="json"), "managed": self.managed_json(),
                **self.managed_problem_field()}

    def managed_problem_field(self) -> dict[str, Any]:
        """``managed_problem`` only while the organisation's layer cannot be applied (PROTOCOL.md)."""
        return {"managed_problem": self.managed_problem[:2000]} if self.managed_problem else {}

    def warnings_json(self, findings: list[Any]) -> bytes:
        """``findings_json(findings)``, each warning's part remembered.

        Typing sends the same warnings on every keystroke: new ``Finding``
        objects (``Engine._finding``) holding the same texts and the same
        shared, read-only evidence, legal basis and fix objects. A warning's
        JSON is remembered under its texts and those objects' identities; the
        memo holds the objects, so an identity cannot pass to another object
        while remembered. Bounded: cleared when full. Only for the rules whose
        findings the engine builds from memory (LG201, LG202); other rules
        make new evidence every time, which no key would find again.
        """
        memo, (lists, objects), remembered = self._warning_json, self._warning_fields, self._remembered_rules
        parts = []
        for finding in findings:
            fields = finding.__dict__
            keyed = _warning_key(fields, lists, objects) if (
                len(fields) == self._warning_width and fields.get("rule") in remembered) else None
            if keyed is None:
                return self.findings_json(findings)
            got = memo.get(keyed[0])
            if got is None:
                if len(memo) >= WARNINGS_JSON_KEPT:
                    memo.clear()
                got = memo[keyed[0]] = (self.findings_json([finding])[1:-1], keyed[1])
            parts.append(got[0])
        return b"[" + b",".join(parts) + b"]"

    def evaluate_request(self, raw: bytes) -> dict[str, Any] | None:
        """A well-formed ``evaluate`` request with its context validated, in one pass;
        None for anything else, which :meth:`Session.handle` then reads the plain way.

        Only ever a shortcut: whatever this refuses (not an evaluate, invalid
        JSON or UTF-8, an invalid context, NaN, lone surrogates, an unusual
        id) gets exactly the replies it always got, from the plain path.
        """
        if b'"evaluate"' not in raw or b"NaN" in raw or b"Infinity" in raw:
            return None  # NaN/Infinity: json refuses them, pydantic's parser would not
        if b'"record"' in raw:
            return None  # "record": false (the tab's log budget is spent) is read on the plain path
        try:
            request = self._validate_evaluate(raw)
        except Exception:  # ValidationError: also invalid JSON, lone surrogates, nesting
            return None
        request_id = request.get("id")
        if request_id is None or (type(request_id) is str and len(request_id) <= MAX_ID_CHARS) or (
                type(request_id) is int and -_SAFE_INT < request_id < _SAFE_INT):
            return request
        return None


class Session:
    def __init__(
        self,
        *,
        settings_path: Path | None = None,
        log_path: Path | None = None,
        caller: str | None = None,
        settings_check_interval: float = SETTINGS_CHECK_S,
        managed_relay: bool = True,
    ):
        if settings_path is None:
            from guard.paths import settings_path as default_settings_path

            settings_path = default_settings_path()
        self.settings_path = Path(settings_path)
        self.log_path = log_path
        self.caller = caller
        # Whether set_managed is taken: the host process passes False unless a
        # browser started it for an extension (host.main); see set_managed.
        self.managed_relay = managed_relay
        self.settings_check_interval = settings_check_interval
        self.connection_key = f"host-{os.getpid()}-{time.time_ns()}"
        self._core: _Core | None = None
        self._core_lock = threading.Lock()
        self._events: list[dict[str, Any]] = []
        self._hello_view: tuple[str, str | None] | None = None
        self.handlers: dict[str, Callable[[dict[str, Any]], Any]] = {
            "hello": self.hello,
            "evaluate": self.evaluate,
            "decide": self.decide_and_note_consent,
            "get_settings": self.get_settings,
            "set_settings": self.set_settings,
            "set_managed": self.set_managed,
            "patch_settings": self.patch_settings,
            "get_rules": self.get_rules,
            "get_log": self.get_log,
            "ping": self.ping,
            "echo": self.echo,
            "open_dashboard": self.open_dashboard,
            "unreadable_page": self.unreadable_page,
            "save_page_structure": self.save_page_structure,
        }

    # -- lifecycle -----------------------------------------------------------

    @property
    def warm(self) -> bool:
        return self._core is not None

    def warm_up(self) -> _Core:
        """Load settings, engine and log once (thread-safe); later calls return them."""
        core = self._core
        if core is not None:
            return core
        with self._core_lock:
            if self._core is None:
                started = time.perf_counter()
                self._core = _Core(self.settings_path, self.log_path)
                # Everything loaded so far lives as long as the process: keep
                # the cyclic GC from rescanning it on every collection (fewer
                # latency spikes while someone types).
                import gc

                gc.freeze()
                log.info("warm-up done in %.0f ms", (time.perf_counter() - started) * 1000)
            return self._core

    def close(self) -> None:
        core = self._core
        if core is not None and core.log is not None:
            core.log.close()

    # -- one frame -------------------------------------------------------------

    def handle(self, raw: bytes) -> list[dict[str, Any]]:
        """The messages answering one frame: the reply first, then any events."""
        request_id: Any = None
        events: list[dict[str, Any]] = []
        try:
            core = self._core
            fast = core.evaluate_request(raw) if core is not None else None
            if fast is not None:
                request_id = fast.get("id")
                self._events = events
                result = self._judge(core, fast["context"])
                return self._finish({"id": request_id, "ok": True, "result": result}, events)
            request = self._parse(raw)
            request_id = request.get("id")
            if request_id is not None and (
                isinstance(request_id, bool)
                or not isinstance(request_id, (str, int))
                or (isinstance(request_id, str) and len(request_id) > MAX_ID_CHARS)
            ):
                request_id = None
                raise invalid("id", f"expected a string of at most {MAX_ID_CHARS} characters or an integer")
            kind = request.get("type")
            if kind is None:
                raise HostError("missing_type", "the request has no type")
            if not isinstance(kind, str):
                raise invalid("type", "expected a string")
            handler = self.handlers.get(kind)
            if handler is None:
                known = ", ".join(sorted(self.handlers))
                raise HostError("unknown_type", f"unknown request type {kind[:60]!r} (known: {known})")
            self._events = events
            result = handler(request)
            reply = {"id": request_id, "ok": True, "result": result}
        except HostError as err:
            reply = {"id": request_id, "ok": False, "error": err.as_error()}
        except Exception as err:
            # Never the message: it may quote page text. Type and stack only.
            import traceback

            # The innermost frames only: a RecursionError's stack is thousands of lines.
            stack = "".join(traceback.format_tb(err.__traceback__, limit=-12))
            log.error("internal error: %s\n%s", type(err).__name__, stack)
            reply = {
                "id": request_id,
                "ok": False,
                "error": {"code": "internal_error", "message": f"the host failed ({type(err).__name__}); see the host log"},
            }
        finally:
            self._events = []
        return self._finish(reply, events)

    def _finish(self, reply: dict[str, Any], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self._events = []
        if self._core is not None and time.monotonic() - self._core.retention_at > RETENTION_EVERY_S:
            self._core.apply_retention()
        return [reply, *events]

    @staticmethod
    def _parse(raw: bytes) -> dict[str, Any]:
        if not raw:
            raise HostError("empty_frame", "the frame is empty")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise HostError("invalid_utf8", f"the frame is not UTF-8 (byte {err.start})") from None
        try:
            data = _DECODER.decode(text)
        except RecursionError:
            raise HostError("invalid_json", "the frame nests too deeply") from None
        except ValueError as err:
            # JSONDecodeError, NaN/Infinity, integers too long to convert.
            message = err.msg if isinstance(err, json.JSONDecodeError) else str(err)
            raise HostError("invalid_json", f"the frame is not JSON: {message[:200]}") from None
        if not isinstance(data, dict):
            raise HostError("not_an_object", f"expected a JSON object, got {type(data).__name__}")
        if _SURROGATE_ESCAPE.search(raw):
            data = _scrub(data)
        return data

    def _push(self, event: dict[str, Any]) -> None:
        self._events.append(event)

    # -- settings on disk ------------------------------------------------------

    def _settings_event(self, core: _Core, problem: str | None = None) -> dict[str, Any]:
        event = {"type": "event", "event": "settings_changed", "settings": core.settings_json()}
        if problem:
            event["settings_problem"] = problem
        event.update(core.managed_problem_field())
        return event

    def _refresh_settings(self, core: _Core) -> None:
        """Reload when the file changed on disk (the dashboard or another host wrote it)."""
        core.settings_checked_at = _monotonic()
        signature = _stat_signature(core.settings_file)
        managed_signature = _stat_signature(core.managed_path)
        if signature == core.signature and managed_signature == core.managed_signature:
            return
        from guard import settings_store

        core.signature = signature
        loaded = settings_store.load(core.settings_path)
        if loaded.moved_to is not None:
            core.signature = _stat_signature(core.settings_path)
        core.problem = loaded.problem
        core.load_managed(loaded.settings)
        log.info("settings reloaded from disk%s", " (invalid file moved aside)" if loaded.problem else "")
        self._push(self._settings_event(core, loaded.problem))

    def _cheap_settings_view(self) -> tuple[str, str | None] | None:
        """``(fail_mode, problem)`` without pydantic, or None when only full validation can tell."""
        try:
            raw = self.settings_path.read_bytes()
        except FileNotFoundError:
            raw = b"{}"
        except OSError:
            return None
        try:
            data = json.loads(raw)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        fail_mode = self._cheap_managed_fail_mode(data.get("fail_mode", "open"))
        if fail_mode not in ("open", "closed"):
            return None
        # Deeper problems (a bad field further down) are found by warm_up,
        # which then pushes settings_changed with settings_problem.
        return fail_mode, None

    def _cheap_managed_fail_mode(self, own: Any) -> Any:
        """fail_mode with the organisation's layer (guard.managed: defaults < own < locked), read as plain JSON."""
        try:
            layer = json.loads(self.settings_path.with_name("managed.json").read_bytes())
        except FileNotFoundError:
            return own
        except (OSError, ValueError):
            return None
        if not isinstance(layer, dict):
            return None
        locked, defaults = layer.get("locked") or {}, layer.get("defaults") or {}
        if not isinstance(locked, dict) or not isinstance(defaults, dict):
            return None
        if "fail_mode" in locked:
            return locked["fail_mode"]
        return own if own != "open" else defaults.get("fail_mode", own)  # own = differs from the built-in

    # -- handlers ----------------------------------------------------------

    def hello(self, req: dict[str, Any]) -> dict[str, Any]:
        extension_version = req.get("extension_version")
        if extension_version is not None and not isinstance(extension_version, str):
            raise invalid("extension_version", "expected a string")
        protocol = req.get("protocol")
        if protocol is not None and (isinstance(protocol, bool) or not isinstance(protocol, int)):
            raise invalid("protocol", "expected an integer")
        if protocol is not None and protocol != PROTOCOL_VERSION:
            log.warning("extension speaks protocol %s, host speaks %s", protocol, PROTOCOL_VERSION)
        log.info("hello from extension %s", (extension_version or "?")[:40])
        if self._core is not None:
            fail_mode, problem = self._core.settings.fail_mode, self._core.problem
        else:
            view = self._cheap_settings_view()
            if view is None:
                core = self.warm_up()
                fail_mode, problem = core.settings.fail_mode, core.problem
            else:
                fail_mode, problem = view
                self._hello_view = view
        return {
            "protocol": PROTOCOL_VERSION,
            "host_version": host_version(),
            "rules": rule_ids_cheaply(),
            "settings_problem": problem,
            "fail_mode": fail_mode,
        }

    def after_warm_up_events(self) -> list[dict[str, Any]]:
        """Events owed once warm-up finished: a settings problem ``hello`` could not see."""
        core = self._core
        if core is not None and core.problem and self._hello_view is not None:
            self._hello_view = None
            return [self._settings_event(core, core.problem)]
        return []

    def evaluate(self, req: dict[str, Any]) -> dict[str, Any]:
        context = req.get("context")
        if not isinstance(context, dict):
            raise invalid("context", "expected an object (the page context)")
        core = self.warm_up()
        try:
            ctx = core.parse_context(context)
        except core.ValidationError as err:
            self._check_settings(core)
            details = [{"path": "context." + d["path"] if d["path"] != "(root)" else "context", "message": d["message"]}
                       for d in core.validation_details(err)]
            raise HostError("invalid_request", "invalid context: " + "; ".join(
                f"{d['path']}: {d['message']}" for d in details[:5]), details) from None
        record = req.get("record", True)
        if not isinstance(record, bool):
            raise invalid("record", "expected true or false")
        return self._judge(core, ctx, record=record)

    def _check_settings(self, core: _Core) -> None:
        # Someone typing sends an evaluate per keystroke or two: look at the
        # file at most every SETTINGS_CHECK_S, not on each (a stat is as dear
        # as decoding the request).
        if _monotonic() - core.settings_checked_at >= self.settings_check_interval:
            self._refresh_settings(core)

    def _judge(self, core: _Core, ctx: Any, record: bool = True) -> Any:
        """The result of an evaluate whose context is valid (``record`` false: judged, not logged)."""
        self._check_settings(core)
        findings = core.engine.evaluate(ctx)
        if not findings:
            return RawJSON(_NO_WARNINGS)
        if core.log is not None and record:
            self._record(core, findings, ctx)
        try:
            data = core.warnings_json(findings)
        except Exception:  # e.g. a lone surrogate from the page: the slow path escapes it
            data = None
        if data is not None and len(data) + _ENVELOPE_ROOM <= MAX_OUTGOING:
            return RawJSON(b'{"warnings":' + data + b"}")
        return self._fit_warnings([f.model_dump(mode="json") for f in findings])

    def _record(self, core: _Core, findings: list[Any], ctx: Any) -> None:
        # Written to SQLite before the reply the first time; typing produces the
        # same finding on every keystroke, and the log answers those from
        # memory (WarningLog.record: no write per keystroke, yet an entry
        # deleted by `log clear` is written again).
        store_excerpt = core.settings.log.store_excerpts
        record = core.log.record
        for finding in findings:
            try:
                record(finding, ctx, store_excerpt=store_excerpt, session_key=self.connection_key)
            except Exception as err:
                log.error("could not record %s in the warning log: %s", finding.rule, type(err).__name__)

    @staticmethod
    def _fit_warnings(warnings: list[dict[str, Any]]) -> dict[str, Any]:
        """Keep the reply under 1 MiB: drop evidence first, then the tail of the list."""
        size = len(encode({"warnings": warnings}))
        if size + _ENVELOPE_ROOM <= MAX_OUTGOING:
            return {"warnings": warnings}
        for warning in warnings:
            warning["evidence"] = []
        kept: list[dict[str, Any]] = []
        budget = MAX_OUTGOING - _ENVELOPE_ROOM
        for warning in warnings:
            cost = len(encode(warning)) + 1
            if cost > budget:
                break
            kept.append(warning)
            budget -= cost
        log.warning("evaluate reply trimmed to %d of %d warnings to stay under 1 MiB", len(kept), len(warnings))
        return {"warnings": kept, "truncated": True}

    def decide(self, req: dict[str, Any]) -> dict[str, Any]:
        warning_id = req.get("warning_id")
        if not isinstance(warning_id, str) or not warning_id or len(warning_id) > MAX_ID_CHARS:
            raise invalid("warning_id", "expected the warning's id (a non-empty string)")
        decision = req.get("decision")
        if decision not in DECISIONS:
            raise invalid("decision", f"expected one of {', '.join(DECISIONS)}")
        justification = req.get("justification")
        if justification is not None and not isinstance(justification, str):
            raise invalid("justification", "expected a string or null")
        if justification is not None and len(justification) > MAX_JUSTIFICATION:
            raise invalid("justification", f"at most {MAX_JUSTIFICATION} characters")
        page_session = req.get("page_session")
        if page_session is not None and not isinstance(page_session, str):
            raise invalid("page_session", "expected a string or null")
        reason_kind = req.get("reason_kind")
        if reason_kind is not None and (decision != "not_applicable" or reason_kind not in REASON_KINDS):
            raise invalid("reason_kind", f"expected one of {', '.join(REASON_KINDS)}, with decision not_applicable")
        core = self.warm_up()
        if core.log is None:
            raise HostError("unavailable", core.log_error or "the warning log is not available")
        recorded = core.log.decide(warning_id, decision, justification or None, page_session, reason_kind)
        return {"recorded": recorded}

    def decide_and_note_consent(self, req: dict[str, Any]) -> dict[str, Any]:
        """``decide``; "They asked for this" also puts the recipient in the consent register.

        The recipient is the one the host saw with that warning (the engine
        remembers recent message warnings); the note is the justification.
        ``consent`` in the reply: the register entry, or null when the host
        does not know the recipient (it restarted since the warning).
        """
        result = self.decide(req)
        if req.get("decision") != "not_applicable" or req.get("reason_kind") != "asked_for_it":
            return result
        core = self.warm_up()
        recipient = core.engine.recipient_of(req["warning_id"])
        consent = core.engine.consent
        if recipient is None or consent is None:
            log.warning("'they asked for this' on a warning whose recipient this host does not know")
            return {**result, "consent": None}
        from guard.consent import MAX_NAME, MAX_NOTE

        name, profile_url = recipient
        note = req.get("justification")
        try:
            # The decision is recorded already: a register that cannot take
            # the entry says so in the reply, it does not turn it into an error.
            entry = consent.add(name[:MAX_NAME], profile_url, note=note[:MAX_NOTE] if note else None)
        except Exception as err:
            log.error("could not add to the consent register: %s", type(err).__name__)
            return {**result, "consent": None}
        log.info("recipient added to the consent register")
        return {**result, "consent": {"id": entry.get("id"), "name": entry.get("name")}}

    def patch_settings(self, req: dict[str, Any]) -> dict[str, Any]:
        """Apply a JSON merge patch to the settings file as it is now, under a lock (see guard.settings_patch)."""
        patch = req.get("patch")
        if not isinstance(patch, dict):
            raise invalid("patch", "expected an object (a JSON merge patch of the settings)")
        core = self.warm_up()
        from pydantic import ValidationError

        from guard import settings_patch, settings_store
        from guard.models import validation_details

        self._refresh_settings(core)  # the organisation's locks in force now
        try:
            settings, problem = settings_patch.apply_patch(
                patch, core.settings_path, check=lambda new, old: _respect_locks(new, old, core.managed))
        except settings_patch.PatchError as err:
            raise invalid("patch", str(err)) from None
        except settings_store.SettingsError as err:
            cause = err.__cause__
            details = validation_details(cause) if isinstance(cause, ValidationError) else [
                {"path": "(root)", "message": "expected a JSON object"}]
            raise HostError("invalid_settings", str(err)[:2000], details) from None
        core.signature = _stat_signature(core.settings_path)
        core.settings_checked_at = _monotonic()
        core.use_settings(settings)
        core.problem = problem
        log.info("settings patched by the extension")
        self._push(self._settings_event(core, problem))
        return core.settings_reply()

    def get_rules(self, req: dict[str, Any]) -> dict[str, Any]:
        """The catalogue with each rule's setting and whether its settings let it fire (guard.rule_setup)."""
        core = self.warm_up()
        self._refresh_settings(core)
        from guard.rule_setup import rule_overview

        return {"rules": rule_overview(core.settings), "managed": core.managed_json(), **core.managed_problem_field()}

    def get_settings(self, req: dict[str, Any]) -> dict[str, Any]:
        core = self.warm_up()
        self._refresh_settings(core)
        return core.settings_reply()

    def set_settings(self, req: dict[str, Any]) -> dict[str, Any]:
        if "settings" not in req:
            raise invalid("settings", "required (the complete settings object)")
        core = self.warm_up()
        from pydantic import ValidationError

        from guard import settings_store
        from guard.models import validation_details

        try:
            settings = settings_store.validate(req["settings"])
        except settings_store.SettingsError as err:
            cause = err.__cause__
            if isinstance(cause, ValidationError):
                details = validation_details(cause)
            else:
                details = [{"path": "(root)", "message": "expected a JSON object"}]
            raise HostError("invalid_settings", str(err)[:2000], details) from None
        self._refresh_settings(core)  # the lock in force now, not a stale one
        from guard.settings_patch import locked

        settings = _respect_locks(settings, core.user_settings, core.managed)
        try:
            with locked(core.settings_path):  # never in the middle of another host's patch_settings
                settings_store.save(settings, core.settings_path)
        except OSError as err:  # read-only or full disk: the old file is intact
            raise HostError("unavailable", settings_store.cannot_save_message(core.settings_path, err)) from None
        core.signature = _stat_signature(core.settings_path)
        core.settings_checked_at = _monotonic()
        core.use_settings(settings)
        core.problem = None
        log.info("settings saved by the extension")
        self._push(self._settings_event(core))
        return core.settings_reply()

    def set_managed(self, req: dict[str, Any]) -> dict[str, Any]:
        """The organisation's layer as the extension read it from storage.managed: re-validated, then kept.

        Only the extension relays it, from the browser's policy: a host started
        by anything but a browser (the person's own scripts, a terminal) is
        refused, so a person's tools cannot replace the organisation's layer.
        The CLI and the dashboard only ever read managed.json.
        """
        if not self.managed_relay:
            raise HostError("unavailable", "set_managed is only taken from the extension a browser started this host "
                                           "for (the organisation's layer comes from the browser's policy)")
        if "managed" not in req:
            raise invalid("managed", "required ({\"defaults\": {...}, \"locked\": {...}}, or null for none)")
        core = self.warm_up()
        from guard import managed

        data = req["managed"]
        try:
            layer = managed.parse(data if data != {} else None)
        except managed.ManagedError as err:
            log.warning("managed settings refused: %d problem(s)", len(err.details))
            try:  # kept for doctor, the CLI and the extension's pages; the previous layer stays in force
                managed.record_refusal(err, core.managed_path)
            except OSError as write_err:
                log.error("cannot record the refused managed settings: %s", type(write_err).__name__)
            core.managed_problem = str(err)
            raise HostError("invalid_managed", str(err)[:2000], err.details[:50]) from None
        had_problem = core.managed_problem is not None
        managed.clear_refusal(core.managed_path)
        if layer != core.managed or had_problem:
            # Also when only the problem goes: an unusable managed.json is replaced (or removed).
            managed.store(layer, core.managed_path)
            core.managed_problem = None
            self._refresh_settings(core)
            log.info("managed settings %s", "removed" if layer.empty else "stored")
            if not self._events:
                self._push(self._settings_event(core))
        return core.settings_reply()

    def get_log(self, req: dict[str, Any]) -> dict[str, Any]:
        limit = req.get("limit", GET_LOG_DEFAULT)
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= GET_LOG_MAX:
            raise invalid("limit", f"expected an integer from 1 to {GET_LOG_MAX}")
        before_id = req.get("before_id")
        if before_id is not None and (isinstance(before_id, bool) or not isinstance(before_id, int)):
            raise invalid("before_id", "expected an integer or null")
        rule = req.get("rule")
        if rule is not None and (not isinstance(rule, str) or len(rule) > 20):
            raise invalid("rule", "expected a rule id such as LG201")
        core = self.warm_up()
        if core.log is None:
            raise HostError("unavailable", core.log_error or "the warning log is not available")
        rows = core.log.entries(rule=rule, limit=limit + 1, before_id=before_id)
        more = len(rows) > limit
        rows = rows[:limit]
        entries: list[dict[str, Any]] = []
        budget = MAX_OUTGOING - _ENVELOPE_ROOM
        for row in rows:
            data = row.model_dump()
            cost = len(encode(data)) + 1
            if cost > budget:
                more = True
                break
            entries.append(data)
            budget -= cost
        if not entries and rows:
            # One entry alone above 1 MiB cannot happen with our field limits;
            # if it ever did, skip it rather than stall the pager on it.
            return {"entries": [], "next_before_id": rows[0].id}
        next_before_id = entries[-1]["id"] if more and entries else None
        return {"entries": entries, "next_before_id": next_before_id}

    def ping(self, req: dict[str, Any]) -> dict[str, Any]:
        return {"pong": True}

    def echo(self, req: dict[str, Any]) -> dict[str, Any]:
        if "payload" not in req:
            raise invalid("payload", "required (any JSON value)")
        return {"payload": req["payload"]}

    def unreadable_page(self, req: dict[str, Any]) -> dict[str, Any]:
        """The extension saw a surface it should understand but could not read (issue 8).

        Only names are stored (surface, kind of page, frontend, extension
        version), counted per day in the log database; never a URL or text.
        """
        from guard.warning_log import HEALTH_FRONTENDS, HEALTH_PAGE_TYPES, HEALTH_SURFACES

        surfaces = req.get("surfaces")
        if not isinstance(surfaces, list) or not surfaces or len(surfaces) > len(HEALTH_SURFACES) or any(
                s not in HEALTH_SURFACES for s in surfaces):
            raise invalid("surfaces", f"expected a non-empty list of {', '.join(HEALTH_SURFACES)}")
        page_type = req.get("page_type")
        if page_type not in HEALTH_PAGE_TYPES:
            raise invalid("page_type", f"expected one of {', '.join(HEALTH_PAGE_TYPES)}")
        frontend = req.get("frontend", "unknown")
        if frontend not in HEALTH_FRONTENDS:
            raise invalid("frontend", f"expected one of {', '.join(HEALTH_FRONTENDS)}")
        version = req.get("extension_version", "")
        if not isinstance(version, str) or len(version) > 40:
            raise invalid("extension_version", "expected a version string of at most 40 characters")
        core = self.warm_up()
        if core.log is None:
            raise HostError("unavailable", core.log_error or "the warning log is not available")
        for surface in dict.fromkeys(surfaces):
            core.log.record_page_health(surface, page_type, frontend, version or "?")
        return {"recorded": len(dict.fromkeys(surfaces))}

    def save_page_structure(self, req: dict[str, Any]) -> dict[str, Any]:
        """Write a page skeleton (extension/content/skeleton.js) into the guard home; where it went.

        The host accepts only the skeleton's shape (one element, text marker or
        shadow-root boundary per line; see page_structure_problem), so nothing
        but that can be written through this message.
        """
        skeleton = req.get("skeleton")
        if not isinstance(skeleton, str) or not skeleton.strip():
            raise invalid("skeleton", "expected the page skeleton (a non-empty string)")
        if len(skeleton) > MAX_SKELETON_CHARS:
            raise invalid("skeleton", f"at most {MAX_SKELETON_CHARS} characters")
        problem = page_structure_problem(skeleton)
        if problem:
            raise invalid("skeleton", problem)
        from guard.warning_log import HEALTH_PAGE_TYPES

        page_type = req.get("page_type")
        if page_type not in HEALTH_PAGE_TYPES:
            raise invalid("page_type", f"expected one of {', '.join(HEALTH_PAGE_TYPES)}")
        from datetime import datetime, timezone

        from guard.files import atomic_write

        if self.log_path is not None:
            folder = Path(self.log_path).parent / "page-structures"
        else:
            from guard.paths import data_dir

            folder = data_dir() / "page-structures"
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        path = folder / f"{stamp}-{page_type}.txt"
        atomic_write(path, skeleton, mode=0o600)
        return {"path": str(path)}

    def open_dashboard(self, req: dict[str, Any]) -> dict[str, Any]:
        page = req.get("page")
        if page is not None and page not in DASHBOARD_PAGES:
            raise invalid("page", f"expected one of {', '.join(DASHBOARD_PAGES)}")
        rule = req.get("rule")
        if rule is not None and not (isinstance(rule, str) and len(rule) == 5 and rule.startswith("LG")
                                     and rule[2:].isdigit()):
            raise invalid("rule", "expected a rule id such as LG201")
        try:
            # Lazily, and never aiohttp: the launcher is stdlib-only and
            # starts the server in its own detached process.
            from guard.dashboard.launcher import ensure_dashboard
        except ImportError as err:
            raise HostError("unavailable", f"the dashboard is not installed ({err.name or err})") from None
        try:
            result = ensure_dashboard(page, rule=rule) if rule is not None else ensure_dashboard(page)
        except Exception as err:
            if type(err).__name__ == "DashboardError":  # it says why, in words for the person
                raise HostError("unavailable", str(err)[:500]) from None
            raise
        if not isinstance(result, dict) or not isinstance(result.get("url"), str):
            raise HostError("unavailable", "the dashboard did not say where it runs")
        return result
