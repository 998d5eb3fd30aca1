// Helpers of the exchange's end-to-end tests: an app profile (its own data
// directory, tauri-driver, save folder and open-dialog file), the `mla` CLI
// on that profile, and the steps a user takes in the exchange screens.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ELEMENT, Session, sleep, startDriver } from './webdriver.mjs';

export const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
export const cli = resolve(process.env.MLA_CLI || 'target/debug/mla');

/** The passphrase of every profile's key file (MLA_KEYSTORE=file). */
export const KEY_PASSPHRASE = 'key file passphrase 2026';

/** `[data-testid="id"]`, with attribute conditions: tid('x', { 'data-path': 'a.b' }). */
export function tid(id, attrs = {}) {
  return `[data-testid="${id}"]` + Object.entries(attrs).map(([k, v]) => `[${k}="${v}"]`).join('');
}

/** Fingerprints compare as their digits. */
export const digits = (text) => String(text).replace(/\D/g, '');

const FINGERPRINT = /^\d{5}( \d{5}){7}$/;
export const isFingerprint = (text) => FINGERPRINT.test(String(text).trim());

/**
 * One side of the exchange: a data directory played by the app (through its
 * own tauri-driver) and by the CLI. Every save dialog answers the profile's
 * save folder (the file takes the name the UI proposes); every open dialog
 * answers one file path, which the test fills before each import.
 */
export class Profile {
  constructor(work, name, port) {
    this.name = name;
    this.root = join(work, name);
    this.dataDir = join(this.root, 'data');
    this.saveDir = join(this.root, 'saved');
    this.openPath = join(this.root, 'chosen-file');
    this.port = port;
    this.base = `http://127.0.0.1:${port}`;
    mkdirSync(this.saveDir, { recursive: true });
    this.driver = null;
    this.session = null;
  }

  env() {
    return { MLA_DATA_DIR: this.dataDir, MLA_KEYSTORE: 'file' };
  }

