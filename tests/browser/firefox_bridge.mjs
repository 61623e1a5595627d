// Firefox for the browser tests: Debian's firefox-esr, launched and connected
// by puppeteer-core over WebDriver BiDi, driven from Python (tests/browser/firefox.py).
//
// Protocol: JSON lines. argv[2] is the launch config
//   {executablePath, profileDir, prefs, extensionDir, args, env}
// stdout: {"ready": true, "extension": "<add-on id>", "context": "<first tab>"}, then
//   {"id": N, "result": ...} | {"id": N, "error": "..."} answers, and
//   {"event": "<BiDi method>", "params": {...}} for the few events Python needs.
// stdin: {"id": N, "method": "<BiDi command>", "params": {...}}, sent as is over
//   puppeteer's BiDi connection (puppeteer only launches; Python speaks BiDi).
// EOF on stdin closes Firefox. Nothing else is ever written to stdout.
import {createInterface} from 'node:readline';
import puppeteer from 'puppeteer-core';

const FORWARDED = new Set([
  'browsingContext.contextCreated',
  'browsingContext.contextDestroyed',
  'browsingContext.load',
  'browsingContext.userPromptOpened',
]);

function write(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

const config = JSON.parse(process.argv[2]);
let browser;
try {
  browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: config.executablePath,
    headless: true,
    userDataDir: config.profileDir,
    extraPrefsFirefox: config.prefs,
    args: config.args,
    env: config.env,
    acceptInsecureCerts: true,
    defaultViewport: null,
    timeout: 60000,
    protocolTimeout: 60000,
  });
} catch (error) {
  write({ready: false, error: String(error && error.stack || error)});
  process.exit(1);
}

const connection = browser.connection;
for (const method of FORWARDED) {
  connection.on(method, async (params) => {
    write({event: method, params});
    if (method === 'browsingContext.userPromptOpened') {
      // alert/confirm/prompt: accept and report it (the tests assert on what was asked).
      try {
        await connection.send('browsingContext.handleUserPrompt', {context: params.context, accept: true});
      } catch {
        // already handled or the tab is gone
      }
    }
  });
}

let extension = null;
if (config.extensionDir) {
  extension = await browser.installExtension(config.extensionDir);
}
const tree = await connection.send('browsingContext.getTree', {maxDepth: 0});
write({ready: true, extension, context: tree.result.contexts[0].context});

const lines = createInterface({input: process.stdin});
lines.on('line', async (line) => {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return;
  }
  try {
    const answer = await connection.send(request.method, request.params || {}, request.timeout);
    write({id: request.id, result: answer.result});
  } catch (error) {
    write({id: request.id, error: String(error && error.message || error)});
  }
});
lines.on('close', async () => {
  try {
    await browser.close();
  } finally {
    process.exit(0);
  }
});
