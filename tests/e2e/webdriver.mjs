// A minimal W3C WebDriver client over fetch, enough to drive the app the way
// a user does: find, click, type, read.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends Error {}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const v = json.value || {};
    throw new WebDriverError(`${method} ${path}: ${v.error || res.status}: ${v.message || ''}`);
  }
  return json.value;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts tauri-driver on `port` (and its native driver on the next port)
 * with `env` added to this process's environment, and waits until it
 * answers. Returns the child process, to kill when done. The webview keeps
 * its storage (the interface language) in a folder of this driver's own,
 * removed when it exits, so no test sees what another one chose. The app
 * runs in demo mode (`MLA_DEMO=1`: the demo request and the fictitious
 * States of the examples, exported as final) unless `env` says otherwise.
 */
export async function startDriver(port, env = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'mla-e2e-webview-'));
  // A process group of its own: killing the driver kills WebKitWebDriver and
  // any app it started too, so no app outlives its test (an app left running
  // would hold the test runner's output open, and the runner would wait).
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], {
    env: { ...process.env, MLA_DEMO: '1', XDG_DATA_HOME: join(profile, 'data'), XDG_CACHE_HOME: join(profile, 'cache'), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  driver.kill = (signal = 'SIGTERM') => {
    try {
      process.kill(-driver.pid, signal);
      return true;
    } catch {
      return false;
    }
  };
  driver.on('exit', () => rmSync(profile, { recursive: true, force: true }));
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return driver;
    } catch {}
    await sleep(100);
  }
  driver.kill();
  throw new Error('tauri-driver did not start');
}

/** A session with the app. */
export class Session {
  static async start(base, application) {
    const value = await call(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application } } },
    });
    return new Session(base, value.sessionId);
  }

  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async quit() {
    await this.cmd('DELETE', '');
  }

  /** Waits until `probe` returns a truthy value, or fails with `what`. */
  async waitFor(what, probe, timeoutMs = 15000) {
    const end = Date.now() + timeoutMs;
    let last;
    while (Date.now() < end) {
      try {
        const v = await probe();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
  }

  async find(css) {
    return this.waitFor(`element ${css}`, async () => {
      const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
      return v[ELEMENT];
    });
  }

  async findAll(css) {
    const v = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return v.map((e) => e[ELEMENT]);
  }

  /**
   * Scrolls the element into the middle of its scrolling panel, as a user
   * scrolls to a field (WebKitWebDriver only scrolls the page itself).
   */
  async reveal(id) {
    await this.cmd('POST', '/execute/sync', {
      script: "arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' });",
      args: [{ [ELEMENT]: id }],
    });
  }

  async click(css) {
    let id = await this.find(css);
    // A step in a folded stage of the stepper is reached as a user reaches
    // it: by opening its stage first.
    const folded = await this.cmd('POST', '/execute/sync', {
      script: "return arguments[0].closest('ol[hidden]')?.closest('[data-stage]')?.getAttribute('data-stage') ?? null;",
      args: [{ [ELEMENT]: id }],
    });
    if (folded) {
      await this.click(`[data-stage-toggle="${folded}"]`);
      id = await this.find(css);
    }
    await this.reveal(id);
    try {
      await this.cmd('POST', `/element/${id}/click`, {});
    } catch (e) {
      throw new Error(`clicking ${css}: ${e.message}`);
    }
  }

  /** Starts a new request of `kind` from the start screen: "New request", then its kind. */
  async newRequest(kind = 'mla_evidence') {
    await this.click('[data-testid="new-request"]');
    await this.click(`[data-testid="new-kind-${kind}"]`);
  }

  async type(css, text) {
    const id = await this.find(css);
    await this.reveal(id);
    await this.cmd('POST', `/element/${id}/click`, {});
    await this.cmd('POST', `/element/${id}/value`, { text });
  }

  /** Chooses the option with `value` in the select `css`. */
  async choose(css, value) {
    await this.reveal(await this.find(css));
    const option = await this.find(`${css} option[value="${value}"]`);
    try {
      await this.cmd('POST', `/element/${option}/click`, {});
    } catch (e) {
      throw new Error(`choosing ${value} in ${css}: ${e.message}`);
    }
  }

  async text(css) {
    const id = await this.find(css);
    return this.cmd('GET', `/element/${id}/text`);
  }

  async value(css) {
    const id = await this.find(css);
    return this.cmd('GET', `/element/${id}/property/value`);
  }

  /**
   * Waits until the document preview (pages of SVG text, a run per font
   * and direction) reads `expected`: its runs joined by spaces, as the
   * page's words read.
   */
  async waitForPreviewText(expected, timeoutMs) {
    const script =
      'return [...document.querySelectorAll(\'[data-testid="preview"] text\')].map((t) => t.textContent).join(" ").replace(/\\s+/g, " ")';
    return this.waitFor(`"${expected}" in the preview`, async () => (await this.cmd('POST', '/execute/sync', { script, args: [] })).includes(expected), timeoutMs);
  }

  async waitForText(css, expected, timeoutMs) {
    return this.waitFor(`"${expected}" in ${css}`, async () => (await this.text(css)).includes(expected), timeoutMs);
  }

  /**
   * The window's page as PNG bytes (W3C "Take Screenshot"). WebKitWebDriver
   * answers it only when WebKit composites: not under
   * WEBKIT_DISABLE_COMPOSITING_MODE=1.
   */
  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }

}
