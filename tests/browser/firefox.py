"""Firefox ESR for the browser tests, behind the part of Playwright's sync API the tests use.

Debian's ``firefox-esr`` is launched by puppeteer-core (npm, pinned in
package.json) in a small Node process, ``firefox_bridge.mjs``; Python then
speaks WebDriver BiDi through it (JSON lines over the bridge's stdin/stdout).
Puppeteer only launches, writes the automation prefs into the profile,
installs the add-on and holds the connection; everything else here is plain
BiDi, so the facade behaves the same whatever puppeteer's page model does.

Why a facade rather than two sets of tests: every scenario is written once
against ``page.locator(...).click()`` & co. In Chromium those objects are
Playwright's own; here they are :class:`Page` and :class:`Locator`, which
resolve Playwright-style selectors (CSS that pierces open shadow roots,
``:text()``, ``get_by_role``, ``filter(has_text=)``, ``first``/``last``/
``nth``) with a small in-page engine and act with real input
(``input.performActions``: trusted mouse and key events, as Playwright's are).
"""

from __future__ import annotations

import base64
import fnmatch
import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parents[2]
BRIDGE = Path(__file__).with_name("firefox_bridge.mjs")
FIREFOX = os.environ.get("FIREFOX_PATH", "/usr/bin/firefox-esr")
PUPPETEER = ROOT / "node_modules" / "puppeteer-core" / "package.json"
DEFAULT_TIMEOUT_MS = 30000


def missing() -> str | None:
    """Why Firefox tests cannot run here, or None."""
    if not os.path.exists(FIREFOX):
        return f"Firefox ESR not found at {FIREFOX} (apt-get install firefox-esr, or set FIREFOX_PATH)"
    if shutil.which("node") is None:
        return "node not found (apt-get install nodejs): Firefox is driven by puppeteer-core"
    if not PUPPETEER.exists():
        return "puppeteer-core is not installed (npm ci, or python3 scripts/bootstrap.py test)"
    return None


class Error(AssertionError):
    """What a failed BiDi command or page script said."""


class TimeoutError(Error):  # noqa: A001 - Playwright's name, for parity
    pass


# ---------------------------------------------------------------------------
# The bridge process
# ---------------------------------------------------------------------------


