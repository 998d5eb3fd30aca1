// End-to-end, one test per kind of request: the complete example of the kind
// is typed into the real app's wizard, field by field, and the draft the app
// saved must equal the example (apart from ids and timestamps).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, sleep, startDriver } from './webdriver.mjs';
import { fillWizard } from './fill.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const cli = resolve(process.env.MLA_CLI || 'target/debug/mla');
const port = 5044 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-kinds-'));
const dataDir = join(work, 'data');
let driver;

const mla = (args, dir = dataDir) =>
  execFileSync(cli, args, { env: { ...process.env, MLA_DATA_DIR: dir }, encoding: 'utf8' });
const draftIds = () => new Set(mla(['drafts', 'list']).split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0]));

/** The example as the store writes it: every omitted member at its default. */
function normalised(file) {
  const scratch = join(work, `scratch-${Math.random().toString(36).slice(2)}`);
  const id = mla(['drafts', 'import', file], scratch).trim();
  return JSON.parse(mla(['drafts', 'export', id], scratch));
}

before(async () => {
  driver = await startDriver(port, { MLA_DATA_DIR: dataDir });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

const wizard = JSON.parse(mla(['wizard', '--lang', 'en']));
const examples = readdirSync('examples').filter((f) => f.endsWith('.json')).sort();

for (const file of examples) {
  const path = resolve('examples', file);
  const expected = normalised(path);
  test(`the ${expected.kind} example typed into the wizard is saved exactly (${file})`, async () => {
    const s = await Session.start(base, app);
    let created;
    try {
      await s.find('[data-testid="start-screen"]');
      const before = draftIds();
      await s.newRequest(expected.kind);
      await s.find('[data-field="kind"]');
      await fillWizard(s, wizard, expected);
      await s.waitForText('[data-testid="save-status"]', 'Saved', 20000);
      await sleep(300);
      await s.waitForText('[data-testid="save-status"]', 'Saved', 20000);
      created = [...draftIds()].filter((id) => !before.has(id));
    } finally {
      await s.quit();
    }
    assert.equal(created.length, 1, 'exactly one new draft');
    const saved = JSON.parse(mla(['drafts', 'export', created[0]]));
    assert.deepEqual(saved, expected);
  });
}

test('a follow-up MLA request is created from a preservation draft', async () => {
  const imported = mla(['drafts', 'import', resolve('examples', 'preservation-ransomware-arden-vestria.json')]).trim();
  const s = await Session.start(base, app);
  let created;
  try {
    await s.find('[data-testid="start-screen"]');
    const before = draftIds();
    const items = await s.findAll('[data-testid="draft-item"]');
    let opened = false;
    for (const id of items) {
      if ((await s.cmd('GET', `/element/${id}/text`)).includes('PPO-2026-0977')) {
        await s.cmd('POST', `/element/${id}/click`, {});
        opened = true;
        break;
      }
    }
    assert.ok(opened, 'preservation draft not listed');
    await s.click('[data-testid="step-review"]');
    await s.click('[data-testid="create-follow-up"]');
    await s.waitForText('[data-testid="follow-up-notice"]', 'CCU/PRES/2026/031');
    created = [...draftIds()].filter((id) => !before.has(id));
  } finally {
    await s.quit();
  }
  assert.equal(created.length, 1);
  assert.notEqual(created[0], imported);
  const followUp = JSON.parse(mla(['drafts', 'export', created[0]]));
  assert.equal(followUp.kind, 'mla_evidence');
  assert.deepEqual(followUp.mla.modules, ['stored_data']);
  assert.equal(followUp.mla.stored_data[0].data.identifiers, 'restore.keys@vestamail.example');
});
