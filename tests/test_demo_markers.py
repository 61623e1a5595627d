"""The demo's reading of warning markers through CDP survives a chip re-rendered mid-read."""

from __future__ import annotations

import pytest

from guard.demo import _read_markers


class FakeCdp:
    """A document with one closed shadow root holding one marker; the marker's node id changes on re-render."""

    def __init__(self, rerenders: int):
        self.rerenders = rerenders  # how many getAttributes calls find the node gone
        self.generation = 0

    def send(self, method: str, params: dict) -> dict:
        if method == "DOM.getDocument":
            self.generation += 1
            return {"root": {"nodeId": 1, "children": [
                {"nodeId": 2, "shadowRoots": [{"nodeId": 3, "shadowRootType": "closed"}]}]}}
        if method == "DOM.querySelectorAll":
            assert params["nodeId"] == 3
            return {"nodeIds": [100 + self.generation]}
        if method == "DOM.getAttributes":
            if self.rerenders:
                self.rerenders -= 1
                raise RuntimeError("CDPSession.send: Protocol error (DOM.getAttributes): Could not find node with given id")
            assert params["nodeId"] == 100 + self.generation
            return {"attributes": ["data-guard-warning", "w-1", "data-guard-rule", "LG201",
                                   "data-guard-severity", "high", "data-guard-mode", "confirm"]}
        raise AssertionError(method)


def test_a_marker_re_rendered_between_finding_and_reading_it_is_read_again():
    got = _read_markers(FakeCdp(rerenders=1))
    assert got == [{"id": "w-1", "rule": "LG201", "severity": "high", "mode": "confirm", "title": ""}]


def test_a_page_that_keeps_re_rendering_still_fails_clearly():
    with pytest.raises(RuntimeError, match="Could not find node"):
        _read_markers(FakeCdp(rerenders=5))


def test_other_protocol_errors_are_not_retried():
    class Broken(FakeCdp):
        def send(self, method, params):
            if method == "DOM.getAttributes":
                raise RuntimeError("Protocol error: Target closed")
            return super().send(method, params)

    with pytest.raises(RuntimeError, match="Target closed"):
        _read_markers(Broken(rerenders=0))
