#!/usr/bin/env python3
"""Record what the message judge says, to prove an optimisation changed nothing.

    .venv/bin/python scripts/judge_snapshot.py inputs  /tmp/inputs.json
    .venv/bin/python scripts/judge_snapshot.py record  /tmp/inputs.json /tmp/before.jsonl
    ... change the code ...
    .venv/bin/python scripts/judge_snapshot.py record  /tmp/inputs.json /tmp/after.jsonl
    .venv/bin/python scripts/judge_snapshot.py compare /tmp/before.jsonl /tmp/after.jsonl

    .venv/bin/python scripts/judge_snapshot.py typing  /tmp/typing.json [EVERY]

``typing`` gathers keystrokes instead: corpus messages typed (every
``EVERY``-th prefix, default 3), then edited in the middle, cut, pasted
into and capitalised, in order and with two messages typed in turn, so
that ``record`` (which judges its inputs in order, as the host would)
exercises the incremental matching (``Bank.spans``) and the memo of the
previous keystroke's outcome. Record those with the code before and after
a change and ``compare``. ``record ... --always-incremental`` keeps a
state for every text, also those with few candidate phrases (which are
otherwise matched from scratch).

``inputs`` gathers the messages to judge: every record of ``tests/corpus``
(both splits, with English and Dutch as the UI language) and every message
``tests/signals`` and ``tests/rules`` judge (the ``extract`` calls of a pytest
run, recorded by a plugin). ``record`` writes, per input, the judge's
languages, signal values, spans, scores, verdicts, evidence and
``--explain`` text, and what ``Engine.evaluate`` returns for it as a message
context (with default settings, and in Dutch with LG201's mode overridden).
``compare`` fails on any difference (scores within 1e-9).

A developer's tool, not a test: the snapshot depends on the pattern files
and weights, which change; compare two snapshots of the same data only.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _corpus_inputs() -> list[dict]:
    from guard.signals import corpus

    out = []
    for rec in corpus.load(ROOT / "tests" / "corpus"):
        for prefer in ("en", "nl"):
            out.append({"id": f"{rec.id}/{prefer}", "text": rec.text, "me": rec.me, "them": rec.them,
                        "last": rec.last, "channel": rec.channel, "prefer": prefer})
        # Shapes the matcher must be robust to, and text cut as by typing.
        for name, text in _variants(rec.text):
            out.append({"id": f"{rec.id}/{name}", "text": text, "me": rec.me, "them": rec.them,
                        "last": rec.last, "channel": rec.channel, "prefer": None})
    return out


def _variants(text: str) -> list[tuple[str, str]]:
    words = text.split()
    return [
        ("upper", text.upper()),
        ("half", text[: len(text) // 2]),
        ("third", text[: len(text) // 3]),
        ("emoji", "🚀".join(words)),
        ("bullets", "\n• ".join(words)),
        ("accents", text.replace("e", "é").replace("a", "à").replace("u", "ü")),
        ("punct", "...".join(words)),
    ]


class _Recorder:
    """A pytest plugin: every ``extract`` call the tests make (judge calls it too)."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    def pytest_configure(self, config) -> None:  # noqa: ARG002 - pytest's hook signature
        import guard.signals as signals
        from guard.signals import features

        real = features.extract
        calls = self.calls

        def recording(text, *, me=0, them=0, last_from_recipient=None, channel="message", prefer_language=None):
            calls.append({"text": text, "me": me, "them": them, "last": last_from_recipient,
                          "channel": channel, "prefer": prefer_language})
            return real(text, me=me, them=them, last_from_recipient=last_from_recipient, channel=channel,
                        prefer_language=prefer_language)

        features.extract = recording
        signals.extract = recording


