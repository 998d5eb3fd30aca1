// End-to-end: a save refused because another program holds the database.
// The test holds it (BEGIN EXCLUSIVE, from Python's sqlite3) while the user
// types: the indicator says the database is in use (not "Saved"), the text
// stays in the field, and once the other program lets go the app saves by
// itself; started again, it shows the text.
//
// Run through `make test-e2e`, or:
//   MLA_APP=target/debug/mla-writer-app node --test tests/e2e/faults.test.mjs

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
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-faults-'));
const database = join(work, 'data', 'mla-writer.sqlite3');
let driver;

before(async () => {
  assert.ok(existsSync(app), `app binary ${app} not built`);
  // A short wait for the other program, so the test sees the failure soon.
  driver = await startDriver(port, { MLA_DATA_DIR: join(work, 'data'), MLA_BUSY_TIMEOUT_MS: '300' });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

/** Another program holding the database until `release()`. */
async function holdDatabase(path) {
  const script = [
    'import sqlite3, sys',
    'db = sqlite3.connect(sys.argv[1], isolation_level=None)',
    'db.execute("BEGIN EXCLUSIVE")',
    'print("held", flush=True)',
    'sys.stdin.readline()',
    'db.execute("ROLLBACK")',
  ].join('\n');
  const child = spawn('python3', ['-c', script, path], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise((done) => child.on('exit', (code) => done(code)));
  while (!out.includes('held')) {
    if (child.exitCode !== null) throw new Error(`python3 could not hold the database: ${err}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    async release() {
      child.stdin.end('\n');
      assert.equal(await exited, 0, err);
    },
  };
}

test('a database held by another program: the error shows, the text stays, and it saves once released', async () => {
  const typed = 'Typed while another program held the database';
  let s = await Session.start(base, app);
  try {
    await s.newRequest();
    await s.click('[data-testid="step-authorities"]');
    await s.type('[data-field="case.internal_ref"]', 'PPO-FAULT-1');
    await s.waitForText('[data-testid="save-status"]', 'Saved');

    const other = await holdDatabase(database);
    await s.type('[data-field="req_auth.name"]', typed);
    await s.waitForText('[data-testid="save-status"]', 'the database is in use by another program');
    assert.equal(await s.value('[data-field="req_auth.name"]'), typed, 'the editor kept the text');

    await other.release();
    // The autosave tries again by itself (every 3 s).
    await s.waitForText('[data-testid="save-status"]', 'Saved', 15000);
  } finally {
    await s.quit();
  }

  s = await Session.start(base, app);
  try {
    await s.waitForText('[data-testid="start-screen"]', 'PPO-FAULT-1');
    await s.click('[data-testid="draft-item"]');
    await s.click('[data-testid="step-authorities"]');
    assert.equal(await s.value('[data-field="case.internal_ref"]'), 'PPO-FAULT-1');
    assert.equal(await s.value('[data-field="req_auth.name"]'), typed);
  } finally {
    await s.quit();
  }
});
