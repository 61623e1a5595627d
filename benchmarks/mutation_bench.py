"""Mutation benchmark (a script that prints figures, not a test and not a CI gate).

How many realistic bugs (mutants) in the guard's critical code do the tests
catch? StrykerJS (npm ``@stryker-mutator/core``, pinned in package.json) for
the extension's JavaScript, mutmut (PyPI, pinned in requirements/test-lock.txt)
for a few Python cores. Per file it prints mutants, killed, survived, timeout
and the score (killed + timeout) / (all that ran).

JavaScript (StrykerJS, command runner, concurrency 1, config
``benchmarks/stryker.config.json``; each target runs only the node test file
that judges it, so a mutant costs one ~1-2 s node run):

  extension/background/gate.js         tests/extension/background.test.js
  extension/background/native-port.js  tests/extension/background.test.js
  extension/content/send-guard.js      tests/extension/send-guard.test.js
  extension/content/extract.js         readRecipient .. readThread only (found by
                                       name, so edits elsewhere do not move it);
                                       the messaging tests of extract.test.js
                                       and thread.test.js
  extension/content/deep-dom.js        extract.test.js (shadow-root tests)

Python (mutmut 3, ``--max-children 1``, config ``[tool.mutmut]`` in
pyproject.toml; mutmut runs only the tests that reach a mutated function):

  native_host/framing.py               all of it
  guard/managed.py                     the locks: flatten/value_at, layers,
                                       effective + sources, locked_changes,
                                       keep_own_values, refusal_message
  guard/warning_log.py                 csv_cell (formula defusing)
  guard/models.py                      settings validation: parse_settings, the
                                       rule-id check, error paths/messages
  guard/consent.py                     all of it

mutmut mutates functions only: pydantic ``Field(ge=..)`` bounds in class bodies
(e.g. bulk.minutes >= 1) are not mutated; tests/test_models.py checks those
bounds by hand.

Scratch (git-ignored): benchmarks/.mutation/ (Stryker sandbox, per-target
configs, JSON reports, logs) and mutants/ (mutmut's copy of the sources).

    .venv/bin/python benchmarks/mutation_bench.py                 # everything: about 75 min on 2 shared cores
                                                                  # (load 8-12): send-guard ~28, deep-dom ~11,
                                                                  # native-port ~15, extract ~8, gate ~4, Python ~14
    .venv/bin/python benchmarks/mutation_bench.py --only gate     # targets whose name contains "gate"
    .venv/bin/python benchmarks/mutation_bench.py --js | --py     # one tool only
    .venv/bin/python benchmarks/mutation_bench.py --survivors     # also list each surviving mutant

Equivalent mutants (survivors that are not bugs; no test can or should kill them)
---------------------------------------------------------------------------------
Everywhere: the ``typeof module === "object" && module.exports`` export guard
(node always takes it; only a browser, which has no ``module``, could tell).

gate.js
  * ``originOf``: ``u.origin && u.origin !== "null" ? u.origin : proto//host`` forced
    to the fallback: for the http(s)/extension URLs a sender has, both give the
    same string.
  * ``originOf``'s ``catch {}`` emptied: returns undefined instead of null; every
    caller tests falsiness.
  * ``sender.url || ""`` -> ``|| "Stryker was here!"``: both fail to parse -> null.
  * ``if (!origin) return null`` removed: a null origin then equals neither the
    extension's origin nor LinkedIn's, so the answer is null anyway.
  * ``typeof msg !== "object"`` dropped: a primitive has no string ``type``, so the
    next test refuses it with the same invalid_request.
send-guard.js
  * ``bypass`` (set to false, or its ``finally`` dropped): release() re-clicks with
    ``button.click()``, which is never a trusted event (in browsers as in jsdom),
    so the isTrusted check already lets the re-click through.
  * ``hold(rec, button, "click"/"enter")``: ``how`` is not used (``void how``).
  * learnFromEnter's ``enterMakesNewline || !editor``: after the lesson onKeydown
    returns before calling it; a surface without an editor has no text anyway.
  * ``text.trim()`` -> ``text`` and lineCount's ``/\n+$/`` mutants: readText already
    trims and drops empty lines.
  * ``typeof globalThis !== "undefined" ? globalThis : this``.
native-port.js
  * ``helloPayload`` default ``() => undefined``: spreading undefined adds nothing and
    versionNotice reads ``(payload || {})``.
  * compareVersions ``i <= max`` (one more round comparing 0 with 0) and ``d <= 0``
    inside ``d !== 0``.
  * ``nextId -= 1``: ids count down, still unique.
  * handleDisconnect's ``if (this.closed) return`` removed: the timer it then sets
    calls connect(), which returns at once for a closed host.
  * string mutants in texts no one reads back (the hello's track type label).
extract.js (thread reading)
  * ``name.split("\n")[0]`` in readRecipient: ``line()`` already folded the name to
    one line, so the split is dead code (see the note in the report: if a name
    element ever holds two lines, its second line becomes part of the name).
  * ``if (!events.length) return {0, 0}`` removed: the loop over no events gives
    the same zeros.
framing.py
  * ``_read_exactly``: ``len(first) == n or not first`` -> ``and``: the fast path
    becomes the loop, which returns the same bytes.
managed.py
  * ``value_at``: ``i == 1 and rules and len == 3`` regrouped with ``or``: only rule
    paths are three long, and a full settings dump has every other key.
  * ``_apply``: ``model_dump(mode="json")`` vs python mode (settings hold only JSON
    types); sorting leaves by path length vs by the path itself (a tuple sorts
    after its own prefix either way: parents are still set before children).
  * ``_merge(None, ...)``: its one caller (parse) passes None.
models.py
  * ``get_close_matches(..., n=1)`` -> default n=3: only ``close[0]`` is used.
consent.py
  * SQL keywords in lower case; ``csv.writer(lineterminator="\r\n")`` dropped
    (the csv default is "\r\n").
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRATCH = ROOT / "benchmarks" / ".mutation"
STRYKER_BASE = ROOT / "benchmarks" / "stryker.config.json"
STRYKER = ROOT / "node_modules" / "@stryker-mutator" / "core" / "bin" / "stryker.js"
VENV_BIN = ROOT / ".venv" / "bin"

THREAD_TESTS = "[Mm]essag|[Tt]hread|recipient|[Ii]n[Mm]ail|overlay|bubble|headline|status|sender"
SHADOW_TESTS = "[Ss]hadow|outlet|deep|registry|[Rr]oot|composed|walkRoots|query|closest|activeElement|eventTarget|discover|fromPath|checkHosts|rendered"


@dataclass
class JsTarget:
    name: str
    file: str
    tests: list[str]
    #: node --test-name-pattern: only the tests about this file (faster mutants)
    pattern: str | None = None
    #: (first function, function after the last) to mutate only that stretch of the file
    span: tuple[str, str] | None = None

    def command(self) -> str | None:
        files = [f for f in self.tests if (ROOT / f).exists()]
        if not files:
            return None
        pattern = f' --test-name-pattern="{self.pattern}"' if self.pattern else ""
        return f"node --test{pattern} {' '.join(files)}"

    def mutate(self) -> str:
        if not self.span:
            return self.file
        lines = (ROOT / self.file).read_text(encoding="utf-8").splitlines()
        start = next(i for i, text in enumerate(lines, 1) if f"function {self.span[0]}(" in text)
        end = next(i for i, text in enumerate(lines, 1) if f"function {self.span[1]}(" in text) - 1
        return f"{self.file}:{start}-{end}"


@dataclass
class PyTarget:
    name: str
    patterns: list[str]


JS_TARGETS = [
    JsTarget("gate.js", "extension/background/gate.js", ["tests/extension/background.test.js", "tests/extension/gate.test.js"]),
    JsTarget("native-port.js", "extension/background/native-port.js",
             ["tests/extension/background.test.js", "tests/extension/native-port.test.js"]),
    JsTarget("send-guard.js", "extension/content/send-guard.js", ["tests/extension/send-guard.test.js"]),
    JsTarget("extract.js (thread reading)", "extension/content/extract.js",
             ["tests/extension/extract.test.js", "tests/extension/thread.test.js"], THREAD_TESTS,
             span=("readRecipient", "extractMessages")),
    JsTarget("deep-dom.js", "extension/content/deep-dom.js",
             ["tests/extension/deep-dom.test.js", "tests/extension/extract.test.js", "tests/extension/send-guard.test.js"],
             SHADOW_TESTS),
]

PY_TARGETS = [
    PyTarget("native_host/framing.py", ["native_host.framing.*"]),
    PyTarget("guard/managed.py (locks)", [f"guard.managed.x_{f}__mutmut_*" for f in (
        "flatten", "_set", "value_at", "user_leaves", "_layers", "_apply", "_merge", "effective", "_sources",
        "locked_changes", "keep_own_values", "refusal_message")] + ["guard.managed.xǁManagedǁlocked_paths__mutmut_*"]),
    PyTarget("guard/warning_log.py (csv_cell)", ["guard.warning_log.x_csv_cell__mutmut_*"]),
    PyTarget("guard/models.py (settings validation)", [f"guard.models.x_{f}__mutmut_*" for f in (
        "parse_settings", "error_path", "validation_errors", "field_suggestion", "validation_details", "one_line")]
        + ["guard.models.xǁSettingsǁ*"]),
    PyTarget("guard/consent.py", ["guard.consent.*"]),
]


@dataclass
class Row:
    name: str
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    survivors: list[str] = field(default_factory=list)
    problem: str = ""

    def score(self) -> str:
        ran = sum(self.counts.values())
        caught = self.counts.get("killed", 0) + self.counts.get("timeout", 0)
        return f"{100 * caught / ran:5.1f}%" if ran else "   - "


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# ------------------------------------------------------------------ StrykerJS

STRYKER_STATUS = {"Killed": "killed", "Survived": "survived", "Timeout": "timeout", "NoCoverage": "survived",
                  "RuntimeError": "error", "CompileError": "error"}


def run_stryker(target: JsTarget) -> Row:
    row = Row(target.name)
    command = target.command()
    if command is None:
        row.problem = f"no node test file ({', '.join(target.tests)}): nothing can kill a mutant (score 0)"
        return row
    base = json.loads(STRYKER_BASE.read_text(encoding="utf-8"))
    base.pop("$schema", None)
    base.pop("_comment", None)
    report = SCRATCH / f"{slug(target.name)}.json"
    base.update({"mutate": [target.mutate()], "commandRunner": {"command": command},
                 "jsonReporter": {"fileName": str(report.relative_to(ROOT))}, "reporters": ["json"]})
    conf = SCRATCH / f"{slug(target.name)}.conf.json"
    conf.write_text(json.dumps(base, indent=1), encoding="utf-8")
    report.unlink(missing_ok=True)
    log = SCRATCH / f"{slug(target.name)}.log"
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        code = subprocess.call(["node", str(STRYKER), "run", str(conf)], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    row.seconds = time.monotonic() - started
    if code != 0 or not report.exists():
        row.problem = f"stryker exited {code}; see {log.relative_to(ROOT)}"
        return row
    data = json.loads(report.read_text(encoding="utf-8"))
    for path, entry in data["files"].items():
        source = entry["source"].splitlines()
        for m in entry["mutants"]:
            status = STRYKER_STATUS.get(m["status"], m["status"].lower())
            if status == "ignored":
                continue
            row.counts[status] = row.counts.get(status, 0) + 1
            if status == "survived":
                start = m["location"]["start"]
                code_line = source[start["line"] - 1].strip()
                row.survivors.append(f"{path}:{start['line']}:{start['column']} {m['mutatorName']} -> "
                                     f"{m.get('replacement', '')[:60]!r}   | {code_line[:100]}")
    return row


# ---------------------------------------------------------------------- mutmut

MUTMUT_STATUS = {"killed": "killed", "survived": "survived", "timeout": "timeout", "no tests": "survived",
                 "suspicious": "timeout", "segfault": "killed"}


def run_mutmut(targets: list[PyTarget]) -> list[Row]:
    patterns = [p for t in targets for p in t.patterns]
    shutil.rmtree(ROOT / "mutants", ignore_errors=True)  # a fresh run, never an old cache
    log = SCRATCH / "mutmut.log"
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        code = subprocess.call([str(VENV_BIN / "mutmut"), "run", "--max-children", "1", *patterns], cwd=ROOT,
                               stdout=out, stderr=subprocess.STDOUT)
    seconds = time.monotonic() - started
    results = subprocess.run([str(VENV_BIN / "mutmut"), "results", "--all", "true"], cwd=ROOT,
                             capture_output=True, text=True).stdout
    statuses = {}
    for text in results.splitlines():
        name, _, status = text.strip().rpartition(": ")
        if name:
            statuses[name] = status
    rows = []
    for target in targets:
        row = Row(target.name, seconds=seconds / len(targets))
        if code != 0:
            row.problem = f"mutmut exited {code}; see {log.relative_to(ROOT)}"
        for name, status in sorted(statuses.items()):
            if not any(fnmatch.fnmatchcase(name, p) for p in target.patterns):
                continue
            kind = MUTMUT_STATUS.get(status, status)
            row.counts[kind] = row.counts.get(kind, 0) + 1
            if kind == "survived":
                row.survivors.append(f"{name} ({status})")
        rows.append(row)
    return rows


def show_mutmut(name: str) -> str:
    out = subprocess.run([str(VENV_BIN / "mutmut"), "show", name.split(" ")[0]], cwd=ROOT, capture_output=True, text=True)
    return "\n".join("        " + ln for ln in out.stdout.splitlines() if ln.startswith(("+ ", "- ", "+\t", "-\t"))
                     or (ln[:1] in "+-" and not ln.startswith(("+++", "---"))))


# ---------------------------------------------------------------------- report

def print_table(rows: list[Row], total_seconds: float) -> None:
    head = f"{'file':42} {'mutants':>7} {'killed':>6} {'survived':>8} {'timeout':>7} {'other':>5} {'score':>6} {'time':>7}"
    print(head)
    print("-" * len(head))
    for r in rows:
        other = sum(v for k, v in r.counts.items() if k not in ("killed", "survived", "timeout"))
        total = sum(r.counts.values())
        print(f"{r.name:42} {total:7} {r.counts.get('killed', 0):6} {r.counts.get('survived', 0):8} "
              f"{r.counts.get('timeout', 0):7} {other:5} {r.score():>6} {r.seconds:6.0f}s")
        if r.problem:
            print(f"    ! {r.problem}")
    print(f"\nwall time {total_seconds / 60:.1f} min (concurrency 1)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="run the targets whose name contains this text")
    parser.add_argument("--js", action="store_true", help="StrykerJS targets only")
    parser.add_argument("--py", action="store_true", help="mutmut targets only")
    parser.add_argument("--survivors", action="store_true", help="list every surviving mutant")
    args = parser.parse_args()
    SCRATCH.mkdir(parents=True, exist_ok=True)
    pick = (lambda t: args.only.lower() in t.name.lower()) if args.only else (lambda t: True)
    js = [t for t in JS_TARGETS if pick(t)] if not args.py else []
    py = [t for t in PY_TARGETS if pick(t)] if not args.js else []
    if js and not STRYKER.exists():
        sys.exit("StrykerJS is missing: npm ci (package.json pins @stryker-mutator/core)")
    if py and not (VENV_BIN / "mutmut").exists():
        sys.exit("mutmut is missing: python3 scripts/bootstrap.py test sets up .venv from requirements/test-lock.txt")
    started = time.monotonic()
    rows = []
    for t in js:
        print(f"[stryker] {t.name} ...", file=sys.stderr, flush=True)
        rows.append(run_stryker(t))
    if py:
        print(f"[mutmut] {', '.join(t.name for t in py)} ...", file=sys.stderr, flush=True)
        rows.extend(run_mutmut(py))
    print_table(rows, time.monotonic() - started)
    if args.survivors:
        for r in rows:
            if not r.survivors:
                continue
            print(f"\nsurvivors in {r.name}:")
            for s in r.survivors:
                print(f"  {s}")
                if r in rows and s.startswith(("guard.", "native_host.")):
                    print(show_mutmut(s))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.exit(main())
