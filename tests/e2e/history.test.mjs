// End-to-end: a draft edited several times shows its revision history in
// the real app, two revisions compare as tracked changes, and restoring the
// first one brings its text back into the form.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, sleep, startDriver } from './webdriver.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const cli = resolve(process.env.MLA_CLI || 'target/debug/mla');
const port = 6244 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-history-'));
const dataDir = join(work, 'data');
let driver;

const mla = (args) => execFileSync(cli, args, { env: { ...process.env, MLA_DATA_DIR: dataDir }, encoding: 'utf8' });
/** The latest revision of the one draft, as the store has it. */
const latestRevision = () => Number(mla(['drafts', 'list']).split('\n')[0].split(/\s+/)[2]);

before(async () => {
  driver = await startDriver(port, { MLA_DATA_DIR: dataDir });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

/** Types `text` at the end of the field `path` of the open step and waits until the store holds a new revision. */
async function append(s, path, text) {
  const before = latestRevision();
  await s.type(`[data-field="${path}"]`, text);
  await s.waitFor(`a revision after ${before}`, async () => latestRevision() > before, 30000);
  await s.waitForText('[data-testid="save-status"]', 'Saved');
}

test('edits show in the history as tracked changes, and a restored revision is back in the form', async () => {
  const s = await Session.start(base, app);
  try {
    await s.waitForText('[data-testid="start-screen"]', 'PPO-2026-0412');
    await s.click('[data-testid="draft-item"]');
    await s.click('[data-testid="step-facts"]');
    const original = await s.value('[data-field="facts.summary"]');
    assert.ok(original.length > 0, 'the demo has facts');

    await append(s, 'facts.summary', ' A third transfer followed in October.');
    await append(s, 'facts.summary', ' The website was closed on 2 November.');
    await s.click('[data-testid="step-proceedings"]');
    await append(s, 'proc.subject_matter', ' and laundering');
    const last = latestRevision();
    assert.ok(last >= 4, `expected at least four revisions, found ${last}`);

    await s.click('[data-testid="open-history"]');
    await s.find('[data-testid="history-screen"]');
    await s.waitFor('every revision listed', async () => (await s.findAll('[data-testid="revision-item"]')).length === last);
    await s.waitForText(`[data-testid="revision-item"][data-number="${last}"] [data-testid="revision-summary"]`, 'What the case is about');

    // Revision 1 against the latest: the facts with both additions inserted.
    await s.choose('[data-testid="compare-from"]', '1');
    await s.click('[data-testid="compare"]');
    await s.waitFor('the comparison of revision 1', async () =>
      (await s.text('#compare-heading')).includes(`revision 1 to revision ${last}`),
    );
    const facts = '[data-testid="revision-change"][data-path="facts.summary"]';
    await s.waitForText(facts, 'Summary of the facts');
    const inserted = await s.cmd('POST', '/execute/sync', {
      script: `return [...document.querySelectorAll('${facts} [data-testid="revision-ins"]')].map((e) => e.textContent).join('|')`,
      args: [],
    });
    assert.ok(inserted.includes('A third transfer followed in October.'), `inserted: ${inserted}`);
    assert.ok(inserted.includes('The website was closed on 2 November.'), `inserted: ${inserted}`);
    await s.find('[data-testid="revision-change"][data-path="proc.subject_matter"]');

    // Restore revision 1: a new revision, and the form holds its text again.
    await s.click('[data-testid="revision-item"][data-number="1"] [data-testid="revision-restore"]');
    await s.waitForText('[data-testid="history-notice"]', `saved as revision ${last + 1}`);
    await s.waitFor('the restoring revision listed', async () => (await s.findAll('[data-testid="revision-item"]')).length === last + 1);
    await s.waitForText(`[data-testid="revision-item"][data-number="${last + 1}"]`, 'Restored from revision 1');
    assert.equal(latestRevision(), last + 1);
    await s.click('[data-testid="history-open-draft"]');
    await s.click('[data-testid="step-facts"]');
    await s.waitFor('the restored facts in the form', async () => (await s.value('[data-field="facts.summary"]')) === original);
    await sleep(500);
    assert.equal(latestRevision(), last + 1, 'opening the restored draft saved nothing new');
  } finally {
    await s.quit();
  }
});
