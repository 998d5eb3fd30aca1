// End-to-end: accessibility, proven on the real app. axe-core runs on every
// screen and every step of the wizard, in English and in Arabic (right to
// left), and any serious or critical violation fails. Then one whole
// request goes from the start screen to an exported PDF with the keyboard
// alone: focus moves with Tab, buttons are pressed with Enter, text is
// typed, and no pointer is ever used.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, sleep, startDriver } from './webdriver.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const port = 9244 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-a11y-'));
const savePath = join(work, 'request.pdf');
const AXE = readFileSync(resolve('ui/node_modules/axe-core/axe.min.js'), 'utf8');
let driver;

before(async () => {
  assert.ok(existsSync(app), `app binary ${app} not built`);
  driver = await startDriver(port, { MLA_DATA_DIR: join(work, 'data'), MLA_SAVE_DIALOG_ANSWER: savePath });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

/** The serious and critical violations axe-core finds on the page as it is, each with where it is. */
async function violations(s) {
  const loaded = await s.cmd('POST', '/execute/sync', { script: 'return typeof window.axe === "object";', args: [] });
  if (!loaded) await s.cmd('POST', '/execute/sync', { script: `${AXE}\nreturn true;`, args: [] });
  const found = await s.cmd('POST', '/execute/async', {
    script: `const done = arguments[arguments.length - 1];
      window.axe.run(document, { resultTypes: ['violations'] }).then(
        (r) => done(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '))),
        (e) => done(['axe failed: ' + e.message]));`,
    args: [],
  });
  return found;
}

/** Clicks `css` and lets the screen settle. */
async function go(s, css) {
  await s.click(css);
  await sleep(150);
}

test('no screen has a serious or critical accessibility violation, in English or in Arabic', async () => {
  const s = await Session.start(base, app);
  try {
    const problems = [];
    const look = async (where) => problems.push(...(await violations(s)).map((v) => `${where}: ${v}`));
    for (const lang of ['en', 'ar']) {
      await s.find('[data-testid="start-screen"]');
      await s.choose('[data-testid="language"]', lang);
      await sleep(300);
      await look(`${lang} start screen`);
      await go(s, '[data-testid="open-settings"]');
      await look(`${lang} settings`);
      await go(s, '[data-testid="settings-home"]');
      await go(s, '[data-testid="open-exchange"]');
      await look(`${lang} exchange desk`);
      await go(s, '[data-testid="exchange-home"]');
      await go(s, '[data-testid="open-aside"]');
      await look(`${lang} archive and bin`);
      await go(s, '[data-testid="aside-home"]');
      await go(s, '[data-testid="draft-item"]');
      const steps = await s.cmd('POST', '/execute/sync', {
        script: 'return Array.from(document.querySelectorAll(\'button[data-testid^="step-"]\')).map((b) => b.dataset.testid);',
        args: [],
      });
      assert.ok(steps.length > 5, `steps: ${steps}`);
      for (const step of steps) {
        await go(s, `[data-testid="${step}"]`);
        await look(`${lang} ${step}`);
      }
      await go(s, '[data-testid="open-history"]');
      await look(`${lang} history`);
      await go(s, '[data-testid="history-home"]');
      await go(s, '[data-testid="draft-item"]');
      await go(s, '[data-testid="open-consultation"]');
      await look(`${lang} consultation`);
      await go(s, '[data-testid="consultation-home"]');
    }
    assert.deepEqual(problems, []);
  } finally {
    await s.quit();
  }
});

/** The element that has the focus, as the selector `css` would find it. */
async function focusIs(s, css) {
  return s.cmd('POST', '/execute/sync', { script: 'return document.activeElement?.matches(arguments[0]) ?? false;', args: [css] });
}

/** Presses keys, as a keyboard does (WebDriver key actions): each a character, or a named key of the WebDriver key table. */
async function keys(s, sequence) {
  const actions = [];
  for (const key of sequence) actions.push({ type: 'keyDown', value: key }, { type: 'keyUp', value: key });
  await s.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
}

const TAB = '\uE004';
const ENTER = '\uE007';

/** Moves the focus forward with Tab, as a user does, until it is on `css`; fails after `limit` presses. */
async function tabTo(s, css, limit = 120) {
  for (let i = 0; i < limit; i++) {
    if (await focusIs(s, css)) return;
    await keys(s, [TAB]);
  }
  assert.fail(`Tab never reached ${css} in ${limit} presses`);
}

/** Types `text` where the focus is. */
async function typeHere(s, text) {
  await keys(s, [...text]);
}

test('a whole request, from the start screen to an exported PDF, with the keyboard alone', async () => {
  const s = await Session.start(base, app);
  try {
    await s.find('[data-testid="start-screen"]');
    await tabTo(s, '[data-testid="new-request"]');
    await keys(s, [ENTER]);
    // The kind of request, chosen among the described kinds.
    await tabTo(s, '[data-testid="new-kind-mla_evidence"]');
    await keys(s, [ENTER]);
    await s.find('[data-testid="step-authorities"]');

    // The requesting authority.
    await tabTo(s, '[data-testid="step-authorities"]');
    await keys(s, [ENTER]);
    await tabTo(s, '[data-field="req_auth.name"]');
    await typeHere(s, ' (keyboard)');

    // Typing into the fields of a step, each reached by Tab.
    await tabTo(s, '[data-testid="step-facts"]');
    await keys(s, [ENTER]);
    await tabTo(s, '[data-field="facts.summary"]');
    await typeHere(s, 'Funds were moved through accounts in the requested State.');
    await tabTo(s, '[data-testid="next"]');
    await keys(s, [ENTER]);
    await sleep(200);

    // The review, and the export of the PDF.
    // The review, in the last stage of the stepper, opened first.
    await tabTo(s, '[data-stage-toggle="finish"]');
    await keys(s, [ENTER]);
    await tabTo(s, '[data-testid="step-review"]');
    await keys(s, [ENTER]);
    await tabTo(s, '[data-testid="export-pdf"]', 400);
    await keys(s, [ENTER]);
    await s.waitForText('[data-testid="export-result"]', savePath, 30000);
    const text = execFileSync('pdftotext', [savePath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(text.includes('Funds were moved through accounts in the requested State.'), 'the PDF holds what was typed');
  } finally {
    await s.quit();
  }
});
