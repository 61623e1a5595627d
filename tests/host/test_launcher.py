"""The launcher install writes, spawned the way a browser spawns it, spoken to over pipes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from native_host import HOST_NAME
from native_host.install import BROWSERS, Env, ExtensionIds, install
from tests.host.conftest import ACME, ROOT, frame, post, split_frames

CLI = [sys.executable, "-m", "guard"]


def install_into_profile(profile: Path, guard_home: Path) -> dict:
    env = {**os.environ, "LINKEDIN_GUARD_HOME": str(guard_home)}
    out = subprocess.run([*CLI, "install", "--browser", "chromium", "--user-data-dir", str(profile)],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads((profile / "NativeMessagingHosts" / f"{HOST_NAME}.json").read_text())


def browser_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """What a browser started from a desktop gives its host: no guard variables, no PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LINKEDIN_GUARD", "PYTHON", "VIRTUAL_ENV"))}
    env["HOME"] = str(tmp_path / "home")
    env["PATH"] = "/usr/bin:/bin"
    return {**env, **extra}


def test_the_installed_launcher_serves_the_browser(tmp_path, guard_home):
    (guard_home / "settings.json").write_text(json.dumps(ACME))
    manifest = install_into_profile(tmp_path / "profile", guard_home)
    launcher = Path(manifest["path"])
    assert launcher.is_absolute() and os.access(launcher, os.X_OK)
    origin = manifest["allowed_origins"][0]
    stdin = b"".join(frame(r) for r in [
        {"id": 1, "type": "hello", "protocol": 1},
        {"id": 2, "type": "evaluate", "context": post("Acme Data is hiring")},
        {"id": 3, "type": "get_log"},
    ])
    # No LINKEDIN_GUARD_HOME in the browser's environment: the launcher's default applies.
    out = subprocess.run([str(launcher), origin], input=stdin, capture_output=True, timeout=30,
                         env=browser_env(tmp_path), cwd=str(launcher.parent))
    assert out.returncode == 0, out.stderr
    hello, evaluated, logged = split_frames(out.stdout)
    assert hello["result"]["protocol"] == 1
    assert [w["rule"] for w in evaluated["result"]["warnings"]] == ["LG402"]
    assert logged["result"]["entries"][0]["excerpt"] == "Acme Data is hiring"
    assert (guard_home / "warnings.sqlite3").exists()
    assert f"started by {origin}" in (guard_home / "host.log").read_text()


def test_the_browsers_own_guard_home_wins_over_the_install_time_one(tmp_path, guard_home):
    manifest = install_into_profile(tmp_path / "profile", guard_home)
    other = tmp_path / "other-home"
    other.mkdir()
    out = subprocess.run([manifest["path"], manifest["allowed_origins"][0]], input=frame({"id": 1, "type": "ping"}),
                         capture_output=True, timeout=30, env=browser_env(tmp_path, LINKEDIN_GUARD_HOME=str(other)))
    assert split_frames(out.stdout)[0]["result"] == {"pong": True}
    assert (other / "host.log").exists()
    assert not (guard_home / "host.log").exists()


def test_an_unexpected_caller_is_logged_not_refused(tmp_path, guard_home):
    manifest = install_into_profile(tmp_path / "profile", guard_home)
    stranger = "chrome-extension://" + "p" * 32 + "/"
    proc = subprocess.Popen([manifest["path"], stranger], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=browser_env(tmp_path))
    proc.stdin.write(frame({"id": 1, "type": "ping"}) + frame({"id": 2, "type": "evaluate", "context": post("x")}))
    proc.stdin.close()
    frames = split_frames(proc.stdout.read())
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
    assert [f["ok"] for f in frames] == [True, True]
    assert "stale install?" in (guard_home / "host.log").read_text()


def test_a_python_that_cannot_import_the_host_gets_pythonpath(tmp_path):
    fake_python = tmp_path / "python3"
    fake_python.write_text("#!/bin/sh\nexit 1\n")
    fake_python.chmod(0o755)
    env = Env(system="linux", home=tmp_path, environ={"PATH": ""}, data_dir=tmp_path / "data", root=tmp_path,
              python=str(fake_python))
    ids = ExtensionIds("a" * 32, "x@y", "m")
    install(env, [BROWSERS["chromium"]], ids)
    text = (tmp_path / "data/native-host/linkedin-guard-host").read_text()
    assert f"PYTHONPATH={ROOT}\nexport PYTHONPATH\n" in text
    # ... and the Python that can does not.
    env.python = sys.executable
    install(env, [BROWSERS["chromium"]], ids)
    assert "PYTHONPATH" not in (tmp_path / "data/native-host/linkedin-guard-host").read_text()


def test_launcher_quotes_paths_with_spaces_and_quotes(tmp_path):
    from native_host.launcher import python_of, render_posix

    text = render_posix(host_name=HOST_NAME, python="/opt/my venv/it's/python3", guard_home='/data/"g" $HOME',
                        pythonpath=None, record="/r/install.json")
    script = tmp_path / "l.sh"
    script.write_text(text.replace('-P -m native_host "$@"', "") .replace("exec ", "printf '%s\\n' ") +
                      'printf "%s\\n" "$LINKEDIN_GUARD_HOME"\n')
    out = subprocess.run(["/bin/sh", str(script)], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert out.stdout.splitlines() == ["/opt/my venv/it's/python3", '/data/"g" $HOME']
    assert python_of(text) == "/opt/my venv/it's/python3"
