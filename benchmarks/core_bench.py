#!/usr/bin/env python3
"""In-process evaluation speed of the guard core (issue 9: median <= 50 us and
p95 <= 150 us per 300-character message context, language identification
included, on a 2-core machine).

    .venv/bin/python benchmarks/core_bench.py [--rounds N] [--no-corpus]

Prints, per context type in a realistic mix, the median and p95 time of
``parse_context`` + ``Engine.evaluate`` (what the host does per request),
plus the same for evaluate alone, the message contexts typed character by
character (per keystroke), then the message judge on its own
(``guard.signals.judge``: normalising, language identification, signals,
score), in Dutch, English, German, French and Spanish. Alongside, the
held-apart figures of ``scripts/corpus_report.py`` (precision/recall per
rule, accuracy per language) for the weights being timed. Not a test:
figures, for people to read.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from guard.engine import Engine
from guard.models import parse_context, parse_settings

SETTINGS = parse_settings({
    "employer": {"name": "Acme Data B.V.", "official_title": "Account Manager New Business",
                 "title_aliases": ["Account Manager"], "social_media_policy": True},
    "former_employers": [{"name": "Old Corp", "cleanup_clause": True,
                          "clients": ["Bakkerij Jansen", "Globex", "Initech"]}],
    "clients": [{"name": "Pieter Jansen", "company": "Bakkerij Jansen"},
                {"name": "Jane Doe", "company": "Globex", "profile_url": "https://www.linkedin.com/in/janedoe/"}],
})


def _pad(text: str, n: int = 300) -> str:
    while len(text) < n:
        text += " " + text
    return text[:n]


MESSAGES = {
    "message_sales_en": _pad("Hi Mark, I noticed your company is growing fast. Our lead generation platform "
                             "helps B2B teams book 30% more demos. Can I show you a quick 15 minute demo "
                             "next week? We offer a free trial and special pricing this month."),
    "message_personal_nl": _pad("Hoi Mark, wat leuk je gisteren weer te zien op de verjaardag van Ellen. "
                                "Zullen we binnenkort eens samen lunchen? Groetjes, Sanne"),
    "message_recruiter_nl": _pad("Beste Mark, ik ben recruiter bij TalentWorks en zag je profiel. Voor een "
                                 "opdrachtgever zoek ik een senior developer. Sta je open voor een gesprek?"),
}
# The judge alone, one per language the pattern files cover.
JUDGE_TEXTS = {
    "de": _pad("Sehr geehrter Herr Weber, ich bin auf Ihr Profil gestoßen. Wir helfen mittelständischen "
               "Unternehmen, ihre IT-Kosten um 30 % zu senken. Hätten Sie nächste Woche 15 Minuten Zeit?"),
    "fr": _pad("Bonjour Claire, nous aidons les cabinets comptables à automatiser la saisie des factures. "
               "Seriez-vous disponible pour une démo gratuite de 20 minutes la semaine prochaine ?"),
    "es": _pad("Hola Marta, ayudamos a las clínicas dentales a conseguir más pacientes con Google Ads. "
               "¿Le interesa una auditoría gratuita? Tenemos un 20% de descuento este mes."),
    "nl-en": _pad("Hoi Mark, leuk je te zien op het event! We help SaaS companies cut their cloud costs with "
                  "our platform. Zullen we een keer bellen?"),
}


def contexts() -> dict[str, dict]:
    base = {"url": "https://www.linkedin.com/messaging/thread/2-x/", "trigger": "input",
            "page_session": "tab1-nav3", "ui_language": "en"}
    out = {name: {**base, "kind": "message", "channel": "message", "text": text,
                  "recipient": {"name": "Mark Visser", "profile_url": "https://www.linkedin.com/in/markv/"},
                  "thread": {"messages_from_me": 0, "messages_from_recipient": 0}}
           for name, text in MESSAGES.items()}
    out["post_photo"] = {**base, "kind": "post", "url": "https://www.linkedin.com/feed/",
                         "text": _pad("Great client event yesterday at Acme Data with our customers!"),
                         "mentions": [{"name": "Jane Doe", "entity": "person"}],
                         "media": [{"type": "image", "people_tagged": [{"name": "Pieter Jansen"}]}]}
    out["profile_own"] = {**base, "kind": "profile", "url": "https://www.linkedin.com/in/me/", "own": True,
                          "name": "Sanne", "open_to_work": {"audience": "public"},
                          "positions": [{"title": "Sales Director", "company": "Acme Data", "current": True}]}
    out["connections_40"] = {**base, "kind": "connections", "trigger": "observe",
                             "people": [{"name": f"Person {i}", "headline": f"Buyer at {'Globex' if i % 7 == 0 else 'Umbrella'}",
                                         "connection_degree": "1st"} for i in range(40)]}
    return out


def _variant(data: dict, i: int) -> dict:
    """The same context with its text changed at the end, like the next keystroke."""
    if "text" not in data:
        return data
    text = data["text"]
    suffix = f" {i}"
    return {**data, "text": text[: len(text) - len(suffix)] + suffix}


def measure(fn, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter_ns()
        fn()
        samples.append((time.perf_counter_ns() - t0) / 1000)
    return samples


def typing(engine: Engine, repeats: int) -> None:
    """The message contexts typed character by character, as a person types them (one more line: the
    figures above change the text's end the same way on every round)."""
    print(f"\n{'typed, per keystroke':<22} {'parse+eval p50':>15} {'p95':>9}")
    every: list[float] = []
    for name, data in contexts().items():
        if not name.startswith("message"):
            continue
        samples: list[float] = []
        for r in range(repeats):
            text = f"{r} {data['text']}"[: len(data["text"])]  # a text of its own per repeat: nothing cached
            steps = [{**data, "text": text[:k]} for k in range(1, len(text) + 1)]
            it = iter(steps)
            samples += measure(lambda: engine.evaluate(parse_context(next(it))), len(steps))
        every += samples
        print(f"{name:<22} {statistics.median(samples):>12.1f} us {statistics.quantiles(samples, n=20)[18]:>6.1f} us")
    print(f"typed, all messages: median {statistics.median(every):.1f} us, "
          f"p95 {statistics.quantiles(every, n=20)[18]:.1f} us ({len(every)} keystrokes)")


def judge_only(rounds: int) -> list[float]:
    """``guard.signals.judge`` alone (cache bypassed: a new text every round), all languages."""
    from guard.signals import judge

    texts = {**{k.split("_")[-1] + "-" + k.split("_")[1]: v for k, v in MESSAGES.items()}, **JUDGE_TEXTS}
    print(f"\n{'judge alone':<22} {'p50':>9} {'p95':>9}")
    every: list[float] = []
    for name, text in texts.items():
        variants = [text[: len(text) - len(f" {i}")] + f" {i}" for i in range(rounds)]
        for v in variants[:200]:
            judge.__wrapped__(v)
        it = iter(variants)
        samples = measure(lambda: judge.__wrapped__(next(it)), rounds)
        every.extend(samples)
        print(f"{name:<22} {statistics.median(samples):>6.1f} us {statistics.quantiles(samples, n=20)[18]:>6.1f} us")
    return every


def corpus_figures() -> None:
    """The report script's held-apart figures, for the weights just timed."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    if not any((root / "tests" / "corpus").rglob("*.jsonl")):
        print("\n(no corpus under tests/corpus: no held-apart figures)")
        return
    out = subprocess.run([sys.executable, str(root / "scripts" / "corpus_report.py"), "--errors", "0"],
                         capture_output=True, text=True)
    print("\nscripts/corpus_report.py (held-apart split):")
    print("\n".join("  " + line for line in out.stdout.splitlines() if line and not line.startswith("worst")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5000)
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus figures")
    args = parser.parse_args()
    engine = Engine(SETTINGS)
    print(f"load average {os.getloadavg()[0]:.2f} (shared machine: figures vary with it)")
    print(f"{'context':<22} {'parse+eval p50':>15} {'p95':>9} {'eval p50':>10} {'warnings':>9}")
    all_message_p50 = []
    all_message_samples: list[float] = []
    for name, data in contexts().items():
        ctx = parse_context(data)
        n_warn = len(engine.evaluate(ctx))
        for _ in range(200):  # warm caches
            engine.evaluate(parse_context(data))
        # Every round gets a text of its own, as every keystroke does: the
        # text analysis is memoised per text, and a benchmark that repeats
        # one text would measure the cache, not the analysis.
        variants = [_variant(data, i) for i in range(args.rounds)]
        parsed = [parse_context(v) for v in variants]
        it = iter(variants)
        both = measure(lambda: engine.evaluate(parse_context(next(it))), args.rounds)
        it2 = iter(parsed)
        only = measure(lambda: engine.evaluate(next(it2)), args.rounds)
        p50 = statistics.median(both)
        p95 = statistics.quantiles(both, n=20)[18]
        if name.startswith("message"):
            all_message_p50.append(p50)
            all_message_samples.extend(both)
        print(f"{name:<22} {p50:>12.1f} us {p95:>6.1f} us {statistics.median(only):>7.1f} us {n_warn:>9}")
    worst = max(all_message_p50)
    p95 = statistics.quantiles(all_message_samples, n=20)[18]
    verdict = "OK" if worst <= 50 and p95 <= 150 else "OVER BUDGET"
    print(f"\n300-char message contexts: worst median {worst:.1f} us (goal <= 50 us), "
          f"p95 of all {p95:.1f} us (goal <= 150 us): {verdict}")
    print(f"all message rounds together: median {statistics.median(all_message_samples):.1f} us, "
          f"p95 {p95:.1f} us ({len(all_message_samples)} rounds, load average now {os.getloadavg()[0]:.2f})")
    typing(engine, max(args.rounds // 300, 3))
    judged = judge_only(max(args.rounds // 2, 500))
    print(f"judge alone, all languages: median {statistics.median(judged):.1f} us, "
          f"p95 {statistics.quantiles(judged, n=20)[18]:.1f} us")
    if not args.no_corpus:
        corpus_figures()


if __name__ == "__main__":
    main()
