// End-to-end: the exchange with a counterpart in the real app. Two app
// profiles (two data directories) play the originator, Ana in Arden, and
// the counterpart, Ingrid in Norland, through a full round: identities,
// cards, the draft sent, comments and suggested edits, the reply, decisions
// one by one and a conflict settled. Then a hostile package, made with the
// CLI, is taken in: nothing in it may run or become structure.
//
// Dialogs are answered by MLA_SAVE_DIALOG_ANSWER (a folder) and
// MLA_OPEN_DIALOG_ANSWER (a file the test fills before each import); keys
// are in passphrase files (MLA_KEYSTORE=file). Run through `make test-e2e`,
// or once the app is built (`make app`):
//   WEBKIT_DISABLE_COMPOSITING_MODE=1 xvfb-run -a -s "-screen 0 1280x900x24" \
//     node --test --test-concurrency=1 tests/e2e/exchange.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Profile,
  alertText,
  app,
  attrsOf,
  clickIn,
  clickThrough,
  createIdentity,
  digits,
  findIn,
  importAndTrust,
  isFingerprint,
  openDraft,
  replaceText,
  run,
  textIn,
  textsOf,
  tick,
  tid,
  typeIn,
} from './exchange.mjs';
import { sleep } from './webdriver.mjs';

const work = mkdtempSync(join(tmpdir(), 'mla-e2e-exchange-'));
// Two ports per profile (tauri-driver and its native driver), apart from
// the other end-to-end tests'.
const port = 7044 + (process.pid % 400) * 8;
const demo = JSON.parse(readFileSync('examples/mla-evidence-fraud-arden-norland.json', 'utf8'));
const DEMO_REF = demo.case.internal_ref;

const ana = new Profile(work, 'ana', port);
const ingrid = new Profile(work, 'ingrid', port + 2);
const ANA = { name: 'Ana Ruiz', authority: 'Central Authority of Arden', email: 'ana.ruiz@justice.arden.example' };
const INGRID = { name: 'Ingrid Berg', authority: 'Central Authority of Norland', email: 'ingrid.berg@justice.norland.example' };

before(() => {
  assert.ok(existsSync(app), `app binary ${app} not built (make app)`);
});

after(async () => {
  for (const p of [ana, ingrid, hostileApp]) await p.stop();
  rmSync(work, { recursive: true, force: true });
});

/** The value at a dotted path. */
const at = (value, path) => path.split('.').reduce((v, k) => (v == null ? undefined : v[k]), value);
const put = (value, path, x) => {
  const keys = path.split('.');
  const last = keys.pop();
  keys.reduce((v, k) => v[k], value)[last] = x;
};
const squash = (text) => String(text).replace(/\s+/g, ' ').trim();
/** `text` with `from` replaced by `to`, which must occur exactly once. */
function edit(text, from, to) {
  assert.equal(text.split(from).length, 2, `"${from}" must occur once in ${JSON.stringify(text)}`);
  return text.replace(from, () => to);
}

const consultation = tid('consultation-screen');
const field = (path) => tid('consult-field', { 'data-path': path });

/** Waits until the consultation screen shows `role`, and `status` when given. */
async function consultationIs(s, role, status) {
  await s.find(tid('consultation-role', { 'data-role': role }));
  if (status) await s.waitFor(`consultation status ${status}`, async () => (await attrsOf(s, tid('consultation-status'), 'data-status'))[0] === status);
}

/** The data-action of every history row, and their texts. */
async function historyRows(s) {
  const actions = await attrsOf(s, tid('history-entry'), 'data-action');
  const texts = await textsOf(s, tid('history-entry'));
  return actions.map((action, i) => ({ action, text: texts[i] }));
}

// What the round trip leaves for the second round.
const round = {};

