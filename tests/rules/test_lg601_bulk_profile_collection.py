"""LG601: many distinct profiles in a short window — thresholds, windows, once per window."""

from datetime import datetime, timedelta, timezone

import pytest

from guard.engine import Engine
from guard.models import parse_context, parse_settings
from guard.rules import rule_by_id

T0 = datetime(2026, 11, 28, 14, 0, tzinfo=timezone.utc)
FIVE_IN_TEN = {"bulk": {"profiles": 5, "minutes": 10}}


def visit(slug: str, minute: float, *, own: bool = False, name: str | None = None, url: str | None = None, **extra):
    return parse_context({
        "kind": "profile", "url": url or f"https://www.linkedin.com/in/{slug}/", "trigger": "observe",
        "own": own, "name": name or slug.replace("-", " ").title(),
        "observed_at": (T0 + timedelta(minutes=minute)).isoformat(), **extra,
    })


def run(visits, settings=FIVE_IN_TEN):
    """Every finding of a sequence of visits, with the index of the visit that raised it."""
    engine = Engine(parse_settings(settings), rules=[rule_by_id("LG601")])
    return [(i, f) for i, ctx in enumerate(visits) for f in engine.evaluate(ctx)]


NAMES_EN = ["john-miller", "emma-clark", "liam-jones", "olivia-brown", "noah-davis", "ava-wilson", "mia-moore"]
NAMES_NL = ["jan-de-vries", "sanne-bakker", "pieter-visser", "fleur-smit", "daan-mulder", "eva-de-boer", "bram-bos"]


@pytest.mark.parametrize(
    ("visits", "fires_at"),
    [
        # Six distinct in six minutes: more than five.
        ([visit(n, i) for i, n in enumerate(NAMES_EN[:6])], 5),
        ([visit(n, i, ui_language="nl") for i, n in enumerate(NAMES_NL[:6])], 5),
        # Repeats and own-profile visits in between do not stop the count.
        ([visit(NAMES_NL[0], 0), visit(NAMES_NL[0], 1), visit("ik", 1.5, own=True)]
         + [visit(n, 2 + i) for i, n in enumerate(NAMES_NL[1:6])], 7),
        # Sub-pages of one profile are that profile; other people still count.
        ([visit("x", 0, url="https://www.linkedin.com/in/jan-de-vries/details/experience/")]
         + [visit(n, 1 + i) for i, n in enumerate(NAMES_EN[:5])], 5),
        # Profiles without a member address count by name.
        ([visit("", i, name=f"Lead {i}", url="https://www.linkedin.com/sales/search/people") for i in range(6)], 5),
    ],
)
def test_fires_once_when_more_than_the_threshold(visits, fires_at):
    [(index, finding)] = run(visits)
    assert index == fires_at
    assert finding.severity == "info"
    assert finding.mode == "inform"
    assert finding.subject.startswith("bulk:2026-11-28T14:0")
    assert "6" in finding.message and "10" in finding.message


@pytest.mark.parametrize(
    "visits",
    [
        # Exactly the threshold: five, not more.
        [visit(n, i) for i, n in enumerate(NAMES_EN[:5])],
        [visit(n, i, ui_language="nl") for i, n in enumerate(NAMES_NL[:5])],
        # Six visits, five people.
        [visit(n, i) for i, n in enumerate(NAMES_NL[:5] + NAMES_NL[:1])],
        [visit(n, i / 10) for i, n in enumerate(NAMES_EN[:3] * 4)],
        # Five others plus your own profile, twice.
        [visit(n, i) for i, n in enumerate(NAMES_EN[:5])] + [visit("me", 6, own=True), visit("me", 7, own=True)],
        # Six people, but spread over more than the window (every 2.5 min: the first has left it).
        [visit(n, i * 2.5) for i, n in enumerate(NAMES_NL[:6])],
        # Exactly ten minutes between first and sixth: the first no longer counts.
        [visit(n, i * 2) for i, n in enumerate(NAMES_EN[:6])],
        # Same person, written differently in the address.
        [visit(n, i) for i, n in enumerate(NAMES_EN[:5])]
        + [visit("x", 5.5, url="https://NL.linkedin.com/in/John-Miller?trk=people")],
    ],
)
def test_silent_up_to_the_threshold(visits):
    assert run(visits) == []


def test_once_per_window_then_again_if_the_pace_goes_on():
    # One new person every minute for 25 minutes.
    visits = [visit(f"person-{i}", i) for i in range(26)]
    fired = run(visits)
    assert [i for i, _ in fired] == [5, 15, 25]
    subjects = [f.subject for _, f in fired]
    assert len(set(subjects)) == 3
    assert subjects[0] == "bulk:2026-11-28T14:00:00Z"


def test_after_a_window_the_pace_must_go_on():
    burst = [visit(f"person-{i}", i / 2) for i in range(8)]  # fires at 2.5 min
    later = [visit(f"late-{i}", 20 + i) for i in range(3)]  # a full window later, slowly
    assert [i for i, _ in run(burst + later)] == [5]


def test_a_second_burst_inside_the_window_is_silent():
    first = [visit(f"a-{i}", i / 2) for i in range(6)]  # fires at 2.5 min
    second = [visit(f"b-{i}", 5 + i / 2) for i in range(6)]  # 5..7.5 min
    assert [i for i, _ in run(first + second)] == [5]


def test_threshold_and_window_come_from_settings():
    visits = [visit(f"person-{i}", i * 3) for i in range(4)]  # 4 people in 9 minutes
    assert run(visits, {"bulk": {"profiles": 3, "minutes": 10}})[0][0] == 3
    assert run(visits, {"bulk": {"profiles": 3, "minutes": 5}}) == []
    assert run(visits, {"bulk": {"profiles": 4, "minutes": 10}}) == []


def test_dutch_wording():
    [(_, finding)] = run([visit(n, i, ui_language="nl") for i, n in enumerate(NAMES_NL[:6])])
    assert finding.language == "nl"
    assert finding.title == "Veel profielen in korte tijd"
    assert "6 profielen" in finding.message and "AVG" in finding.message


def test_memory_stays_bounded():
    engine = Engine(parse_settings({"bulk": {"profiles": 40, "minutes": 10}}), rules=[rule_by_id("LG601")])
    for i in range(5000):
        engine.evaluate(visit(f"p-{i}", i / 1000))
    assert len(engine.rules[0]._seen) <= 41
