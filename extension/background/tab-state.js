/*
 * What each tab currently shows: its page session and, per surface (a
 * composer, a form, a profile card), the warnings the host returned minus
 * the ones the person dismissed. The badge is this tab's count.
 *
 * Kept in memory and mirrored to storage.session, because an MV3 service
 * worker can be stopped between events and the popup must still know.
 */
/* exported TabState */
"use strict";

const SEVERITY_RANK = { info: 0, warning: 1, critical: 2 };
const BADGE_COLORS = { info: "#0a66c2", warning: "#b24020", critical: "#cc1016" };
// "The guard cannot read this page" (LinkedIn changed it): its own badge state.
const UNREADABLE_BADGE = { text: "?", color: "#6f42c1" };
const HEALTH_SURFACES = ["message", "post", "invitation", "otw_form", "profile", "connections"];

class TabState {
  constructor(storage) {
    this.storage = storage || null;
    this.tabs = new Map(); // tabId -> {url, pageSession, surfaces: {key: [warning]}, dismissed: [ids], offline}
    this.loaded = false;
  }

  async load() {
    if (this.loaded || !this.storage) {
      this.loaded = true;
      return;
    }
    try {
      const saved = await this.storage.get("tabs");
      for (const [id, t] of Object.entries(saved.tabs || {})) this.tabs.set(Number(id), t);
    } catch (_e) {
      /* storage.session missing (older Firefox): memory only */
    }
    this.loaded = true;
  }

  save() {
    if (!this.storage) return;
    const obj = {};
    for (const [id, t] of this.tabs) obj[id] = t;
    this.storage.set({ tabs: obj }).catch(() => {});
  }

  tab(tabId) {
    let t = this.tabs.get(tabId);
    if (!t) {
      t = { url: "", pageSession: "", surfaces: {}, dismissed: [], offline: false };
      this.tabs.set(tabId, t);
    }
    return t;
  }

  /** A new page (navigation, also within LinkedIn's single-page app). */
  reset(tabId, pageSession, url) {
    this.tabs.set(tabId, { url, pageSession, surfaces: {}, dismissed: [], offline: false });
    this.save();
  }

  setSurface(tabId, pageSession, url, key, warnings, offline) {
    const t = this.tab(tabId);
    if (pageSession && t.pageSession !== pageSession) {
      t.pageSession = pageSession;
      t.surfaces = {};
      t.dismissed = [];
      t.unreadable = [];
    }
    t.url = url;
    t.offline = Boolean(offline);
    t.surfaces[key] = warnings.filter((w) => !t.dismissed.includes(w.id));
    this.save();
    return t.surfaces[key];
  }

  dropSurface(tabId, key) {
    const t = this.tabs.get(tabId);
    if (!t) return;
    delete t.surfaces[key];
    this.save();
  }

  dismiss(tabId, warningId) {
    const t = this.tab(tabId);
    if (!t.dismissed.includes(warningId)) t.dismissed.push(warningId);
    for (const key of Object.keys(t.surfaces)) t.surfaces[key] = t.surfaces[key].filter((w) => w.id !== warningId);
    this.save();
  }

  /** Distinct warnings on the tab (the same warning can sit on two surfaces). */
  warnings(tabId) {
    const t = this.tabs.get(tabId);
    if (!t) return [];
    const seen = new Map();
    for (const list of Object.values(t.surfaces)) for (const w of list) if (!seen.has(w.id)) seen.set(w.id, w);
    return Array.from(seen.values());
  }

  /**
   * Whether this LinkedIn tab was NOT checked: the host could not be reached
   * (its last evaluate failed, or the host is down now) or the page could not
   * be read. The popup and badge then say "Not checked", never "nothing to warn about".
   */
  notChecked(tabId, hostDown) {
    const t = this.tabs.get(tabId);
    if (!t || !t.url) return false;
    return Boolean(t.offline || hostDown || this.pageUnreadable(tabId));
  }

  /** Whether some part of the page could not be read (a list of surfaces, or a flag). */
  pageUnreadable(tabId) {
    const t = this.tabs.get(tabId);
    if (!t) return false;
    return Array.isArray(t.unreadable) ? t.unreadable.length > 0 : Boolean(t.unreadable);
  }

    forget(tabId) {
    this.tabs.delete(tabId);
    this.save();
  }

  tabIds() {
    return Array.from(this.tabs.keys());
  }

  /** Surfaces of the tab's page the guard cannot read (names from HEALTH_SURFACES). */
  setUnreadable(tabId, pageSession, surfaces) {
    const t = this.tab(tabId);
    if (pageSession && t.pageSession && t.pageSession !== pageSession) return false; // an older page's report
    const list = (Array.isArray(surfaces) ? surfaces : []).filter((s) => HEALTH_SURFACES.includes(s));
    const before = t.unreadable || [];
    t.unreadable = Array.from(new Set(list)).sort();
    this.save();
    return t.unreadable.filter((s) => !before.includes(s));
  }

  unreadable(tabId) {
    const t = this.tabs.get(tabId);
    return t && Array.isArray(t.unreadable) ? t.unreadable.slice() : [];
  }

  /** Badge text and colour for a tab: its warnings; else "?" when the guard cannot read the page. */
  badge(tabId) {
    const list = this.warnings(tabId);
    if (!list.length && this.unreadable(tabId).length) return { ...UNREADABLE_BADGE, unreadable: true };
    if (!list.length) return { text: "", color: BADGE_COLORS.info };
    const worst = list.reduce((a, w) => (SEVERITY_RANK[w.severity] > SEVERITY_RANK[a] ? w.severity : a), "info");
    return { text: String(list.length), color: BADGE_COLORS[worst] || BADGE_COLORS.warning };
  }
}

if (typeof module === "object" && module.exports) module.exports = { TabState, HEALTH_SURFACES, UNREADABLE_BADGE };
