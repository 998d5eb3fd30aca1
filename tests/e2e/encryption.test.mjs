// End-to-end: encryption at rest and backups in the real app. Encryption is
// turned on in the settings; after a restart the app asks for the
// passphrase (a wrong one is refused with a message); an edit is saved and
// a backup made; with the app closed the database is deleted; the app
// starts on a new, empty database, the backup is restored from the
// settings, and the edit is found again — by the app and by the CLI.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, sleep, startDriver } from './webdriver.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const cli = resolve(process.env.MLA_CLI || 'target/debug/mla');
const port = 6144 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-encryption-'));
const dataDir = join(work, 'data');
const passphraseFile = join(work, 'passphrase');
const PASSPHRASE = 'Tidewater lantern 42 quarry';
const MARKER = 'CIPHER-E2E-7731';
let driver;

const mla = (args) =>
  execFileSync(cli, args, { env: { ...process.env, MLA_DATA_DIR: dataDir, MLA_PASSPHRASE_FILE: passphraseFile }, encoding: 'utf8' });

/** Every file under `dir`, recursively. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

before(async () => {
  writeFileSync(passphraseFile, `${PASSPHRASE}\n`);
  driver = await startDriver(port, { MLA_DATA_DIR: dataDir });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

async function openSettings(s) {
  await s.find('[data-testid="start-screen"]');
  await s.click('[data-testid="open-settings"]');
  await s.find('[data-testid="encryption-state"]');
}

test('encryption on, restart and unlock, edit and back up, database deleted, restored from the backup', async () => {
  // 1. Turn encryption on.
  let s = await Session.start(base, app);
  try {
    await openSettings(s);
    await s.type('[data-testid="new-passphrase"]', PASSPHRASE);
    await s.type('[data-testid="confirm-passphrase"]', PASSPHRASE);
    await s.click('[data-testid="encryption-on"]');
    await s.find('[data-testid="settings-notice"]');
    await s.find('[data-testid="encryption-state"][data-encrypted="true"]');
  } finally {
    await s.quit();
  }
  const database = join(dataDir, 'mla-writer.sqlite3');
  assert.notEqual(readFileSync(database).subarray(0, 15).toString('latin1'), 'SQLite format 3', 'the database is still plaintext');

  // 2. Restart: the unlock screen; a wrong passphrase, then the right one;
  // edit the demo request and make a backup.
  s = await Session.start(base, app);
  try {
    await s.type('[data-testid="unlock-passphrase"]', 'not the passphrase');
    await s.click('[data-testid="unlock-database"]');
    await s.waitForText('[data-testid="unlock-error"]', 'does not open');
    await s.cmd('POST', `/element/${await s.find('[data-testid="unlock-passphrase"]')}/clear`, {});
    await s.type('[data-testid="unlock-passphrase"]', PASSPHRASE);
    await s.click('[data-testid="unlock-database"]');
    await s.find('[data-testid="start-screen"]');
    await s.click('[data-testid="draft-item"]');
    await s.type('[data-field="case.internal_ref"]', ` ${MARKER}`);
    await sleep(1500);
    await s.waitForText('[data-testid="save-status"]', 'Saved');
    await s.click('[data-testid="home"]');
    await s.waitForText('[data-testid="start-screen"]', MARKER);
    await openSettings(s);
    await s.click('[data-testid="make-backup"]');
    await s.find('[data-testid="backup-list"] [data-testid="restore-backup"]');
  } finally {
    await s.quit();
  }
  assert.ok(mla(['drafts', 'list']).includes(MARKER), 'the CLI does not find the edit');
  for (const path of files(dataDir)) {
    assert.ok(!readFileSync(path).includes(MARKER), `${path} holds the typed text in the clear`);
  }

  // 3. The database is lost.
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith('mla-writer.sqlite3')) rmSync(join(dataDir, name));
  }

  // 4. A new start on an empty database; restore the backup from the settings.
  s = await Session.start(base, app);
  try {
    await openSettings(s);
    await s.find('[data-testid="encryption-state"][data-encrypted="false"]');
    await s.type('[data-testid="backup-passphrase"]', PASSPHRASE);
    await s.click('[data-testid="restore-backup"]');
    await s.find('[data-testid="settings-notice"]');
    await s.find('[data-testid="encryption-state"][data-encrypted="true"]');
    await s.click('[data-testid="settings-home"]');
    await s.waitForText('[data-testid="start-screen"]', MARKER);
  } finally {
    await s.quit();
  }
  assert.ok(mla(['drafts', 'list']).includes(MARKER), 'the restored database lacks the edit');
  assert.ok(!readdirSync(dataDir).some((n) => n.includes('before-restore')), 'the previous database was left aside');
});
