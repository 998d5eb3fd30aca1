// End-to-end: an officer turns encryption at rest on in the real app,
// restarts it and unlocks it (a wrong passphrase first), edits the demo
// request, keeps a PDF with an annex and exports the PDF with the annex
// appended; makes a backup, loses the database, restores the backup and
// finds everything. The files on disk are read back: the typed text is in
// none of them, and the CLI opens the restored database only with its
// passphrase.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const cli = resolve(process.env.MLA_CLI || 'target/debug/mla');
const port = 7144 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-encryption-'));
const dataDir = join(work, 'data');
const database = join(dataDir, 'mla-writer.sqlite3');
const savePath = join(work, 'exported.pdf');
const annexPath = join(work, 'statement.pdf');
const passphraseFile = join(work, 'passphrase');
const PASSPHRASE = 'correct horse battery staple';
// What the officer types: it must end up in no file of the data directory.
const MARKER = 'Kestrel-Tamsin-4471';
const demo = JSON.parse(readFileSync('examples/mla-evidence-fraud-arden-norland.json', 'utf8'));
let driver;

const env = { ...process.env, MLA_DATA_DIR: dataDir, MLA_PASSPHRASE_FILE: passphraseFile };
const mla = (args) => execFileSync(cli, args, { env, encoding: 'utf8' });
const pages = (pdf) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
const SQLITE_HEADER = Buffer.from('SQLite format 3\0');
const isPlaintext = (file) => readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER);

/** Every file under `dir` whose bytes hold `text`. */
function filesHolding(dir, text) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (readFileSync(path).includes(Buffer.from(text))) found.push(path);
  }
  return found;
}

