/*
 * Dirty tracking for the content script's scans: which extractors may give
 * their last result again, because nothing they read changed since.
 *
 * Nearly all of a scan is reading the page (in Firefox every DOM call from a
 * content script also passes an Xray wrapper), while on a feed nearly every
 * mutation is somewhere no extractor reads: new posts, edited counts. So the
 * observer's records are kept (note) and, at the next scan, an extractor is
 * re-run only when
 *  - a record's target is inside an element it read last time (extract.js:
 *    reads) -- its message bubble, composer, dialog --, or
 *  - it read the page as a whole last time (readsPage), or
 *  - an element it read, or a surface's root, editor or anchor, left the page;
 * and every extractor is re-run (a full scan) when
 *  - an added or removed element matches or holds a candidate (an editor, a
 *    dialog: extract.js candidates), which may make or end a surface,
 *  - an observed attribute changed (hidden, open, aria-*: visibility, checked
 *    radios; rare, and they may show a surface anywhere below), or
 *  - the caller asks (all()): a new page, focus or input in a composer, a
 *    change event, a new shadow root with a candidate in it, too many records,
 *    and every few seconds as a safety net (main.js).
 *
 * Knows nothing about LinkedIn: the candidate selector comes from extract.js.
 */
(function (root) {
  "use strict";

  /** `node` is `scope` or inside it, also through shadow roots below `scope`. */
  function within(scope, node) {
    for (let n = node; n; ) {
      if (scope.contains(n)) return true;
      const r = n.getRootNode();
      n = r && r.host ? r.host : null;
    }
    return false;
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
   * and ownsNode(node): true for our own page UI (it never makes a scan
   * dirty); limit: past this many records kept, the next scan is full anyway.
   */
  function createTracker(candidates, ours, ownsNode, limit) {
    let full = true;
    let pending = []; // the observer's batches, as they came (sorted out at the scan, not per batch)
    let kept = 0;

    function touchesCandidate(nodes) {
      for (const n of nodes) {
        if (n.nodeType !== 1 || ownsNode(n)) continue;
        if (n.matches(candidates) || n.querySelector(candidates)) return true;
      }
      return false;
    }

    /** Extractors of `last` (name -> {surfaces, scopes, page}) whose result stands, given the records since. */
    function cleanOf(last, records) {
      const clean = new Set();
      const watched = [];
      for (const [name, log] of last) {
        if (log.page || !stillThere(log)) continue;
        clean.add(name);
        for (const scope of log.scopes) watched.push([name, scope]);
      }
      let seenTarget = null;
      for (const r of records) {
        if (ours(r)) continue;
        if (r.type === "attributes") return new Set();
        if (r.type === "childList" && (touchesCandidate(r.addedNodes) || touchesCandidate(r.removedNodes))) return new Set();
        const target = r.target;
        if (target === seenTarget || !clean.size) continue;
        seenTarget = target;
        for (const [name, scope] of watched) if (clean.has(name) && within(scope, target)) clean.delete(name);
      }
      return clean;
    }

    return {
      /** The observer's records (ours already left out): kept until the next scan. */
      note(records) {
        if (full) return;
        kept += records.length;
        if (kept > limit) this.all();
        else pending.push(records);
      },
      /** The next scan reads everything. */
      all() {
        full = true;
        pending = [];
        kept = 0;
      },
      /** At a scan: the names of the extractors that may reuse their last result (none when full). */
      clean(last) {
        const batches = pending;
        const wasFull = full;
        this.all();
        full = false;
        if (wasFull || !last) return new Set();
        return cleanOf(last, batches.flat());
      },
    };
  }

  const api = { createTracker, within };
  root.LGDirty = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
