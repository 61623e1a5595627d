/*
 * Reading through OPEN shadow roots. In 2026 LinkedIn renders its post
 * composer, the invitation modal and on some builds the message bubble inside
 * the open shadow root of a body-level host (`#interop-outlet`,
 * shared/reference/linkedin-dom-2026.md §1). document.querySelector* stops at
 * every shadow boundary, so every page-wide query of the guard goes through
 * here: the document plus each open shadow root below it.
 *
 * Finding the roots: a full walk of the page costs about as much as a scan,
 * so the content script keeps a registry instead (track()): one walk at start
 * (and after a navigation), then only the subtrees that mutation records add,
 * the roots an event came through (composedPath), and the hosts named in the
 * selectors file (attachShadow on a node already in the page makes no
 * mutation record). Without a registry (tests, jsdom) roots() walks the page.
 *
 * Closed shadow roots stay closed: the page's own closed roots are not ours
 * to read, and our own warning hosts are skipped.
 *
 * Knows nothing about LinkedIn: hosts to look at come from the caller.
 */
(function (root) {
  "use strict";

  const GUARD_HOST = "data-guard-host";

  function onlyHosts(el) {
    return el.shadowRoot ? 1 /* FILTER_ACCEPT */ : 3 /* FILTER_SKIP */;
  }

  /** Open shadow roots under `scope` (a document, element or shadow root), nested ones too. */
  function walkRoots(scope, out) {
    const found = out || [];
    const doc = scope.ownerDocument || scope;
    const start = scope.nodeType === 9 ? scope.documentElement : scope;
    if (!start) return found;
    if (start.nodeType === 1 && start.shadowRoot && !start.hasAttribute(GUARD_HOST)) {
      found.push(start.shadowRoot);
      walkRoots(start.shadowRoot, found);
    }
    // The walker stops only at hosts (the filter skips every other element):
    // one call into the page per host, not per element.
    const walker = doc.createTreeWalker(start, 1 /* SHOW_ELEMENT */, onlyHosts);
    for (let el = walker.nextNode(); el; el = walker.nextNode()) {
      if (!el.hasAttribute(GUARD_HOST)) {
        found.push(el.shadowRoot);
        walkRoots(el.shadowRoot, found);
      }
    }
    return found;
  }

  /**
   * A registry of open shadow roots for one document: onRoot(root) is called
   * once per new root (the content script observes it there).
   */
  function createRegistry(doc, onRoot) {
    const known = new Set();
    const add = (sr) => {
      if (!sr || known.has(sr)) return false;
      known.add(sr);
      if (onRoot) onRoot(sr);
      return true;
    };
    return {
      /** Every connected root known now. Disconnected ones are forgotten. */
      roots() {
        const out = [];
        for (const sr of known) {
          if (sr.host && sr.host.isConnected) out.push(sr);
          else known.delete(sr);
        }
        return out;
      },
      /** Walk `scope` (default: the whole document) for roots; true when one was new. */
      discover(scope) {
        let fresh = false;
        for (const sr of walkRoots(scope || doc)) if (add(sr)) fresh = true;
        return fresh;
      },
      /** Elements added by the page: check them and their subtrees (never the whole page). */
      discoverAdded(nodes, budget) {
        let fresh = false;
        let left = budget || 5000;
        for (const n of nodes) {
          if (n.nodeType !== 1 || !n.isConnected || n.hasAttribute(GUARD_HOST)) continue;
          // A cheap bound: large inserts are walked by the next full discover().
          left -= 1;
          if (left < 0) return { fresh, overflow: true };
          if (!n.firstElementChild && !n.shadowRoot) continue;
          for (const sr of walkRoots(n)) if (add(sr)) fresh = true;
        }
        return { fresh, overflow: false };
      },
      /** Roots an event passed through (composedPath holds them): a root attached without any mutation. */
      fromPath(path) {
        let fresh = false;
        for (const node of path || []) {
          if (node && node.nodeType === 11 && node.host && node.mode === "open" && !node.host.hasAttribute(GUARD_HOST)) {
            if (add(node)) {
              fresh = true;
              for (const inner of walkRoots(node)) add(inner);
            }
          }
        }
        return fresh;
      },
      /** Named hosts (e.g. LinkedIn's outlet) whose root may have been attached since. */
      checkHosts(selector) {
        let fresh = false;
        if (!selector) return false;
        for (const host of doc.querySelectorAll(selector)) {
          const sr = host.shadowRoot;
          if (sr && !known.has(sr)) {
            add(sr);
            for (const inner of walkRoots(sr)) add(inner);
            fresh = true;
          }
        }
        return fresh;
      },
      size() {
        return known.size;
      },
    };
  }

  let registry = null;

  /** Use this registry for roots() from now on (the content script does; tests need not). */
  function useRegistry(reg) {
    registry = reg;
  }

  /** The document's open shadow roots: the registry's when one is in use, else a walk. */
  function roots(doc) {
    if (registry) return registry.roots();
    return walkRoots(doc);
  }

  /** The document and then each open shadow root: where page-wide queries look. */
  function scopes(doc) {
    return [doc].concat(roots(doc));
  }

  /** querySelectorAll over the document and every open shadow root, in that order, no duplicates. */
  function queryAll(doc, selector) {
    const out = [];
    for (const scope of scopes(doc)) {
      for (const el of scope.querySelectorAll(selector)) out.push(el);
    }
    return out;
  }

  function query(doc, selector) {
    for (const scope of scopes(doc)) {
      const el = scope.querySelector(selector);
      if (el) return el;
    }
    return null;
  }

  /** Element.closest() that continues from a shadow root to its host. */
  function closest(el, selector) {
    let node = el;
    while (node) {
      const hit = node.closest ? node.closest(selector) : null;
      if (hit) return hit;
      const r = node.getRootNode ? node.getRootNode() : null;
      node = r && r.host ? r.host : null;
    }
    return null;
  }

  /** The shadow host an element lives under (null in the light DOM). */
  function hostOf(el) {
    const r = el && el.getRootNode ? el.getRootNode() : null;
    return r && r.host ? r.host : null;
  }

  function inShadow(el) {
    return Boolean(hostOf(el));
  }

  /** The focused element, followed down through open shadow roots. */
  function activeElement(doc) {
    let el = doc.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el;
  }

  /** The real target of an event: the first node of its composed path (event.target is retargeted to the host). */
  function eventTarget(e) {
    const path = typeof e.composedPath === "function" ? e.composedPath() : [];
    const first = path.length ? path[0] : e.target;
    return first && first.nodeType === 3 ? first.parentElement : first;
  }

  /** Whether the event came from inside one of our own warning hosts (marked, or known to `owns`). */
  function fromGuardUi(e, owns) {
    const path = typeof e.composedPath === "function" ? e.composedPath() : [e.target];
    return path.some((n) => n && n.nodeType === 1 && (n.hasAttribute(GUARD_HOST) || Boolean(owns && owns(n))));
  }

  /**
   * Rendered and not hidden, where the browser can tell (checkVisibility needs
   * layout; jsdom has none and answers null here: "cannot tell").
   */
  function rendered(el) {
    if (!el || !el.isConnected) return false;
    if (typeof el.checkVisibility !== "function") return null;
    const win = (el.ownerDocument && el.ownerDocument.defaultView) || null;
    if (win && win.navigator && /jsdom/i.test(win.navigator.userAgent || "")) return null;
    return el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  }

  const api = {
    walkRoots,
    createRegistry,
    useRegistry,
    roots,
    scopes,
    queryAll,
    query,
    closest,
    hostOf,
    inShadow,
    activeElement,
    eventTarget,
    fromGuardUi,
    rendered,
  };
  root.LGDeep = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
