// End-to-end: the case register in the real app. A request whose execution
// date is three days away shows on the start screen's dashboard under "due
// within 7 days"; opened, its status is set to "sent" with the counterpart's
// reference, then to "additional information requested"; the history shows
// both, the register lists the new status, and the database holds it
// (read back with the CLI). The app takes "today" from the clock, so the
// deadline is computed here from the real date.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const cli = resolve(process.env.MLA_CLI || 'target/debug/mla');
const port = 6244 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-register-'));
const dataDir = join(work, 'data');
let driver;

const mla = (args) => execFileSync(cli, args, { env: { ...process.env, MLA_DATA_DIR: dataDir }, encoding: 'utf8' });

/** The day `days` after today (UTC, as the app's dashboard counts), `YYYY-MM-DD`. */
const inDays = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let id;

before(async () => {
  const request = JSON.parse(readFileSync('examples/mla-evidence-fraud-arden-norland.json', 'utf8'));
  request.case.internal_ref = 'E2E-REG-7';
  request.deadline.date = inDays(3);
  const file = join(work, 'request.json');
  writeFileSync(file, JSON.stringify(request));
  id = mla(['drafts', 'import', file]).trim();
  driver = await startDriver(port, { MLA_DATA_DIR: dataDir });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

test('a near deadline is on the dashboard, and statuses set in the open draft reach the register', async () => {
  const s = await Session.start(base, app);
  try {
    await s.waitForText('[data-testid="dashboard-within-7"]', 'E2E-REG-7');
    assert.ok(!(await s.text('[data-testid="dashboard-within-30"]')).includes('E2E-REG-7'));
    assert.ok(!(await s.text('[data-testid="dashboard-overdue"]')).includes('E2E-REG-7'));

    await s.click(`[data-testid="register-row"][data-id="${id}"] button`);
    await s.waitForText('[data-testid="current-status"]', 'Drafting');

    await s.click('[data-testid="set-status"]');
    await s.choose('[data-testid="status-choice"]', 'sent');
    await s.type('[data-testid="status-ref"]', 'NOR-2026-77');
    await s.click('[data-testid="status-record"]');
    await s.waitForText('[data-testid="current-status"]', 'Sent');
    await s.waitForText('[data-testid="status-history"]', 'NOR-2026-77');

    await s.click('[data-testid="set-status"]');
    await s.choose('[data-testid="status-choice"]', 'additional_information_requested');
    await s.type('[data-testid="status-note"]', 'Bank statements for 2025 asked for');
    await s.click('[data-testid="status-record"]');
    await s.waitForText('[data-testid="current-status"]', 'Additional information requested');
    const entries = await s.findAll('[data-testid="status-history-entry"]');
    assert.equal(entries.length, 2);
    await s.waitForText('[data-testid="save-status"]', 'Saved');

    await s.click('[data-testid="home"]');
    await s.waitForText(`[data-testid="register-row"][data-id="${id}"]`, 'Additional information requested');
  } finally {
    await s.quit();
  }

  const listed = JSON.parse(mla(['register', 'list', '--status', 'additional_information_requested', '--format', 'json']));
  assert.deepEqual(
    listed.entries.map((e) => [e.id, e.counterpart_ref]),
    [[id, 'NOR-2026-77']],
  );
  const saved = JSON.parse(mla(['drafts', 'export', id]));
  assert.deepEqual(
    saved.consult.status_log.map((c) => [c.status, c.counterpart_ref, c.note]),
    [
      ['sent', 'NOR-2026-77', ''],
      ['additional_information_requested', '', 'Bank statements for 2025 asked for'],
    ],
  );
});
