"""patch_settings: settings changes from the extension never lose each other (issue 10, point 1)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import pytest

from guard.settings_patch import PatchError, apply_patch, merge_patch
from tests.host.conftest import ACME, ask, frame, host_env, split_frames
from tests.host.test_dispatch import error_of, result_of, write_settings


# -- RFC 7396 ----------------------------------------------------------------------


@pytest.mark.parametrize(("target", "patch", "result"), [
    ({"a": "b"}, {"a": "c"}, {"a": "c"}),
    ({"a": "b"}, {"b": "c"}, {"a": "b", "b": "c"}),
    ({"a": "b"}, {"a": None}, {}),
    ({"a": "b", "b": "c"}, {"a": None}, {"b": "c"}),
    ({"a": ["b"]}, {"a": "c"}, {"a": "c"}),
    ({"a": "c"}, {"a": ["b"]}, {"a": ["b"]}),
    ({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}, {"a": {"b": "d"}}),
    ({"a": [{"b": "c"}]}, {"a": [1]}, {"a": [1]}),
    (["a", "b"], ["c", "d"], ["c", "d"]),
    ({"a": "b"}, ["c"], ["c"]),
    ({"e": None}, {"a": 1}, {"e": None, "a": 1}),
    ([1, 2], {"a": "b", "c": None}, {"a": "b"}),
    ({}, {"a": {"bb": {"ccc": None}}}, {"a": {"bb": {}}}),
])
def test_merge_patch_follows_rfc_7396_appendix_a(target, patch, result):
    assert merge_patch(target, patch) == result


def test_merge_patch_refuses_absurd_nesting():
    deep: dict = {}
    node = deep
    for _ in range(20):
        node["x"] = {}
        node = node["x"]
    with pytest.raises(PatchError, match="deeper"):
        merge_patch({}, deep)


# -- the host request ------------------------------------------------------------------


def test_patch_changes_only_what_it_names_and_pushes_the_settings(session):
    write_settings(session, {**ACME, "rules": {"LG402": {"mode": "confirm"}}})
    replies = ask(session, {"id": 1, "type": "patch_settings", "patch": {"rules": {"LG201": {"enabled": False}}}})
    settings = result_of(replies)["settings"]
    assert settings["rules"] == {"LG201": {"enabled": False, "mode": None}, "LG402": {"enabled": True, "mode": "confirm"}}
    assert settings["employer"]["name"] == "Acme Data B.V."
    on_disk = json.loads(session.settings_path.read_text())
    assert on_disk["rules"]["LG201"]["enabled"] is False and on_disk["employer"]["name"] == "Acme Data B.V."
    [event] = replies[1:]
    assert event["event"] == "settings_changed" and event["settings"]["rules"]["LG201"]["enabled"] is False


def test_null_undoes_to_the_default(session):
    ask(session, {"id": 1, "type": "patch_settings", "patch": {"rules": {"LG201": {"enabled": False}}}})
    settings = result_of(ask(session, {"id": 2, "type": "patch_settings", "patch": {"rules": {"LG201": None}}}))[
        "settings"]
    assert "LG201" not in settings["rules"]


def test_patch_applies_to_the_file_as_it_is_now_not_to_a_stale_copy(session):
    """The lost click: the dashboard (or another host) wrote after this host last read."""
    result_of(ask(session, {"id": 1, "type": "get_settings"}))
    write_settings(session, {"rules": {"LG402": {"enabled": False}}})
    settings = result_of(ask(session, {"id": 2, "type": "patch_settings",
                                       "patch": {"rules": {"LG201": {"enabled": False}}}}))["settings"]
    assert settings["rules"]["LG402"]["enabled"] is False and settings["rules"]["LG201"]["enabled"] is False


def test_invalid_result_is_refused_with_paths_and_nothing_written(session):
    write_settings(session, ACME)
    before = session.settings_path.read_bytes()
    error = error_of(ask(session, {"id": 1, "type": "patch_settings",
                                   "patch": {"rules": {"LG999": {"enabled": False}}, "bulk": {"minutes": 0}}}))
    assert error["code"] == "invalid_settings"
    paths = {d["path"] for d in error["details"]}
    assert "bulk.minutes" in paths and any(p.startswith("rules") for p in paths)
    assert session.settings_path.read_bytes() == before


@pytest.mark.parametrize("patch", [None, [], "x", 3])
def test_patch_must_be_an_object(session, patch):
    request = {"id": 1, "type": "patch_settings"}
    if patch is not None:
        request["patch"] = patch
    error = error_of(ask(session, request))
    assert error["code"] == "invalid_request" and error["details"][0]["path"] == "patch"


def test_two_quick_toggles_from_two_threads_are_both_kept(guard_home):
    path = guard_home / "settings.json"
    rules = ["LG101", "LG102", "LG201", "LG202", "LG301", "LG401", "LG402", "LG501", "LG601"]

    def toggle(rule):
        apply_patch({"rules": {rule: {"enabled": False}}}, path)

    threads = [threading.Thread(target=toggle, args=(r,)) for r in rules]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {r for r, v in json.loads(path.read_text())["rules"].items() if not v["enabled"]} == set(rules)


def test_another_host_process_waits_for_the_lock(guard_home):
    """The lock is across processes (two browser profiles run two hosts): while this
    test holds it, a real host's patch_settings must not read or write the file."""
    import time

    from guard.settings_patch import locked

    path = guard_home / "settings.json"
    proc = subprocess.Popen([sys.executable, "-m", "native_host"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=host_env(guard_home), cwd=str(guard_home))
    try:
        with locked(path):
            proc.stdin.write(frame({"id": 1, "type": "patch_settings", "patch": {"rules": {"LG201": {"enabled": False}}}}))
            proc.stdin.flush()
            time.sleep(1.5)  # not a timing assertion: the host must still be waiting after it
            assert not path.exists(), "the host wrote while another process held the settings lock"
            # What this process writes under the lock is what the host patches afterwards.
            path.write_text(json.dumps({"rules": {"LG402": {"enabled": False}}}))
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    [reply] = [m for m in split_frames(out) if m.get("id") == 1]
    assert reply["ok"], reply
    rules = json.loads(path.read_text())["rules"]
    assert rules["LG201"]["enabled"] is False and rules["LG402"]["enabled"] is False


def test_documented_example_gets_a_reply_of_the_documented_shape(session):
    from tests.host.test_protocol_doc import example, message_sections, same_shape

    text = message_sections()["patch_settings"]
    request, documented = example(text, "Request"), example(text, "Reply")
    [reply, event] = ask(session, request)
    assert reply["id"] == documented["id"] and reply["ok"]
    same_shape(documented["result"], reply["result"])
    assert reply["result"] == documented["result"]
    assert event["event"] == "settings_changed"


# -- get_rules: what the options page lists ------------------------------------------


def test_get_rules_says_which_rules_need_setup(session):
    rules = {r["id"]: r for r in result_of(ask(session, {"id": 1, "type": "get_rules"}))["rules"]}
    from guard.rules import all_rules

    assert list(rules) == [r.id for r in all_rules()]
    assert {i for i, r in rules.items() if r["setup"] == "needs_setup"} == {"LG301", "LG401", "LG402", "LG501"}
    assert rules["LG301"]["missing"] == "clients" and rules["LG402"]["missing"] == "employer"
    assert rules["LG201"]["title"]["nl"] and rules["LG201"]["summary"]["en"].endswith(".")
    assert "\n" not in rules["LG202"]["summary"]["nl"]


def test_get_rules_follows_the_settings(session):
    write_settings(session, {
        "employer": {"name": "Acme Data B.V.", "official_title": "Data Engineer", "social_media_policy": False},
        "clients": [{"name": "Mark Visser"}],
        "former_employers": [{"name": "Globex", "cleanup_clause": True, "clients": []}],
        "rules": {"LG201": {"enabled": False}, "LG202": {"mode": "inform"}},
    })
    rules = {r["id"]: r for r in result_of(ask(session, {"id": 1, "type": "get_rules"}))["rules"]}
    assert [rules[i]["setup"] for i in ("LG301", "LG401", "LG402", "LG501")] == [
        "ready", "ready", "not_applicable", "needs_setup"]
    assert rules["LG501"]["missing"] == "former_employers.clients"
    assert (rules["LG201"]["enabled"], rules["LG202"]["mode"], rules["LG202"]["default_mode"]) == (False, "inform", "confirm")


def test_get_rules_documented_example_has_the_real_shape(session):
    from tests.host.test_protocol_doc import example, message_sections, same_shape

    text = message_sections()["get_rules"]
    [reply] = ask(session, example(text, "Request"))
    same_shape(example(text, "Reply")["result"], reply["result"])


def test_the_dashboard_waits_for_the_settings_lock_too(guard_home):
    from guard.dashboard.stores import SettingsAccess
    from guard.models import Settings
    from guard.settings_patch import locked

    path = guard_home / "settings.json"
    store = SettingsAccess(path)
    done = threading.Event()
    saver = threading.Thread(target=lambda: (store.save(Settings.model_validate({"language": "nl"})), done.set()))
    with locked(path):
        saver.start()
        assert not done.wait(0.5), "the dashboard wrote while the extension's patch held the lock"
        assert not path.exists()
    saver.join(10)
    assert done.is_set() and json.loads(path.read_text())["language"] == "nl"