test('originator and counterpart consult on a draft, each in their own app, through a full round', async () => {
  const S1 = 'facts.time_place';
  const S2 = 'facts.evidence_so_far';
  const S3 = 'purpose.statement';
  const COMMENTED = 'facts.link_to_req_state';
  const QUESTION = 'Under UNTOC art. 18(16): which branch of Fjordbank ASA holds the account, and is Ms Solberg still its director?';
  const ANSWER = 'The main branch in Bergvik; Ms Solberg has been the director since 2019.';
  const SEND_NOTE = 'Draft for your comments before formal transmission.';
  const REPLY_NOTE = 'Our questions and suggested wording.';

  // 1. Ana makes her identity in the app and saves her card.
  let s = await ana.start();
  await s.click(tid('open-exchange'));
  await s.find(tid('exchange-screen'));
  const anaFingerprint = await createIdentity(s, ANA);
  assert.ok(isFingerprint(anaFingerprint), `fingerprint shown as ${JSON.stringify(anaFingerprint)}`);
  assert.match(ana.mla(['identity', 'show']), new RegExp(`Fingerprint:\\s+${anaFingerprint}`));
  assert.match(await textIn(s, null, 'identity-protection'), /passphrase|file/i);
  ana.clearSaved();
  await s.click(tid('export-card'));
  const anaCard = await ana.saved('.mlacard');
  assert.ok(JSON.parse(readFileSync(anaCard, 'utf8')).format.startsWith('mla-writer-card/'));
  await ana.quit();

  // 2. Ingrid does the same, then takes Ana's card and trusts it once she
  // has compared the fingerprint by telephone.
  s = await ingrid.start();
  const ingridDemo = ingrid.draftIds();
  await s.click(tid('open-exchange'));
  const ingridFingerprint = await createIdentity(s, INGRID);
  assert.ok(isFingerprint(ingridFingerprint));
  assert.notEqual(digits(ingridFingerprint), digits(anaFingerprint));
  ingrid.clearSaved();
  await s.click(tid('export-card'));
  const ingridCard = await ingrid.saved('.mlacard');
  ingrid.choose(anaCard);
  const anaContact = await importAndTrust(s, anaFingerprint);
  const anaRow = tid('contact-item', { 'data-contact-id': anaContact });
  assert.equal(squash(await textIn(s, anaRow, 'contact-name')), ANA.name);
  assert.equal(digits(await textIn(s, anaRow, 'contact-fingerprint')), digits(anaFingerprint));
  await ingrid.quit();

  // 3. Ana takes Ingrid's card, then sends the demo draft to her. Her keys
  // are locked since the restart: the app asks for the passphrase.
  s = await ana.start();
  const [draft] = ana.draftIds();
  assert.ok(draft, 'the demo draft is seeded');
  await s.click(tid('open-exchange'));
  ana.choose(ingridCard);
  assert.equal((await s.findAll(tid('contact-item'))).length, 0);
  // A mistyped fingerprint is refused and the contact stays untrusted.
  const mistyped = ingridFingerprint.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
  const ingridContact = await importAndTrust(s, ingridFingerprint, { mistyped });
  await s.click(tid('exchange-home'));

  await openDraft(s, DEMO_REF);
  await s.click(tid('open-consultation'));
  await s.find(consultation);
  await s.find(tid('consultation-role', { 'data-role': 'originator' }));
  await tick(s, `input${tid('send-contact')}[value="${ingridContact}"]`);
  await replaceText(s, await s.find(tid('send-note')), SEND_NOTE);
  ana.clearSaved();
  const prompts = await clickThrough(s, tid('send-package'), tid('send-result'));
  assert.equal(prompts.keys, 1, 'the locked keys were asked for once');
  const sentPackage = join(work, 'round1.mlapkg');
  writeFileSync(sentPackage, readFileSync(await ana.saved('.mlapkg')));
  await consultationIs(s, 'originator', 'in_consultation');
  const asSent = ana.request(draft);

  // Meanwhile Ana rewrites the end of S3 in the wizard.
  const base3 = at(asSent, S3);
  const ours3 = edit(base3, 'for confiscation.', 'for confiscation and restitution to the victims.');
  await s.click(tid('consultation-edit'));
  await s.click(tid('step-purpose'));
  await replaceText(s, await s.find(`[data-field="${S3}"]`), ours3);
  await s.waitForText(tid('save-status'), 'Saved');
  await s.waitFor('the edit saved', async () => at(ana.request(draft), S3) === ours3);
  await ana.quit();

  // 4. Ingrid imports the package from her start screen: it opens as the
  // other side's draft.
  s = await ingrid.start();
  ingrid.choose(sentPackage);
  assert.equal((await clickThrough(s, tid('import-package'), consultation)).keys, 1);
  await consultationIs(s, 'counterpart', 'received');
  const copy = ingrid.draftIds().find((id) => !ingridDemo.includes(id));
  assert.ok(copy, 'the package made a new draft');
  assert.deepEqual(ingrid.request(copy), asSent, 'the counterpart has the request as sent');
  assert.equal((await s.findAll(tid('send-contact'))).length, 0, 'the counterpart chooses no recipients');

  // A question on a field.
  await clickIn(s, field(COMMENTED), 'field-comment');
  await s.choose(tid('comment-kind'), 'question');
  await s.type(tid('comment-text'), QUESTION);
  await s.click(tid('comment-submit'));
  const question = tid('comment-item', { 'data-path': COMMENTED });
  await s.waitFor('the question listed', async () => squash(await textIn(s, question, 'comment-shown-text', { fallback: false })) === QUESTION);

  // Three suggested edits.
  const theirs1 = edit(at(asSent, S1), 'and online', 'and on the Internet');
  const theirs2 = 'Statements of investors.';
  const theirs3 = edit(base3, 'The bank records', 'The records of Fjordbank ASA');
  const suggestions = [
    [S1, theirs1, 'The usual wording in Norland.'],
    [S2, theirs2, 'Shorter.'],
    [S3, theirs3, 'Name the bank.'],
  ];
  for (const [i, [path, value, note]] of suggestions.entries()) {
    await clickIn(s, field(path), 'field-suggest');
    const box = await findIn(s, field(path), 'suggest-value');
    assert.equal(await s.cmd('GET', `/element/${box}/property/value`), at(asSent, path), `the suggestion form of ${path} starts from its value`);
    await typeIn(s, field(path), 'suggest-value', value);
    await typeIn(s, field(path), 'suggest-note', note);
    await clickIn(s, field(path), 'suggest-submit');
    await s.waitFor(`suggestion ${i + 1} recorded`, async () => (await attrsOf(s, tid('history-entry', { 'data-action': 'suggested' }), 'data-action')).length === i + 1);
  }

  // The reply.
  await replaceText(s, await s.find(tid('send-note')), REPLY_NOTE);
  ingrid.clearSaved();
  await clickThrough(s, tid('send-package'), tid('send-result'));
  const reply = join(work, 'reply1.mlapkg');
  writeFileSync(reply, readFileSync(await ingrid.saved('.mlapkg')));
  await consultationIs(s, 'counterpart', 'replied');
  await ingrid.quit();

  // 5. Ana takes in the reply on the consultation screen of her draft.
  s = await ana.start();
  const shared = tid('draft-item');
  await s.waitFor('the draft marked shared', async () =>
    run(s, `return [...document.querySelectorAll('${shared}')].some((e) => e.textContent.includes(arguments[0]) && e.querySelector('[data-testid="draft-shared"]')?.textContent.trim());`, DEMO_REF),
  );
  await openDraft(s, DEMO_REF);
  await s.click(tid('open-consultation'));
  await consultationIs(s, 'originator', 'in_consultation');
  ana.choose(reply);
  assert.equal((await clickThrough(s, tid('import-reply'), tid('review-item'))).keys, 1);
  await s.find(tid('import-result'));
  await consultationIs(s, 'originator', 'reply_received');
  const review = async () => {
    const ids = await attrsOf(s, tid('review-item'), 'data-suggestion-id');
    const paths = await attrsOf(s, tid('review-item'), 'data-path');
    const statuses = await attrsOf(s, tid('review-item'), 'data-status');
    return Object.fromEntries(paths.map((p, i) => [p, { id: ids[i], status: statuses[i] }]));
  };
  await s.waitFor('three suggestions to review', async () => Object.keys(await review()).length === 3);
  const items = await review();
  assert.deepEqual(Object.keys(items).sort(), [S1, S2, S3].sort());
  assert.equal(items[S1].status, 'clean');
  assert.equal(items[S2].status, 'clean');
  assert.equal(items[S3].status, 'conflict', 'Ana changed S3 too');
  const item = (path) => tid('review-item', { 'data-suggestion-id': items[path].id });

  // S1 shows as tracked changes: the words deleted and inserted.
  const dels = await textsOf(s, `${item(S1)} ${tid('change-del')}`);
  const ins = await textsOf(s, `${item(S1)} ${tid('change-ins')}`);
  assert.equal(squash(dels.join(' ')), 'online', `deleted: ${JSON.stringify(dels)}`);
  assert.equal(squash(ins.join(' ')), 'on the Internet', `inserted: ${JSON.stringify(ins)}`);

  // S3 shows the three versions side by side.
  assert.equal(squash(await textIn(s, item(S3), 'conflict-base')), squash(base3));
  assert.equal(squash(await textIn(s, item(S3), 'conflict-ours')), squash(ours3));
  assert.equal(squash(await textIn(s, item(S3), 'conflict-theirs')), squash(theirs3));
  const merged3 = edit(ours3, 'The bank records', 'The records of Fjordbank ASA');

  // Decisions, one by one.
  await clickIn(s, item(S1), 'review-accept', { fallback: false });
  await s.find(tid('decided-item', { 'data-state': 'accepted' }));
  await clickIn(s, item(S2), 'review-reject', { fallback: false });
  await s.find(tid('decided-item', { 'data-state': 'rejected' }));
  await clickIn(s, item(S3), 'take-merged', { fallback: false });
  await s.waitFor('every suggestion decided', async () => (await s.findAll(tid('review-item'))).length === 0);
  assert.deepEqual((await attrsOf(s, tid('decided-item'), 'data-state')).sort(), ['accepted', 'accepted', 'rejected']);

  // Ingrid's question: answered, then resolved.
  const questionId = (await attrsOf(s, tid('comment-item', { 'data-path': COMMENTED }), 'data-comment-id'))[0];
  const thread = tid('comment-item', { 'data-comment-id': questionId });
  assert.equal(squash(await textIn(s, thread, 'comment-shown-text', { fallback: false })), QUESTION);
  await typeIn(s, thread, 'comment-answer-text', ANSWER);
  await clickIn(s, thread, 'comment-answer');
  await s.waitFor('the answer shown', async () => (await textsOf(s, thread))[0]?.includes(ANSWER));
  await clickIn(s, thread, 'comment-resolve', { fallback: false });
  await s.waitFor('the question resolved', async () => (await attrsOf(s, thread, 'data-resolved'))[0] === 'true');

  // The history on screen names who did what.
  const rows = await historyRows(s);
  const actions = new Set(rows.map((r) => r.action));
  for (const a of ['sent', 'received', 'commented', 'suggested', 'accepted', 'rejected', 'answered', 'resolved']) {
    assert.ok(actions.has(a), `the history on screen lacks ${a}: ${[...actions]}`);
  }
  assert.ok(rows.some((r) => r.action === 'accepted' && r.text.includes(ANA.name)), 'the acceptance names Ana');
  assert.ok(rows.some((r) => r.action === 'suggested' && r.text.includes(INGRID.name)), 'the suggestions name Ingrid');

  // The final request: the request as sent, with S1 accepted, S2 unchanged
  // and S3 holding both Ana's and Ingrid's changes.
  const expected = structuredClone(asSent);
  put(expected, S1, theirs1);
  put(expected, S3, merged3);
  const final = ana.request(draft);
  assert.deepEqual(final, expected);
  assert.equal(at(final, S2), at(asSent, S2));

  // 6. The same reply again is refused, and changes nothing.
  const historyBefore = ana.historyActions(draft);
  await s.click(tid('import-reply'));
  const refusal = await s.waitFor('the replay refused', async () => alertText(s));
  assert.match(refusal, /already|replay|stale/i, refusal);
  await sleep(500);
  assert.deepEqual(ana.request(draft), expected);
  assert.deepEqual(ana.historyActions(draft), historyBefore);
  assert.equal((await s.findAll(tid('review-item'))).length, 0);

  // 7. Both histories show the round.
  for (const a of ['sent', 'received', 'accepted', 'rejected', 'answered', 'resolved']) {
    assert.ok(historyBefore.includes(a), `Ana's history lacks ${a}: ${historyBefore}`);
  }
  const ingridHistory = ingrid.historyActions(copy);
  for (const a of ['received', 'commented', 'suggested', 'sent']) {
    assert.ok(ingridHistory.includes(a), `Ingrid's history lacks ${a}: ${ingridHistory}`);
  }
  assert.equal(ingridHistory.filter((a) => a === 'suggested').length, 3);

  Object.assign(round, { draft, copy, expected, ANSWER });
  // Ana's app stays open for the second round.
});

