// End-to-end: the own-State profile and the directory of competent
// authorities feeding a request, in the real app. The own-State profile is
// set in Settings (its State picked from the list of States, Ireland; its
// central authority Arden's, drafting in English); a directory file with a fictitious State is imported from
// Settings (its changes shown before they are applied); a new request picks
// that State and its central authority on the step on authorities, and
// finds the receiving authority's name and address, the language of the
// request and the channel filled from the entry, and its own
// authority filled from the profile;
// changing the language to
// one the State does not accept raises the language finding with its
// provision. On the way, the imported State is found in Settings by its
// authority's name, its e-mail is edited (the change in the entry's
// history, and in the request filled from it), and so is its language
// rule: French replaces English among the languages it accepts (a code
// typed wrong is first named at its field, and nothing saved), so the
// request, drafted in English, is proposed in Spanish, the first of them,
// and English is then flagged. The CLI reads the draft back: it carries
// the entry's copy with the edited rule; and the directory: it has the
// edits.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const cli = resolve(process.env.MLA_CLI || 'target/debug/mla');
const port = 6744 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'mla-e2e-directory-'));
const dataDir = join(work, 'data');
const directoryFile = join(work, 'examplia.json');
let driver;

const mla = (args) => execFileSync(cli, args, { env: { ...process.env, MLA_DATA_DIR: dataDir }, encoding: 'utf8' });

const AUTHORITY = 'Ministry of Justice of Examplia, Mutual Legal Assistance Unit';

before(async () => {
  writeFileSync(
    directoryFile,
    JSON.stringify({
      format: 'mla-directory',
      version: 1,
      states: [
        {
          state_id: 'XE',
          name: 'Republic of Examplia',
          fictitious: true,
          instrument_status: [{ instrument: 'UNTOC', party: 'yes', in_force_from: '2005-01-01', usable_as_basis: 'yes' }],
          channels: [{ instrument: 'any', kind: 'any', allowed: ['central_authority'], means: ['email', 'post'] }],
          languages: [{ instrument: 'any', kind: 'any', accepted: [{ lang: 'es', condition: 'always' }, { lang: 'en', condition: 'always' }] }],
          authorities: [
            {
              authority_id: '00000000-0000-4000-8000-000000000e01',
              roles: ['central_authority_mla'],
              instruments: ['UNTOC'],
              name: AUTHORITY,
              postal_address: { street: '3 Example Road', postal_code: '1000', city: 'Examplia City', country: 'XE' },
              email: ['mla@justice.examplia.example'],
            },
          ],
          provenance: { source_type: 'other', source_title: 'Test directory — fictitious', source_date: '2026-11-01', as_of: '2026-11-01', entered_by: 'test' },
        },
      ],
    }),
  );
  driver = await startDriver(port, { MLA_DATA_DIR: dataDir, MLA_OPEN_DIALOG_ANSWER: directoryFile });
});

after(() => {
  driver?.kill();
  rmSync(work, { recursive: true, force: true });
});

