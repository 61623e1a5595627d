"""Read and act on the guard's page UI, which lives in CLOSED shadow roots.

Page scripts cannot see into closed roots, and neither can Playwright's CSS
locators. Tests reach them through the browser's automation protocol
(``shared/reference/browser-testing.md``, "Reaching inside"), never through a
script in the page.

One entry point: :func:`closed_roots` ``(page)`` gives a :class:`ClosedRoots`
for that page; its methods are the same in every browser:

    ui = closed_roots(page)
    marker = ui.wait_for('[data-guard-rule="LG101"][data-guard-warning]')
    ui.click(ui.wait_for('[data-guard-action="dismiss"]'))   # a real, trusted click
    ui.text(node), ui.attr(node, "lang"), ui.visible(node), ui.box(node)

* Chromium: CDP ``DOM.getDocument {depth: -1, pierce: true}`` returns closed
  roots too; ``DOM.querySelectorAll`` runs on each shadow root; nodes are read
  in an isolated world (``Page.createIsolatedWorld``), so a page script that
  redefines DOM getters cannot lie to the test; clicks are real mouse input at
  the centre of the node's box model (trusted, like the person's).
* Firefox (``tests/browser/firefox.py`` pages): WebDriver BiDi
  ``script.callFunction`` with ``serializationOptions.includeShadowTree =
  "all"`` serialises closed roots as ``sharedId`` handles; queries and reads
  run in a sandbox realm (out of the page scripts' reach); clicks are real
  mouse input (``input.performActions``) at the node's centre.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

__all__ = ["closed_roots", "ClosedRoots", "Node"]


@dataclass(frozen=True)
class Node:
    """A node inside (or outside) a shadow root, as the protocol knows it."""

    node_id: int
    backend_id: int  # Chromium: backendNodeId; Firefox: the BiDi sharedId (a string)
    in_closed_root: bool


def closed_roots(page) -> "ClosedRoots":
    """The closed-root reader for ``page``'s browser (the one function tests call)."""
    from tests.browser import firefox

    if isinstance(page, firefox.Page):
        return FirefoxClosedRoots(page)
    name = page.context.browser.browser_type.name if page.context.browser else "chromium"
    if name == "chromium":
        return ChromiumClosedRoots(page)
    if name == "firefox":
        return FirefoxClosedRoots(page)
    raise NotImplementedError(f"no closed-root reader for {name}")


class ClosedRoots:
    """What every browser's implementation offers (see the module docstring)."""

    def __init__(self, page):
        self.page = page

    # -- to implement per browser ------------------------------------------

    def query_all(self, selector: str, *, closed_only: bool = True) -> list[Node]:
        raise NotImplementedError

    def call(self, node: Node, function: str, *args: Any) -> Any:
        """Run ``function`` (JS, ``this`` is the node) out of the page's reach; its JSON value."""
        raise NotImplementedError

    def box(self, node: Node) -> dict | None:
        """``{"x", "y", "width", "height"}`` in CSS pixels of the viewport, or None when not rendered."""
        raise NotImplementedError

    def scroll_into_view(self, node: Node) -> None:
        raise NotImplementedError

    # -- shared ------------------------------------------------------------

    def query(self, selector: str, *, closed_only: bool = True) -> Node | None:
        found = self.query_all(selector, closed_only=closed_only)
        return found[0] if found else None

    def count(self, selector: str) -> int:
        return len(self.query_all(selector))

    def text(self, node: Node) -> str:
        return self.call(node, "function () { return this.innerText !== undefined ? this.innerText : this.textContent; }")

    def attr(self, node: Node, name: str) -> str | None:
        return self.call(node, "function (n) { return this.getAttribute(n); }", name)

    def visible(self, node: Node) -> bool:
        shown = self.call(
            node,
            "function () { return this.checkVisibility ? this.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}) : true; }",
        )
        b = self.box(node)
        return bool(shown) and b is not None and b["width"] > 0 and b["height"] > 0

    def wait_for(self, selector: str, *, timeout: float = 10.0, state: str = "visible") -> Node | None:
        """The first match in a visible/attached state; None for state "detached" once gone."""
        deadline = time.monotonic() + timeout
        last: list[Node] = []
        while True:
            try:
                last = self.query_all(selector)
            except Exception:  # the document changed under the protocol call: ask again
                last = []
            if state == "detached" and not last:
                return None
            if state == "attached" and last:
                return last[0]
            if state == "visible":
                for n in last:
                    try:
                        if self.visible(n):
                            return n
                    except Exception:
                        pass
            if time.monotonic() > deadline:
                raise AssertionError(f"{selector!r} not {state} within {timeout} s (found {len(last)})")
            time.sleep(0.05)

    def click(self, node: Node) -> None:
        """A real mouse click at the node's centre: trusted input, as the person's click."""
        self.scroll_into_view(node)
        b = self.box(node)
        assert b is not None and b["width"] > 0, "the node is not rendered"
        self.page.mouse.click(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2)

    def focus(self, node: Node) -> None:
        self.call(node, "function () { this.focus(); }")

    def is_focused(self, node: Node) -> bool:
        """Whether the node is the focused element (through any number of shadow roots)."""
        return bool(self.call(node, """function () {
            let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
            if (a === this) return true;
            const r = this.getRootNode();
            return r !== document && r.activeElement === this;
        }"""))

    def focused(self, selector: str) -> Node | None:
        for n in self.query_all(selector):
            if self.is_focused(n):
                return n
        return None


