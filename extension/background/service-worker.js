/*
 * Chromium entry point (MV3 service worker). Firefox loads the same files
 * through "background.scripts" in the manifest; this file only exists
 * because a service worker has a single script.
 */
/* global importScripts */
"use strict";
importScripts("native-port.js", "tab-state.js", "gate.js", "main.js");
