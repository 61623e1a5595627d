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
    assert sorted(p.name for p in guard_home.iterdir()) == ["settings.json"]


def test_failed_write_keeps_the_old_file(guard_home, monkeypatch):
    settings_store.save(Settings(language="nl"))

    def boom(*a, **k):
        raise OSError("disk full")

    with monkeypatch.context() as m:
        m.setattr(os, "replace", boom)
        with pytest.raises(OSError):
            settings_store.save(Settings(language="en"))
    assert settings_store.load().settings.language == "nl"
    assert [p.name for p in guard_home.iterdir()] == ["settings.json"]


@pytest.mark.parametrize("content", [b"{not json", b'{"language": "xx"}', b"[1, 2]", b"\xff\xfe"])
def test_corrupt_file_is_kept_aside_and_defaults_run(guard_home, content):
    (guard_home / "settings.json").write_bytes(content)
    loaded = settings_store.load()
    assert loaded.settings == Settings()
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
