"""The CLI and the dashboard give the host's answer: locked values shown, disabled and refused."""

from __future__ import annotations

import json

from guard import managed, paths
from guard.cli import main
from tests.dashboard.conftest import same_origin
from tests.dashboard.conftest import Seeder
from tests.managed.conftest import POLICY


def install_policy():
    managed.store(managed.parse(POLICY), managed.path_for(paths.settings_path()))


def test_settings_show_effective_json_names_every_source(capsys):
    install_policy()
    paths.settings_path().write_text(json.dumps({"fail_mode": "closed"}))
    assert main(["settings", "show", "--effective", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["settings"]["employer"]["name"] == "Acme Data B.V."
    assert out["settings"]["rules"]["LG201"] == {"enabled": True, "mode": "confirm"}
    assert out["sources"]["employer.name"] == "managed-default"
    assert out["sources"]["rules.LG201.mode"] == "managed-locked"
    assert out["sources"]["fail_mode"] == "user"
    assert out["sources"]["language"] == "default"


def test_settings_show_effective_text_has_a_line_per_value(capsys):
    install_policy()
    assert main(["settings", "show", "--effective"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("rules.LG201.enabled") and line.endswith("(managed-locked)") for line in lines)


def test_settings_import_refuses_a_locked_change(tmp_path, capsys):
    install_policy()
    doc = tmp_path / "s.json"
    doc.write_text(json.dumps({"language": "nl", "rules": {"LG201": {"enabled": False}}}))
    assert main(["settings", "import", str(doc)]) == 2
    assert "rules.LG201.enabled" in capsys.readouterr().err
    assert not paths.settings_path().exists()
    doc.write_text(json.dumps({"language": "nl"}))
    assert main(["settings", "import", str(doc)]) == 0


async def test_dashboard_disables_locked_fields_and_refuses_them(client):
    install_policy()
    page = await (await client.get("/settings")).text()
    assert "set by your organisation" in page
    assert 'disabled title="set by your organisation" data-locked="1" name="rules.LG201.enabled"' in page
    assert 'name="rules.LG201.mode"' in page and page.count('data-locked="1"') == 2
    resp = await client.put("/api/settings", json={"rules": {"LG201": {"enabled": False}}}, headers=same_origin(client))
    assert resp.status == 409
    body = await resp.json()
    assert body["error"]["code"] == "locked" and body["error"]["details"][0]["path"] == "rules.LG201.enabled"
    assert not paths.settings_path().exists()


async def test_dashboard_form_saves_other_fields_while_locked_ones_are_disabled(client):
    install_policy()
    # A browser does not post disabled fields: rules.LG201.enabled is missing (would read as unchecked).
    form = {"language": "nl", "fail_mode": "open", "log.retention_days": "90", "log.store_excerpts": "on",
            "bulk.profiles": "40", "bulk.minutes": "10", "rules.LG201.present": "1"}
    resp = await client.post("/settings", data=form, headers=same_origin(client), allow_redirects=False)
    assert resp.status == 303, await resp.text()
    saved = json.loads(paths.settings_path().read_text())
    assert saved["language"] == "nl" and saved["log"]["retention_days"] == 90
    assert saved["rules"].get("LG201", {}).get("enabled", True) is True


def test_evaluate_without_settings_file_judges_with_the_managed_layer(capsys, monkeypatch):
    import io

    from tests.managed.conftest import open_to_work_form

    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(open_to_work_form())))
    assert main(["evaluate"]) == 0
    assert "LG101" not in capsys.readouterr().out
    install_policy()
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(open_to_work_form())))
    assert main(["evaluate"]) == 0
    assert [w["rule"] for w in json.loads(capsys.readouterr().out)["warnings"]] == ["LG101"]


def _store(layer):
    managed.store(managed.parse(layer), managed.path_for(paths.settings_path()))


async def test_the_rule_catalogue_shows_the_rules_in_force_with_the_organisations_locks(client):
    # The person turned LG201 off and LG301 to confirm; the organisation locks LG201 on.
    paths.settings_path().write_text(json.dumps({"rules": {"LG201": {"enabled": False}, "LG301": {"mode": "confirm"}}}))
    install_policy()
    page = await (await client.get("/rules")).text()
    card = page[page.index('id="LG201"'):page.index("</header>", page.index('id="LG201"'))]
    assert 'state-on' in card and 'data-locked="enabled mode"' in card and "set by your organisation" in card
    other = page[page.index('id="LG301"'):page.index("</header>", page.index('id="LG301"'))]
    assert "data-locked" not in other
    rules = {r["id"]: r for r in (await (await client.get("/api/rules")).json())["rules"]}
    assert rules["LG201"]["enabled"] is True and rules["LG201"]["mode_setting"] == "confirm"
    assert rules["LG201"]["locked"] == ["enabled", "mode"] and rules["LG301"]["locked"] == []
    assert rules["LG301"]["mode_setting"] == "confirm"  # the person's own value still rules where nothing is locked


async def test_retention_uses_the_organisations_locked_days(client):
    from datetime import datetime, timedelta, timezone

    paths.settings_path().write_text(json.dumps({"log": {"retention_days": 365}}))
    _store({"locked": {"log": {"retention_days": 7}}})
    seed = Seeder(paths.log_db_path())
    # 30 days old: kept under the person's own 365 days, removed under the organisation's 7.
    seed.add(created_at=(datetime.now(timezone.utc) - timedelta(days=30)).isoformat())
    seed.add()
    page = await (await client.get("/")).text()
    assert "older than 7 days" in page and 'data-locked="1"' in page
    resp = await client.post("/log/retention", headers=same_origin(client), allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/?retained=1"


async def test_the_organisations_default_language_applies_to_the_dashboard(client):
    _store({"defaults": {"language": "nl"}})
    page = await (await client.get("/rules", headers={"Accept-Language": "en"})).text()
    assert 'lang="nl"' in page


async def test_the_settings_page_says_when_the_organisations_settings_could_not_be_applied(client):
    path = managed.path_for(paths.settings_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        managed.parse({"locked": {"employer": {"official_title": "<b>Account manager</b>"}}})
    except managed.ManagedError as err:
        managed.record_refusal(err, path)
    page = await (await client.get("/settings")).text()
    assert "Your organisation&#x27;s guard settings could not be applied: invalid managed settings" in page
    assert "employer.name" in page


def test_settings_import_says_which_own_values_a_lock_overrules(tmp_path, capsys):
    paths.settings_path().write_text(json.dumps({"rules": {"LG201": {"enabled": False}}}))  # the person's own, before the lock
    install_policy()
    doc = tmp_path / "s.json"
    doc.write_text(json.dumps({"language": "nl", "rules": {"LG201": {"enabled": False}}}))
    assert main(["settings", "import", str(doc)]) == 0  # not a change: their own value, kept
    err = capsys.readouterr().err
    assert "does not apply while it is locked: rules.LG201.enabled\n" in err
    assert main(["settings", "show", "--effective", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["settings"]["rules"]["LG201"]["enabled"] is True
