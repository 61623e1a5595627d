"""scripts/fit_weights.py's choice of the two thresholds: LG201's false alarms count against LG202 too."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from fit_weights import _at, _choose_thresholds  # noqa: E402


def test_lg201_is_raised_when_its_false_alarms_would_sink_lg202():
    # LG201: 100 pitches scoring 5..6, two colleagues' notes at 1.0 -> its lowest threshold (precision 100/102)
    # lets both through.
    s201 = [5.0 + i / 100 for i in range(100)] + [1.0, 1.0]
    y201 = [True] * 100 + [False, False]
    # LG202 judges those two notes (first messages) and 50 recruiters' approaches LG201 scores low.
    s202 = [-1.0, -1.0] + [3.0] * 50
    y202 = [False, False] + [True] * 50
    lg201_of_202 = [1.0, 1.0] + [-2.0] * 50
    chosen = _choose_thresholds({"LG201": s201, "LG202": s202}, {"LG201": y201, "LG202": y202}, lg201_of_202, 0.98)
    t201, p201, r201 = chosen["LG201"]
    t202, p202, r202 = chosen["LG202"]
    assert 1.0 < t201 < 5.0 and p201 == 1.0 and r201 == 1.0
    assert p202 == 1.0 and r202 == 1.0 and t202 <= 3.0
    # At LG201's own lowest threshold, LG202 could not keep 0.98 at any threshold: the two notes are forced.
    assert _at(s202, y202, 99.0, [s >= 0.5 for s in lg201_of_202])[0] < 0.98


def test_lg201_keeps_its_lowest_threshold_when_lg202_can_bear_it():
    s201 = [5.0 + i / 100 for i in range(100)] + [1.0, 1.0]
    y201 = [True] * 100 + [False, False]
    # The two notes are follow-ups: LG202 does not judge them.
    s202 = [3.0] * 50
    y202 = [True] * 50
    chosen = _choose_thresholds({"LG201": s201, "LG202": s202}, {"LG201": y201, "LG202": y202}, [-2.0] * 50, 0.98)
    assert chosen["LG201"][0] < 1.0
    assert chosen["LG202"][1:] == (1.0, 1.0)
