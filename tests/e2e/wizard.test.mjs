// End-to-end: the real app (built with its UI embedded) driven through
// tauri-driver and WebKitWebDriver, the way a prosecutor uses it.
//
// Run through `make test` (which builds the app and starts Xvfb), or:
//   MLA_APP=target/debug/mla-writer-app node --test tests/e2e/

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, sleep, startDriver } from './webdriver.mjs';
import { addItem } from './fill.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const port = 4444 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-'));
const dataDir = join(work, 'data');
const pdfPath = join(work, 'exported request.pdf');
const shots = process.env.MLA_E2E_SCREENSHOTS;
let driver;

// Screenshots of the Xvfb screen, for a person to look at (WebKitWebDriver's
// own screenshot command hangs without compositing).
async function shot(_session, name) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await sleep(400);
  execFileSync('import', ['-window', 'root', join(shots, `${name}.png`)]);
}

before(async () => {
  assert.ok(existsSync(app), `app binary ${app} not built`);
  driver = await startDriver(port, { MLA_DATA_DIR: dataDir, MLA_SAVE_DIALOG_ANSWER: pdfPath });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

const typed = {
  case: 'PPO-E2E-7731',
  authority: 'Office of the Public Prosecutor of Westmark',
  address: '3 Court Lane, Westmark City',
  contact: 'Mr Aron Kell, Prosecutor',
  email: 'a.kell@ppo.westmark.example',
  // Picked from the list by its code (AT); the document names it.
  state: 'Austria',
  receiving: 'Central Authority of Eastland',
  treaty: 'Treaty between Westmark and Eastland on Mutual Legal Assistance, 12 March 2009, article 3',
  stage: 'Investigation opened on 5 May 2026',
  subject: 'Theft of cultural property',
  conducting: 'Investigating Judge of Westmark City',
  functions: 'Directs the investigation',
  facts: 'On 14 April 2026 three icons were stolen from the Saint Mara chapel in Westmark City and offered for sale in Eastland.',
  offence: 'Aggravated theft',
  provision: 'Penal Code of Westmark, article 188',
  penalty: '6 years of imprisonment',
  person: 'Quillon',
  measure: 'Search the premises of the Galerie Ostra in Eastland City and seize the three icons.',
  purpose: 'To recover the stolen icons and identify the sellers.',
};

test('start screen shows the demo request on first start', async () => {
  const s = await Session.start(base, app);
  try {
    await s.find('[data-testid="start-screen"]');
    await s.waitForText('[data-testid="start-screen"]', 'PPO-2026-0412');
    await shot(s, '01-start');
  } finally {
    await s.quit();
  }
});

test('a request typed into the wizard is exported as a PDF and survives a restart', async () => {
  let s = await Session.start(base, app);
  try {
    await s.newRequest();

    // Kind: an MLA request asking for "other assistance".
    await s.click('[data-field="mla.modules"] [data-option="other"]');
    await s.click('[data-testid="next"]');

    // Authorities.
    await s.type('[data-field="case.internal_ref"]', typed.case);
    await s.type('[data-field="req_auth.name"]', typed.authority);
    await s.type('[data-field="req_auth.address"]', typed.address);
    await s.type('[data-field="req_auth.contact_person"]', typed.contact);
    await s.type('[data-field="req_auth.email"]', typed.email);
    await s.choose('[data-field="req_state"]', 'AT');
    await s.type('[data-field="recv_auth.name"]', typed.receiving);
    await shot(s, '02-authorities');
    await s.click('[data-testid="next"]');

    // Legal basis: the treaty citation appears only for a bilateral treaty.
    assert.equal((await s.findAll('[data-field="basis.treaty_citation"]')).length, 0, 'treaty citation shown before BILATERAL is chosen');
    await s.choose('[data-field="basis.primary"]', 'BILATERAL');
    await s.type('[data-field="basis.treaty_citation"]', typed.treaty);
    await s.click('[data-testid="next"]');

    // Proceedings.
    await s.choose('[data-field="proc.nature"]', 'investigation');
    await s.type('[data-field="proc.stage"]', typed.stage);
    await s.type('[data-field="proc.subject_matter"]', typed.subject);
    await s.type('[data-field="proc.conducting_auth.name"]', typed.conducting);
    await s.type('[data-field="proc.conducting_auth.functions"]', typed.functions);
    await s.click('[data-testid="next"]');

    // Facts and offences.
    await s.type('[data-field="facts.summary"]', typed.facts);
    await addItem(s, 'offences', 0);
    await s.type('[data-field="offences.0.name"]', typed.offence);
    await s.type('[data-field="offences.0.provision"]', typed.provision);
    await s.type('[data-field="offences.0.max_penalty"]', typed.penalty);
    await shot(s, '03-facts');
    await s.click('[data-testid="next"]');

    // Persons.
    await addItem(s, 'persons', 0);
    await s.choose('[data-field="persons.0.type"]', 'natural');
    await s.choose('[data-field="persons.0.role"]', 'suspect');
    await s.type('[data-field="persons.0.family_name"]', typed.person);
    await shot(s, '04-persons');
    await s.click('[data-testid="next"]');

    // The module step of "other assistance", then purpose.
    await s.find('[data-testid="step-m15"][aria-current="step"]');
    await addItem(s, 'mla.other', 0);
    await s.type('[data-field="mla.other.0.description"]', typed.measure);
    await s.click('[data-testid="next"]');
    await s.type('[data-field="purpose.statement"]', typed.purpose);
    await s.click('[data-testid="step-review"]');

    // Review: the document reads on its pane; findings name their provisions, then export.
    await s.click('[data-testid="review-tab-read"]');
    await s.find('[data-testid="preview"]');
    await s.waitForPreviewText(typed.authority);
    await s.click('[data-testid="review-tab-check"]');
    // The list re-renders while the checks catch up with the last keystrokes;
    // read it in one go once it has settled.
    await s.waitForText('[data-testid="save-status"]', 'Saved');
    const readCodes = () =>
      s.cmd('POST', '/execute/sync', {
        script: 'return [...document.querySelectorAll(\'[data-testid="finding"]\')].map((e) => e.dataset.code)',
        args: [],
      });
    const codes = await s.waitFor('findings to settle', async () => {
      const first = await readCodes();
      await sleep(500);
      const second = await readCodes();
      return JSON.stringify(first) === JSON.stringify(second) && first.length > 0 ? first : null;
    });
    assert.ok(codes.includes('SIGN-BLOCK'), `expected SIGN-BLOCK among ${codes}`);
    assert.ok(!codes.includes('UNTOC-18-15-c'), 'facts were typed, yet UNTOC-18-15-c is reported');
    await s.waitForText('[data-testid="save-status"]', 'Saved');
    await shot(s, '05-review');
    await s.click('[data-testid="export-pdf"]');
    await s.waitForText('[data-testid="export-result"]', pdfPath);

    // Read in reading order (not -layout, which sets the label and value
    // columns side by side and splits long values).
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const [key, value] of Object.entries(typed)) {
      if (key === 'person') {
        // A family name prints in capitals (request-kinds.md §6.5).
        assert.ok(text.includes(value.toUpperCase()), `PDF lacks ${key}: ${value.toUpperCase()}`);
      } else if (key === 'treaty' || key === 'facts' || key === 'measure' || key === 'address') {
        // Long values wrap; compare without line breaks.
        assert.ok(text.includes(value.replace(/\s+/g, ' ')), `PDF lacks ${key}: ${value}`);
      } else {
        assert.ok(text.includes(value), `PDF lacks ${key}: ${value}`);
      }
    }
    assert.match(text, /Page 1 of \d/);
    // The request still lacks its signature block: it can only leave as a draft.
    assert.match(text, /DRAFT – not for transmission/);
    assert.match(await s.text('[data-testid="export-result"]'), /draft/i);
    // The preview is the PDF: as many pages, and on each page the same
    // letters and digits (read from the PDF by poppler; the DRAFT watermark,
    // which the PDF draws as shapes, left out).
    const previewPages = await s.cmd('POST', '/execute/sync', {
      script:
        'return [...document.querySelectorAll(\'[data-testid="preview"] [data-testid="preview-page"]\')].map((page) => [...page.querySelectorAll(":scope > text")].map((t) => t.textContent).join(" "))',
      args: [],
    });
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))[1]);
    assert.equal(previewPages.length, pageCount, 'the preview and the PDF have different numbers of pages');
    const letters = (t) => [...t].filter((c) => /[\p{L}\p{N}]/u.test(c)).sort().join('');
    previewPages.forEach((shown, i) => {
      const printed = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdfPath, '-'], { encoding: 'utf8' });
      assert.equal(letters(shown), letters(printed), `page ${i + 1} of the preview differs from the PDF's`);
    });
    const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' });
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) {
      assert.match(line, /\byes\b/, `font not embedded: ${line}`);
    }
  } finally {
    await s.quit();
  }

  // Restart the app on the same database: the draft and its answers are there.
  s = await Session.start(base, app);
  try {
    await s.waitForText('[data-testid="start-screen"]', typed.case);
    const items = await s.findAll('[data-testid="draft-item"]');
    let opened = false;
    for (const id of items) {
      if ((await s.cmd('GET', `/element/${id}/text`)).includes(typed.case)) {
        await s.cmd('POST', `/element/${id}/click`, {});
        opened = true;
        break;
      }
    }
    assert.ok(opened, 'draft not listed after restart');
    await s.click('[data-testid="step-authorities"]');
    assert.equal(await s.value('[data-field="req_auth.name"]'), typed.authority);
    await s.click('[data-testid="step-basis"]');
    assert.equal(await s.value('[data-field="basis.treaty_citation"]'), typed.treaty);
    await s.click('[data-testid="step-persons"]');
    assert.equal(await s.value('[data-field="persons.0.family_name"]'), typed.person);
  } finally {
    await s.quit();
  }

  // The CLI reads the same database: the draft is there, with the revisions
  // written by autosave.
  const cli = resolve(process.env.MLA_CLI || 'target/debug/mla');
  const listing = execFileSync(cli, ['drafts', 'list'], { env: { ...process.env, MLA_DATA_DIR: dataDir }, encoding: 'utf8' });
  const line = listing.split('\n').find((l) => l.includes(typed.case));
  assert.ok(line, `draft missing from 'mla drafts list':\n${listing}`);
  const revision = Number(/rev\s+(\d+)/.exec(line)[1]);
  assert.ok(revision > 1, `expected autosaved revisions, found revision ${revision}`);
});