before(async () => {
  mla(['render', 'examples/preservation-ransomware-arden-vestria.json', '-o', annexPath, '--today', '2026-11-27']);
  writeFileSync(passphraseFile, `${PASSPHRASE}\n`);
  driver = await startDriver(port, { MLA_DATA_DIR: dataDir, MLA_SAVE_DIALOG_ANSWER: savePath, MLA_OPEN_DIALOG_ANSWER: annexPath });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

test('encryption on, restart and unlock, edit with an annex, backup, database lost, restore: everything is found', async () => {
  // 1. Turn encryption on in the settings.
  let s = await Session.start(base, app);
  try {
    await s.waitForText('[data-testid="start-screen"]', demo.case.internal_ref);
    await s.click('[data-testid="open-settings"]');
    await s.waitFor('the encryption state', async () => (await s.findAll('[data-testid="encryption-state"][data-encrypted="false"]')).length === 1);
    await s.type('[data-testid="new-passphrase"]', PASSPHRASE);
    await s.type('[data-testid="confirm-passphrase"]', PASSPHRASE);
    await s.click('[data-testid="encryption-on"]');
    await s.waitFor('encryption on', async () => (await s.findAll('[data-testid="encryption-state"][data-encrypted="true"]')).length === 1);
  } finally {
    await s.quit();
  }
  assert.ok(!isPlaintext(database), 'the database file is encrypted');
  assert.deepEqual(filesHolding(dataDir, demo.case.internal_ref), [], 'the demo text is in no file once encrypted');

  // 2. Restart: the unlock screen; a wrong passphrase is refused, the right
  // one opens. Edit, keep an annex file, export with the annex appended.
  s = await Session.start(base, app);
  try {
    await s.type('[data-testid="unlock-passphrase"]', 'wrong passphrase');
    await s.click('[data-testid="unlock-database"]');
    await s.waitForText('[data-testid="unlock-error"]', 'passphrase');
    assert.equal((await s.findAll('[data-testid="start-screen"]')).length, 0, 'nothing opens with a wrong passphrase');
    // The field keeps what was typed: clear it and type the right one.
    await s.cmd('POST', `/element/${await s.find('[data-testid="unlock-passphrase"]')}/clear`, {});
    await s.type('[data-testid="unlock-passphrase"]', PASSPHRASE);
    await s.click('[data-testid="unlock-database"]');
    await s.waitForText('[data-testid="start-screen"]', demo.case.internal_ref);

    await s.click('[data-testid="draft-item"]');
    await s.click('[data-testid="step-authorities"]');
    await s.cmd('POST', `/element/${await s.find('[data-field="req_auth.name"]')}/clear`, {});
    await s.type('[data-field="req_auth.name"]', `Economic Crime Division, ${MARKER}`);
    await s.waitForText('[data-testid="save-status"]', 'Saved');
    await s.click('[data-testid="step-annexes"]');
    await s.click('[data-testid="annex-attach-0"]');
    await s.waitForText('[data-testid="annex-file-name-0"]', 'statement.pdf');
    await s.click('[data-testid="step-review"]');
    await s.click('[data-testid="append-annexes"]');
    await s.click('[data-testid="export-pdf"]');
    await s.waitForText('[data-testid="export-result"]', savePath);
    const exported = execFileSync('pdftotext', [savePath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(exported.includes(MARKER), `the exported PDF holds the edit: ${exported.slice(0, 1500)}`);
    assert.ok(pages(savePath) > pages(annexPath), 'the annex is appended');
    assert.ok(exported.includes('Annex 1 — statement.pdf'), 'the separator page names the annex');

    // 3. A backup now, from the settings.
    await s.click('[data-testid="home"]');
    await s.click('[data-testid="open-settings"]');
    await s.waitFor('the list of backups', async () => (await s.findAll('[data-testid="backup-list"] li')).length >= 1);
    const before = (await s.findAll('[data-testid="backup-list"] li')).length;
    await s.click('[data-testid="make-backup"]');
    await s.waitFor('a new backup', async () => (await s.findAll('[data-testid="backup-list"] li')).length === before + 1);
  } finally {
    await s.quit();
  }
  assert.deepEqual(filesHolding(dataDir, MARKER), [], 'the typed text is in no file: database, log or backup');
  const backups = readdirSync(join(dataDir, 'backups'));
  assert.ok(backups.length >= 2, `the day's backup and the one made: ${backups}`);
  for (const b of backups) assert.ok(!isPlaintext(join(dataDir, 'backups', b)), `backup ${b} is encrypted`);
  // The CLI opens it only with the passphrase.
  const without = spawnSync(cli, ['drafts', 'list'], { env: { ...env, MLA_PASSPHRASE_FILE: join(work, 'none') }, encoding: 'utf8' });
  assert.notEqual(without.status, 0, 'no passphrase, no list');

  // 4. The database is lost. The app starts on a new, empty one; the backup
  // is restored from the settings with its passphrase.
  for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
  s = await Session.start(base, app);
  try {
    await s.waitFor('the start screen', async () => (await s.findAll('[data-testid="start-screen"]')).length === 1);
    await s.click('[data-testid="open-settings"]');
    await s.waitFor('the backups kept', async () => (await s.findAll('[data-testid="restore-backup"]')).length >= 2);
    await s.type('[data-testid="backup-passphrase"]', PASSPHRASE);
    // The newest first: the backup made by hand after the edit.
    await s.click('[data-testid="restore-backup"]');
    await s.waitFor('the restore', async () => (await s.findAll('[data-testid="settings-notice"]')).length === 1);
    await s.waitFor('encrypted again', async () => (await s.findAll('[data-testid="encryption-state"][data-encrypted="true"]')).length === 1);
    await s.click('[data-testid="settings-home"]');
    await s.waitForText('[data-testid="start-screen"]', demo.case.internal_ref);
    await s.click('[data-testid="draft-item"]');
    await s.click('[data-testid="step-authorities"]');
    assert.ok((await s.value('[data-field="req_auth.name"]')).includes(MARKER), 'the edit is back');
    await s.click('[data-testid="step-annexes"]');
    await s.waitForText('[data-testid="annex-file-name-0"]', 'statement.pdf');
  } finally {
    await s.quit();
  }
  assert.ok(!isPlaintext(database), 'the restored database is encrypted');
  assert.ok(!existsSync(`${database}.before-restore`), 'what was set aside is removed once the restored database opened');
  const listed = mla(['drafts', 'list']);
  const id = listed.split('\n')[0].split(/\s+/)[0];
  const stored = JSON.parse(mla(['drafts', 'export', id]));
  assert.ok(stored.req_auth.name.includes(MARKER));
  assert.equal(stored.attachments[0].file.name, 'statement.pdf');
});