test('a second round: the counterpart sees the decisions and the answer', async (t) => {
  if (!round.draft || !ana.session) return t.skip('the first round did not complete');
  let s = ana.session;
  await tick(s, `input${tid('send-contact')}`);
  await replaceText(s, await s.find(tid('send-note')), 'Revised after your comments.');
  ana.clearSaved();
  await clickThrough(s, tid('send-package'), tid('send-result'));
  const round2 = join(work, 'round2.mlapkg');
  writeFileSync(round2, readFileSync(await ana.saved('.mlapkg')));
  await ana.quit();

  s = await ingrid.start();
  ingrid.choose(round2);
  await clickThrough(s, tid('import-package'), consultation);
  await consultationIs(s, 'counterpart', 'received');
  assert.deepEqual(ingrid.request(round.copy), round.expected, 'the counterpart has the revised request');
  await s.waitFor('the decisions shown', async () => (await s.findAll(tid('decided-item'))).length === 3);
  const states = (await attrsOf(s, tid('decided-item'), 'data-state')).sort();
  assert.deepEqual(states, ['accepted', 'accepted', 'rejected']);
  assert.ok((await textsOf(s, consultation))[0].includes(round.ANSWER), 'the answer to the question is shown');
  assert.ok((await attrsOf(s, tid('comment-item'), 'data-resolved')).includes('true'), 'the question shows resolved');
  assert.ok(ingrid.historyActions(round.copy).includes('updated'), 'the counterpart history records the new revision');
  await ingrid.stop();
  await ana.stop();
});

