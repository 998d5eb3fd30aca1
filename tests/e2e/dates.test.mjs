// End-to-end: dates typed as officers type them — ISO, day/month/year with
// slashes or dots, eight digits without separators, Arabic-Indic digits,
// Chinese — in each of the six interfaces, read back one way: in words
// under the field, on the answers page (words and ISO form), and in the
// PDF. A date that cannot be read is said so, never turned into another.
// A date and time keeps its seconds from the picker to the PDF, and a range
// of data may start at a date not known instead of a date.
// On the way, the answers page's lists take its whole width, and the PDF
// just exported is opened and shown in its folder from the review.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { typeInto } from './fill.mjs';
import { Session, startDriver } from './webdriver.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const port = 8144 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-dates-'));
const savePath = join(work, 'request.pdf');
const openerLog = join(work, 'opened.log');
const FIELD = '[data-field="proc.limitation_date"]';
// The field's reading of what was typed (the step has other date fields).
const READING = `${FIELD} ~ [data-testid="date-reading"]`;
let driver;

// The same day, 28 February 2036, as typed in each interface, and the
// month's name the field's reading must give.
const TYPED = [
  { lang: 'en', typed: '2036-02-28', month: 'February' },
  { lang: 'fr', typed: '28/02/2036', month: 'février' },
  { lang: 'es', typed: '28.2.2036', month: 'febrero' },
  { lang: 'ru', typed: '28022036', month: 'февраля' },
  { lang: 'ar', typed: '٢٨/٠٢/٢٠٣٦', month: 'فبراير' },
  { lang: 'zh', typed: '2036年2月28日', month: '2月' },
];

before(async () => {
  assert.ok(existsSync(app), `app binary ${app} not built`);
  driver = await startDriver(port, { MLA_DATA_DIR: join(work, 'data'), MLA_SAVE_DIALOG_ANSWER: savePath, MLA_OPENER_LOG: openerLog });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

test('a date typed in any usual form, in each interface, reads back as one day on the field, the answers and the PDF', async () => {
  const s = await Session.start(base, app);
  try {
    for (const { lang, typed, month } of TYPED) {
      await s.find('[data-testid="start-screen"]');
      await s.choose('[data-testid="language"]', lang);
      await s.newRequest();
      await s.click('[data-testid="step-proceedings"]');

      // A date that is not one is said so, and not read as another day.
      await s.type(FIELD, '31/02/2036');
      await s.waitFor(`${lang}: the impossible date refused`, async () => (await s.findAll(`${READING}[data-state="unreadable"]`)).length === 1);

      await s.cmd('POST', `/element/${await s.find(FIELD)}/clear`, {});
      await s.type(FIELD, typed);
      await s.waitFor(`${lang}: ${typed} read`, async () => (await s.findAll(`${READING}[data-state="date"]`)).length === 1);
      const reading = await s.text(READING);
      assert.ok(reading.includes(month) && /2036|٢٠٣٦/.test(reading), `${lang}: ${typed} reads as ${reading}`);

      await s.click('[data-testid="step-review"]');
      await s.click('[data-testid="review-tab-answers"]');
      await s.waitForText('[data-testid="answer"][data-path="proc.limitation_date"]', '(2036-02-28)');
      const answer = await s.text('[data-testid="answer"][data-path="proc.limitation_date"]');
      assert.ok(answer.includes(month), `${lang}: the answers page says ${answer}`);

      if (lang === 'en') {
        // A list's items use the answers' whole width, not the value column.
        const [items, all] = await s.cmd('POST', '/execute/sync', {
          script:
            "const list = document.querySelector('[data-testid=\"answer\"][data-path=\"persons\"] > .value');" +
            "const answers = document.querySelector('#review-panel-answers dl.answers');" +
            'return [list.getBoundingClientRect().width, answers.getBoundingClientRect().width];',
          args: [],
        });
        assert.ok(items > 0.9 * all, `the persons take ${items} of ${all} px`);
        await s.click('[data-testid="export-pdf"]');
        await s.waitForText('[data-testid="export-result"]', savePath);
        const text = execFileSync('pdftotext', [savePath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        assert.ok(text.includes('28 February 2036'), 'the PDF gives the same day');
        // Open and Show in folder reach the file just exported (the test
        // build records them instead of starting another program).
        await s.click('[data-testid="export-open"]');
        await s.click('[data-testid="export-show"]');
        await s.waitFor('open and show recorded', async () => existsSync(openerLog) && readFileSync(openerLog, 'utf8').split('\n').length >= 3);
        assert.deepEqual(readFileSync(openerLog, 'utf8').trim().split('\n'), [`open ${savePath}`, `show ${savePath}`]);
      }
      await s.click('[data-testid="home"]');
    }
  } finally {
    await s.quit();
  }
});

test('a date and time keeps its seconds from the picker to the PDF, and a range can start at a date not known', async () => {
  const s = await Session.start(base, app);
  const range = '[data-field="mla.stored_data.0.data.range';
  try {
    await s.find('[data-testid="start-screen"]');
    await s.choose('[data-testid="language"]', 'en');
    await s.newRequest();
    await s.click('[data-field="mla.modules"] [data-option="stored_data"]');
    await s.click('[data-testid="step-m6"]');
    await s.click('[data-testid="add-mla.stored_data"]');
    assert.equal(await s.cmd('GET', `/element/${await s.find(`${range}.from"]`)}/property/step`), '1', 'the picker takes seconds');
    await typeInto(s, `${range}.from"]`, '2036-02-28T08:12:37');
    await typeInto(s, `${range}.to"]`, '2036-02-28T08:12:38');
    assert.equal(await s.value(`${range}.from"]`), '2036-02-28T08:12:37');

    await s.click('[data-testid="step-review"]');
    await s.click('[data-testid="review-tab-answers"]');
    await s.waitForText(`[data-testid="answer"][data-path="mla.stored_data.0.data.range.from"]`, '(2036-02-28 08:12:37)');
    const answer = await s.text(`[data-testid="answer"][data-path="mla.stored_data.0.data.range.from"]`);
    assert.ok(answer.includes('28 February 2036'), `the answers page says ${answer}`);
    await s.click('[data-testid="export-pdf"]');
    await s.waitForText('[data-testid="export-result"]', savePath);
    let text = execFileSync('pdftotext', [savePath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(text.includes('2036-02-28 08:12:37') && text.includes('2036-02-28 08:12:38'), 'the PDF prints both ends to the second');

    // A range from a date not known: its start date is no longer asked for
    // nor printed, though the answer stays in the draft.
    await s.click('[data-testid="step-m6"]');
    await s.choose(`${range}.start"]`, 'unknown');
    await s.waitFor('the start date hidden', async () => (await s.findAll(`${range}.from"]`)).length === 0);
    await s.click('[data-testid="step-review"]');
    rmSync(savePath, { force: true });
    await s.click('[data-testid="export-pdf"]');
    await s.waitFor('the PDF exported again', async () => existsSync(savePath));
    await s.waitForText('[data-testid="export-result"]', savePath);
    text = execFileSync('pdftotext', [savePath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(text.includes('from a date not known to 2036-02-28 08:12:38'), 'the PDF says the range starts at a date not known');
    assert.ok(!text.includes('08:12:37'), 'the start date left in the draft is not printed');
  } finally {
    await s.quit();
  }
});