class ChromiumClosedRoots(ClosedRoots):
    """CDP: DOM with pierce, an isolated world for reads, real input for clicks."""

    WORLD = "guard-tests"

    def __init__(self, page):
        super().__init__(page)
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("DOM.enable")
        self.cdp.send("Page.enable")
        self._context_id: int | None = None
        self._frame_id: str | None = None

    def _world(self) -> int:
        # One isolated world per document: a navigation (same frame, new loader) needs a new one.
        frame = self.cdp.send("Page.getFrameTree")["frameTree"]["frame"]
        frame_id = (frame["id"], frame.get("loaderId"))
        if self._context_id is None or frame_id != self._frame_id:
            self._frame_id = frame_id
            self._context_id = self.cdp.send(
                "Page.createIsolatedWorld", {"frameId": frame["id"], "worldName": self.WORLD}
            )["executionContextId"]
        return self._context_id

    def _roots(self) -> list[tuple[int, bool]]:
        """(nodeId, closed?) of every shadow root, and the document (not closed)."""
        doc = self.cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
        out: list[tuple[int, bool]] = [(doc["nodeId"], False)]
        stack = [doc]
        while stack:
            n = stack.pop()
            for sr in n.get("shadowRoots", []) or []:
                out.append((sr["nodeId"], sr.get("shadowRootType") == "closed"))
                stack.append(sr)
            stack.extend(n.get("children", []) or [])
            if n.get("contentDocument"):
                stack.append(n["contentDocument"])
        return out

    def query_all(self, selector: str, *, closed_only: bool = True) -> list[Node]:
        found: list[Node] = []
        for root_id, closed in self._roots():
            if closed_only and not closed:
                continue
            ids = self.cdp.send("DOM.querySelectorAll", {"nodeId": root_id, "selector": selector})["nodeIds"]
            for node_id in ids:
                backend = self.cdp.send("DOM.describeNode", {"nodeId": node_id})["node"]["backendNodeId"]
                found.append(Node(node_id, backend, closed))
        return found

    def call(self, node: Node, function: str, *args: Any) -> Any:
        obj = self.cdp.send(
            "DOM.resolveNode", {"backendNodeId": node.backend_id, "executionContextId": self._world()}
        )["object"]
        try:
            res = self.cdp.send(
                "Runtime.callFunctionOn",
                {
                    "objectId": obj["objectId"],
                    "functionDeclaration": function,
                    "arguments": [{"value": a} for a in args],
                    "returnByValue": True,
                },
            )
        finally:
            self.cdp.send("Runtime.releaseObject", {"objectId": obj["objectId"]})
        if "exceptionDetails" in res:
            raise AssertionError(res["exceptionDetails"].get("text", "exception"))
        return res["result"].get("value")

    def box(self, node: Node) -> dict | None:
        try:
            model = self.cdp.send("DOM.getBoxModel", {"backendNodeId": node.backend_id})["model"]
        except Exception:
            return None
        q = model["border"]
        xs, ys = q[0::2], q[1::2]
        return {"x": min(xs), "y": min(ys), "width": max(xs) - min(xs), "height": max(ys) - min(ys)}

    def scroll_into_view(self, node: Node) -> None:
        try:
            self.cdp.send("DOM.scrollIntoViewIfNeeded", {"backendNodeId": node.backend_id})
        except Exception:
            pass


