/*
 * Dirty tracking for the content script's scans: which extractors may give
 * their last result again, because nothing they read changed since.
 *
 * Nearly all of a scan is reading the page (in Firefox every DOM call from a
 * content script also passes an Xray wrapper), while on a feed nearly every
 * mutation is somewhere no extractor reads: new posts, edited counts. So each
 * observer batch is sorted out as it comes (note), and at the next scan an
 * extractor is re-run only when
 *  - a record's target is inside an element it read last time (extract.js:
 *    reads) -- its message bubble, composer, dialog --, or
 *  - a class or style attribute of an element it read changed (main.js
 *    watches those two on these few elements only: a bubble minimised by a
 *    class, a dialog hidden or shown again through its style -- the
 *    extractors read the dialogs they find hidden too, for this --; page-wide
 *    they change all the time), or
 *  - it read the page as a whole last time (readsPage), or
 *  - an element it read, or a surface's root, editor or anchor, left the page;
 * and every extractor is re-run (a full scan) when
 *  - an added element matches or holds a candidate (an editor, a dialog:
 *    LGSelectors.surfaceCandidates), which may make a surface,
 *  - an observed attribute changed (hidden, open, aria-*: visibility, checked
 *    radios; rare, and they may show a surface anywhere below), or
 *  - the caller asks (all()): a new page, focus or input in a composer, a
 *    change event, a new shadow root with a candidate in it, and every few
 *    seconds as a safety net, while the page changes and when it rests (main.js).
 *
 * Knows nothing about LinkedIn: the candidate selector comes from extract.js.
 */
(function (root) {
  "use strict";

  /** Attributes observed on the elements the extractors read (scopes()), not page-wide. */
  const SCOPE_ATTRIBUTES = ["class", "style"];

  /** `node` and the shadow hosts it is inside, innermost first. */
  function hostChain(node) {
    const chain = [];
    for (let n = node; n; ) {
      chain.push(n);
      const r = n.getRootNode();
      n = r && r.host ? r.host : null;
    }
    return chain;
  }

  /** `node` is `scope` or inside it, also through shadow roots below `scope`. */
  function within(scope, node) {
    return hostChain(node).some((n) => scope.contains(n));
  }

  function connected(el) {
    return !el || el.isConnected;
  }

  function stillThere(log) {
    if (!log.scopes.every(connected)) return false;
    return log.surfaces.every((s) => connected(s.root) && connected(s.editor) && connected(s.anchor));
  }

  /**
   * candidates: a selector of elements that may make a surface; ours(record)
   * and ownsNode(node): true for our own page UI (it never makes a scan dirty).
   */
  function createTracker(candidates, ours, ownsNode) {
    let full = true;
    // [element read in the last scan, the extractors that read it]: each element once, as
    // several extractors read the same dialog (and one may read it under several selectors).
    let watched = [];
    const touched = new Set(); // extractors with a record inside what they read, since the last scan

    return {
      /**
       * One observer batch, sorted out as it comes (each batch pays for its
       * own records; the scan then only looks at the result). onAdded(element)
       * is called for each element added (main.js looks for shadow roots in them).
       */
      note(records, onAdded) {
        let lastTarget = null;
        for (const r of records) {
          const type = r.type;
          if (type === "attributes" && !SCOPE_ATTRIBUTES.includes(r.attributeName)) {
            if (!full && !ownsNode(r.target)) full = true;
            continue;
          }
          if (type === "childList") {
            for (const n of r.addedNodes) {
              if (n.nodeType !== 1 || ownsNode(n)) continue;
              if (onAdded) onAdded(n);
              if (!full && (n.matches(candidates) || n.querySelector(candidates))) full = true;
            }
          }
          if (full || !watched.length) continue;
          const target = r.target;
          if (target === lastTarget) continue;
          lastTarget = target;
          let hit = null;
          let chain = null; // the target's shadow hosts, found once per record, not once per scope
          for (const [scope, names] of watched) {
            if (names.every((name) => touched.has(name))) continue;
            chain = chain || hostChain(target);
            if (chain.some((n) => scope.contains(n))) (hit = hit || []).push(...names);
          }
          // Our own chip going in or out next to a composer changes nothing an extractor reads.
          if (hit && !ours(r)) for (const name of hit) touched.add(name);
          else if (hit) lastTarget = null;
        }
      },
      /** The next scan reads everything. */
      all() {
        full = true;
      },
      /**
       * At a scan: the extractors of `last` (name -> {surfaces, scopes, page})
       * that may give their last result again (none when the scan is full).
       * A removed candidate needs no check of its own: one that gave a surface
       * or was read leaves stillThere() false; one that did not changes no result.
       */
      clean(last) {
        const wasFull = full;
        full = false;
        const dirty = new Set(touched);
        touched.clear();
        const clean = new Set();
        if (wasFull || !last) return clean;
        for (const [name, log] of last) if (!log.page && !dirty.has(name) && stillThere(log)) clean.add(name);
        return clean;
      },
      /** After a scan: what each extractor read this time (extract.js plan.next). */
      watch(next) {
        const byScope = new Map();
        for (const [name, log] of next) {
          if (log.page) continue;
          for (const scope of log.scopes) {
            const names = byScope.get(scope) || byScope.set(scope, []).get(scope);
            if (!names.includes(name)) names.push(name);
          }
        }
        watched = Array.from(byScope);
      },
      /** The elements read in the last scan, each once: where SCOPE_ATTRIBUTES are worth observing. */
      scopes() {
        return watched.map(([scope]) => scope);
      },
    };
  }

  const api = { createTracker, within, SCOPE_ATTRIBUTES };
  root.LGDirty = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