test('an imported State and its authority fill a new request, and a language it does not accept is flagged with its provision', async () => {
  const s = await Session.start(base, app);
  try {
    // Demo mode: on, as the harness starts the app, with its banner on
    // every screen; turned off in Settings, the banner goes.
    await s.click('[data-testid="open-settings"]');
    await s.waitForText('[data-testid="demo-state"]', 'Demo mode is on.');
    assert.match(await s.text('[data-testid="demo-banner"]'), /Demo mode: Norland, Vestria and Calvania are fictitious States/);
    await s.click('[data-testid="demo-off"]');
    await s.waitForText('[data-testid="demo-state"]', 'Demo mode is off.');
    assert.equal((await s.findAll('[data-testid="demo-banner"]')).length, 0, 'no banner outside demo mode');

    // The own-State profile: its State picked from the list the wizard's
    // States are picked from, named in the interface language.
    const ireland = await s.find('[data-testid="own-state-state"] option[value="IE"]');
    assert.equal((await s.cmd('GET', `/element/${ireland}/property/textContent`)).trim(), 'Ireland');
    await s.choose('[data-testid="own-state-state"]', 'IE');
    await s.type('[data-testid="own-state-ca-name"]', 'Ministry of Justice of Arden, Central Authority');
    await s.type('[data-testid="own-state-ca-address"]', '1 Court Road, Arden City');
    await s.choose('[data-testid="own-state-language"]', 'en');
    await s.click('[data-testid="own-state-save"]');
    await s.waitForText('[data-testid="own-state-notice"]', 'Saved');

    // Import: the changes are shown first, then applied.
    await s.click('[data-testid="directory-import"]');
    await s.waitForText('[data-testid="directory-change-XE"]', 'Republic of Examplia');
    assert.ok(!(await s.text('[data-testid="directory-states"]')).includes('Examplia'), 'nothing is written before Apply');
    await s.click('[data-testid="directory-apply"]');
    await s.waitForText('[data-testid="directory-notice"]', '1 new');
    await s.waitForText('[data-testid="directory-state-XE"]', 'Republic of Examplia');

    // Found by its authority's name; its entry opened, the e-mail edited
    // and saved, the change in the entry's history.
    await s.type('[data-testid="directory-search"]', 'assistance unit');
    await s.click('[data-testid="directory-open-XE"]');
    await s.waitForText('[data-testid="directory-entry"]', 'Central authority for mutual legal assistance');
    await s.click('[data-testid="directory-edit-00000000-0000-4000-8000-000000000e01"]');
    await s.cmd('POST', `/element/${await s.find('[data-testid="directory-edit-emails"]')}/clear`, {});
    await s.type('[data-testid="directory-edit-emails"]', 'mla.unit@justice.examplia.example');
    await s.click('[data-testid="directory-edit-save"]');
    await s.waitForText('[data-testid="directory-entry-notice"]', 'Saved');
    await s.waitForText('[data-testid="directory-history"]', 'mla.unit@justice.examplia.example');

    // The language rule: English out, French in. A code typed wrong is
    // named at its field first, and nothing is saved.
    await s.click('[data-testid="directory-section-languages"]');
    await s.choose('[data-testid="directory-accepted-0-1"]', '');
    await s.cmd('POST', `/element/${await s.find('[data-testid="directory-accepted-code-0-1"]')}/clear`, {});
    await s.type('[data-testid="directory-accepted-code-0-1"]', 'French');
    await s.click('[data-testid="directory-record-save"]');
    await s.waitForText('[data-testid="directory-language-rule-0"]', 'Expected an ISO 639 language code');
    await s.waitForText('[data-testid="directory-record-problems"]', 'Nothing was saved');
    assert.match(mla(['directory', 'show', 'XE']), /"lang": "en"/);
    await s.choose('[data-testid="directory-accepted-0-1"]', 'fr');
    await s.click('[data-testid="directory-record-save"]');
    await s.waitForText('[data-testid="directory-entry-notice"]', 'Saved');
    await s.waitForText('[data-testid="directory-history"]', 'languages[0].accepted[1].lang');
    await s.click('[data-testid="settings-home"]');

    // A new request, addressed from the directory.
    await s.newRequest();
    await s.click('[data-testid="step-authorities"]');
    await s.choose('[data-field="req_state"]', 'XE');
    await s.click('[data-testid="picker-authority-00000000-0000-4000-8000-000000000e01"]');
    await s.click('[data-testid="picker-fill"]');
    await s.waitForText('[data-testid="picker-notes"]', AUTHORITY);
    assert.equal(await s.value('[data-field="req_state"]'), 'XE');
    assert.equal(await s.value('[data-field="recv_auth.name"]'), AUTHORITY);
    assert.match(await s.value('[data-field="recv_auth.address"]'), /3 Example Road\s+1000 Examplia City\s+Republic of Examplia\s+mla\.unit@justice\.examplia\.example/);
    assert.equal(await s.value('[data-field="channel.route"]'), 'central_authority');
    assert.equal(await s.value('[data-field="channel.means"]'), 'email');

    assert.equal(await s.value('[data-field="own_central_auth"]'), 'Ministry of Justice of Arden, Central Authority, 1 Court Road, Arden City');
    assert.equal(await s.value('[data-field="own_state"]'), 'IE', "the profile's State, by code, in the wizard's list");
    // The profile drafts in English, which Examplia no longer accepts: the
    // request is proposed in Spanish, the first language it accepts, and
    // the notes say why; then English, which is flagged.
    assert.match(await s.text('[data-testid="picker-notes"]'), /set to Spanish, the first language Republic of Examplia accepts/);
    await s.click('[data-testid="step-basis"]');
    assert.equal(await s.value('[data-field="lang.request"]'), 'es');
    await s.choose('[data-field="lang.request"]', 'en');
    await s.waitForText('#field-lang-request-findings', 'does not accept requests in English');
    const finding = await s.text('#field-lang-request-findings');
    assert.ok(finding.includes('Spanish') && finding.includes('French'), finding);
    assert.ok(finding.includes('UNTOC art. 18(14)'), finding);
    await s.waitForText('[data-testid="save-status"]', 'Saved');
  } finally {
    await s.quit();
  }

  const ids = mla(['drafts', 'list'])
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s+/)[0]);
  const saved = ids.map((id) => JSON.parse(mla(['drafts', 'export', id]))).find((r) => r.req_state === 'XE');
  assert.ok(saved, 'the new request is saved');
  assert.equal(saved.req_state_entry.state_id, 'XE');
  assert.equal(saved.recv_auth.name, AUTHORITY);
  assert.equal(saved.lang.request, 'en');
  assert.deepEqual(
    saved.req_state_entry.languages[0].accepted.map((a) => a.lang),
    ['es', 'fr'],
  );
  // The edit is in the store, as the CLI reads it.
  const shown = mla(['directory', 'show', 'XE']);
  assert.match(shown, /mla\.unit@justice\.examplia\.example/);
  assert.doesNotMatch(shown, /\bmla@justice\.examplia\.example/);
});