class FirefoxClosedRoots(ClosedRoots):
    """WebDriver BiDi: closed roots serialised as sharedIds, read in a sandbox realm, real input for clicks.

    ``script.callFunction`` with ``serializationOptions: {"includeShadowTree":
    "all"}`` returns the document with every shadow root (``mode`` "open" or
    "closed"); ``querySelectorAll`` then runs on each root passed back by its
    ``sharedId``, in the sandbox ``guard-tests`` (page scripts cannot reach
    it or redefine what it sees). ``Node.backend_id`` holds the sharedId.
    """

    SANDBOX = "guard-tests"

    def _send(self, function: str, args: list[dict], *, this: dict | None = None,
              serialization: dict | None = None) -> dict:
        params: dict[str, Any] = {
            "functionDeclaration": function,
            "arguments": args,
            "target": {"context": self.page.context_id, "sandbox": self.SANDBOX},
            "awaitPromise": True,
            "resultOwnership": "none",
        }
        if this is not None:
            params["this"] = this
        if serialization is not None:
            params["serializationOptions"] = serialization
        result = self.page.bridge.send("script.callFunction", params)
        if result.get("type") == "exception":
            raise AssertionError(result.get("exceptionDetails", {}).get("text", "exception"))
        return result["result"]

    def _roots(self) -> list[tuple[str | None, bool]]:
        """(sharedId, closed?) of every shadow root, nested ones included; None for the document."""
        tree = self._send("function () { return document.documentElement; }", [],
                          serialization={"maxDomDepth": None, "includeShadowTree": "all"})
        out: list[tuple[str | None, bool]] = [(None, False)]
        stack = [tree]
        while stack:
            n = stack.pop()
            if not isinstance(n, dict) or n.get("type") != "node":
                continue
            value = n.get("value") or {}
            sr = value.get("shadowRoot")
            if sr:
                out.append((sr["sharedId"], (sr.get("value") or {}).get("mode") == "closed"))
                stack.append(sr)
            stack.extend(value.get("children") or [])
        return out

    def query_all(self, selector: str, *, closed_only: bool = True) -> list[Node]:
        roots = [(sid, closed) for sid, closed in self._roots() if closed or not closed_only]
        if not roots:
            return []
        function = ("function (sel, flags, ...roots) { const out = [];"
                    " roots.forEach((r, i) => { for (const el of (r || document).querySelectorAll(sel)) out.push([el, flags[i]]); });"
                    " return out; }")
        args = [
            {"type": "string", "value": selector},
            {"type": "array", "value": [{"type": "boolean", "value": closed} for _, closed in roots]},
        ] + [({"sharedId": sid} if sid else {"type": "null"}) for sid, _ in roots]
        result = self._send(function, args, serialization={"maxDomDepth": 0})
        found = []
        for i, pair in enumerate(result.get("value") or []):
            el, closed = pair["value"]
            found.append(Node(i, el["sharedId"], bool(closed["value"])))
        return found

    def call(self, node: Node, function: str, *args: Any) -> Any:
        wrapped = ("async function (json) { const v = await (" + function + ").apply(this, JSON.parse(json));"
                   " return v === undefined ? null : JSON.stringify(v); }")
        result = self._send(wrapped, [{"type": "string", "value": json.dumps(list(args))}],
                            this={"sharedId": node.backend_id})
        value = result.get("value")
        return None if value is None else json.loads(value)

    def box(self, node: Node) -> dict | None:
        try:
            return self.call(node, """function () {
                if (!this.isConnected || !this.getClientRects().length) return null;
                const r = this.getBoundingClientRect();
                return {x: r.x, y: r.y, width: r.width, height: r.height}; }""")
        except Exception:
            return None

    def scroll_into_view(self, node: Node) -> None:
        try:
            self.call(node, "function () { this.scrollIntoView({block: 'center', inline: 'center'}); }")
        except Exception:
            pass