  /** `mla ARGS` on this profile (the key file's passphrase in MLA_PASSPHRASE). */
  mla(args, { allowFail = false } = {}) {
    try {
      return execFileSync(cli, args, {
        env: { ...process.env, ...this.env(), MLA_PASSPHRASE: KEY_PASSPHRASE },
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      if (allowFail) return { failed: true, status: e.status, stdout: String(e.stdout), stderr: String(e.stderr) };
      throw new Error(`mla ${args.join(' ')} (${this.name}) failed: ${e.stderr || e.message}`);
    }
  }

  draftIds() {
    // Each draft's line starts with its id; titles may run over several lines.
    return this.mla(['drafts', 'list'])
      .split('\n')
      .map((l) => /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\s/.exec(l)?.[1])
      .filter(Boolean);
  }

  request(id) {
    return JSON.parse(this.mla(['drafts', 'export', id]));
  }

  /** The actions of `mla exchange history ID`, in order. */
  historyActions(id) {
    return this.mla(['exchange', 'history', id])
      .split('\n')
      .map((l) => /\bround \d+\s+(\w+)/.exec(l)?.[1])
      .filter(Boolean);
  }

  /** Starts the app on this profile (its tauri-driver the first time). */
  async start() {
    if (!this.driver) {
      this.driver = await startDriver(this.port, {
        ...this.env(),
        MLA_SAVE_DIALOG_ANSWER: this.saveDir,
        MLA_OPEN_DIALOG_ANSWER: this.openPath,
      });
    }
    this.session = await Session.start(this.base, app);
    await this.session.find(tid('start-screen'));
    return this.session;
  }

  /** Closes the app. */
  async quit() {
    const s = this.session;
    this.session = null;
    if (s) await s.quit().catch(() => {});
  }

  /** Quits the app and stops its driver. */
  async stop() {
    await this.quit();
    this.driver?.kill();
    this.driver = null;
  }

  /** What the next open dialog answers: a copy of `file`. */
  choose(file) {
    copyFileSync(file, this.openPath);
  }

  /** Empties the save folder, before a save whose file the test then looks for. */
  clearSaved() {
    rmSync(this.saveDir, { recursive: true, force: true });
    mkdirSync(this.saveDir, { recursive: true });
  }

  /** The file ending in `ext` that the app saved into the save folder (waits for it, complete). */
  async saved(ext, timeoutMs = 20000) {
    const end = Date.now() + timeoutMs;
    let lastSize = -1;
    while (Date.now() < end) {
      const names = readdirSync(this.saveDir).filter((n) => n.endsWith(ext));
      if (names.length > 1) throw new Error(`several ${ext} files saved: ${names.join(', ')}`);
      if (names.length === 1) {
        const path = join(this.saveDir, names[0]);
        const size = statSync(path).size;
        if (size > 0 && size === lastSize) return path;
        lastSize = size;
      }
      await sleep(200);
    }
    throw new Error(`no ${ext} file saved in ${this.saveDir} (has: ${existsSync(this.saveDir) ? readdirSync(this.saveDir).join(', ') : 'nothing'})`);
  }
}

/** Runs `script` (a function body) in the page with `args`. */
export function run(s, script, ...args) {
  return s.cmd('POST', '/execute/sync', { script, args });
}

// Finds the first element `[data-testid=child]` that belongs to `container`
// (a selector): inside it and not inside a nested element of the same test
// id, so that a comment's own buttons are not its answers'. Falls back to the
// whole page when the container has none (a form shown outside the row).
const FIND_IN = `
  const [containerCss, child, fallback] = arguments;
  const c = containerCss ? document.querySelector(containerCss) : null;
  if (containerCss && !c) return null;
  if (c) {
    const own = c.getAttribute('data-testid');
    for (const e of c.querySelectorAll('[data-testid="' + child + '"]')) {
      if (!own || e.parentElement.closest('[data-testid="' + own + '"]') === c) return e;
    }
    if (!fallback) return null;
  }
  return document.querySelector('[data-testid="' + child + '"]');`;

/** The element id of test id `child` within `container` (see FIND_IN), waiting for it. */
export async function findIn(s, container, child, { fallback = true, timeoutMs } = {}) {
  return s.waitFor(
    `${tid(child)} in ${container}`,
    async () => (await run(s, FIND_IN, container, child, fallback))?.[ELEMENT],
    timeoutMs,
  );
}

export async function clickId(s, id, what) {
  await s.reveal(id);
  try {
    await s.cmd('POST', `/element/${id}/click`, {});
  } catch (e) {
    throw new Error(`clicking ${what}: ${e.message}`);
  }
}

export async function clickIn(s, container, child, opts) {
  await clickId(s, await findIn(s, container, child, opts), `${child} in ${container}`);
}

/** Replaces the text of an input or textarea, typing it as a user does. */
export async function replaceText(s, id, text) {
  await s.reveal(id);
  await s.cmd('POST', `/element/${id}/click`, {});
  await s.cmd('POST', `/element/${id}/clear`, {});
  if (text !== '') await s.cmd('POST', `/element/${id}/value`, { text });
  const now = await s.cmd('GET', `/element/${id}/property/value`);
  if (now !== text) throw new Error(`typed ${JSON.stringify(text.slice(0, 80))}, the field holds ${JSON.stringify(String(now).slice(0, 80))}`);
}

export async function typeIn(s, container, child, text, opts) {
  await replaceText(s, await findIn(s, container, child, opts), text);
}

/** textContent of every element matching `css`. */
export function textsOf(s, css) {
  return run(s, 'return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent);', css);
}

/** textContent of the element `child` of `container` (see FIND_IN). */
export async function textIn(s, container, child, opts) {
  const id = await findIn(s, container, child, opts);
  return run(s, 'return arguments[0].textContent;', { [ELEMENT]: id });
}

/** Attribute `name` of every element matching `css`. */
export function attrsOf(s, css, name) {
  return run(s, 'return [...document.querySelectorAll(arguments[0])].map((e) => e.getAttribute(arguments[1]));', css, name);
}

/** The first of `selectors` present on the page (waits until one is). */
export async function firstOf(s, selectors, timeoutMs = 30000) {
  return s.waitFor(
    `one of ${selectors.join(', ')}`,
    async () => {
      for (const css of selectors) if ((await s.findAll(css)).length > 0) return css;
      return null;
    },
    timeoutMs,
  );
}

/** The text of the first visible `[role="alert"]` that has text. */
export async function alertText(s) {
  const texts = await run(
    s,
    `return [...document.querySelectorAll('[role="alert"]')]
       .filter((e) => e.getClientRects().length > 0)
       .map((e) => e.textContent.trim()).filter(Boolean);`,
  );
  return texts.join('\n');
}

/**
 * Waits until `done` (a selector) shows, answering the prompts met on the way:
 * the keys prompt (the key file's passphrase) and, when `signer` is given,
 * the unknown signer prompt (`signer(name, fingerprint)` returns the
 * fingerprint to type, after checking what is shown). Fails on an alert.
 * Returns which prompts were answered.
 */
export async function through(s, done, { signer = null, stale = '', timeoutMs = 60000 } = {}) {
  const answered = { keys: 0, signer: 0 };
  const end = Date.now() + timeoutMs;
  for (;;) {
    const left = end - Date.now();
    if (left <= 0) throw new Error(`timed out waiting for ${done}`);
    let which;
    try {
      which = await firstOf(s, [done, tid('keys-passphrase'), tid('signer-confirm-input'), '[role="alert"]'], left);
    } catch (e) {
      throw new Error(`${e.message}; alert: ${await alertText(s)}`);
    }
    if (which === done) return answered;
    if (which === '[role="alert"]') {
      const text = await alertText(s);
      if (text && text !== stale) throw new Error(`waiting for ${done}, the app shows an error: ${text}`);
      await sleep(100);
      continue;
    }
    if (which === tid('keys-passphrase')) {
      if (answered.keys > 0) throw new Error('the keys prompt came back after the passphrase was given');
      answered.keys++;
      await s.type(tid('keys-passphrase'), KEY_PASSPHRASE);
      await s.click(tid('keys-unlock'));
      await s.waitFor('the keys prompt to close', async () => (await s.findAll(tid('keys-passphrase'))).length === 0);
      continue;
    }
    if (!signer) throw new Error(`the app asks to confirm an unknown signer: ${await s.text(tid('signer-name'))}`);
    if (answered.signer > 0) throw new Error('the signer prompt came back after the fingerprint was confirmed');
    answered.signer++;
    const name = await textIn(s, null, 'signer-name');
    const fingerprint = await textIn(s, null, 'signer-fingerprint');
    await s.type(tid('signer-confirm-input'), signer(name, fingerprint));
    await s.click(tid('signer-confirm'));
    await s.waitFor('the signer prompt to close', async () => (await s.findAll(tid('signer-confirm-input'))).length === 0);
  }
}

/** Clicks `css`, then goes `through` to `done` (an error already shown before the click does not count). */
export async function clickThrough(s, css, done, opts = {}) {
  const stale = await alertText(s);
  await s.click(css);
  return through(s, done, { ...opts, stale });
}

/** Ticks the checkbox `css` unless it is ticked. */
export async function tick(s, css) {
  const id = await s.find(css);
  if (!(await s.cmd('GET', `/element/${id}/property/checked`))) await clickId(s, id, css);
  await s.waitFor(`${css} ticked`, async () => s.cmd('GET', `/element/${id}/property/checked`));
}

/** Creates this side's identity on the exchange screen; returns its fingerprint as shown. */
export async function createIdentity(s, { name, authority, email }) {
  await s.type(tid('identity-name'), name);
  await s.type(tid('identity-authority'), authority);
  await s.type(tid('identity-email'), email);
  await s.type(tid('identity-passphrase'), KEY_PASSPHRASE);
  await clickThrough(s, tid('identity-create'), tid('identity-fingerprint'));
  return (await textIn(s, null, 'identity-fingerprint')).trim();
}

/**
 * Imports the card in the open dialog's file and trusts it with `fingerprint`
 * typed as compared by telephone; returns the contact id. With `mistyped`,
 * that is typed first, and must be refused.
 */
export async function importAndTrust(s, fingerprint, { mistyped = null } = {}) {
  const before = await attrsOf(s, tid('contact-item'), 'data-contact-id');
  await s.click(tid('import-card'));
  const id = await s.waitFor('the new contact', async () => {
    const now = await attrsOf(s, tid('contact-item'), 'data-contact-id');
    return now.find((c) => !before.includes(c));
  });
  const row = tid('contact-item', { 'data-contact-id': id });
  const state = async () => (await attrsOf(s, `${row} ${tid('contact-trust-state')}`, 'data-trusted'))[0];
  if ((await state()) !== 'false') throw new Error(`a new contact shows trusted=${await state()}`);
  if (mistyped) {
    await typeIn(s, row, 'contact-trust-input', mistyped, { fallback: false });
    const stale = await alertText(s);
    await clickIn(s, row, 'contact-trust', { fallback: false });
    const refusal = await s.waitFor('the mistyped fingerprint refused', async () => {
      const text = await alertText(s);
      return text && text !== stale ? text : null;
    });
    if ((await state()) !== 'false') throw new Error(`a mistyped fingerprint (${refusal}) left the contact trusted=${await state()}`);
  }
  await typeIn(s, row, 'contact-trust-input', fingerprint, { fallback: false });
  await clickIn(s, row, 'contact-trust', { fallback: false });
  await s.waitFor(`contact ${id} trusted`, async () => (await state()) === 'true');
  return id;
}

/** Opens the draft whose start-screen entry contains `text`; the wizard shows it. */
export async function openDraft(s, text) {
  await s.waitForText(tid('start-screen'), text);
  for (const id of await s.findAll(tid('draft-item'))) {
    if ((await s.cmd('GET', `/element/${id}/text`)).includes(text)) {
      await clickId(s, id, `the draft ${text}`);
      await s.find(tid('open-consultation'));
      return;
    }
  }
  throw new Error(`no draft listed with ${text}`);
}
