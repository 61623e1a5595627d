"""``linkedin-guard evaluate --explain`` as a person runs it, and the less-sure note in an unknown language."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.rules.helpers import evaluate, message

PITCH_DE = ("Sehr geehrter Herr Weber, ich bin auf Ihr Profil gestoßen. Wir helfen mittelständischen Unternehmen, "
            "ihre IT-Kosten um 30 % zu senken. Hätten Sie nächste Woche 15 Minuten für ein kurzes Gespräch?")


def _run(*args, stdin: str, home) -> subprocess.CompletedProcess:
    env = {**os.environ, "LINKEDIN_GUARD_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "guard", "evaluate", *args], input=stdin, text=True,
                          capture_output=True, env=env, timeout=60)


def test_explain_prints_the_breakdown_on_stderr_and_keeps_stdout_json(tmp_path):
    ctx = message(PITCH_DE, to="Jonas Weber")
    out = _run("--explain", stdin=json.dumps(ctx), home=tmp_path)
    assert out.returncode == 0, out.stderr
    warnings = json.loads(out.stdout)["warnings"]
    assert {w["rule"] for w in warnings} == {"LG201", "LG202"}
    lg201 = next(w for w in warnings if w["rule"] == "LG201")
    assert lg201["evidence"][0]["feature"] in ("offer", "cta")
    assert "languages: de" in out.stderr
    assert "LG201: score" in out.stderr and "threshold" in out.stderr and "FIRES" in out.stderr
    assert "offer" in out.stderr and "Wir helfen mittelständischen Unternehmen" in out.stderr


def test_explain_with_jsonl_names_the_line_and_skips_other_kinds(tmp_path):
    post = {"kind": "post", "url": "https://www.linkedin.com/feed/", "trigger": "input", "text": "Hallo",
            "mentions": [], "media": []}
    lines = json.dumps(post) + "\n" + json.dumps(message("Hoi Mark, hoe gaat het?")) + "\n"
    out = _run("--jsonl", "--explain", stdin=lines, home=tmp_path)
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.strip().splitlines()) == 2
    assert "explain (line 1): only message contexts" in out.stderr
    assert "explain (line 2):" in out.stderr and "LG201: score" in out.stderr


def test_without_explain_stderr_stays_quiet(tmp_path):
    out = _run(stdin=json.dumps(message(PITCH_DE)), home=tmp_path)
    assert out.returncode == 0 and "LG201: score" not in out.stderr


def test_a_pitch_in_an_unknown_language_says_the_guard_is_less_sure(monkeypatch):
    from guard.signals import judge, model

    text = ("Cześć Marek, nasza platforma kosztuje tylko 49 EUR miesięcznie, zarezerwuj demo: "
            "https://calendly.com/marek/demo")
    assert not judge(text).confident
    # Whatever the fitted threshold, when it fires the warning says it is less sure...
    m = model.MODELS["LG201"]
    monkeypatch.setitem(model.MODELS, "LG201", model.RuleModel(m.bias, m.weights, -100.0))
    [finding] = evaluate(message(text), rule="LG201")
    assert "less sure" in finding.message
    [dutch] = evaluate(message(text, ui_language="nl"), rule="LG201")
    assert "minder zeker" in dutch.message
    # ...and in a known language it does not.
    [known] = evaluate(message("Hi Mark, our platform costs only 49 EUR a month, book a demo."), rule="LG201")
    assert "less sure" not in known.message
