#!/usr/bin/env python3
"""Audit and archive speed on a big synthetic export (issue 13).

    .venv/bin/python benchmarks/audit_bench.py [--messages N] [--connections N] [--shares N] [--posts N]

Targets on a 2-core machine: an export with 50,000 messages, 30,000
connections and 2,000 shares audited in <= 10 s with peak memory <= 300 MiB;
archive search over 10,000 posts p95 <= 20 ms. The audit runs in a child
process so its peak RSS is its own (``ru_maxrss`` of the child). Figures,
not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.export import builder as b  # noqa: E402

FIRST = ["Anna", "Bram", "Carla", "Daan", "Eva", "Femke", "Gijs", "Hanna", "Ivo", "Joris", "Kim", "Lars", "Mila", "Noah"]
LAST = ["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos", "Vos", "Peters"]
COMPANIES = ["Zuiderbank N.V.", "Hoekstra Bouw", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Acme Data B.V."]
SENT = [
    "Hi {n}, our new CRM platform saves your team {p}% on sales admin. Shall I send you a quote with a discount?",
    "Hoi {n}, ons nieuwe pakket bespaart je team {p}% administratie. Zal ik je een offerte sturen?",
    "Thanks {n}, good to see you at the meetup last week. Let's have coffee in {p} days?",
    "Hoi {n}, bedankt voor je bericht! Ik kom er binnen {p} dagen op terug.",
    "Hi {n}, just following up on my offer from last week: the {p}% discount ends Friday.",
]
RECEIVED = [
    "Thanks for reaching out, {n}. Not interested at the moment.",
    "Hi, I saw your profile and would like to connect about opportunity {p}.",
    "Sure, let's talk next week. Tuesday {p}:00 works for me.",
]


def build(folder: Path, n_messages: int, n_connections: int, n_shares: int) -> Path:
    rng = random.Random(13)
    me = " ".join(b.ME)
    messages = []
    conversations = max(1, n_messages // 6)
    for i in range(n_messages):
        conv = f"2-{i % conversations:08d}"
        other = f"{FIRST[(i % conversations) % len(FIRST)]} {LAST[(i % conversations) % len(LAST)]} {i % conversations}"
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00 UTC"
        if rng.random() < 0.45:
            text = rng.choice(SENT).format(n=other.split()[0], p=rng.randint(2, 60))
            messages.append([conv, "", me, b.ME_URL, other, "", day, "", text, "INBOX"])
        else:
            text = rng.choice(RECEIVED).format(n=me.split()[0], p=rng.randint(2, 60))
            messages.append([conv, "", other, f"https://www.linkedin.com/in/p{i % conversations}", me, b.ME_URL, day, "",
                             text, "INBOX"])
    connections = [[FIRST[i % len(FIRST)], f"{LAST[i % len(LAST)]} {i}", f"https://www.linkedin.com/in/c{i}", "",
                    COMPANIES[i % len(COMPANIES)] if i % 3 else "", "Manager", f"{1 + i % 28:02d} Mar 2023"]
                   for i in range(n_connections)]
    shares = [[f"2023-{1 + i % 12:02d}-{1 + i % 28:02d} 10:{i % 60:02d}:00",
               f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{i}",
               f'Great evening with our clients at the Acme Data event number {i}!"\n""\n"Thanks everyone who came.',
               "", "", "MEMBER_NETWORK"] for i in range(n_shares)]
    files = {
        **{k: v for k, v in b.files_2026().items() if k in ("Profile.csv", "Positions.csv")},
        "messages.csv": b.csv_text(["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                                    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER"], messages).encode(),
        "Connections.csv": (b.NOTES + b.csv_text(["First Name", "Last Name", "URL", "Email Address", "Company",
                                                  "Position", "Connected On"], connections)).encode(),
        "Shares.csv": b.csv_text(["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"],
                                 shares).encode(),
    }
    return b.write_zip(folder / "Basic_LinkedInDataExport_04-17-2026.zip", files)


CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from guard.export.audit import audit
from guard.models import parse_settings
settings = parse_settings(json.loads({settings!r}))
t0 = time.perf_counter()
from guard.rules import all_rules
all_rules()  # loading the rules (compiling text_analysis' patterns) is every command's start-up, timed apart
startup = time.perf_counter() - t0
start, cpu = time.perf_counter(), time.process_time()
result = audit({path!r}, settings)
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({{"seconds": elapsed, "cpu": cpu, "startup": startup, "summary": result.summary, "problems": len(result.problems),
                  "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}))
"""