// ---------------------------------------------------------------------------
// Hostile package.

/** What hostile text tries: markup, script, links, the document markup's directives, bidi tricks. */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '<a href="javascript:window.__pwned=1">open the file</a>',
  '[open the file](javascript:window.__pwned=1)',
  '::h2 Injected',
  '::field x',
  '::value y',
  '{{request.title}}',
  '{{{request.req_auth.name}}}',
  'a | b | c',
  '\u202Efdp.exe\u202C',
  '\u2066isolated\u2069 text',
];
const HOSTILE_TEXT = PAYLOADS.join('\n');
/** 100 kB, with ends that show whether it is whole. */
const LONG_TEXT = 'LONG-START ' + 'The long text goes on. '.repeat(4400).slice(0, 100000) + ' LONG-END';
const LONG_FIELD = 'facts.summary';

const hostile = new Profile(work, 'hostile', port + 4);
const hostileApp = new Profile(work, 'recipient', port + 6);

/** Every text and multiline answer of the wizard present in `request` (group items included). */
function freeTextPaths(wizard, request) {
  const paths = [];
  const walk = (fields, scope, prefix) => {
    for (const f of fields) {
      const full = prefix + f.path;
      if (f.input.type === 'group') {
        const list = at(scope, f.path);
        if (Array.isArray(list)) list.forEach((it, i) => walk(f.input.fields, it, `${full}.${i}.`));
      } else if (f.input.type === 'text' || f.input.type === 'multiline') {
        paths.push(full);
      }
    }
  };
  for (const step of wizard.steps) if (step.kinds.includes(request.kind)) walk(step.fields, request, '');
  return [...new Set(paths)];
}

