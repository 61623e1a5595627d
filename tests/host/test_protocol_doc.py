"""native_host/PROTOCOL.md and the code say the same thing."""

from __future__ import annotations

import json
import re
import sys
import types
from pathlib import Path


from native_host.errors import ERROR_CODES
from tests.host.conftest import ACME, ask

DOC = (Path(__file__).resolve().parents[2] / "native_host" / "PROTOCOL.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = DOC.index(f"\n## {title}\n")
    end = DOC.find("\n## ", start + 1)
    return DOC[start : end if end != -1 else None]


def message_sections() -> dict[str, str]:
    body = section("Messages")
    parts = re.split(r"^### `(\w+)`\s*$", body, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def example(text: str, label: str) -> dict:
    m = re.search(label + r":\s*```json\n(.*?)\n```", text, flags=re.DOTALL)
    assert m, f"no {label} example"
    return json.loads(m.group(1))


def shape(value):
    """Keys all the way down (first item of lists), so examples and replies compare by structure."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__ if value is not None else None


def same_shape(doc, real, where="result"):
    if isinstance(doc, dict):
        assert isinstance(real, dict), where
        assert set(doc) == set(real), f"{where}: documented {sorted(doc)}, replied {sorted(real)}"
        for k in doc:
            same_shape(doc[k], real[k], f"{where}.{k}")
    elif isinstance(doc, list) and doc and real:
        same_shape(doc[0], real[0], f"{where}[0]")


def test_error_table_matches_the_code_in_order():
    rows = re.findall(r"^\| `(\w+)` \| (.+?) \|$", section("Error codes"), flags=re.MULTILINE)
    assert [code for code, _ in rows] == list(ERROR_CODES), "append-only: same codes, same order"
    for code, meaning in rows:
        assert meaning == ERROR_CODES[code]


def test_every_message_type_is_documented(session):
    assert set(message_sections()) == set(session.handlers)


def test_each_documented_example_gets_a_reply_of_the_documented_shape(session, monkeypatch):
    fake = types.ModuleType("guard.dashboard.launcher")
    fake.ensure_dashboard = lambda page: {"url": f"http://127.0.0.1:8765/{page}?token=t"}
    monkeypatch.setitem(sys.modules, "guard.dashboard.launcher", fake)
    session.settings_path.write_text(json.dumps(ACME))
    sections = message_sections()
    # Order matters: evaluate fills the log that decide and get_log read.
    for name in ("hello", "evaluate", "decide", "get_log", "get_settings", "set_settings", "ping", "echo", "set_managed",
                 "open_dashboard"):
        text = sections[name]
        request, documented = example(text, "Request"), example(text, "Reply")
        if name == "decide":
            # The documented id is made up; decide on the warning evaluate really raised.
            newest = session.warm_up().log.entries()[0]
            request["warning_id"] = session.warm_up().log.entry(newest.id)["warning_id"]
        replies = ask(session, request)
        reply = replies[0]
        assert reply["ok"] and documented["ok"], (name, reply)
        assert reply["id"] == request["id"] == documented["id"]
        same_shape(documented["result"], reply["result"], name)
        if name == "decide":
            assert reply["result"] == {"recorded": 1}
        if name == "get_log":
            assert reply["result"]["entries"][0]["decision"] == "proceeded"


def test_documented_event_matches_a_real_push(session):
    doc_event = json.loads(re.search(r"```json\n(\{\"type\": \"event\".*?)\n```", section("Events"),
                                     flags=re.DOTALL).group(1))
    replies = ask(session, {"id": 1, "type": "set_settings", "settings": {"language": "nl"}})
    same_shape(doc_event, replies[1], "event")


def test_the_host_name_in_the_doc_is_the_host_name():
    from native_host import HOST_NAME

    assert f"`{HOST_NAME}`" in DOC
