/*
 * "Save page structure": a sanitized skeleton of the current page, for a bug
 * report when LinkedIn changed its markup and the guard went blind. It keeps
 * the shape (tags, nesting, open shadow-root boundaries) and the hooks worth
 * knowing (roles, types, class names, the attributes the selectors file names
 * as stable), and replaces everything that could be about a person: every
 * text, every aria-label, title, alt, value and placeholder ("…"), every id
 * in a URL or attribute (profile ids, member ids, urns, numbers).
 *
 * One line per element, indented by depth, no closing tags:
 *
 *     <div role="dialog" class="modal invite" aria-label="…">
 *       #shadow-root (open)
 *       "…"
 *
 * The host checks that what it is asked to save has this shape and nothing
 * else (native_host/dispatch.py, save_page_structure). Which attributes are
 * kept is LinkedIn knowledge and lives in linkedin-selectors.js (skeleton).
 */
(function (root) {
  "use strict";

  const S = root.LGSelectors || (typeof require === "function" ? require("./linkedin-selectors.js") : null);

  const MAX_ELEMENTS = 20000;
  const HIDDEN = "…";
  const SKIP_TEXT = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);

  /** Ids inside a value: member ids (ACoA…), urns' last part, long numbers, hex runs. */
  function withoutIds(value) {
    return String(value)
      .replace(/ACo[A-Za-z0-9_-]+/g, HIDDEN)
      .replace(/(urn:li:[A-Za-z_]+:)(?=[^\s,)]*\d)[^\s,)]+/g, `$1${HIDDEN}`)
      .replace(/[0-9a-f]{8,}/gi, HIDDEN)
      .replace(/\d+/g, "0");
  }

  /** The value up to its first id-like part or first hyphen-separated segment ("auto-…", "…ref…"). */
  function prefixOf(value) {
    const v = String(value);
    const cut = v.search(/ACo|\d|-/);
    if (cut === -1) return withoutIds(v);
    return v.slice(0, v[cut] === "-" ? cut + 1 : cut) + HIDDEN;
  }

  /** A link's first path segment only ("/in/…"): the rest names a person, a post or a thread. */
  function linkOf(value) {
    const v = String(value).trim();
    if (/^(data|blob|javascript):/i.test(v)) return v.split(":")[0] + ":" + HIDDEN;
    const m = /^(?:https?:\/\/([^/?#]+))?(\/[^/?#]*)?/i.exec(v);
    if (!m) return HIDDEN;
    const host = m[1] && !/linkedin\.com$/i.test(m[1]) ? `https://${m[1]}` : "";
    const first = m[2] ? m[2] : "/";
    return `${host}${first.length > 1 ? `${first}/` : "/"}${HIDDEN}`;
  }

  function quote(value) {
    return `"${String(value).replace(/["\\\n\r\t<>]/g, " ")}"`;
  }

  function attributesOf(el) {
    const cfg = S.skeleton;
    const parts = [];
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name === "class") {
        const classes = Array.from(el.classList).map(withoutIds).filter(Boolean);
        if (classes.length) parts.push(`class=${quote(classes.join(" "))}`);
      } else if (cfg.keep.includes(name)) parts.push(attr.value ? `${name}=${quote(withoutIds(attr.value))}` : name);
      else if (cfg.prefix.includes(name)) parts.push(`${name}=${quote(prefixOf(attr.value))}`);
      else if (cfg.link.includes(name)) parts.push(`${name}=${quote(linkOf(attr.value))}`);
      else if (cfg.present.includes(name) || name.startsWith("aria-")) parts.push(`${name}=${quote(HIDDEN)}`);
      else if (/^data-[a-z0-9-]+$/.test(name)) parts.push(`${name}=${quote(HIDDEN)}`);
    }
    // The checked PROPERTY (LinkedIn's radios have no attribute for it).
    if ((el.tagName === "INPUT" && el.checked === true) && !el.hasAttribute("checked")) parts.push("checked");
    return parts;
  }

  /** The skeleton of `doc` (or any element) as text, open shadow roots included. */
  function skeleton(doc) {
    const out = [];
    let count = 0;
    const walk = (node, depth) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (count >= MAX_ELEMENTS) return;
        const pad = "  ".repeat(Math.min(depth, 200));
        if (child.nodeType === 3) {
          if (child.data.trim() && !SKIP_TEXT.has(node.tagName)) {
            if (out[out.length - 1] !== `${pad}"${HIDDEN}"`) out.push(`${pad}"${HIDDEN}"`);
          }
          continue;
        }
        if (child.nodeType !== 1) continue;
        if (child.hasAttribute("data-guard-host")) continue; // our own UI is not LinkedIn's page
        count += 1;
        const tag = child.tagName.toLowerCase().replace(/[^a-z0-9-]/g, "");
        const attrs = attributesOf(child);
        out.push(`${pad}<${tag}${attrs.length ? " " + attrs.join(" ") : ""}>`);
        if (child.shadowRoot) {
          out.push(`${pad}  #shadow-root (open)`);
          walk(child.shadowRoot, depth + 2);
        }
        if (!SKIP_TEXT.has(child.tagName) || child.tagName === "TEMPLATE") walk(child, depth + 1);
      }
    };
    const start = doc.documentElement || doc;
    walk({ firstChild: start, tagName: "" }, 0);
    if (count >= MAX_ELEMENTS) out.push(`#cut after ${MAX_ELEMENTS} elements`);
    return out.join("\n") + "\n";
  }

  const api = { skeleton, withoutIds, prefixOf, linkOf };
  root.LGSkeleton = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
