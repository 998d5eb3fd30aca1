// Takes a screenshot of every step of the demo request in English, and of two
// steps in Arabic, for a person to look at:
//   make screenshots            (writes PNG files to target/screenshots/)

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, sleep, startDriver } from './webdriver.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const cli = resolve(process.env.MLA_CLI || 'target/debug/mla');
const out = resolve(process.env.MLA_SCREENSHOTS || 'target/screenshots');
const port = 6044;
const data = mkdtempSync(join(tmpdir(), 'mla-shots-'));
mkdirSync(out, { recursive: true });

const driver = await startDriver(port, { MLA_DATA_DIR: data });
let s;
// The page as WebDriver sees it, once the step has settled.
const shot = async (name) => {
  await sleep(500);
  writeFileSync(join(out, `${name}.png`), await s.screenshot());
};

try {
  s = await Session.start(`http://127.0.0.1:${port}`, app);
  try {
    await s.find('[data-testid="start-screen"]');
    await shot('en-00-start');
    // A new request starts with the choice of its kind, described, none preset.
    await s.click('[data-testid="new-request"]');
    await s.find('[data-testid="kind-chooser"]');
    await shot('en-00-new-request');
    await s.click('[data-testid="cancel-kind"]');
    await s.click('[data-testid="draft-item"]');
    await s.find('[data-testid="step-kind"]');
    const wizard = JSON.parse(execFileSync(cli, ['wizard', '--lang', 'en'], { encoding: 'utf8' }));
    let n = 1;
    for (const step of wizard.steps) {
      if ((await s.findAll(`[data-testid="step-${step.id}"]`)).length === 0) continue;
      await s.click(`[data-testid="step-${step.id}"]`);
      await shot(`en-${String(n++).padStart(2, '0')}-${step.id}`);
    }
    await s.click('[data-testid="step-review"]');
    await shot(`en-${String(n).padStart(2, '0')}-review`);
    for (const pane of ['read', 'answers']) {
      await s.click(`[data-testid="review-tab-${pane}"]`);
      await shot(`en-${String(n).padStart(2, '0')}-review-${pane}`);
    }
    await s.click('[data-testid="review-tab-check"]');
    await s.choose('[data-testid="language"]', 'ar');
    await s.click('[data-testid="step-authorities"]');
    await shot('ar-01-authorities');
    // The requested State, picked from a list named in Arabic.
    await s.reveal(await s.find('[data-field="req_state"]'));
    await shot('ar-01-state-picker');
    // Languages, picked from lists named in Arabic: the officer's, a person's.
    await s.reveal(await s.find('[data-add-language="req_auth.languages"]'));
    await shot('ar-01-languages-picker');
    await s.click('[data-testid="step-persons"]');
    const understood = '[data-field$=".language_understood"]';
    await s.waitFor("a person's language", async () => (await s.findAll(understood)).length > 0);
    await s.reveal(await s.find(understood));
    await shot('ar-01-language-picker');
    await s.click('[data-testid="step-review"]');
    await shot('ar-02-review');
    await s.click('[data-testid="review-tab-answers"]');
    await shot('ar-02-review-answers');
    // The request itself in Arabic: its preview is the Arabic PDF's pages.
    await s.click('[data-testid="step-basis"]');
    await s.choose('[data-field="lang.request"]', 'ar');
    await s.click('[data-testid="step-review"]');
    await s.click('[data-testid="review-tab-read"]');
    await s.waitForPreviewText('المساعدة');
    await shot('ar-03-review-read');
    await s.click('[data-testid="review-tab-check"]');
    await s.choose('[data-testid="language"]', 'en');
    // The directory in Settings: Norland's entry opened, its central
    // authority being edited, the entry's history below.
    await s.click('[data-testid="home"]');
    await s.click('[data-testid="open-settings"]');
    await s.click('[data-testid="directory-open-XN"]');
    await s.click('[data-testid="directory-edit-00000000-0000-4000-8000-000000000101"]');
    await s.reveal(await s.find('[data-testid="directory-edit-save"]'));
    await shot('en-20-directory-entry');
    await s.reveal(await s.find('[data-testid="directory-history"]'));
    await shot('en-21-directory-history');
    // The State's own rules being edited, at the smallest window the app
    // is made for (1024×700): its language rules with the pick-list of
    // languages, its channel rules, its requirements; then a State being
    // added, a user-assigned code refused at its field.
    await s.click('[data-testid="directory-edit-save"]');
    await s.waitForText('[data-testid="directory-entry-notice"]', 'Saved');
    await s.cmd('POST', '/window/rect', { width: 1024, height: 700 });
    await s.click('[data-testid="directory-section-languages"]');
    await s.reveal(await s.find('[data-testid="directory-language-rule-0"]'));
    await shot('en-22-directory-language-rules');
    await s.click('[data-testid="directory-section-channels"]');
    await s.reveal(await s.find('[data-testid="directory-channel-rule-0"]'));
    await shot('en-23-directory-channel-rules');
    await s.click('[data-testid="directory-section-requirements"]');
    await s.reveal(await s.find('[data-testid="directory-requirements-section"]'));
    await shot('en-24-directory-requirements');
    await s.click('[data-testid="directory-section-instruments"]');
    await s.reveal(await s.find('[data-testid="directory-status-0"]'));
    await shot('en-25-directory-instruments');
    await s.click('[data-testid="directory-entry-close"]');
    await s.click('[data-testid="directory-add-state"]');
    await s.type('[data-testid="directory-new-state-id"]', 'XQ');
    await s.type('[data-testid="directory-new-state-name"]', 'Testland');
    await s.click('[data-testid="directory-new-state-save"]');
    await s.find('[data-testid="directory-add-state-form"] [data-testid="directory-problem"]');
    await s.reveal(await s.find('[data-testid="directory-add-state-form"]'));
    await shot('en-26-directory-add-state');
  } finally {
    await s.quit();
  }
} finally {
  driver.kill();
  rmSync(data, { recursive: true, force: true });
}
console.log(`screenshots in ${out}`);
