// End-to-end: full-text search on the start screen of the real app. A
// request is found by a word of its facts and by a person's name typed in
// Arabic without its vowel marks; a hit opens the draft at the field it was
// found in; once the request is deleted (after confirming), search no
// longer finds it, in the app or with the CLI.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const cli = resolve(process.env.MLA_CLI || 'target/debug/mla');
const port = 6144 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-search-'));
const dataDir = join(work, 'data');
const ARABIC_NAME = 'مُحَمَّد الحَسَن';
let driver;

const mla = (args) => execFileSync(cli, args, { env: { ...process.env, MLA_DATA_DIR: dataDir }, encoding: 'utf8' });

before(async () => {
  const request = JSON.parse(readFileSync('examples/mla-evidence-fraud-arden-norland.json', 'utf8'));
  request.persons[0].family_name = ARABIC_NAME;
  writeFileSync(join(work, 'request.json'), JSON.stringify(request));
  mla(['drafts', 'import', join(work, 'request.json')]);
  driver = await startDriver(port, { MLA_DATA_DIR: dataDir });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

/** Replaces what the search box holds with `text`. */
async function search(s, text) {
  const box = await s.find('[data-testid="search-input"]');
  await s.cmd('POST', `/element/${box}/clear`, {});
  await s.type('[data-testid="search-input"]', text);
}

/** The marked words of the hit in field `path`. */
async function marks(s, path) {
  return (await s.findAll(`[data-testid="search-hit"][data-path="${path}"] mark`)).length > 0
    ? s.cmd('POST', '/execute/sync', {
        script: `return Array.from(document.querySelectorAll('[data-testid="search-hit"][data-path="${path}"] mark')).map((m) => m.textContent);`,
        args: [],
      })
    : [];
}

test('a request is found by a word of its facts and by an Arabic name, and no longer once deleted', async () => {
  const s = await Session.start(base, app);
  try {
    await s.waitForText('[data-testid="start-screen"]', 'PPO-2026-0412');

    await search(s, 'fictitious');
    await s.waitForText('[data-testid="search-results"]', 'PPO-2026-0412');
    assert.deepEqual(await marks(s, 'facts.summary'), ['fictitious']);

    // Typed without the vowel marks of the stored name.
    await search(s, 'محمد');
    await s.waitFor('a hit in the family name', async () => (await marks(s, 'persons.0.family_name')).length === 1);
    assert.deepEqual(await marks(s, 'persons.0.family_name'), ['مُحَمَّد']);

    // The hit opens the draft at the field.
    await s.click('[data-testid="search-hit"][data-path="persons.0.family_name"]');
    await s.waitFor('the family name field', async () => (await s.findAll('[data-field="persons.0.family_name"]')).length === 1);
    assert.equal(await s.value('[data-field="persons.0.family_name"]'), ARABIC_NAME);
    await s.click('[data-testid="home"]');

    // Deleting asks first, then moves the request to the bin.
    await s.waitForText('[data-testid="start-screen"]', 'PPO-2026-0412');
    await s.click('[data-testid="delete-draft"]');
    await s.click('[data-testid="delete-draft-confirm"]');
    await s.waitFor('the list without the request', async () => (await s.findAll('[data-testid="draft-item"]')).length === 0);
    await search(s, 'fictitious');
    await s.waitForText('[data-testid="search-none"]', '');
    assert.match(mla(['search', 'fictitious']), /^0 draft\(s\) found/);
    assert.match(mla(['drafts', 'bin']), /PPO-2026-0412/);

    // Restored from the bin, it is found again.
    await s.click('[data-testid="open-aside"]');
    await s.click('[data-testid="restore"]');
    await s.waitForText('[data-testid="bin-empty"]', '');
    assert.match(mla(['search', 'محمد']), /1 draft\(s\) found/);
  } finally {
    await s.quit();
  }
});