def _test_inputs() -> list[dict]:
    import pytest

    rec = _Recorder()
    code = pytest.main(["-q", "-p", "no:cacheprovider", str(ROOT / "tests" / "signals"),
                        str(ROOT / "tests" / "rules")], plugins=[rec])
    if code not in (0, 1):
        sys.exit(f"pytest failed to run ({code})")
    seen, out = set(), []
    for call in rec.calls:
        key = json.dumps(call, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append({"id": f"test-{len(out)}", **call})
    return out


def typing(path: Path, every: int = 3) -> None:
    import random

    from guard.signals import corpus

    rng = random.Random(9)
    records = corpus.load(ROOT / "tests" / "corpus")
    items: list[dict] = []

    def typed(rec, n: int) -> list[dict]:
        text = rec.text
        texts = [text[:k] for k in range(1, len(text) + 1, every)] + [text, text + "\n", text.upper()]
        for _ in range(10):
            k = rng.randrange(len(text) + 1)
            text = rng.choice([text[:k] + rng.choice([" ", "x", "30% ", "€ 1 500", "\n"]) + text[k:],
                               text[:k] + text[k + rng.randint(1, 6):],
                               text[:k] + rng.choice(records).text[:60] + text[k:]])
            texts.append(text)
        return [{"id": f"{rec.id}/typed-{n}-{i}", "text": t, "me": rec.me, "them": rec.them, "last": rec.last,
                 "channel": rec.channel, "prefer": ("en", "nl")[n % 2]} for i, t in enumerate(texts)]

    picked = records[::6]
    for n, rec in enumerate(picked):
        items += typed(rec, n)
    # Two tabs typing in turn.
    for n, (a, b) in enumerate(zip(picked[1::9], picked[2::9])):
        for x, y in zip(typed(a, n), typed(b, n)):
            items += [x, y]
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    print(f"{len(items)} keystrokes -> {path}")


def inputs(path: Path) -> None:
    items = _corpus_inputs() + _test_inputs()
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    print(f"{len(items)} inputs -> {path}")


def _evaluate_as_context(engine, item: dict) -> list[dict]:
    from guard.models import parse_context

    ctx = parse_context({
        "kind": "message", "channel": item["channel"], "text": item["text"],
        "url": "https://www.linkedin.com/messaging/thread/2-x/", "trigger": "input", "page_session": "s1",
        "ui_language": item["prefer"] or "en",
        "recipient": {"name": "Mark Visser", "profile_url": "https://www.linkedin.com/in/markv/"},
        "thread": {"messages_from_me": item["me"], "messages_from_recipient": item["them"],
                   "last_from_recipient": item["last"]}})
    return [f.model_dump(mode="json") for f in engine.evaluate(ctx)]


def record(inputs_path: Path, out_path: Path) -> None:
    from guard.engine import Engine
    from guard.models import parse_settings
    from guard.signals import judge

    engine = Engine()
    # The same in Dutch with a rule's mode overridden: the wording and settings paths.
    other = Engine(parse_settings({"language": "nl", "rules": {"LG201": {"mode": "inform"}}}))
    items = json.loads(inputs_path.read_text(encoding="utf-8"))
    with out_path.open("w", encoding="utf-8") as out:
        for item in items:
            j = judge.__wrapped__(item["text"], me=item["me"], them=item["them"],
                                  last_from_recipient=item["last"], channel=item["channel"],
                                  prefer_language=item["prefer"])
            ex = j.extraction
            row = {
                "id": item["id"],
                "clean": ex.text,
                "languages": list(ex.languages),
                "formal": ex.formal,
                "values": ex.values,
                "spans": {k: [list(s) for s in v] for k, v in ex.spans.items()},
                "scores": j.scores,
                "fires": {r: j.fires(r) for r in ("LG201", "LG202")},
                "content": {r: j.content_score(r) for r in ("LG201", "LG202")},
                "kind": j.kind(), "recruitment_led": j.recruitment_led(),
                "evidence": {r: [[e.feature, e.weight, e.excerpt, e.start, e.end] for e in j.evidence(r, 99)]
                             for r in ("LG201", "LG202")},
                "explain": j.explain(),
                "findings": _evaluate_as_context(engine, item) if item["text"].strip() else None,
                "findings_nl": _evaluate_as_context(other, item) if item["text"].strip() else None,
            }
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(items)} judged -> {out_path}")


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and math.isclose(a, b, abs_tol=1e-9)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def compare(before: Path, after: Path) -> int:
    old = before.read_text(encoding="utf-8").splitlines()
    new = after.read_text(encoding="utf-8").splitlines()
    if len(old) != len(new):
        print(f"different lengths: {len(old)} vs {len(new)}")
        return 1
    bad = 0
    for a, b in zip(old, new):
        ra, rb = json.loads(a), json.loads(b)
        if not _same(ra, rb):
            bad += 1
            if bad <= 5:
                diff = [k for k in ra if not _same(ra.get(k), rb.get(k))]
                print(f"{ra['id']}: differs in {', '.join(diff)}")
                for k in diff[:3]:
                    print(f"  before {k}: {json.dumps(ra.get(k), ensure_ascii=False)[:400]}")
                    print(f"  after  {k}: {json.dumps(rb.get(k), ensure_ascii=False)[:400]}")
    print(f"{len(old)} compared, {bad} different")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "inputs":
        inputs(Path(argv[1]))
        return 0
    if len(argv) >= 2 and argv[0] == "typing":
        typing(Path(argv[1]), int(argv[2]) if len(argv) >= 3 else 3)
        return 0
    if len(argv) >= 3 and argv[0] == "record":
        if "--always-incremental" in argv[3:]:
            # Texts with few candidate phrases are matched from scratch; this keeps a state for every
            # text, so the incremental matching is what is recorded.
            from guard.signals import lexicon

            lexicon._Index.FEW = -1
        record(Path(argv[1]), Path(argv[2]))
        return 0
    if len(argv) >= 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
