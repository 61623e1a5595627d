"""The outside audit's native-host findings (audit-2026-12.md, part B), one test each.

B7 deep JSON with a lone surrogate, B15 an invalid settings file and
fail_mode, B16/B17 read-only or full disks, B19 private modes of the logs
and the folder.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys

import pytest

from guard import settings_store
from guard.models import Settings
from tests.host.conftest import ask, frame, host_env, split_frames


def result_of(messages):
    assert messages[0]["ok"], messages[0]
    return messages[0]["result"]


def error_of(messages):
    assert not messages[0]["ok"], messages[0]
    return messages[0]["error"]


def spawn_host(stdin: bytes, guard_home, *, umask: int | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "native_host"], input=stdin, capture_output=True,
                          env=host_env(guard_home), timeout=30, cwd=str(guard_home.parent),
                          preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)


# -- B7: deep JSON with a lone surrogate --------------------------------------------


@pytest.mark.parametrize("depth", [600, 900])
def test_deep_json_with_a_lone_surrogate_is_answered_not_an_internal_error(session, depth):
    raw = ('{"id": 1, "type": "echo", "payload": ' + "[" * depth + '"a\\ud83d"' + "]" * depth + "}").encode()
    payload = result_of(ask(session, raw))["payload"]
    for _ in range(depth):
        [payload] = payload
    assert payload == "a\ufffd"


def test_absurdly_deep_json_with_a_lone_surrogate_is_invalid_json(session):
    raw = ('{"id": 1, "type": "echo", "payload": ' + "[" * 100_000 + '"\\udc00"' + "]" * 100_000 + "}").encode()
    assert error_of(ask(session, raw))["code"] == "invalid_json"
    assert result_of(ask(session, {"id": 2, "type": "ping"})) == {"pong": True}


def test_no_runaway_traceback_on_stderr(guard_home):
    deep = ('{"id": 1, "type": "set_settings", "settings": {"x": ' + "[" * 900 + '"\\ud800"' + "]" * 900 + "}}")
    done = spawn_host(frame(deep.encode()) + frame({"id": 2, "type": "ping"}), guard_home)
    replies = split_frames(done.stdout)
    assert replies[0]["error"]["code"] == "invalid_settings"  # a client error, named
    assert replies[1]["result"] == {"pong": True}
    assert b"Traceback" not in done.stderr and len(done.stderr) < 2000, done.stderr[-2000:]


# -- B15: an invalid settings file keeps fail_mode closed and says so -----------------


def test_a_truncated_settings_file_keeps_fail_mode_closed_at_hello(session):
    settings_store.save(Settings(fail_mode="closed"), session.settings_path)
    session.settings_path.write_text('{"fail_mode": "clo')
    result = result_of(ask(session, {"id": "h", "type": "hello"}))
    assert result["fail_mode"] == "closed"
    assert "last valid settings" in result["settings_problem"]


def test_a_bad_field_later_does_not_switch_fail_mode_to_open(session):
    settings_store.save(Settings(fail_mode="closed"), session.settings_path)
    ask(session, {"id": "h", "type": "hello"})
    session.warm_up()
    session.settings_path.write_text(json.dumps({"fail_mode": "closed", "log": {"retention_days": "often"}}))
    messages = ask(session, {"id": 2, "type": "get_settings"})
    assert messages[0]["result"]["settings"]["fail_mode"] == "closed"
    [event] = messages[1:]
    assert event["event"] == "settings_changed" and event["settings"]["fail_mode"] == "closed"
    assert "retention_days" in event["settings_problem"]


def test_an_unreadable_settings_file_with_no_history_fails_closed(session):
    session.settings_path.write_text("{not json")
    result = result_of(ask(session, {"id": "h", "type": "hello"}))
    assert result["fail_mode"] == "closed"
    assert "fail_mode closed" in result["settings_problem"]


# -- B16/B17: read-only or full disk ---------------------------------------------------


@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "the disk is read-only")])
def test_set_settings_on_a_disk_that_refuses_is_unavailable(session, monkeypatch, code, words):
    settings_store.save(Settings(language="nl"), session.settings_path)

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(settings_store, "atomic_write", refuse)
    error = error_of(ask(session, {"id": 1, "type": "set_settings", "settings": {"language": "en"}}))
    assert error["code"] == "unavailable"
    assert words in error["message"] and "unchanged" in error["message"]
    assert json.loads(session.settings_path.read_text())["language"] == "nl"


def test_a_host_log_that_cannot_be_written_is_said_once_without_tracebacks(guard_home):
    (guard_home / "host.log").mkdir()  # opening it fails, like a read-only disk
    frames = b"".join(frame({"id": i, "type": "get_log"}) for i in range(5))
    done = spawn_host(frames, guard_home)
    assert [r["ok"] for r in split_frames(done.stdout)] == [True] * 5
    assert b"Logging error" not in done.stderr and b"Traceback" not in done.stderr, done.stderr
    assert done.stderr.count(b"cannot write the host log") == 1


# -- B19: private modes, whatever the umask ----------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_host_log_database_and_folder_are_private_under_umask_022(tmp_path):
    home = tmp_path / "new-home"
    done = spawn_host(frame({"id": 1, "type": "hello"}) + frame({"id": 2, "type": "get_log"}), home, umask=0o022)
    assert [r["ok"] for r in split_frames(done.stdout)] == [True, True]
    assert home.stat().st_mode & 0o777 == 0o700
    assert (home / "host.log").stat().st_mode & 0o777 == 0o600
    assert (home / "warnings.sqlite3").stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_an_old_world_readable_host_log_is_tightened(guard_home):
    log = guard_home / "host.log"
    log.write_text("old line\n")
    log.chmod(0o644)
    spawn_host(frame({"id": 1, "type": "ping"}), guard_home)
    assert log.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_install_creates_the_guard_folder_private_under_umask_022(tmp_path):
    home = tmp_path / "fresh-guard-home"
    env = {**host_env(home), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "guard", "install", "--browser", "chromium"], capture_output=True,
                          env=env, cwd=str(tmp_path), timeout=60, preexec_fn=lambda: os.umask(0o022))
    assert done.returncode == 0, done.stderr
    assert home.stat().st_mode & 0o777 == 0o700


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_the_host_log_moves_to_one_backup_when_full_and_both_stay_private(tmp_path):
    import logging

    from native_host.host import HostLogHandler

    folder = tmp_path / "logs"
    folder.mkdir()
    path = folder / "host.log"
    handler = HostLogHandler(path, 400)
    handler.setFormatter(logging.Formatter("%(message)s"))
    try:
        for i in range(40):
            handler.handle(logging.makeLogRecord({"msg": f"line {i:02d} " + "x" * 40}))
    finally:
        handler.close()
    backup = folder / "host.log.1"
    assert path.stat().st_size < 400 and 300 < backup.stat().st_size < 400
    assert sorted(p.name for p in folder.iterdir()) == ["host.log", "host.log.1"]  # one backup only
    lines = backup.read_text().splitlines() + path.read_text().splitlines()
    assert lines[-1].startswith("line 39") and [int(x.split()[1]) for x in lines] == list(range(40 - len(lines), 40))
    assert path.stat().st_mode & 0o777 == 0o600 and backup.stat().st_mode & 0o777 == 0o600
