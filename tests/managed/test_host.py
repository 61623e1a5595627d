"""The host: set_managed stores the layer, evaluate uses the effective settings, locks are refused."""

from __future__ import annotations

import json

from tests.host.conftest import ask
from tests.managed.conftest import POLICY, open_to_work_form


def result(replies):
    assert replies[0]["ok"], replies[0]
    return replies[0]["result"]


def warnings(session, context):
    return [w["rule"] for w in result(ask(session, {"id": "e", "type": "evaluate", "context": context}))["warnings"]]


def test_the_managed_employer_makes_lg101_fire_and_removing_the_policy_ends_it(session, guard_home):
    assert warnings(session, open_to_work_form()) == []  # no employer known yet
    replies = ask(session, {"id": 1, "type": "set_managed", "managed": POLICY})
    assert result(replies)["managed"]["locked_paths"] == ["rules.LG201.enabled", "rules.LG201.mode"]
    assert replies[1]["event"] == "settings_changed"
    assert replies[1]["settings"]["employer"]["name"] == "Acme Data B.V."
    assert json.loads((guard_home / "managed.json").read_text())["locked"] == POLICY["locked"]
    assert not (guard_home / "settings.json").exists()  # the person's file is not touched
    assert warnings(session, open_to_work_form()) == ["LG101"]
    assert "LG101" not in warnings(session, open_to_work_form("recruiters"))
    result(ask(session, {"id": 2, "type": "set_managed", "managed": None}))
    assert not (guard_home / "managed.json").exists()
    assert warnings(session, open_to_work_form()) == []


def test_a_locked_change_is_refused_with_each_path_and_nothing_changes(session, guard_home):
    result(ask(session, {"id": 1, "type": "set_managed", "managed": POLICY}))
    [reply] = ask(session, {"id": 2, "type": "set_settings",
                            "settings": {"language": "nl", "rules": {"LG201": {"enabled": False, "mode": "inform"}}}})
    assert reply["error"]["code"] == "locked"
    assert [d["path"] for d in reply["error"]["details"]] == ["rules.LG201.enabled", "rules.LG201.mode"]
    assert not (guard_home / "settings.json").exists()
    assert result(ask(session, {"id": 3, "type": "get_settings"}))["settings"]["language"] == "auto"


def test_own_values_rule_again_when_the_lock_goes(session):
    result(ask(session, {"id": 1, "type": "set_settings", "settings": {"rules": {"LG201": {"enabled": False}}}}))
    result(ask(session, {"id": 2, "type": "set_managed", "managed": POLICY}))
    got = result(ask(session, {"id": 3, "type": "get_settings"}))
    assert got["managed"]["effective"]["rules"]["LG201"] == {"enabled": True, "mode": "confirm"}
    assert got["managed"]["sources"]["rules.LG201.enabled"] == "managed-locked"
    # Saving the whole document back (another field changed) is not a change to the lock...
    doc = {**got["settings"], "language": "nl"}
    saved = result(ask(session, {"id": 4, "type": "set_settings", "settings": doc}))
    assert saved["settings"]["rules"]["LG201"]["enabled"] is False  # the person's own value, kept
    result(ask(session, {"id": 5, "type": "set_managed", "managed": {}}))
    got = result(ask(session, {"id": 6, "type": "get_settings"}))
    assert got["managed"] is None and got["settings"]["rules"]["LG201"]["enabled"] is False


def test_an_invalid_layer_is_refused_and_the_previous_one_stays(session, guard_home):
    result(ask(session, {"id": 1, "type": "set_managed", "managed": POLICY}))
    [reply] = ask(session, {"id": 2, "type": "set_managed", "managed": {"locked": {"log": {"retention_days": 0}}}})
    assert reply["error"]["code"] == "invalid_managed"
    assert reply["error"]["details"][0]["path"] == "locked.log.retention_days"
    assert json.loads((guard_home / "managed.json").read_text())["locked"] == POLICY["locked"]


def test_a_layer_written_by_another_host_is_picked_up(session, guard_home):
    assert warnings(session, open_to_work_form()) == []
    (guard_home / "managed.json").write_text(json.dumps(POLICY))
    assert warnings(session, open_to_work_form()) == ["LG101"]


def test_hello_tells_the_managed_fail_mode_without_warming_up(session, guard_home):
    (guard_home / "managed.json").write_text(json.dumps({"locked": {"fail_mode": "closed"}}))
    [reply] = ask(session, {"id": 1, "type": "hello"})
    assert reply["result"]["fail_mode"] == "closed" and not session.warm


