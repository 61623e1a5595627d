"""The guard's own UI inside CLOSED shadow roots, seen through the automation protocol.

protocol.md ("In the page"): every warning, the confirm dialog and what is
typed into it live in ``attachShadow({mode: "closed"})`` roots, so neither
page scripts nor Playwright's CSS locators can see them. Tests reach them the
way browser-testing.md describes, one function per browser behind one name:

* Chromium: CDP ``DOM.getDocument {depth: -1, pierce: true}`` lists closed
  roots; ``DOM.querySelectorAll`` on each root; ``DOM.resolveNode`` into an
  isolated world and ``Runtime.callFunctionOn`` to read a node.
* Firefox: BiDi ``script.callFunction`` with ``serializationOptions:
  {includeShadowTree: "all"}`` serialises closed roots (as ``sharedId``s);
  ``querySelectorAll`` on each, in a sandbox realm.

Page scripts never run any of this (isolated world / sandbox), and clicks are
real input at the node's centre (``page.mouse.click``), which the guard must
accept, unlike a script's ``element.click()``.

    node = closed_roots.wait_for(page, '[data-guard-rule="LG101"][data-guard-warning]')
    node.attributes["data-guard-mode"], node.text, node.visible
    closed_roots.click(page, '[data-guard-action="dismiss"]')
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

#: Read in the isolated world / sandbox, never by a page script.
INFO = """function () {
  const r = this.getBoundingClientRect();
  const attrs = {};
  for (const a of this.attributes || []) attrs[a.name] = a.value;
  return JSON.stringify({
    attributes: attrs,
    text: this.textContent,
    inner_text: this.innerText === undefined ? this.textContent : this.innerText,
    box: {x: r.x, y: r.y, width: r.width, height: r.height},
    visible: r.width > 0 && r.height > 0 && this.checkVisibility({visibilityProperty: true, opacityProperty: true}),
    in_closed_root: this.getRootNode() instanceof ShadowRoot && this.getRootNode().mode === 'closed',
  });
}"""


@dataclass
class Node:
    attributes: dict[str, str]
    text: str
    inner_text: str
    box: dict[str, float]
    visible: bool
    in_closed_root: bool
    ref: Any = field(default=None, repr=False)  # Chromium: backendNodeId; Firefox: sharedId

    @property
    def centre(self) -> tuple[float, float]:
        return self.box["x"] + self.box["width"] / 2, self.box["y"] + self.box["height"] / 2


def _is_firefox(page) -> bool:
    from tests.browser import firefox

    return isinstance(page, firefox.Page)


# ---------------------------------------------------------------- Chromium (CDP)

_cdp: dict[int, tuple[Any, Any]] = {}


def _session(page):
    key = id(page)
    if key not in _cdp or _cdp[key][0] is not page:
        _cdp[key] = (page, page.context.new_cdp_session(page))
    return _cdp[key][1]


def _chromium_world(cdp) -> int:
    frame = cdp.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
    return cdp.send("Page.createIsolatedWorld", {"frameId": frame, "worldName": "closed-roots-test"})["executionContextId"]


def _chromium_query(page, selector: str) -> list[Node]:
    cdp = _session(page)
    doc = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
    roots = [doc["nodeId"]]

    def walk(n: dict) -> None:
        for sr in n.get("shadowRoots", []):
            roots.append(sr["nodeId"])
            walk(sr)
        for child in n.get("children", []):
            walk(child)
        if "contentDocument" in n:
            walk(n["contentDocument"])

    walk(doc)
    world = _chromium_world(cdp)
    nodes: list[Node] = []
    seen: set[int] = set()
    for root in roots:
        for node_id in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
            backend = cdp.send("DOM.describeNode", {"nodeId": node_id})["node"]["backendNodeId"]
            if backend in seen:
                continue
            seen.add(backend)
            obj = cdp.send("DOM.resolveNode", {"backendNodeId": backend, "executionContextId": world})["object"]["objectId"]
            info = cdp.send("Runtime.callFunctionOn", {"objectId": obj, "functionDeclaration": INFO, "returnByValue": True})
            nodes.append(Node(**json.loads(info["result"]["value"]), ref=backend))
    return nodes


def _chromium_call(page, node: Node, fn: str, arg: Any) -> Any:
    cdp = _session(page)
    cdp.send("DOM.getDocument", {"depth": 0})
    obj = cdp.send("DOM.resolveNode", {"backendNodeId": node.ref, "executionContextId": _chromium_world(cdp)})["object"]["objectId"]
    out = cdp.send("Runtime.callFunctionOn", {
        "objectId": obj, "returnByValue": True, "awaitPromise": True,
        "functionDeclaration": f"async function (a) {{ return JSON.stringify(await ({fn})(this, a)); }}",
        "arguments": [{"value": arg}],
    })
    if "exceptionDetails" in out:
        raise AssertionError(f"closed_roots.call: {out['exceptionDetails']}")
    value = out["result"].get("value")
    return None if value is None else json.loads(value)


# ---------------------------------------------------------------- Firefox (BiDi)

SANDBOX = "closed-roots-test"


def _firefox_send(page, fn: str, args: list[dict], serialization: dict | None = None) -> dict:
    params: dict[str, Any] = {
        "functionDeclaration": fn,
        "arguments": args,
        "target": {"context": page.context_id, "sandbox": SANDBOX},
        "awaitPromise": True,
        "resultOwnership": "none",
    }
    if serialization:
        params["serializationOptions"] = serialization
    result = page.bridge.send("script.callFunction", params)
    if result.get("type") == "exception":
        raise AssertionError(f"closed_roots: {result.get('exceptionDetails', {}).get('text')}")
    return result["result"]


def _firefox_roots(page) -> list[str]:
    """sharedIds of every shadow root (open and closed), nested ones included."""
    tree = _firefox_send(page, "() => document.documentElement", [],
                         {"maxDomDepth": None, "includeShadowTree": "all"})
    roots: list[str] = []

    def walk(n: dict | None) -> None:
        if not n or n.get("type") != "node":
            return
        value = n.get("value", {})
        sr = value.get("shadowRoot")
        if sr:
            roots.append(sr["sharedId"])
            walk(sr)
        for child in value.get("children") or []:
            walk(child)

    walk(tree)
    return roots


def _firefox_query(page, selector: str) -> list[Node]:
    roots = _firefox_roots(page)
    fn = ("(sel, ...roots) => { const out = []; for (const r of [document, ...roots])"
          " for (const el of r.querySelectorAll(sel)) if (!out.includes(el)) out.push(el);"
          " return out.map((el) => [el, (" + INFO + ").call(el)]); }")
    args = [{"type": "string", "value": selector}] + [{"sharedId": s} for s in roots]
    result = _firefox_send(page, fn, args, {"maxDomDepth": 0})
    nodes = []
    for pair in result.get("value", []):
        el, info = pair["value"]
        nodes.append(Node(**json.loads(info["value"]), ref=el["sharedId"]))
    return nodes


def _firefox_call(page, node: Node, fn: str, arg: Any) -> Any:
    wrapped = f"async (el, a) => JSON.stringify(await ({fn})(el, JSON.parse(a)))"
    result = _firefox_send(page, wrapped, [{"sharedId": node.ref}, {"type": "string", "value": json.dumps(arg)}])
    value = result.get("value")
    return None if value is None else json.loads(value)


# ---------------------------------------------------------------- one name per operation


def query(page, selector: str) -> list[Node]:
    """Every element matching ``selector`` in the document and in every shadow root, closed ones included."""
    return _firefox_query(page, selector) if _is_firefox(page) else _chromium_query(page, selector)


def count(page, selector: str) -> int:
    return len(query(page, selector))


def call(page, node: Node, fn: str, arg: Any = None) -> Any:
    """``fn(element, arg)`` on ``node`` in an isolated world / sandbox (JSON in, JSON out)."""
    return _firefox_call(page, node, fn, arg) if _is_firefox(page) else _chromium_call(page, node, fn, arg)


def wait_for(page, selector: str, *, state: str = "visible", timeout: float = 10000) -> Node | None:
    """The first matching node once it is ``visible`` / ``attached``; None once ``detached``/``hidden``."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        try:
            nodes = query(page, selector)
        except Exception:  # the page navigated mid-query: look again
            nodes = None
        if nodes is not None:
            shown = [n for n in nodes if n.visible]
            if state == "attached" and nodes:
                return nodes[0]
            if state == "visible" and shown:
                return shown[0]
            if state == "detached" and not nodes:
                return None
            if state == "hidden" and not shown:
                return None
        if time.monotonic() >= deadline:
            raise AssertionError(f"{selector!r} not {state} within {timeout} ms (found {nodes})")
        time.sleep(0.1)


def click(page, target: str | Node, *, timeout: float = 10000) -> None:
    """A real mouse click (trusted input) at the centre of the node, scrolled into view first."""
    node = wait_for(page, target, timeout=timeout) if isinstance(target, str) else target
    box = call(page, node, "(el) => { el.scrollIntoView({block: 'center', inline: 'center'});"
                           " const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; }")
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def text(page, selector: str, *, timeout: float = 10000) -> str:
    node = wait_for(page, selector, timeout=timeout)
    assert node is not None
    return node.inner_text