def bench_audit(zipped: Path) -> dict:
    code = CHILD.format(root=str(ROOT), settings=json.dumps(b.SETTINGS), path=str(zipped))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "LINKEDIN_GUARD_HOME": str(zipped.parent / "home")})
    return json.loads(done.stdout)


def bench_search(folder: Path, n_posts: int, rounds: int = 300) -> dict:
    os.environ["LINKEDIN_GUARD_HOME"] = str(folder / "home")
    from guard.export.posts import PostArchive

    rng = random.Random(7)
    # Posts drawn from a 3,000-word vocabulary with Zipf-like frequencies (a few
    # words in most posts, most words rare); queries are drawn the same way,
    # so common words are searched often too.
    common = ["privacy", "klanten", "summit", "team", "launch", "hiring", "data", "platform", "borrel", "vacature",
              "growth", "security", "Utrecht", "Amsterdam", "product", "customers", "event", "workshop", "AI", "cloud"]
    vocabulary = common + [f"w{i}x" for i in range(3_000 - len(common))]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    shares = [[f"20{15 + i % 11}-{1 + i % 12:02d}-{1 + i % 28:02d} 10:{i % 60:02d}:00",
               f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{i}",
               " ".join(rng.choices(vocabulary, weights, k=60)) + f" post {i}", "", "", "MEMBER_NETWORK"]
              for i in range(n_posts)]
    zipped = b.write_zip(folder / "posts.zip", {"Shares.csv": b.csv_text(
        ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"], shares).encode()})
    with PostArchive() as archive:
        start = time.perf_counter()
        report = archive.import_export(zipped)
        import_s = time.perf_counter() - start
        times, cpu = [], []
        for _ in range(rounds):
            query = " ".join(rng.choices(vocabulary, weights, k=rng.choice((1, 2))))
            t0, c0 = time.perf_counter(), time.process_time()
            archive.search(query)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    times.sort()
    cpu.sort()
    return {"imported": report.added, "import_s": import_s, "median_ms": statistics.median(times),
            "p95_ms": times[int(len(times) * 0.95) - 1], "max_ms": times[-1],
            "cpu_p95_ms": cpu[int(len(cpu) * 0.95) - 1]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--connections", type=int, default=30_000)
    parser.add_argument("--shares", type=int, default=2_000)
    parser.add_argument("--posts", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="audit-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        zipped = build(folder, args.messages, args.connections, args.shares)
        print(f"built export: {zipped.stat().st_size / 2**20:.1f} MiB zipped in {time.perf_counter() - t0:.1f} s")
        audit_figures = bench_audit(zipped)
        peak = audit_figures["maxrss_kib"] / 1024
        print(f"audit: {args.messages:,} messages, {args.connections:,} connections, {args.shares:,} shares "
              f"in {audit_figures['seconds']:.2f} s wall, {audit_figures['cpu']:.2f} s CPU (target <= 10 s; rules load "
              f"{audit_figures['startup']:.2f} s before), peak RSS {peak:.0f} MiB (target <= 300 MiB)")
        print(f"       findings {audit_figures['summary']}, problems {audit_figures['problems']}")
        search = bench_search(folder, args.posts)
        print(f"archive: {search['imported']:,} posts imported in {search['import_s']:.2f} s; search median "
              f"{search['median_ms']:.2f} ms, p95 {search['p95_ms']:.2f} ms (target <= 20 ms; CPU p95 "
              f"{search['cpu_p95_ms']:.2f} ms), max {search['max_ms']:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
