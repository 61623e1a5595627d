"""The cross-browser harness itself: closed shadow roots are reached through the
automation protocol in both browsers, clicks there are trusted input, and the
Firefox page API behaves as Playwright's does for what the tests use."""

from __future__ import annotations

import pytest

from tests.browser.closed_roots import closed_roots

pytestmark = pytest.mark.browser

CLOSED = """<!DOCTYPE html><html lang="en"><head><title>Feed | LinkedIn</title></head><body>
<main><p id="clicks" data-trusted="0" data-untrusted="0">light text</p><div id="host"></div></main>
<script>
  const root = document.getElementById('host').attachShadow({mode: 'closed'});
  const b = document.createElement('button');
  b.setAttribute('data-probe', 'inside');
  b.textContent = 'Inside a closed root';
  b.style.cssText = 'display:block;width:200px;height:40px';
  b.addEventListener('click', (e) => {
    const p = document.getElementById('clicks');
    const k = e.isTrusted ? 'data-trusted' : 'data-untrusted';
    p.setAttribute(k, String(Number(p.getAttribute(k)) + 1));
  });
  root.append(b);
  const inner = document.createElement('div');
  root.append(inner);
  inner.attachShadow({mode: 'closed'}).innerHTML = '<span data-probe="nested">nested closed</span>';
  window.removeProbe = () => b.remove();
</script></body></html>"""


def test_closed_roots_are_read_and_clicked_with_trusted_input(make_guard):
    g = make_guard(install=False)
    g.page.goto(g.site.add_html("/feed/", CLOSED))
    # Invisible to CSS locators (open roots only) ...
    assert g.page.locator("[data-probe]").count() == 0
    # ... but the protocol sees them, nested closed roots included.
    ui = closed_roots(g.page)
    node = ui.wait_for("[data-probe='inside']")
    assert node.in_closed_root and ui.visible(node)
    assert ui.text(node) == "Inside a closed root"
    assert ui.attr(node, "data-probe") == "inside"
    assert [ui.text(n) for n in ui.query_all("[data-probe='nested']")] == ["nested closed"]
    # Outside closed roots only when asked (the document is one of the roots then).
    assert ui.query("#clicks") is None
    assert ui.text(ui.query("#clicks", closed_only=False)) == "light text"
    ui.click(node)
    g.page.locator("#clicks[data-trusted='1']").wait_for(timeout=3000)
    assert g.page.locator("#clicks").get_attribute("data-untrusted") == "0"
    # call() runs out of the page's reach: the page's own globals are not there.
    assert ui.call(node, "function () { return [this.tagName, typeof window.removeProbe]; }") == ["BUTTON", "undefined"]
    assert ui.box(node)["width"] == 200
    g.page.evaluate("window.removeProbe()")
    assert ui.wait_for("[data-probe='inside']", state="detached") is None


def test_page_api_subset(make_guard):
    g = make_guard(install=False)
    html = """<!DOCTYPE html><html lang="en"><head><title>Feed | LinkedIn</title></head><body><main>
      <button aria-label="Send now">S</button><button>Send</button>
      <div id="open"></div><input id="t" value="old"><input type="checkbox" id="c" checked>
      <select id="s"><option value="a">A</option><option value="b">B</option></select>
      <ul><li>one apple</li><li>two pears</li><li>three apples</li></ul></main>
      <script>document.getElementById('open').attachShadow({mode: 'open'}).innerHTML = '<em class="o">open root</em>';
      for (const b of document.querySelectorAll('button')) b.addEventListener('click', (e) => b.dataset.clicked = e.isTrusted);</script>
      </body></html>"""
    g.page.goto(g.site.add_html("/feed/", html))
    assert g.page.get_by_role("button", name="Send", exact=True).count() == 1
    assert g.page.get_by_role("button", name="send").count() == 2
    g.page.get_by_role("button", name="Send", exact=True).click()
    assert g.page.locator("button:text('Send')").last.get_attribute("data-clicked") == "true"
    assert g.page.locator(".o").inner_text() == "open root"  # CSS pierces open roots
    assert g.page.locator("li").filter(has_text="apple").count() == 2
    assert g.page.locator("li").last.inner_text() == "three apples"
    g.page.fill("#t", "new")
    assert g.page.locator("#t").input_value() == "new"
    g.page.locator("#c").uncheck()
    assert not g.page.locator("#c").is_checked()
    g.page.select_option("#s", "b")
    assert g.page.evaluate("document.getElementById('s').value") == "b"
    assert g.page.locator("li").evaluate_all("els => els.map(e => e.textContent)") == ["one apple", "two pears", "three apples"]
    assert g.page.evaluate("() => window.__nothing") is None
    assert g.page.evaluate("(x) => x * 2", 21) == 42
    g.page.locator("#gone").wait_for(state="detached", timeout=1000)
