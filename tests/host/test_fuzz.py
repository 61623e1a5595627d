"""Hypothesis feeds the host random frames and byte streams: it answers or ends cleanly, never crashes."""

from __future__ import annotations

import io
import json
import struct
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from native_host import MAX_OUTGOING
from native_host.dispatch import Session, encode
from native_host.errors import ERROR_CODES
from native_host.host import serve
from tests.host.conftest import ACME

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_TMP = Path(tempfile.mkdtemp(prefix="host-fuzz-"))
(_TMP / "settings.json").write_text(json.dumps(ACME))
SESSION = Session(settings_path=_TMP / "settings.json", log_path=_TMP / "warnings.sqlite3")
SESSION.warm_up()
TYPES = sorted(SESSION.handlers)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=25,
)

KINDS = ["profile", "open_to_work_form", "position_form", "message", "post", "connections", "nonsense"]
FIELDS = ["page_session", "text", "recipient", "channel", "own", "name", "positions",
          "mentions", "media", "people", "audience", "job_titles", "title", "company", "current", "observed_at"]
contexts = st.fixed_dictionaries(
    {"kind": st.sampled_from(KINDS), "url": st.just("https://www.linkedin.com/feed/"),
     "trigger": st.sampled_from(["observe", "input", "submit", "other"])},
    optional={f: json_values for f in FIELDS},
)

requests = st.fixed_dictionaries(
    {"type": st.sampled_from(TYPES + ["nope", ""])},
    optional={"id": st.one_of(st.text(max_size=20), st.integers(), json_values),
              "context": st.one_of(contexts, json_values), "payload": json_values,
              "limit": json_values, "before_id": json_values, "rule": json_values,
              "warning_id": json_values, "decision": st.sampled_from(["dismissed", "proceeded", "x"]),
              "settings": json_values, "page": json_values, "protocol": json_values},
)


def check_replies(messages: list[dict]) -> None:
    reply, *events = messages
    assert set(reply) == {"id", "ok", "result"} or set(reply) == {"id", "ok", "error"}
    if not reply["ok"]:
        assert reply["error"]["code"] in ERROR_CODES
    for event in events:
        assert event["type"] == "event"
    for message in messages:
        assert len(encode(message)) <= MAX_OUTGOING


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_as_a_frame(raw):
    check_replies(SESSION.handle(raw))


@FUZZ
@given(requests.filter(lambda r: r["type"] not in ("set_settings", "open_dashboard")))
def test_random_requests(request):
    check_replies(SESSION.handle(json.dumps(request).encode()))


@FUZZ
@given(st.dictionaries(st.text(max_size=12), json_values, max_size=6))
def test_random_settings_never_half_apply(data):
    before = (_TMP / "settings.json").read_bytes()
    [reply, *events] = SESSION.handle(json.dumps({"id": 1, "type": "set_settings", "settings": data}).encode())
    if reply["ok"]:
        assert events and events[0]["event"] == "settings_changed"
        (_TMP / "settings.json").write_bytes(before)  # restore ACME for the next example
    else:
        assert reply["error"]["code"] == "invalid_settings"
        assert (_TMP / "settings.json").read_bytes() == before
        assert all({"path", "message"} <= set(d) for d in reply["error"]["details"])


def frames_in(data: bytes) -> list[dict]:
    out = []
    while data:
        (n,) = struct.unpack("@I", data[:4])
        out.append(json.loads(data[4 : 4 + n]))
        data = data[4 + n :]
    return out


stream_parts = st.lists(
    st.one_of(
        st.binary(max_size=40).map(lambda b: struct.pack("@I", len(b)) + b),  # framed junk
        requests.map(lambda r: json.dumps(r).encode()).map(lambda b: struct.pack("@I", len(b)) + b),
        st.binary(max_size=12),  # unframed junk: may desync the stream
    ),
    max_size=8,
)


@FUZZ
@given(stream_parts)
def test_random_byte_streams_are_answered_or_end_cleanly(parts):
    parts = [p for p in parts if b'"set_settings"' not in p and b'"open_dashboard"' not in p]
    data = b"".join(parts)
    out = io.BytesIO()
    code = serve(io.BytesIO(data), out, SESSION, max_incoming=10_000)
    assert code in (0, 1)
    replies = [m for m in frames_in(out.getvalue()) if m.get("type") != "event"]
    for reply in replies:
        assert isinstance(reply["ok"], bool)
    # Every complete frame before the point where the stream broke got exactly one reply.
    complete = 0
    rest = data
    while len(rest) >= 4:
        (n,) = struct.unpack("@I", rest[:4])
        if n > 64 * 1024 * 1024 or len(rest) < 4 + n:
            break
        complete += 1
        rest = rest[4 + n :]
    assert len(replies) == complete
    assert code == (0 if not rest else 1)


