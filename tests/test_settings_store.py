"""Settings on disk: atomic, validated before applied, corrupt files kept aside."""

import json
import os

import pytest

from guard import paths, settings_store
from guard.models import Settings


def test_missing_file_gives_defaults():
    loaded = settings_store.load()
    assert loaded.settings == Settings() and loaded.problem is None


def test_save_then_load_round_trips(guard_home):
    s = Settings.model_validate({"language": "nl", "employer": {"name": "Acme"}})
    target = settings_store.save(s)
    assert target == guard_home / "settings.json" == paths.settings_path()
    assert settings_store.load().settings == s
    assert json.loads(target.read_text())["version"] == 1


def test_save_leaves_no_temp_files(guard_home):
    settings_store.save(Settings())
    settings_store.save(Settings(language="en"))
    assert sorted(p.name for p in guard_home.iterdir()) == ["settings.json", "settings.json.last-good"]


def test_failed_write_keeps_the_old_file(guard_home, monkeypatch):
    settings_store.save(Settings(language="nl"))

    def boom(*a, **k):
        raise OSError("disk full")

    with monkeypatch.context() as m:
        m.setattr(os, "replace", boom)
        with pytest.raises(OSError):
            settings_store.save(Settings(language="en"))
    assert settings_store.load().settings.language == "nl"
    assert sorted(p.name for p in guard_home.iterdir()) == ["settings.json", "settings.json.last-good"]


@pytest.mark.parametrize("content", [b"{not json", b'{"language": "xx"}', b"[1, 2]", b"\xff\xfe"])
def test_corrupt_file_is_kept_aside_and_defaults_run_failing_closed(guard_home, content):
    (guard_home / "settings.json").write_bytes(content)
    loaded = settings_store.load()
    # No last valid settings to fall back on: in doubt, closed (audit B15).
    assert loaded.settings == Settings(fail_mode="closed")
    assert "fail_mode closed" in loaded.problem
    assert loaded.problem and "settings.json" in loaded.problem
    assert loaded.moved_to is not None and loaded.moved_to.read_bytes() == content
    assert not (guard_home / "settings.json").exists()


def test_validate_names_fields():
    with pytest.raises(settings_store.SettingsError) as err:
        settings_store.validate({"log": {"retention_days": -3}, "fail_mode": "maybe"})
    assert "log.retention_days" in str(err.value) and "fail_mode" in str(err.value)


def test_env_var_moves_everything(tmp_path, monkeypatch):
    monkeypatch.setenv("LINKEDIN_GUARD_HOME", str(tmp_path / "x"))
    assert paths.settings_path() == tmp_path / "x" / "settings.json"
    assert paths.log_db_path().parent == tmp_path / "x"


# -- audit B15: an invalid file never turns fail_mode "closed" into "open" ------------


@pytest.mark.parametrize("broken", [b'{"fail_mode": "clo', b'{"language": "xx"}', b"\xff", b"[" * 100_000])
def test_an_invalid_file_keeps_the_last_valid_settings(guard_home, broken):
    settings_store.save(Settings(fail_mode="closed", language="nl"))
    (guard_home / "settings.json").write_bytes(broken)
    loaded = settings_store.load()
    assert loaded.settings.fail_mode == "closed"
    assert loaded.settings.language == "nl"
    assert "last valid settings" in loaded.problem


def test_a_file_edited_by_hand_becomes_the_last_valid_one(guard_home):
    (guard_home / "settings.json").write_text('{"fail_mode": "closed"}')
    assert settings_store.load().settings.fail_mode == "closed"
    (guard_home / "settings.json").write_text('{"fail_mode": "closed", "bulk": {"profiles": -1}}')
    assert settings_store.load().settings.fail_mode == "closed"


def test_the_broken_files_own_fail_mode_wins_over_the_last_valid_one(guard_home):
    settings_store.save(Settings(fail_mode="open"))
    (guard_home / "settings.json").write_text('{"fail_mode": "closed", "log": {"retention_days": "often"}}')
    loaded = settings_store.load()
    assert loaded.settings.fail_mode == "closed"
    assert "retention_days" in loaded.problem


def test_an_unknown_field_suggests_the_known_one():
    with pytest.raises(settings_store.SettingsError) as err:
        settings_store.validate({"fail_mod": "closed", "rules": {"LG201": {"mdoe": "inform"}}})
    assert "fail_mod: unknown field (did you mean 'fail_mode'?)" in str(err.value)
    assert "rules.LG201.mdoe: unknown field (did you mean 'mode'?)" in str(err.value)


def test_nothing_is_suggested_for_a_field_unlike_any():
    with pytest.raises(settings_store.SettingsError) as err:
        settings_store.validate({"zzzzzz": 1})
    assert "did you mean" not in str(err.value)


def test_settings_folder_and_files_are_private_whatever_the_umask(tmp_path, monkeypatch):
    home = tmp_path / "fresh" / "guard"
    monkeypatch.setenv("LINKEDIN_GUARD_HOME", str(home))
    old = os.umask(0o022)
    try:
        settings_store.save(Settings())
    finally:
        os.umask(old)
    assert home.stat().st_mode & 0o777 == 0o700
    for name in ("settings.json", "settings.json.last-good"):
        assert (home / name).stat().st_mode & 0o777 == 0o600