function setPath(value, path, x) {
  const keys = path.split('.');
  const last = keys.pop();
  let v = value;
  for (const [i, k] of keys.entries()) {
    if (v[k] == null) v[k] = /^\d+$/.test(keys[i + 1] ?? last) ? [] : {};
    v = v[k];
  }
  v[last] = x;
}

test('a hostile package shows its text literally: nothing runs, nothing becomes structure', async () => {
  // The recipient: an app profile whose identity the CLI made.
  const created = hostileApp.mla(['identity', 'create', '--name', 'Ingrid Berg', '--authority', 'Central Authority of Norland', '--email', 'ingrid@norland.example']);
  const recipientCard = join(work, 'recipient.mlacard');
  hostileApp.mla(['identity', 'export-card', '-o', recipientCard]);
  assert.match(created, /Fingerprint:/);

  // The hostile sender, by the CLI: a draft whose every free text is hostile.
  const senderName = 'Mallory <img src=x onerror="window.__pwned=1"> ::h2 Sender';
  const shown = hostile.mla(['identity', 'create', '--name', senderName, '--authority', '<script>window.__pwned=1</script>', '--email', 'mallory@hostile.example']);
  const senderFingerprint = /Fingerprint:\s+(.+)/.exec(shown)[1].trim();
  const wizard = JSON.parse(hostile.mla(['wizard']));
  const request = structuredClone(demo);
  const paths = freeTextPaths(wizard, request);
  assert.ok(paths.length > 50, `only ${paths.length} free-text fields found`);
  for (const p of paths) setPath(request, p, HOSTILE_TEXT);
  setPath(request, LONG_FIELD, LONG_TEXT);
  const requestFile = join(work, 'hostile.json');
  writeFileSync(requestFile, JSON.stringify(request));
  const draft = hostile.mla(['drafts', 'import', requestFile]).trim();
  const added = hostile.mla(['contacts', 'import', recipientCard]);
  const contact = / as contact ([0-9a-f-]+),/.exec(added)[1];
  const recipientFingerprint = /Fingerprint:\s+(.+)/.exec(created)[1].trim();
  hostile.mla(['contacts', 'trust', contact, '--fingerprint', recipientFingerprint]);
  // Comments travel once the draft is shared: a first package, the comments, the package taken in.
  hostile.mla(['exchange', 'export', draft, '--to', contact, '--note', HOSTILE_TEXT, '-o', join(work, 'hostile-0.mlapkg')]);
  const commented = ['facts.time_place', 'purpose.statement', ''];
  for (const [i, payload] of PAYLOADS.entries()) {
    hostile.mla(['exchange', 'comment', draft, '--field', commented[i % commented.length], '--kind', 'remark', '--text', payload]);
  }
  hostile.mla(['exchange', 'comment', draft, '--field', 'facts.summary', '--text', HOSTILE_TEXT]);
  const packageFile = join(work, 'hostile.mlapkg');
  hostile.mla(['exchange', 'export', draft, '--to', contact, '--note', HOSTILE_TEXT, '-o', packageFile]);

  // The recipient's app takes it in, after confirming the unknown signer.
  const s = await hostileApp.start();
  const drafts = hostileApp.draftIds();
  hostileApp.choose(packageFile);
  let signerShown;
  const prompts = await clickThrough(s, tid('import-package'), consultation, {
    signer: (name, fingerprint) => {
      signerShown = { name, fingerprint };
      return fingerprint;
    },
  });
  assert.equal(prompts.signer, 1, 'the unknown signer was asked about');
  assert.ok(signerShown.name.includes(senderName), `the signer name is not shown literally: ${JSON.stringify(signerShown.name)}`);
  assert.equal(digits(signerShown.fingerprint), digits(senderFingerprint));
  await consultationIs(s, 'counterpart', 'received');
  const copy = hostileApp.draftIds().find((id) => !drafts.includes(id));
  assert.ok(copy);

  // Nothing ran, and no element came from the text.
  const probe = async (scope) =>
    run(
      s,
      `const scope = document.querySelector(arguments[0]);
       return {
         pwned: typeof window.__pwned,
         scope: !!scope,
         injected: scope ? [...scope.querySelectorAll('img, script, a, iframe, object, embed')].map((e) => e.outerHTML.slice(0, 120)) : [],
         handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).map((e) => e.outerHTML.slice(0, 120)),
         jsLinks: [...document.querySelectorAll('[href], [src]')].filter((e) => /^\\s*javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('src'))).length,
       };`,
      scope,
    );
  let seen = await probe(consultation);
  assert.equal(seen.scope, true);
  assert.equal(seen.pwned, 'undefined', 'a payload ran');
  assert.deepEqual(seen.injected, [], 'elements inside the consultation screen');
  assert.deepEqual(seen.handlers, [], 'elements with event handler attributes');
  assert.equal(seen.jsLinks, 0, 'javascript: links');

  // Every payload shows literally, in the fields and in the comments.
  const missing = await run(
    s,
    `const [css, payloads] = arguments;
     const text = document.querySelector(css).textContent;
     return payloads.filter((p) => !text.includes(p));`,
    consultation,
    PAYLOADS,
  );
  assert.deepEqual(missing, [], 'payloads not shown as typed');
  for (const path of ['req_auth.name', 'facts.time_place', 'purpose.statement', 'persons.0.family_name']) {
    const value = await textIn(s, field(path), 'field-value', { fallback: false });
    for (const p of PAYLOADS) assert.ok(value.includes(p), `${path} does not show ${JSON.stringify(p)}: ${JSON.stringify(value.slice(0, 300))}`);
  }
  const long = await run(
    s,
    `const e = document.querySelector(arguments[0] + ' [data-testid="field-value"]'); return e ? e.textContent.includes(arguments[1]) : null;`,
    field(LONG_FIELD),
    LONG_TEXT,
  );
  assert.equal(long, true, 'the 100 kB text is not shown whole');
  const comments = await textsOf(s, tid('comment-shown-text'));
  for (const p of PAYLOADS) assert.ok(comments.some((c) => c.includes(p)), `no comment shows ${JSON.stringify(p)}`);
  assert.ok(comments.some((c) => c.includes(HOSTILE_TEXT) || squash(c) === squash(HOSTILE_TEXT)), 'the comment holding every payload');

  // The document still renders: the reading copy is written.
  hostileApp.clearSaved();
  await s.click(tid('reading-copy'));
  const pdf = await hostileApp.saved('.pdf', 60000);
  const bytes = readFileSync(pdf);
  assert.ok(statSync(pdf).size > 1000 && bytes.subarray(0, 5).toString('latin1') === '%PDF-', 'not a PDF');
  const text = squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  for (const p of ['<script>window.__pwned=1</script>', '::h2 Injected', '{{request.title}}', 'LONG-START', 'LONG-END']) {
    assert.ok(text.includes(p), `the reading copy lacks ${p}`);
  }

  // Back on the start screen, the hostile title is text too.
  await s.click(tid('consultation-home'));
  await s.find(tid('start-screen'));
  seen = await probe(tid('start-screen'));
  assert.equal(seen.pwned, 'undefined', 'a payload ran');
  assert.deepEqual(seen.injected, [], 'elements inside the start screen');
  assert.deepEqual(seen.handlers, []);
  await hostileApp.stop();
});
