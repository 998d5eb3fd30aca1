// End-to-end: the demo request leaves the real app as a Word document, and
// goes to a translator and back as XLIFF, the way a prosecutor does it. The
// save and open dialogs are answered by MLA_SAVE_DIALOG_ANSWER and
// MLA_OPEN_DIALOG_ANSWER.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const cli = resolve(process.env.MLA_CLI || 'target/debug/mla');
const port = 5644 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-documents-'));
const dataDir = join(work, 'data');
// Every save dialog answers this path; each test reads what was written
// before the next export.
const savePath = join(work, 'exported file');
// The open dialog answers this path; the test writes the translator's file there.
const openPath = join(work, 'translated.fr.xlf');
const demo = JSON.parse(readFileSync('examples/mla-evidence-fraud-arden-norland.json', 'utf8'));
let driver;

const mla = (args) => execFileSync(cli, args, { env: { ...process.env, MLA_DATA_DIR: dataDir }, encoding: 'utf8' });
const draftIds = () => mla(['drafts', 'list']).split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0]);

/** Text as the DOCX writes it inside XML. */
const xmlEscaped = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

before(async () => {
  driver = await startDriver(port, { MLA_DATA_DIR: dataDir, MLA_SAVE_DIALOG_ANSWER: savePath, MLA_OPEN_DIALOG_ANSWER: openPath });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

/** Opens the draft whose start-screen entry contains `text` and not `without`, at its review step. */
async function openReview(s, text, without = null) {
  await s.waitForText('[data-testid="start-screen"]', text);
  let opened = false;
  for (const id of await s.findAll('[data-testid="draft-item"]')) {
    const label = await s.cmd('GET', `/element/${id}/text`);
    if (label.includes(text) && (without === null || !label.includes(without))) {
      await s.cmd('POST', `/element/${id}/click`, {});
      opened = true;
      break;
    }
  }
  assert.ok(opened, `no draft listed with ${text}`);
  await s.click('[data-testid="step-review"]');
  await s.find('[data-testid="translation"]');
}

test('the demo request is exported as a Word document', async () => {
  const s = await Session.start(base, app);
  try {
    await openReview(s, demo.case.internal_ref);
    await s.click('[data-testid="export-docx"]');
    await s.waitForText('[data-testid="docx-result"]', savePath);
  } finally {
    await s.quit();
  }
  const bytes = readFileSync(savePath);
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', 'not a zip file');
  execFileSync('unzip', ['-tq', savePath]);
  const document = execFileSync('unzip', ['-p', savePath, 'word/document.xml'], { encoding: 'utf8' });
  assert.ok(demo.req_auth.name.trim() !== '');
  assert.ok(document.includes(xmlEscaped(demo.req_auth.name)), `word/document.xml lacks the requesting authority ${demo.req_auth.name}`);
});

test('the demo request goes to a translator as XLIFF and comes back as a new French draft', async () => {
  // The export needs the language the request is drafted in.
  assert.equal(demo.lang.drafting, 'en', 'the demo must name its drafting language');
  let before;
  let originalJson;
  let s = await Session.start(base, app);
  try {
    // The app seeds the demo on its first start.
    await openReview(s, demo.case.internal_ref);
    before = draftIds();
    assert.equal(before.length, 1);
    originalJson = mla(['drafts', 'export', before[0]]);
    await s.choose('[data-testid="translation-target"]', 'fr');
    await s.click('[data-testid="export-xliff"]');
    await s.waitForText('[data-testid="xliff-result"]', savePath);
  } finally {
    await s.quit();
  }
  const exported = readFileSync(savePath, 'utf8');
  assert.match(exported, /<xliff [^>]*version="2\.0" srcLang="en" trgLang="fr"/);
  const units = [...exported.matchAll(/<unit id="([^"]+)">/g)].map((m) => m[1]);
  assert.ok(units.includes('facts.summary'), `units: ${units}`);

  // The translator's work: every source copied into a target, marked "FR: ".
  const translated = exported.replace(/<source>([\s\S]*?)<\/source>/g, '<source>$1</source>\n        <target>FR: $1</target>');
  assert.equal([...translated.matchAll(/<target>FR: /g)].length, units.length);

  s = await Session.start(base, app);
  try {
    await openReview(s, demo.case.internal_ref);

    // A file with an untranslated unit is refused whole, naming the unit.
    writeFileSync(openPath, translated.replace(/\n\s*<target>FR: [\s\S]*?<\/target>/, ''));
    await s.click('[data-testid="import-xliff"]');
    await s.waitForText('[data-testid="import-error"]', `unit ${units[0]}`);
    assert.match(await s.text('[data-testid="import-error"]'), /Nothing was imported: .*nothing imported/);
    assert.deepEqual(draftIds(), before);

    // The whole translation is imported as a new draft, which opens.
    writeFileSync(openPath, translated);
    await s.click('[data-testid="import-xliff"]');
    await s.waitForText('[data-testid="translation-notice"]', 'imported as a new draft');
    const title = () => s.cmd('POST', '/execute/sync', { script: "return document.querySelector('h1.title')?.textContent ?? ''", args: [] });
    await s.waitFor('the title of the translation', async () => (await title()).endsWith('[fr]'));
    await s.click('[data-testid="step-review"]');
    await s.click('[data-testid="review-tab-read"]');
    await s.waitForPreviewText('FR: ');
    await s.click('[data-testid="review-tab-check"]');
    await s.find('[data-testid="translation-translated"]');
    await s.click('[data-testid="export-pdf"]');
    await s.waitForText('[data-testid="export-result"]', savePath);
  } finally {
    await s.quit();
  }
  const text = execFileSync('pdftotext', [savePath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.ok(text.includes('FR: '), 'the PDF of the translation lacks the translated text');

  // A new draft holds the translation; the draft it came from is as it was.
  const created = draftIds().filter((id) => !before.includes(id));
  assert.equal(created.length, 1);
  const translation = JSON.parse(mla(['drafts', 'export', created[0]]));
  assert.equal(translation.lang.request, 'fr');
  assert.equal(translation.lang.drafting, 'en');
  assert.ok(translation.facts.summary.startsWith('FR: '), translation.facts.summary);
  assert.equal(translation.translation.original['facts.summary'], demo.facts.summary);
  assert.match(mla(['drafts', 'list']), /\[fr\]/);
  assert.equal(mla(['drafts', 'export', before[0]]), originalJson);
});
