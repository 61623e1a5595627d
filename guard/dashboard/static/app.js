// LinkedIn Guard dashboard: the live feed and a few conveniences.
//
// The page works without this script (every action is a plain form with a
// server-side confirmation). Text from the log was written by strangers on
// LinkedIn: it is only ever placed with textContent, never as HTML.
"use strict";

(function () {
  const body = document.body;

  // ---------------------------------------------------------------- live feed
  const status = document.getElementById("live-status");
  const rows = document.getElementById("log-rows");
  const banner = document.getElementById("new-banner");
  const countEl = document.getElementById("log-count");
  const insertRows = body.dataset.liveInsert === "1";
  let lastEventId = null;
  let retryMs = 500;

  function setStatus(state) {
    if (!status) return;
    status.dataset.state = state;
    if (state === "on") status.textContent = status.dataset.textOn;
    else if (state === "off") status.textContent = status.dataset.textOff;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function shorten(text, limit) {
    if (!text) return "";
    const flat = String(text).split(/\s+/).filter(Boolean).join(" ");
    return flat.length <= limit ? flat : flat.slice(0, limit - 1).trimEnd() + "\u2026";
  }

  function buildRow(entry, view) {
    const id = String(parseInt(entry.id, 10));
    const tr = el("tr", "sev-row-" + entry.severity + " is-new");
    tr.dataset.entryId = id;

    const tdSel = el("td", "col-select");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "id";
    box.value = id;
    box.setAttribute("aria-label", id);
    tdSel.appendChild(box);

    const tdTime = el("td", "col-time");
    const link = el("a", null);
    link.href = view.href;
    const time = el("time", null, view.when);
    time.dateTime = entry.created_at;
    time.title = view.when_full;
    link.appendChild(time);
    tdTime.appendChild(link);

    const tdRule = el("td", "col-rule");
    tdRule.appendChild(el("span", "rule-id", entry.rule));
    tdRule.appendChild(document.createTextNode(" "));
    tdRule.appendChild(el("span", "rule-title", view.rule_title));

    const tdSev = el("td");
    const sev = ["info", "warning", "critical"].includes(entry.severity) ? entry.severity : "";
    tdSev.appendChild(el("span", "badge" + (sev ? " sev-" + sev : ""), view.severity_label));

    const tdKind = el("td", null, view.kind_label);

    const tdSubject = el("td", "col-subject");
    const subj = el("a", null, entry.subject || "\u2014");
    subj.href = view.href;
    tdSubject.appendChild(subj);

    const tdExcerpt = el("td", "col-excerpt", shorten(entry.excerpt, 140));
    const tdDecision = el("td", "col-decision", view.decision_label);
    tdDecision.dataset.decision = entry.decision || "none";

    [tdSel, tdTime, tdRule, tdSev, tdKind, tdSubject, tdExcerpt, tdDecision].forEach((td) => tr.appendChild(td));
    return tr;
  }

  function onWarning(msg) {
    if (rows && insertRows) {
      if (rows.querySelector('tr[data-entry-id="' + String(parseInt(msg.entry.id, 10)) + '"]')) return;
      const empty = document.getElementById("log-empty");
      if (empty) empty.remove();
      rows.insertBefore(buildRow(msg.entry, msg.view), rows.firstChild);
      if (countEl) {
        const total = parseInt(countEl.dataset.total || "0", 10) + 1;
        countEl.dataset.total = String(total);
        const lang = document.documentElement.lang === "nl" ? "nl-NL" : "en-US";
        countEl.textContent = total === 1
          ? countEl.dataset.one
          : (countEl.dataset.many || "{n}").split("{n}").join(total.toLocaleString(lang));
      }
    } else if (banner) {
      banner.hidden = false;
    }
  }

  function onDecision(msg) {
    const id = String(parseInt(msg.entry.id, 10));
    document.querySelectorAll('tr[data-entry-id="' + id + '"] .col-decision').forEach((cell) => {
      cell.textContent = msg.view.decision_label;
      cell.dataset.decision = msg.entry.decision || "none";
    });
    const detail = document.querySelector('.entry-grid[data-entry-id="' + id + '"] #entry-decision');
    if (detail) {
      detail.replaceChildren(el("span", "badge dec-" + (msg.entry.decision || "none"), msg.view.decision_label));
      if (msg.entry.justification) detail.appendChild(el("p", null, msg.entry.justification));
    }
  }

  function connect() {
    const scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    const after = lastEventId === null ? "" : "?after=" + encodeURIComponent(lastEventId);
    let ws;
    try {
      ws = new WebSocket(scheme + window.location.host + "/api/live" + after);
    } catch (e) {
      setStatus("off");
      return;
    }
    ws.addEventListener("open", () => {
      retryMs = 500;
    });
    ws.addEventListener("message", (event) => {
      let msg;
      try {
        msg = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (typeof msg.event_id === "number") lastEventId = msg.event_id;
      // "live" once the server has fixed where this feed starts (its hello).
      if (msg.type === "hello") setStatus("on");
      else if (msg.type === "warning") onWarning(msg);
      else if (msg.type === "decision") onDecision(msg);
    });
    ws.addEventListener("close", () => {
      setStatus("off");
      window.setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10000);
    });
  }

  if (status) connect();

  // ------------------------------------------------------------ confirmations
  // A form with data-confirm asks here; when the person agrees, the server
  // skips its own confirmation page (confirmed=1). Without script the server
  // page asks instead.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (form.id === "log-form" && !form.querySelector('input[name="id"]:checked')) return;
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
        return;
      }
      if (!form.querySelector('input[name="confirmed"]')) {
        const flag = document.createElement("input");
        flag.type = "hidden";
        flag.name = "confirmed";
        flag.value = "1";
        form.appendChild(flag);
      }
    });
  });

  const selectAll = document.getElementById("select-all");
  if (selectAll) {
    selectAll.addEventListener("change", () => {
      document.querySelectorAll('#log-rows input[name="id"]').forEach((box) => {
        box.checked = selectAll.checked;
      });
    });
  }

  // ----------------------------------------------------------- settings lists
  document.querySelectorAll("fieldset[data-list]").forEach((fieldset) => {
    const list = fieldset.querySelector(".rows");
    const template = fieldset.querySelector("template");
    const add = fieldset.querySelector("[data-add-row]");
    if (add && template && list) {
      add.addEventListener("click", () => {
        const index = parseInt(fieldset.dataset.nextIndex || "0", 10);
        fieldset.dataset.nextIndex = String(index + 1);
        const clone = template.content.cloneNode(true);
        clone.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach((node) => {
          ["name", "id", "for", "aria-describedby"].forEach((attr) => {
            const value = node.getAttribute(attr);
            if (value) node.setAttribute(attr, value.split("__i__").join(String(index)));
          });
        });
        list.appendChild(clone);
        const first = list.lastElementChild && list.lastElementChild.querySelector("input, textarea");
        if (first) first.focus();
      });
    }
    fieldset.addEventListener("click", (event) => {
      const button = event.target.closest("[data-remove-row]");
      if (!button) return;
      const row = button.closest("[data-row]");
      if (row) row.remove();
    });
  });
})();
