// Screenshots of the exchange with counterparts, for a person to look at:
// the start screen with a request in consultation, the identity and contacts
// screen, and the consultation screen after the counterpart's reply (tracked
// changes, a conflicting edit side by side, comments, history). The two
// sides are set up with the `mla` CLI; the originator's side is then opened
// in the app. Run by `make screenshots` (PNG files in target/screenshots/).

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, sleep, startDriver } from './webdriver.mjs';

const app = resolve(process.env.MLA_APP || 'target/debug/mla-writer-app');
const cli = resolve(process.env.MLA_CLI || 'target/debug/mla');
const out = resolve(process.env.MLA_SCREENSHOTS || 'target/screenshots');
const port = 6046;
const work = mkdtempSync(join(tmpdir(), 'mla-shots-exchange-'));
mkdirSync(out, { recursive: true });

const side = (name) => {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const env = { ...process.env, MLA_DATA_DIR: dir, MLA_KEYSTORE: 'file', MLA_PASSPHRASE: 'key file passphrase 2026' };
  return { dir, mla: (args) => execFileSync(cli, args, { env, encoding: 'utf8' }) };
};
const at = (hour) => `2026-03-02T${String(hour).padStart(2, '0')}:00:00Z`;
const idOf = (text) => /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(text)[0];

const arden = side('arden');
const norland = side('norland');
arden.mla(['identity', 'create', '--name', 'Anna Berg', '--authority', 'Public Prosecution Office of Arden', '--email', 'a.berg@ppo.arden.example', '--now', at(8)]);
norland.mla(['identity', 'create', '--name', 'Bjørn Dahl', '--authority', 'Central Authority of Norland', '--email', 'b.dahl@justice.norland.example', '--now', at(8)]);
for (const [from, to] of [[arden, norland], [norland, arden]]) {
  const card = join(work, `${from === arden ? 'arden' : 'norland'}.mlacard`);
  from.mla(['identity', 'export-card', '-o', card]);
  const added = to.mla(['contacts', 'import', card, '--now', at(8)]);
  const fingerprint = /Fingerprint: (.*)/.exec(added)[1];
  to.mla(['contacts', 'trust', idOf(added), '--fingerprint', fingerprint, '--now', at(9)]);
}
const draft = idOf(arden.mla(['drafts', 'import', 'examples/mla-evidence-fraud-arden-norland.json']));
const contact = idOf(arden.mla(['contacts', 'list']));
const p1 = join(work, 'round-1.mlapkg');
arden.mla(['exchange', 'export', draft, '--to', contact, '--note', 'Draft for your comments before we send it formally.', '-o', p1, '--now', at(10)]);
const copy = /Draft:\s+(\S+)/.exec(norland.mla(['exchange', 'import', p1, '--now', at(11)]))[1];
norland.mla(['exchange', 'comment', copy, '--field', 'persons.0.location', '--kind', 'question', '--text', 'Do you have a street address in Bergen for Mr Brenner? Our police need it to serve the summons.', '--now', at(12)]);
norland.mla(['exchange', 'comment', copy, '--field', 'proc.subject_matter', '--kind', 'additional-information', '--text', 'Our courts need the amount laundered in Norland, UNTOC art. 18(16).', '--now', at(12)]);
const subject = JSON.parse(arden.mla(['drafts', 'export', draft])).proc.subject_matter;
norland.mla(['exchange', 'suggest', copy, '--field', 'proc.subject_matter', '--value', `${subject} and laundering of the proceeds in Norland`, '--note', 'Our courts need the place of the laundering.', '--now', at(13)]);
const reply = join(work, 'reply-1.mlapkg');
norland.mla(['exchange', 'export', copy, '--note', 'Our comments and two edits.', '-o', reply, '--now', at(14)]);
arden.mla(['exchange', 'import', reply, '--now', at(15)]);

const driver = await startDriver(port, { MLA_DATA_DIR: arden.dir, MLA_KEYSTORE: 'file' });
let s;
const shot = async (name) => {
  await sleep(500);
  writeFileSync(join(out, `${name}.png`), await s.screenshot());
};
try {
  s = await Session.start(`http://127.0.0.1:${port}`, app);
  try {
    await s.find('[data-testid="draft-shared"]');
    await shot('exchange-01-start');
    await s.click('[data-testid="open-exchange"]');
    await s.find('[data-testid="identity-fingerprint"]');
    await shot('exchange-02-identity-contacts');
    await s.click('[data-testid="exchange-home"]');
    await s.click('[data-testid="draft-item"]');
    await s.click('[data-testid="open-consultation"]');
    await s.find('[data-testid="review-item"]');
    await shot('exchange-03-consultation-review');
    await s.cmd("POST", "/execute/sync", { script: "document.querySelector('[data-testid=send-package]').scrollIntoView()", args: [] });
    await shot('exchange-04-consultation-send');
  } finally {
    await s.quit();
  }
} finally {
  driver.kill();
  rmSync(work, { recursive: true, force: true });
}
console.log(`screenshots in ${out}`);
