// End-to-end: a prosecutor keeps a PDF with an annex of the demo request in
// the real app, then exports the PDF with the annex files appended. The open
// dialog answers the annex file (MLA_OPEN_DIALOG_ANSWER), the save dialog
// the exported PDF (MLA_SAVE_DIALOG_ANSWER); the result is read back with
// poppler and the draft with the CLI.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const cli = resolve(process.env.MLA_CLI || 'target/debug/mla');
const port = 6144 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-annex-'));
const dataDir = join(work, 'data');
const savePath = join(work, 'exported.pdf');
const plainPath = join(work, 'plain.pdf');
// The annex: a real PDF of several pages (another example request, rendered by the CLI).
const annexPath = join(work, 'statement.pdf');
const demo = JSON.parse(readFileSync('examples/mla-evidence-fraud-arden-norland.json', 'utf8'));
let driver;

const mla = (args) => execFileSync(cli, args, { env: { ...process.env, MLA_DATA_DIR: dataDir }, encoding: 'utf8' });
const pages = (pdf) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
const squash = (s) => s.replace(/\s+/g, ' ');

before(async () => {
  mla(['render', 'examples/preservation-ransomware-arden-vestria.json', '-o', annexPath, '--today', '2026-11-27']);
  driver = await startDriver(port, { MLA_DATA_DIR: dataDir, MLA_SAVE_DIALOG_ANSWER: savePath, MLA_OPEN_DIALOG_ANSWER: annexPath });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

test('a PDF kept with an annex is listed with its hash and appended to the exported PDF', async () => {
  assert.ok(demo.attachments.length >= 1, 'the demo must have an annex');
  const s = await Session.start(base, app);
  let id;
  try {
    await s.waitForText('[data-testid="start-screen"]', demo.case.internal_ref);
    await s.click('[data-testid="draft-item"]');
    await s.click('[data-testid="step-annexes"]');
    await s.click('[data-testid="annex-attach-0"]');
    await s.waitForText('[data-testid="annex-file-name-0"]', 'statement.pdf');
    assert.match(await s.text('[data-testid="annex-file-name-0"]'), /SHA-256 [0-9a-f]{16}/);

    // The draft as stored holds the file's reference.
    id = mla(['drafts', 'list']).split('\n')[0].split(/\s+/)[0];
    const stored = JSON.parse(mla(['drafts', 'export', id]));
    const file = stored.attachments[0].file;
    assert.equal(file.name, 'statement.pdf');
    assert.equal(file.pages, pages(annexPath));
    assert.match(file.sha256, /^[0-9a-f]{64}$/);

    // Without the option, the PDF is the request alone.
    await s.click('[data-testid="step-review"]');
    await s.click('[data-testid="export-pdf"]');
    await s.waitForText('[data-testid="export-result"]', savePath);
    execFileSync('cp', [savePath, plainPath]);

    await s.click('[data-testid="append-annexes"]');
    await s.click('[data-testid="export-pdf"]');
    await s.waitFor('the export with the annexes', async () => pages(savePath) > pages(plainPath));
    await s.waitForText('[data-testid="export-result"]', savePath);

    assert.equal(pages(savePath), pages(plainPath) + 1 + pages(annexPath));
    const text = squash(execFileSync('pdftotext', [savePath, '-'], { encoding: 'utf8' }));
    assert.ok(text.includes(`SHA-256 ${file.sha256}`), 'the index and the separator give the SHA-256');
    assert.ok(text.includes('Annex 1 — statement.pdf'), 'the separator names the annex');
  } finally {
    await s.quit();
  }
});