# -- the one-pass evaluate (pydantic's JSON parser) answers exactly as the plain path --

_PLAIN_TMP = Path(tempfile.mkdtemp(prefix="host-fuzz-plain-"))
(_PLAIN_TMP / "settings.json").write_text(json.dumps(ACME))
_FAST_TMP = Path(tempfile.mkdtemp(prefix="host-fuzz-fast-"))
(_FAST_TMP / "settings.json").write_text(json.dumps(ACME))
FAST = Session(settings_path=_FAST_TMP / "settings.json", log_path=_FAST_TMP / "warnings.sqlite3")
FAST.warm_up()
PLAIN = Session(settings_path=_PLAIN_TMP / "settings.json", log_path=_PLAIN_TMP / "warnings.sqlite3")
PLAIN.warm_up().evaluate_request = lambda raw: None  # always the plain path

VALID = [
    {"kind": "post", "url": "https://www.linkedin.com/feed/", "page_session": "t1", "trigger": "input",
     "text": "Proud of my team at Acme Data!", "mentions": [], "media": []},
    {"kind": "message", "url": "https://www.linkedin.com/messaging/thread/2-abc/", "page_session": "t2",
     "trigger": "submit", "channel": "message", "recipient": {"name": "Mark Visser", "headline": "Directeur"},
     "text": "Wij bieden 20% korting op onze software, zullen we bellen?"},
    {"kind": "profile", "url": "https://www.linkedin.com/in/me/", "page_session": "t3", "trigger": "observe",
     "own": True, "name": "Sanne", "positions": [{"title": "Sales Director", "company": "Acme Data", "current": True}]},
]


def same_answer(raw: bytes) -> None:
    fast, plain = FAST.handle(raw), PLAIN.handle(raw)
    assert [encode(m) for m in fast] == [encode(m) for m in plain], raw[:200]


def test_the_one_pass_is_taken_for_a_plain_evaluate():
    raw = json.dumps({"id": "r-1", "type": "evaluate", "context": VALID[0]}).encode()
    assert FAST.warm_up().evaluate_request(raw) is not None
    same_answer(raw)


@pytest.mark.parametrize("raw", [
    b'{"id": 1, "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a\\ud800b"}}',
    b'{"id": 1, "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "\\udc00"}}',
    b'{"id": 1, "type": "evaluate", "x": NaN, "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a"}}',
    b'{"id": 1, "type": "evaluate", "x": -Infinity, "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a"}}',
    b'\xef\xbb\xbf{"id": 1, "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a"}}',
    b'{"id": 1, "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a"}} x',
    b'{"id": ' + b"9" * 5000 + b', "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a"}}',
    b'{"id": ' + b"9" * 30 + b', "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a"}}',
    b'{"id": 1.5, "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a"}}',
    b'{"id": true, "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a"}}',
    b'{"id": "' + b"x" * 201 + b'", "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a"}}',
    b'{"id": 1, "type": "evaluate", "type": "ping", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a"}}',
    b'{"id": 1, "type": "ping", "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a"}}',
    b'{"id": 1, "type": "evaluate", "deep": ' + b"[" * 500 + b"]" * 500 + b', "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a"}}',
    b'{"id": 1, "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "a\nb"}}',
    b'{"id": 1, "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": 5}}',
    b'{"id": 1, "type": "evaluate", "context": {"kind": "profile", "url": "u", "trigger": "observe", "own": "true", "name": "x", "positions": []}}',
    b'{"id": 1, "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "first"}, "context": {"kind": "post", "url": "u", "trigger": "input", "text": "Acme Data"}}',
    b'{"id": null, "type": "evaluate", "context": {"kind": "post", "url": "u", "trigger": "input", "text": "Acme Data \\u00e9\\ud83d\\ude00"}}',
])
def test_odd_evaluate_frames_get_the_plain_answer(raw):
    same_answer(raw)


@FUZZ
@given(requests.map(lambda r: {**r, "type": "evaluate"}))
def test_random_evaluate_requests_get_the_plain_answer(request):
    same_answer(json.dumps(request).encode())


@FUZZ
@given(st.sampled_from(VALID), st.one_of(st.none(), st.text(max_size=30), st.integers(), st.floats()),
       st.lists(st.tuples(st.integers(0, 400), st.binary(min_size=0, max_size=3)), max_size=3))
def test_damaged_evaluate_frames_get_the_plain_answer(context, request_id, damage):
    raw = bytearray(json.dumps({"id": request_id, "type": "evaluate", "context": context}).encode())
    for at, junk in damage:  # overwrite a few bytes anywhere
        at = min(at, len(raw))
        raw[at : at + len(junk)] = junk
    same_answer(bytes(raw))