class Bridge:
    """One Firefox: the Node bridge process, answers by id, events in a list."""

    def __init__(self, *, profile: Path, prefs: dict[str, Any], env: dict[str, str], extension: Path | None,
                 log_path: Path):
        config = {
            "executablePath": FIREFOX,
            "profileDir": str(profile),
            "prefs": prefs,
            "extensionDir": str(extension) if extension else None,
            # Lets BiDi navigate to and script the add-on's own pages (moz-extension://).
            "args": ["--remote-allow-system-access"],
            "env": env,
        }
        self._log = open(log_path, "ab")
        self.proc = subprocess.Popen(
            ["node", str(BRIDGE), json.dumps(config)], cwd=ROOT, env={**os.environ, **env},
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log, start_new_session=True,
        )
        self._answers: dict[int, dict] = {}
        self._events: list[dict] = []
        self._cond = threading.Condition()
        self._next = 0
        self._listeners: list[Callable[[dict], None]] = []
        ready = json.loads(self.proc.stdout.readline() or b'{"ready": false, "error": "the bridge exited"}')
        if not ready.get("ready"):
            self.close()
            raise Error(f"Firefox did not start: {ready.get('error')} (log: {log_path})")
        self.extension_id: str | None = ready.get("extension")
        self.first_context: str = ready["context"]
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            msg = json.loads(line)
            with self._cond:
                if "event" in msg:
                    self._events.append(msg)
                    for listener in list(self._listeners):
                        listener(msg)
                else:
                    self._answers[msg["id"]] = msg
                self._cond.notify_all()
        with self._cond:
            self._answers[-1] = {"error": "the Firefox bridge exited"}
            self._cond.notify_all()

    def on_event(self, listener: Callable[[dict], None]) -> None:
        self._listeners.append(listener)

    def send(self, method: str, params: dict | None = None, timeout: float = 60.0) -> Any:
        with self._cond:
            self._next += 1
            rid = self._next
        line = json.dumps({"id": rid, "method": method, "params": params or {}, "timeout": int(timeout * 1000)})
        try:
            self.proc.stdin.write(line.encode() + b"\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, ValueError) as exc:
            raise Error(f"the Firefox bridge is gone ({exc})") from exc
        deadline = time.monotonic() + timeout + 5
        with self._cond:
            while rid not in self._answers:
                if -1 in self._answers:
                    raise Error(self._answers[-1]["error"])
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{method}: no answer within {timeout} s")
                self._cond.wait(left)
            answer = self._answers.pop(rid)
        if "error" in answer:
            raise Error(f"{method}: {answer['error'].splitlines()[0]}")
        return answer.get("result")

    def events(self, method: str) -> list[dict]:
        with self._cond:
            return [e["params"] for e in self._events if e["event"] == method]

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()  # the bridge closes Firefox on EOF
                self.proc.wait(timeout=15)
            except (OSError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except OSError:
                    pass
                self.proc.wait(timeout=10)
        self._log.close()


# ---------------------------------------------------------------------------
# Selector engine (runs in the page) and input
# ---------------------------------------------------------------------------

# steps: [["css", sel] | ["role", role, name|null, exact] | ["text", substr] | ["nth", i]]
ENGINE = r"""(steps) => {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const deepText = (el) => norm(el.textContent + (el.shadowRoot ? ' ' + el.shadowRoot.textContent : ''));
  const under = (scope) => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    if (scope.shadowRoot) walk(scope.shadowRoot);
    walk(scope);
    return out;
  };
  const splitList = (sel) => {
    const parts = []; let depth = 0; let quote = null; let cur = '';
    for (const ch of sel) {
      if (quote) { if (ch === quote) quote = null; }
      else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '(' || ch === '[') depth++;
      else if (ch === ')' || ch === ']') depth--;
      else if (ch === ',' && depth === 0) { parts.push(cur.trim()); cur = ''; continue; }
      cur += ch;
    }
    if (cur.trim()) parts.push(cur.trim());
    return parts;
  };
  // Like Playwright's CSS: a descendant combinator also crosses into open shadow roots.
  const chunks = (sel) => {
    const raw = []; let depth = 0; let quote = null; let cur = '';
    for (const ch of sel) {
      if (quote) { if (ch === quote) quote = null; }
      else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '(' || ch === '[') depth++;
      else if (ch === ')' || ch === ']') depth--;
      else if (/\s/.test(ch) && depth === 0) { if (cur) raw.push(cur); cur = ''; continue; }
      cur += ch;
    }
    if (cur) raw.push(cur);
    const out = [];
    for (const t of raw) {
      const prev = out[out.length - 1];
      if (prev !== undefined && (/^[>+~]/.test(t) || /[>+~]$/.test(prev))) out[out.length - 1] = prev + ' ' + t;
      else out.push(t);
    }
    return out;
  };
  const up = (n) => n.parentElement || (n.parentNode instanceof ShadowRoot ? n.parentNode.host : null);
  const matchChain = (el, parts) => {
    if (!el.matches(parts[parts.length - 1])) return false;
    let i = parts.length - 2;
    for (let n = up(el); n && i >= 0; n = up(n)) if (n.matches(parts[i])) i--;
    return i < 0;
  };
  const css = (scope, sel) => {
    const found = new Set();
    const all = under(scope);
    for (let part of splitList(sel)) {
      let text = null;
      const m = part.match(/:text\((['"])(.*?)\1\)$/);
      if (m) { text = m[2].toLowerCase(); part = part.slice(0, m.index) || '*'; }
      const parts = chunks(part);
      for (const el of all) {
        if (matchChain(el, parts) && (text === null || deepText(el).toLowerCase().includes(text))) found.add(el);
      }
    }
    return all.filter((el) => found.has(el));
  };
  const ROLES = {
    button: 'button, input[type=button], input[type=submit], input[type=reset], [role=button]',
    link: 'a[href], [role=link]',
    checkbox: 'input[type=checkbox], [role=checkbox]',
    radio: 'input[type=radio], [role=radio]',
    textbox: 'input:not([type]), input[type=text], input[type=email], input[type=search], textarea, [contenteditable=true], [contenteditable=""], [role=textbox]',
    heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
    dialog: 'dialog, [role=dialog]',
    combobox: 'select, [role=combobox]',
  };
  const accName = (el) => {
    const label = el.getAttribute('aria-label');
    if (label) return norm(label);
    const by = el.getAttribute('aria-labelledby');
    if (by) return norm(by.split(/\s+/).map((id) => el.ownerDocument.getElementById(id)?.textContent || '').join(' '));
    if (el.labels && el.labels.length) return norm(el.labels[0].textContent);
    if (el.tagName === 'INPUT') return norm(el.value || el.getAttribute('title') || '');
    return norm(el.textContent) || norm(el.getAttribute('title'));
  };
  const shown = (el) => !el.closest('[aria-hidden=true]') && el.checkVisibility({visibilityProperty: true});
  const role = (scope, name, want, exact) => under(scope).filter((el) => {
    if (!el.matches(ROLES[name] || `[role=${name}]`) || !shown(el)) return false;
    if (want === null) return true;
    const got = accName(el);
    return exact ? got === want : got.toLowerCase().includes(want.toLowerCase());
  });
  let current = [document];
  for (const step of steps) {
    if (step[0] === 'css') current = [...new Set(current.flatMap((s) => css(s, step[1])))];
    else if (step[0] === 'role') current = [...new Set(current.flatMap((s) => role(s, step[1], step[2], step[3])))];
    else if (step[0] === 'text') current = current.filter((el) => deepText(el).toLowerCase().includes(step[1].toLowerCase()));
    else if (step[0] === 'nth') {
      const i = step[1] < 0 ? current.length + step[1] : step[1];
      current = i >= 0 && i < current.length ? [current[i]] : [];
    }
  }
  return current;
}"""

VISIBLE = """(el) => { const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; }"""

#: The centre to click, once the box is stable over a frame and the element itself is hit there; else null.
CLICK_POINT = """async (el) => {
  el.scrollIntoView({block: 'center', inline: 'center'});
  const frame = () => new Promise((r) => { requestAnimationFrame(() => r()); setTimeout(r, 50); });
  await frame();
  const a = el.getBoundingClientRect();
  await frame();
  await new Promise((r) => setTimeout(r, 60));  // a layout that is still settling moves within this
  const b = el.getBoundingClientRect();
  if (a.x !== b.x || a.y !== b.y || a.width !== b.width || a.height !== b.height) return null;
  const x = b.x + b.width / 2, y = b.y + b.height / 2;
  let hit = document.elementFromPoint(x, y);
  while (hit && hit.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  for (let n = hit; n; n = n.parentNode || n.host) if (n === el) return {x, y};
  return null;
}"""

KEYS = {
    "Enter": "\ue007", "Backspace": "\ue003", "Tab": "\ue004", "Escape": "\ue00c", "Delete": "\ue017",
    "Shift": "\ue008", "Control": "\ue009", "Alt": "\ue00a", "Meta": "\ue03d", "Space": " ",
    "ArrowLeft": "\ue012", "ArrowUp": "\ue013", "ArrowRight": "\ue014", "ArrowDown": "\ue015",
    "Home": "\ue011", "End": "\ue010", "PageUp": "\ue00e", "PageDown": "\ue00f",
}


def key_value(name: str) -> str:
    if name in KEYS:
        return KEYS[name]
    if len(name) == 1:
        return name
    raise Error(f"unknown key {name!r}")


def press_actions(combo: str) -> list[dict]:
    """``"Shift+Enter"`` -> keyDown Shift, keyDown Enter, keyUp Enter, keyUp Shift."""
    keys = [key_value(k) for k in (combo.split("+") if combo != "+" else ["+"])]
    return [{"type": "keyDown", "value": k} for k in keys] + [{"type": "keyUp", "value": k} for k in reversed(keys)]


def url_matcher(pattern: str | re.Pattern | Callable[[str], bool]) -> Callable[[str], bool]:
    if callable(pattern):
        return pattern
    if isinstance(pattern, re.Pattern):
        return lambda u: bool(pattern.search(u))
    # Playwright's glob: ** anything, * anything but a slash.
    rx = re.escape(pattern).replace(r"\*\*", ".*").replace(r"\*", "[^/]*")
    return lambda u: re.fullmatch(rx, u) is not None


def is_function(src: str) -> bool:
    s = src.strip()
    return s.startswith(("function", "async ")) or bool(re.match(r"^(\([^)]*\)|[A-Za-z_$][\w$]*)\s*=>", s))


def as_function(src: str) -> str:
    return src if is_function(src) else f"() => ({src})"


def wrap(body_fn: str) -> str:
    """A function of one JSON string argument whose JSON-encoded result comes back as a string."""
    return (
        "async (__json) => { const __v = await (" + body_fn + ")(JSON.parse(__json));"
        " return __v === undefined ? '\\u0000undefined' : JSON.stringify(__v); }"
    )


def unwrap(result: dict, what: str) -> Any:
    if result.get("type") == "exception":
        details = result.get("exceptionDetails", {})
        raise Error(f"{what}: {details.get('text') or details}")
    value = result["result"].get("value")
    if value is None or value == "\u0000undefined":
        return None
    return json.loads(value)


# ---------------------------------------------------------------------------
# Page, Locator, Keyboard, Mouse
# ---------------------------------------------------------------------------


class Keyboard:
    def __init__(self, page: "Page"):
        self.page = page

    def _perform(self, actions: list[dict]) -> None:
        self.page.bridge.send("input.performActions", {
            "context": self.page.context_id,
            "actions": [{"type": "key", "id": "keyboard", "actions": actions}],
        })

    def type(self, text: str, delay: float = 0) -> None:
        actions: list[dict] = []
        for ch in text:
            value = KEYS["Enter"] if ch == "\n" else ch
            actions += [{"type": "keyDown", "value": value}, {"type": "keyUp", "value": value}]
            if delay:
                actions.append({"type": "pause", "duration": int(delay)})
        if actions:
            self._perform(actions)

    def press(self, key: str, delay: float = 0) -> None:
        self._perform(press_actions(key))

    def insert_text(self, text: str) -> None:
        self.type(text)


class Mouse:
    def __init__(self, page: "Page"):
        self.page = page

    def click(self, x: float, y: float, button: str = "left", click_count: int = 1) -> None:
        b = {"left": 0, "middle": 1, "right": 2}[button]
        actions: list[dict] = [{"type": "pointerMove", "x": int(round(x)), "y": int(round(y))}]
        for _ in range(click_count):
            actions += [{"type": "pointerDown", "button": b}, {"type": "pointerUp", "button": b}]
        self.page.bridge.send("input.performActions", {
            "context": self.page.context_id,
            "actions": [{"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": actions}],
        })

    def move(self, x: float, y: float) -> None:
        self.page.bridge.send("input.performActions", {
            "context": self.page.context_id,
            "actions": [{"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
                         "actions": [{"type": "pointerMove", "x": int(round(x)), "y": int(round(y))}]}],
        })


class Dialog:
    def __init__(self, params: dict):
        self.type = params.get("type")
        self.message = params.get("message", "")

    def accept(self, *_: Any) -> None:
        """The bridge already accepted it (Firefox would otherwise block the page)."""

    def dismiss(self) -> None:
        raise Error("dismissing a dialog is not supported in the Firefox harness")


class Locator:
    def __init__(self, page: "Page", steps: list[list]):
        self.page = page
        self.steps = steps

    # -- building
    def locator(self, selector: str, has_text: str | None = None) -> "Locator":
        return Locator(self.page, self.steps + [["css", selector]]).filter(has_text=has_text)

    def get_by_role(self, role: str, name: str | None = None, exact: bool = False) -> "Locator":
        return Locator(self.page, self.steps + [["role", role, name, exact]])

    def filter(self, has_text: str | None = None) -> "Locator":
        return Locator(self.page, self.steps + ([["text", has_text]] if has_text is not None else []))

    def nth(self, index: int) -> "Locator":
        return Locator(self.page, self.steps + [["nth", index]])

    @property
    def first(self) -> "Locator":
        return self.nth(0)

    @property
    def last(self) -> "Locator":
        return self.nth(-1)

    # -- reading
    def _run(self, fn: str, arg: Any = None, *, all_: bool = False, what: str = "locator") -> Any:
        """``fn(element, arg)`` (or ``fn(elements, arg)``) in the page; None when nothing matches."""
        body = (
            "async (a) => { const els = (" + ENGINE + ")(a.steps);"
            + (" return await (" + fn + ")(els, a.arg); }" if all_ else
               " if (!els.length) return {__none: true}; return {v: await (" + fn + ")(els[0], a.arg)}; }")
        )
        out = self.page._call(body, {"steps": self.steps, "arg": arg}, what)
        if all_:
            return out
        return None if out is None or out.get("__none") else {"v": out.get("v")}

    def _wait_el(self, fn: str, arg: Any = None, *, timeout: float | None, state: str = "attached") -> Any:
        """Wait for the element (visible when ``state == 'visible'``), then ``fn`` on it."""
        deadline = time.monotonic() + (timeout if timeout is not None else DEFAULT_TIMEOUT_MS) / 1000
        check = "(el) => (" + VISIBLE + ")(el)" if state == "visible" else "() => true"
        body = "async (el, a) => (" + check + ")(el) ? {ok: true, v: await (" + fn + ")(el, a)} : {ok: false}"
        while True:
            try:
                got = self._run(body, arg)
            except Error as exc:
                if "context" not in str(exc).lower() and "navigat" not in str(exc).lower() and "destroyed" not in str(exc).lower():
                    raise
                got = None  # the page is navigating: try again
            if got is not None and got["v"]["ok"]:
                return got["v"].get("v")
            if time.monotonic() >= deadline:
                raise TimeoutError(f"{self}: no {state} element within {timeout} ms")
            time.sleep(0.05)

    def all(self) -> list["Locator"]:
        return [self.nth(i) for i in range(self.count())]

    def count(self) -> int:
        return self._run("(els) => els.length", all_=True)

    def wait_for(self, state: str = "visible", timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout if timeout is not None else DEFAULT_TIMEOUT_MS) / 1000
        fn = "(els) => els.length ? (" + VISIBLE + ")(els[0]) : null"
        while True:
            try:
                got = self._run(fn, all_=True)
            except Error:
                got = "navigating"
            if got != "navigating":
                if state == "attached" and got is not None:
                    return
                if state == "detached" and got is None:
                    return
                if state == "visible" and got:
                    return
                if state == "hidden" and not got:
                    return
            if time.monotonic() >= deadline:
                raise TimeoutError(f"{self}: not {state} within {timeout} ms")
            time.sleep(0.05)

    def is_visible(self) -> bool:
        got = self._run("(el) => (" + VISIBLE + ")(el)")
        return bool(got and got["v"])

    def inner_text(self, timeout: float | None = None) -> str:
        return self._wait_el("(el) => el.innerText", timeout=timeout)

    def text_content(self, timeout: float | None = None) -> str:
        return self._wait_el("(el) => el.textContent", timeout=timeout)

    def get_attribute(self, name: str, timeout: float | None = None) -> str | None:
        return self._wait_el("(el, n) => el.getAttribute(n)", name, timeout=timeout)

    def input_value(self, timeout: float | None = None) -> str:
        return self._wait_el("(el) => el.value", timeout=timeout)

    def is_checked(self, timeout: float | None = None) -> bool:
        return bool(self._wait_el("(el) => el.checked", timeout=timeout))

    def evaluate(self, fn: str, arg: Any = None, timeout: float | None = None) -> Any:
        return self._wait_el(fn, arg, timeout=timeout)

    def evaluate_all(self, fn: str, arg: Any = None) -> Any:
        return self._run(fn, arg, all_=True)

    def bounding_box(self, timeout: float | None = None) -> dict:
        return self._wait_el("(el) => { el.scrollIntoView({block: 'center', inline: 'center'});"
                             " const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; }",
                             timeout=timeout, state="visible")

    # -- acting (real input, as Playwright does)
    def click(self, timeout: float | None = None, **_: Any) -> None:
        """Like Playwright: wait until visible, scrolled in, its box stable and the element the one
        hit at its centre, then a real mouse click there."""
        deadline = time.monotonic() + (timeout if timeout is not None else DEFAULT_TIMEOUT_MS) / 1000
        while True:
            left_ms = max(100.0, (deadline - time.monotonic()) * 1000)
            point = self._wait_el(CLICK_POINT, timeout=left_ms, state="visible")
            if point is not None:
                self.page.mouse.click(point["x"], point["y"])
                return
            if time.monotonic() >= deadline:
                raise TimeoutError(f"{self}: never stable and hit at its centre within {timeout} ms")
            time.sleep(0.05)

    def focus(self, timeout: float | None = None) -> None:
        self._wait_el("(el) => { el.focus(); return true; }", timeout=timeout)

    def fill(self, value: str, timeout: float | None = None) -> None:
        self._wait_el("""(el) => { el.focus();
            if ('value' in el && el.tagName !== 'BUTTON') { el.select ? el.select() : null; }
            else { const r = document.createRange(); r.selectNodeContents(el);
                   const s = el.getRootNode().getSelection ? el.getRootNode().getSelection() : getSelection();
                   (s || getSelection()).removeAllRanges(); (s || getSelection()).addRange(r); }
            return true; }""", timeout=timeout, state="visible")
        if value:
            self.page.keyboard.type(value)
        else:
            self.page.keyboard.press("Backspace")

    def press(self, key: str, timeout: float | None = None) -> None:
        self.focus(timeout)
        self.page.keyboard.press(key)

    def type(self, text: str, delay: float = 0, timeout: float | None = None) -> None:
        self.focus(timeout)
        self.page.keyboard.type(text, delay=delay)

    press_sequentially = type

    def check(self, timeout: float | None = None) -> None:
        if not self.is_checked(timeout):
            self.click(timeout)

    def uncheck(self, timeout: float | None = None) -> None:
        if self.is_checked(timeout):
            self.click(timeout)

    def select_option(self, value: str, timeout: float | None = None) -> None:
        # As Playwright does: set it and fire input + change (not trusted there either).
        self._wait_el("""(el, v) => { el.value = v;
            el.dispatchEvent(new Event('input', {bubbles: true}));
            el.dispatchEvent(new Event('change', {bubbles: true})); return true; }""", value, timeout=timeout)

    def scroll_into_view_if_needed(self, timeout: float | None = None) -> None:
        self.bounding_box(timeout)

    def __repr__(self) -> str:
        return f"FirefoxLocator({self.steps!r})"


class Page:
    def __init__(self, browser: "Browser", context_id: str):
        self.browser = browser
        self.bridge = browser.bridge
        self.context_id = context_id
        self.keyboard = Keyboard(self)
        self.mouse = Mouse(self)
        self._dialog_handlers: list[Callable[[Dialog], None]] = []

    # -- script
    def _call(self, fn: str, arg: Any, what: str, sandbox: str | None = None) -> Any:
        target: dict[str, Any] = {"context": self.context_id}
        if sandbox:
            target["sandbox"] = sandbox
        result = self.bridge.send("script.callFunction", {
            "functionDeclaration": wrap(fn),
            "arguments": [{"type": "string", "value": json.dumps(arg)}],
            "target": target,
            "awaitPromise": True,
            "resultOwnership": "none",
        })
        return unwrap(result, what)

    def evaluate(self, expression: str, arg: Any = None) -> Any:
        try:
            return self._call(as_function(expression), arg, "evaluate")
        except Error as exc:
            if is_function(expression) or "SyntaxError" not in str(exc):
                raise
            # Statements, not an expression (Playwright runs those as a script): no value.
            return self._call("() => {\n" + expression + "\n}", arg, "evaluate")

    def wait_for_function(self, expression: str, arg: Any = None, timeout: float | None = None, polling: float = 50) -> Any:
        deadline = time.monotonic() + (timeout if timeout is not None else DEFAULT_TIMEOUT_MS) / 1000
        while True:
            try:
                value = self.evaluate(expression, arg)
            except Error:
                value = None
            if value:
                return value
            if time.monotonic() >= deadline:
                raise TimeoutError(f"wait_for_function({expression!r}) not truthy within {timeout} ms")
            time.sleep(polling / 1000)

    # -- navigation
    @property
    def url(self) -> str:
        tree = self.bridge.send("browsingContext.getTree", {"root": self.context_id, "maxDepth": 0})
        return tree["contexts"][0]["url"]

    def goto(self, url: str, timeout: float | None = None, wait_until: str = "load") -> None:
        seconds = (timeout if timeout is not None else DEFAULT_TIMEOUT_MS) / 1000
        if url.startswith("moz-extension:"):
            # Firefox reports no load for the add-on's own pages over BiDi: navigate and poll.
            self.bridge.send("browsingContext.navigate", {"context": self.context_id, "url": url, "wait": "none"}, timeout=seconds)
            self.wait_for_url(lambda u: u.split("#")[0] == url.split("#")[0], timeout=seconds * 1000)
            self.wait_for_function("document.readyState === 'complete'", timeout=seconds * 1000)
            return
        self.bridge.send("browsingContext.navigate", {"context": self.context_id, "url": url, "wait": "complete"}, timeout=seconds)

    def reload(self, timeout: float | None = None) -> None:
        seconds = (timeout if timeout is not None else DEFAULT_TIMEOUT_MS) / 1000
        self.bridge.send("browsingContext.reload", {"context": self.context_id, "wait": "complete"}, timeout=seconds)

    def wait_for_url(self, pattern: Any, timeout: float | None = None) -> None:
        match = url_matcher(pattern)
        deadline = time.monotonic() + (timeout if timeout is not None else DEFAULT_TIMEOUT_MS) / 1000
        while not match(self.url):
            if time.monotonic() >= deadline:
                raise TimeoutError(f"url {self.url!r} never matched within {timeout} ms")
            time.sleep(0.05)
        self.wait_for_load_state()

    def wait_for_load_state(self, state: str = "load", timeout: float | None = None) -> None:
        # A tab another page opened starts at about:blank; its real document follows (give it 3 s).
        blank_until = time.monotonic() + 3
        while self.url == "about:blank" and time.monotonic() < blank_until:
            time.sleep(0.05)
        self.wait_for_function("document.readyState === 'complete'", timeout=timeout)

    def wait_for_timeout(self, ms: float) -> None:
        time.sleep(ms / 1000)

    def bring_to_front(self) -> None:
        self.bridge.send("browsingContext.activate", {"context": self.context_id})

    def close(self) -> None:
        self.bridge.send("browsingContext.close", {"context": self.context_id})
        self.browser._pages.pop(self.context_id, None)

    def screenshot(self, path: str | Path | None = None, **_: Any) -> bytes:
        data = base64.b64decode(self.bridge.send("browsingContext.captureScreenshot", {"context": self.context_id})["data"])
        if path:
            Path(path).write_bytes(data)
        return data

    def add_init_script(self, script: str) -> None:
        self.browser.add_init_script(script, contexts=[self.context_id])

    def set_viewport_size(self, size: dict) -> None:
        self.bridge.send("browsingContext.setViewport", {"context": self.context_id,
                                                         "viewport": {"width": size["width"], "height": size["height"]}})

    def set_content(self, html: str) -> None:
        self.evaluate("(h) => { document.open(); document.write(h); document.close(); }", html)
        self.wait_for_load_state()

    def add_script_tag(self, path: str | None = None, content: str | None = None) -> None:
        """As Playwright's: an inline <script> in the page (main world)."""
        source = Path(path).read_text(encoding="utf-8") if path else (content or "")
        self.evaluate("(src) => { const s = document.createElement('script'); s.textContent = src;"
                      " (document.head || document.documentElement).appendChild(s); }", source)

    def on(self, event: str, handler: Callable) -> None:
        if event != "dialog":
            raise Error(f"page.on({event!r}) is not supported in the Firefox harness")
        self._dialog_handlers.append(handler)

    # -- locators
    def locator(self, selector: str, has_text: str | None = None) -> Locator:
        return Locator(self, [["css", selector]]).filter(has_text=has_text)

    def get_by_role(self, role: str, name: str | None = None, exact: bool = False) -> Locator:
        return Locator(self, [["role", role, name, exact]])

    def get_by_text(self, text: str) -> Locator:
        return Locator(self, [["css", "*"], ["text", text], ["nth", -1]])

    def click(self, selector: str, **kw: Any) -> None:
        self.locator(selector).first.click(**kw)

    def fill(self, selector: str, value: str, **kw: Any) -> None:
        self.locator(selector).first.fill(value, **kw)

    def check(self, selector: str, **kw: Any) -> None:
        self.locator(selector).first.check(**kw)

    def select_option(self, selector: str, value: str, **kw: Any) -> None:
        self.locator(selector).first.select_option(value, **kw)

    def press(self, selector: str, key: str, **kw: Any) -> None:
        self.locator(selector).first.press(key, **kw)

    def __repr__(self) -> str:
        return f"FirefoxPage({self.context_id})"


class _Opened:
    value: Page


class Browser:
    """One Firefox (its own profile); acts as Playwright's BrowserContext for the tests."""

    def __init__(self, bridge: Bridge):
        self.bridge = bridge
        self._pages: dict[str, Page] = {}
        self._page(bridge.first_context)
        bridge.on_event(self._on_event)

    def _page(self, context_id: str) -> Page:
        if context_id not in self._pages:
            self._pages[context_id] = Page(self, context_id)
        return self._pages[context_id]

    def _on_event(self, msg: dict) -> None:
        if msg["event"] == "browsingContext.userPromptOpened":
            page = self._pages.get(msg["params"]["context"])
            for handler in (page._dialog_handlers if page else []):
                handler(Dialog(msg["params"]))

    def _top_contexts(self) -> list[str]:
        return [c["context"] for c in self.bridge.send("browsingContext.getTree", {"maxDepth": 0})["contexts"]]

    @property
    def pages(self) -> list[Page]:
        return [self._page(c) for c in self._top_contexts()]

    def new_page(self) -> Page:
        created = self.bridge.send("browsingContext.create", {"type": "tab"})
        return self._page(created["context"])

    @contextmanager
    def expect_page(self, timeout: float | None = None) -> Iterator[_Opened]:
        before = set(self._top_contexts())
        opened = _Opened()
        yield opened
        deadline = time.monotonic() + (timeout if timeout is not None else DEFAULT_TIMEOUT_MS) / 1000
        while True:
            new = [c for c in self._top_contexts() if c not in before]
            if new:
                opened.value = self._page(new[0])
                return
            if time.monotonic() >= deadline:
                raise TimeoutError(f"no new tab within {timeout} ms")
            time.sleep(0.05)

    def add_init_script(self, script: str, contexts: list[str] | None = None) -> None:
        params: dict[str, Any] = {"functionDeclaration": "() => {\n" + script + "\n}"}
        if contexts:
            params["contexts"] = contexts
        self.bridge.send("script.addPreloadScript", params)

    def close(self) -> None:
        self.bridge.close()


def launch(*, profile: Path, env: dict[str, str], prefs: dict[str, Any], extension: Path | None,
           log_path: Path) -> Browser:
    """A headless firefox-esr with a fresh ``profile`` (and the add-on, as a temporary add-on)."""
    profile.mkdir(parents=True, exist_ok=True)
    return Browser(Bridge(profile=profile, prefs=prefs, env=env, extension=extension, log_path=log_path))
