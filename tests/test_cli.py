"""The command line, through a real subprocess as a person would run it."""

import json
import os
import subprocess
import sys

import pytest

POST = {"kind": "post", "url": "https://www.linkedin.com/feed/", "trigger": "input",
        "text": "Fijne dag bij Acme Data!", "ui_language": "nl"}
POLICY = {"employer": {"name": "Acme Data B.V.", "social_media_policy": True}}


def cli(*args, stdin="", home=None):
    env = {**os.environ}
    if home is not None:
        env["LINKEDIN_GUARD_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "guard", *args], input=stdin, text=True,
                          capture_output=True, env=env, timeout=60)


def test_evaluate_prints_warnings(tmp_path, guard_home):
    settings = tmp_path / "s.json"
    settings.write_text(json.dumps(POLICY))
    out = cli("evaluate", "--settings", str(settings), stdin=json.dumps(POST), home=guard_home)
    assert out.returncode == 0, out.stderr
    [w] = json.loads(out.stdout)["warnings"]
    assert w["rule"] == "LG402" and w["language"] == "nl"
    assert not any(guard_home.iterdir()), "evaluate must never write the log or settings"


def test_evaluate_uses_saved_settings(tmp_path, guard_home):
    src = tmp_path / "s.json"
    src.write_text(json.dumps(POLICY))
    assert cli("settings", "import", str(src), home=guard_home).returncode == 0
    out = cli("evaluate", stdin=json.dumps(POST), home=guard_home)
    assert [w["rule"] for w in json.loads(out.stdout)["warnings"]] == ["LG402"]


def test_evaluate_nothing_to_say_is_empty_list(guard_home):
    out = cli("evaluate", stdin=json.dumps({**POST, "text": "Mooi weer vandaag"}), home=guard_home)
    assert json.loads(out.stdout) == {"warnings": []}


def test_jsonl_one_result_per_line(tmp_path, guard_home):
    settings = tmp_path / "s.json"
    settings.write_text(json.dumps(POLICY))
    lines = "\n".join(json.dumps({**POST, "text": t}) for t in ["Acme Data!", "niets", "ACME DATA bv"])
    out = cli("evaluate", "--jsonl", "--settings", str(settings), stdin=lines + "\n", home=guard_home)
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [len(r["warnings"]) for r in results] == [1, 0, 1]


@pytest.mark.parametrize(
    ("stdin", "needle"),
    [
        ("{not json", "not JSON"),
        ("[1]", "expected a JSON object"),
        (json.dumps({**POST, "trigger": "hover"}), "trigger"),
        (json.dumps({"kind": "message", "url": "u", "trigger": "input", "channel": "message",
                     "recipient": {}, "text": "x"}), "recipient.name"),
    ],
)
def test_bad_context_is_one_line_exit_2(stdin, needle, guard_home):
    out = cli("evaluate", stdin=stdin, home=guard_home)
    assert out.returncode == 2
    assert out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1 and needle in out.stderr


def test_jsonl_error_names_the_line(guard_home):
    out = cli("evaluate", "--jsonl", stdin=json.dumps(POST) + "\n{bad\n", home=guard_home)
    assert out.returncode == 2 and "line 2" in out.stderr


def test_rules_lists_catalogue_in_three_formats(guard_home):
    plain = cli("rules", home=guard_home)
    assert "LG402" in plain.stdout
    data = json.loads(cli("rules", "--json", home=guard_home).stdout)
    entry = next(e for e in data if e["id"] == "LG402")
    assert entry["doc"]["What it does"] and entry["title"]["nl"]
    md = cli("rules", "--markdown", home=guard_home).stdout
    assert "## LG402 employer-mention-restricted" in md and "### Why is this bad?" in md


def test_settings_import_invalid_writes_nothing(tmp_path, guard_home):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"log": {"retention_days": 0}, "langauge": "nl"}))
    out = cli("settings", "import", str(bad), home=guard_home)
    assert out.returncode == 2
    assert "log.retention_days" in out.stderr and "langauge" in out.stderr
    assert "langauge: unknown field (did you mean 'language'?)" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert not (guard_home / "settings.json").exists()


def test_settings_import_keeps_old_settings_on_invalid(tmp_path, guard_home):
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"language": "nl"}))
    cli("settings", "import", str(good), home=guard_home)
    bad = tmp_path / "bad.json"
    bad.write_text('{"language": "klingon"}')
    assert cli("settings", "import", str(bad), home=guard_home).returncode == 2
    assert json.loads(cli("settings", "show", home=guard_home).stdout)["language"] == "nl"


def test_settings_export_and_path(guard_home):
    assert cli("settings", "path", home=guard_home).stdout.strip() == str(guard_home / "settings.json")
    exported = json.loads(cli("settings", "export", home=guard_home).stdout)
    assert exported["log"]["retention_days"] == 180


def test_corrupt_settings_reported_and_defaults_used(guard_home):
    (guard_home / "settings.json").write_text("{oops")
    out = cli("settings", "show", home=guard_home)
    assert out.returncode == 0
    assert "kept as settings.json.corrupt-" in out.stderr
    assert json.loads(out.stdout)["language"] == "auto"
    assert any(p.name.startswith("settings.json.corrupt-") for p in guard_home.iterdir())


def test_missing_settings_file_is_clear(guard_home):
    out = cli("settings", "import", str(guard_home / "nope.json"), home=guard_home)
    assert out.returncode == 2 and "cannot read" in out.stderr


def test_output_cut_short_by_the_reader_is_not_an_error(tmp_path, guard_home):
    # `linkedin-guard evaluate --jsonl < many.jsonl | head -c 10`: no traceback
    # when the reader leaves. Far more output than a pipe buffer holds.
    many = tmp_path / "many.jsonl"
    many.write_text("\n".join(json.dumps({**POST, "text": f"Acme Data {i}"}) for i in range(3000)) + "\n")
    settings = tmp_path / "s.json"
    settings.write_text(json.dumps(POLICY))
    with many.open("rb") as stdin:
        proc = subprocess.Popen([sys.executable, "-m", "guard", "evaluate", "--jsonl", "--settings", str(settings)],
                                stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env={**os.environ, "LINKEDIN_GUARD_HOME": str(guard_home)})
        assert proc.stdout.read(10)
        proc.stdout.close()
        _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()[-500:]
    assert proc.returncode == 0
