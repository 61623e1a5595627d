"""The host as the browser sees it: a process, frames over pipes, and how it ends."""

from __future__ import annotations

import json
import signal
import struct
import subprocess
import sys
import time

import pytest

from tests.host.conftest import ACME, ROOT, frame, host_env, post, run_host, split_frames


def test_a_conversation_over_pipes(guard_home):
    (guard_home / "settings.json").write_text(json.dumps(ACME))
    stdin = b"".join(frame(r) for r in [
        {"id": "r1", "type": "hello", "protocol": 1},
        {"id": "r2", "type": "evaluate", "context": post("Proud of Acme Data")},
        {"id": "r3", "type": "get_log"},
        {"id": "r4", "type": "nope"},
        {"id": "r5", "type": "ping"},
    ])
    out = run_host(stdin, guard_home, "chrome-extension://abcdefghijklmnopabcdefghijklmnop/")
    assert out.returncode == 0, out.stderr
    replies = [m for m in split_frames(out.stdout) if "id" in m]
    assert [r["id"] for r in replies] == ["r1", "r2", "r3", "r4", "r5"]
    assert [w["rule"] for w in replies[1]["result"]["warnings"]] == ["LG402"]
    assert replies[2]["result"]["entries"][0]["rule"] == "LG402"
    assert replies[3]["error"]["code"] == "unknown_type"
    assert replies[4]["result"] == {"pong": True}
    log_text = (guard_home / "host.log").read_text()
    assert "started by chrome-extension://abcdefghijklmnopabcdefghijklmnop/" in log_text
    assert "Proud of" not in log_text  # never message text


def test_firefox_arguments_are_understood_and_logged(guard_home):
    out = run_host(frame({"id": 1, "type": "ping"}), guard_home, "/home/x/.mozilla/native-messaging-hosts/h.json",
                   "linkedin-guard@linkedin-guard.local")
    assert split_frames(out.stdout)[0]["result"] == {"pong": True}
    assert "firefox add-on linkedin-guard@linkedin-guard.local" in (guard_home / "host.log").read_text()


def test_too_large_request_is_answered_and_the_host_keeps_serving(guard_home):
    stdin = frame({"id": 1, "type": "echo", "payload": "x" * 5000}) + frame({"id": 2, "type": "ping"})
    out = run_host(stdin, guard_home, "--max-incoming=1000")
    first, second = split_frames(out.stdout)
    assert first["id"] is None and first["error"]["code"] == "too_large"
    assert second == {"id": 2, "ok": True, "result": {"pong": True}}
    assert out.returncode == 0


def test_the_inbound_limit_can_come_from_the_environment(guard_home):
    proc = subprocess.run([sys.executable, "-m", "native_host"], input=frame({"id": 1, "type": "echo", "payload": "x" * 500}),
                          capture_output=True, timeout=20,
                          env=host_env(guard_home, LINKEDIN_GUARD_MAX_INCOMING="100"))
    assert split_frames(proc.stdout)[0]["error"]["code"] == "too_large"


def test_a_reply_above_one_mebibyte_becomes_too_large(guard_home):
    stdin = frame({"id": "big", "type": "echo", "payload": "é" * 600_000}) + frame({"id": 2, "type": "ping"})
    out = run_host(stdin, guard_home)
    first, second = split_frames(out.stdout)
    assert first["id"] == "big" and first["error"]["code"] == "too_large"
    assert second["result"] == {"pong": True}


@pytest.mark.parametrize(
    ("tail", "reason"),
    [
        (struct.pack("@I", 100) + b'{"id":', "inside a frame"),
        (b"\x05\x00", "inside a length prefix"),
        (struct.pack("@I", 0xFFFFFFFF) + b"{}", "out of step"),
    ],
)
def test_a_stream_that_cannot_continue_ends_cleanly_and_quickly(guard_home, tail, reason):
    started = time.monotonic()
    out = run_host(frame({"id": 1, "type": "ping"}) + tail, guard_home)
    assert time.monotonic() - started < 5  # interpreter start included; the exit itself is immediate
    assert out.returncode == 1
    assert split_frames(out.stdout) == [{"id": 1, "ok": True, "result": {"pong": True}}]
    assert b"Traceback" not in out.stderr
    assert reason in (guard_home / "host.log").read_text()


def test_eof_between_frames_is_a_normal_exit(guard_home):
    out = run_host(b"", guard_home)
    assert (out.returncode, out.stdout) == (0, b"")
    assert "closed the port" in (guard_home / "host.log").read_text()


def test_sigterm_while_waiting_exits_cleanly(guard_home):
    proc = subprocess.Popen([sys.executable, "-m", "native_host"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=host_env(guard_home))
    proc.stdin.write(frame({"id": 1, "type": "ping"}))
    proc.stdin.flush()
    head = proc.stdout.read(4)
    proc.stdout.read(struct.unpack("@I", head)[0])
    time.sleep(0.3)  # let the warm-up thread run too
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=5) == 0
    assert b"Traceback" not in proc.stderr.read()
    assert "stopping on SIGTERM" in (guard_home / "host.log").read_text()
    proc.stdin.close()
    proc.stdout.close()
    proc.stderr.close()


def test_stray_output_cannot_reach_the_frame_stream(tmp_path):
    """After take_stdio, print(), os.write(1) and children write to stderr; frames go out alone."""
    code = (
        "import os, subprocess, sys\n"
        "from native_host.host import take_stdio\n"
        "from native_host.framing import write_frame, read_frame\n"
        "frames_in, frames_out = take_stdio()\n"
        "print('stray print')\n"
        "os.write(1, b'stray fd write')\n"
        "subprocess.run([sys.executable, '-c', 'print(\"child output\"); import sys; print(repr(sys.stdin.read()))'])\n"
        "write_frame(frames_out, read_frame(frames_in))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], input=frame({"id": 1}) + b"leftover", capture_output=True,
                          timeout=30, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert split_frames(proc.stdout) == [{"id": 1}]
    assert b"stray print" in proc.stderr and b"stray fd write" in proc.stderr
    assert b"child output" in proc.stderr
    assert b"''" in proc.stderr  # the child read nothing: stdin is not shared with children


def test_warm_up_pushes_a_settings_problem_hello_could_not_see(guard_home):
    (guard_home / "settings.json").write_text(json.dumps({"bulk": {"profiles": 1}}))
    proc = subprocess.Popen([sys.executable, "-m", "native_host"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=host_env(guard_home))
    proc.stdin.write(frame({"id": 1, "type": "hello"}))
    proc.stdin.flush()
    messages = []
    for _ in range(2):
        (n,) = struct.unpack("@I", proc.stdout.read(4))
        messages.append(json.loads(proc.stdout.read(n)))
    proc.stdin.close()
    proc.wait(timeout=10)
    proc.stdout.close()
    assert messages[0]["result"]["settings_problem"] is None
    assert messages[1]["event"] == "settings_changed"
    assert "bulk.profiles" in messages[1]["settings_problem"]
