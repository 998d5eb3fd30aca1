// End-to-end: closing the window right after typing keeps what was typed.
// The autosave waits for a pause in the typing; the window is closed, as a
// window manager closes it (WM_DELETE_WINDOW), before that pause is over.
// The app saves, then closes; started again on the same data, it shows the
// text.
//
// Run through `make test-e2e`, or:
//   MLA_APP=target/debug/mla-writer-app node --test tests/e2e/close.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const port = 4444 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-close-'));
const closer = resolve('tests/e2e/close_window.py');
let driver;

before(async () => {
  assert.ok(existsSync(app), `app binary ${app} not built`);
  driver = await startDriver(port, { MLA_DATA_DIR: join(work, 'data') });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

/**
 * A window closer connected to the display and waiting: `close()` sends the
 * request at once and resolves once the window is gone (rejects when it
 * stays open).
 */
async function windowCloser(title) {
  const child = spawn('python3', [closer, title], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise((done) => child.on('exit', (code) => done(code)));
  while (!out.includes('ready')) {
    if (child.exitCode !== null) throw new Error(`close_window.py: ${err}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    async close() {
      child.stdin.end('close\n');
      const code = await exited;
      if (code !== 0) throw new Error(`the window did not close: ${err.trim()}`);
    },
  };
}

test('text typed just before the window is closed is saved, and there after a restart', async () => {
  const typed = 'Office of the Public Prosecutor of Westmark, typed just before closing';
  let s = await Session.start(base, app);
  try {
    await s.newRequest();
    await s.click('[data-testid="step-authorities"]');
    await s.type('[data-field="case.internal_ref"]', 'PPO-CLOSE-1');
    await s.waitForText('[data-testid="save-status"]', 'Saved');
    const closer = await windowCloser('MLA Writer');
    await s.type('[data-field="req_auth.name"]', typed);
    // At once: well within the autosave's quiet period.
    await closer.close();
  } finally {
    // The app has exited with its window; the session ends with it.
    await s.quit().catch(() => {});
  }

  s = await Session.start(base, app);
  try {
    await s.waitForText('[data-testid="start-screen"]', 'PPO-CLOSE-1');
    const items = await s.findAll('[data-testid="draft-item"]');
    assert.ok(items.length >= 2, 'the demo and the new draft are listed');
    await s.click('[data-testid="draft-item"]');
    await s.click('[data-testid="step-authorities"]');
    assert.equal(await s.value('[data-field="case.internal_ref"]'), 'PPO-CLOSE-1');
    assert.equal(await s.value('[data-field="req_auth.name"]'), typed);
  } finally {
    await s.quit();
  }
});
