/*
 * Fill every element marked with a data-i18n message name with the localized message
 * (textContent only), data-i18n-title / data-i18n-placeholder / data-i18n-aria-label
 * likewise for attributes. One small script for every extension page.
 */
/* exported i18n */
"use strict";

const i18n = {
  msg(key, subs) {
    return (globalThis.chrome && chrome.i18n.getMessage(key, subs)) || key;
  },
  fill(root = document) {
    for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = i18n.msg(el.dataset.i18n);
    for (const attr of ["title", "placeholder", "aria-label"]) {
      const data = `i18n${attr.replace(/(^|-)([a-z])/g, (_m, _d, c) => c.toUpperCase())}`;
      for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) el.setAttribute(attr, i18n.msg(el.dataset[data]));
    }
    document.documentElement.lang = (chrome.i18n.getUILanguage() || "en").slice(0, 2);
  },
};

document.addEventListener("DOMContentLoaded", () => i18n.fill());