def test_patch_settings_cannot_loosen_a_lock_and_patches_other_values(session, guard_home):
    result(ask(session, {"id": 1, "type": "set_managed", "managed": POLICY}))
    [reply] = ask(session, {"id": 2, "type": "patch_settings",
                            "patch": {"language": "nl", "rules": {"LG201": {"enabled": False}}}})
    assert reply["error"]["code"] == "locked"
    assert [d["path"] for d in reply["error"]["details"]] == ["rules.LG201.enabled"]
    assert not (guard_home / "settings.json").exists()  # nothing half-applied: not even the language
    patched = result(ask(session, {"id": 3, "type": "patch_settings", "patch": {"rules": {"LG202": {"enabled": False}}}}))
    assert patched["managed"]["effective"]["rules"]["LG201"]["enabled"] is True
    assert json.loads((guard_home / "settings.json").read_text())["rules"]["LG202"]["enabled"] is False


def test_get_rules_carries_the_locked_paths_for_the_options_page(session):
    result(ask(session, {"id": 1, "type": "set_managed", "managed": POLICY}))
    got = result(ask(session, {"id": 2, "type": "get_rules"}))
    assert "rules.LG201.enabled" in got["managed"]["locked_paths"]


def test_only_a_browser_started_host_takes_the_managed_layer(guard_home):
    """The person's own tools cannot replace the organisation's layer through the host."""
    from tests.host.conftest import frame, run_host, split_frames

    request = frame({"id": 1, "type": "set_managed", "managed": POLICY})
    # Started by hand (a terminal, the person's script): refused, nothing written.
    [reply] = split_frames(run_host(request, guard_home).stdout)
    assert reply["error"]["code"] == "unavailable" and "browser" in reply["error"]["message"]
    assert not (guard_home / "managed.json").exists()
    # Started by a browser for an extension (Chromium: the origin; Firefox: manifest path + add-on ID): kept.
    replies = split_frames(run_host(request, guard_home, "chrome-extension://" + "a" * 32 + "/").stdout)
    assert replies[0]["ok"], replies[0]
    assert json.loads((guard_home / "managed.json").read_text())["locked"] == POLICY["locked"]
    gone = frame({"id": 2, "type": "set_managed", "managed": None})
    assert split_frames(run_host(gone, guard_home, str(guard_home / "m.json"), "guard@example.org").stdout)[0]["ok"]
    assert not (guard_home / "managed.json").exists()


def test_the_dashboard_and_the_cli_cannot_write_the_managed_layer(tmp_path, capsys):
    """A settings document shaped like the managed layer is an unknown field everywhere the person saves."""
    from guard import paths
    from guard.cli import main

    doc = tmp_path / "layer.json"
    doc.write_text(json.dumps(POLICY))
    assert main(["settings", "import", str(doc)]) == 2
    assert "defaults" in capsys.readouterr().err
    assert not paths.settings_path().with_name("managed.json").exists()


NAMELESS = {"locked": {"employer": {"official_title": "Account manager"}}}  # fits the schema; an employer needs a name


def test_a_refused_layer_is_reported_until_a_valid_one_arrives(session, guard_home):
    from native_host.dispatch import Session

    result(ask(session, {"id": 1, "type": "set_managed", "managed": POLICY}))
    [reply] = ask(session, {"id": 2, "type": "set_managed", "managed": NAMELESS})
    assert reply["error"]["code"] == "invalid_managed"
    problem = result(ask(session, {"id": 3, "type": "get_settings"}))["managed_problem"]
    assert "employer.name" in problem
    assert "employer.name" in result(ask(session, {"id": 4, "type": "get_rules"}))["managed_problem"]
    assert json.loads((guard_home / "managed.json").read_text()) == {**POLICY}  # the previous layer stays in force
    # Another host process (the next browser start, doctor's hello) knows it too.
    other = Session(settings_path=guard_home / "settings.json", log_path=guard_home / "w.sqlite3")
    assert "employer.name" in result(ask(other, {"id": 1, "type": "get_settings"}))["managed_problem"]
    other.close()
    replies = ask(session, {"id": 5, "type": "set_managed", "managed": POLICY})
    assert "managed_problem" not in result(replies)
    assert [m.get("event") for m in replies[1:]] == ["settings_changed"]
    assert "managed_problem" not in replies[1]
    assert not (guard_home / "managed-problem.json").exists()


def test_an_unusable_managed_json_is_reported_and_replaced_by_the_next_relay(session, guard_home):
    result(ask(session, {"id": 1, "type": "get_settings"}))
    (guard_home / "managed.json").write_text('{"locked": {"fail_mode": "ajar"}}')
    replies = ask(session, {"id": 2, "type": "get_settings"})
    assert "fail_mode" in result(replies)["managed_problem"]
    assert "fail_mode" in replies[1]["managed_problem"]  # the settings_changed event says it too
    replies = ask(session, {"id": 3, "type": "set_managed", "managed": None})  # no policy in the browser
    assert "managed_problem" not in result(replies) and not (guard_home / "managed.json").exists()
