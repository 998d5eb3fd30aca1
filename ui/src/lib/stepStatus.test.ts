import { describe, expect, it } from 'vitest';
import type { Finding } from './generated/Finding';
import { findingsForStep, missingRequired, problemCount, reviewStatus, stepStatus, totalProblemCount } from './stepStatus';
import { checkRequest } from './testing/fakeCore';
import { emptyOffence, emptyRequest, emptyStoredData, wizardDefinition } from './testing/fixtures';

const def = wizardDefinition();
const step = (id: string) => def.steps.find((s) => s.id === id)!;
const [kindStep, authorities, basis] = def.steps;
const facts = step('facts');
const personsStep = step('persons');
const offence = (name: string, provision: string, max_penalty = '') => ({ ...emptyOffence(), name, provision, max_penalty });
const checks = (r: ReturnType<typeof emptyRequest>) => checkRequest(r, 'en');

function finding(path: string, severity: Finding['severity'] = 'error'): Finding {
  return { code: 'X', severity, path, message: 'm', provision: 'p' };
}

describe('findingsForStep', () => {
  it('takes findings under the step’s field paths, including group items', () => {
    const findings = [finding('req_auth.name'), finding('offences.0.name'), finding('offences'), finding('persons.1.location')];
    expect(findingsForStep(facts, findings).map((f) => f.path)).toEqual(['offences.0.name', 'offences']);
    expect(findingsForStep(personsStep, findings).map((f) => f.path)).toEqual(['persons.1.location']);
  });
});

describe('problemCount', () => {
  it('counts the errors and warnings under the step’s fields, not advice', () => {
    const findings = [
      finding('req_auth.name'),
      finding('offences.0.name'),
      finding('offences', 'warning'),
      finding('facts.summary', 'info'),
      finding('persons.1.location', 'warning'),
    ];
    expect(problemCount(authorities, findings)).toBe(1);
    expect(problemCount(facts, findings)).toBe(2);
    expect(problemCount(personsStep, findings)).toBe(1);
    expect(problemCount(kindStep, findings)).toBe(0);
    expect(totalProblemCount(findings)).toBe(4);
    expect(totalProblemCount([])).toBe(0);
  });
});

describe('missingRequired', () => {
  it('lists blank required fields, skipping hidden and optional ones', () => {
    const r = emptyRequest();
    expect(missingRequired(basis.fields, r)).toEqual(['basis.primary', 'lang.drafting', 'lang.request', 'translation.status']);
    r.basis.primary = 'BILATERAL';
    expect(missingRequired(basis.fields, r)).toContain('basis.treaty_citation');
  });

  it('asks for a shown multiple choice, and for a condition met by a ticked box', () => {
    const r = emptyRequest();
    expect(missingRequired(kindStep.fields, r)).toEqual(['mla.modules']);
    r.mla.modules = ['other'];
    r.mla.follows_preservation = true;
    expect(missingRequired(kindStep.fields, r)).toEqual(['consult.preservation_ref']);
    r.mla.follows_preservation = false;
    r.kind = 'preservation';
    expect(missingRequired(kindStep.fields, r)).toEqual([]);
  });

  it('counts a required yes/no answer as missing until ticked, and an empty time zone as UTC', () => {
    const r = emptyRequest();
    r.basis.primary = 'RECIPROCITY';
    expect(missingRequired(basis.fields, r)).toContain('basis.reciprocity_undertaking');
    r.basis.reciprocity_undertaking = true;
    expect(missingRequired(basis.fields, r)).not.toContain('basis.reciprocity_undertaking');
    const item = emptyStoredData();
    item.data.range.tz = '';
    r.mla.stored_data = [item];
    expect(missingRequired(step('m6').fields, r)).not.toContain('mla.stored_data.0.data.range.tz');
    expect(missingRequired(step('m6').fields, r)).toContain('mla.stored_data.0.data.range.from');
  });

  it('descends into every item of a group', () => {
    const r = emptyRequest();
    r.offences = [offence('Fraud', 's. 214', '5 years'), offence('', '')];
    expect(missingRequired(facts.fields, r)).toEqual([
      'facts.summary',
      'facts.time_place',
      'offences.1.name',
      'offences.1.provision',
      'offences.1.max_penalty',
    ]);
  });
});

describe('stepStatus', () => {
  it('is "not started" while nothing in the step is answered, even with findings', () => {
    const r = emptyRequest();
    expect(checks(r).some((f) => f.path.startsWith('req_auth.'))).toBe(true);
    expect(stepStatus(authorities, r, checks(r))).toBe('not-started');
  });

  it('is "incomplete" when started but required answers are missing', () => {
    const r = emptyRequest();
    r.req_auth.name = 'Public Prosecution Office';
    expect(stepStatus(authorities, r, checks(r))).toBe('incomplete');
  });

  it('is "complete" when every shown required answer is given and no error concerns it', () => {
    const r = emptyRequest();
    r.basis.primary = 'UNTOC_18';
    r.basis.transnational = 'yes';
    r.basis.transnational_reason = 'The proceeds were moved to Norland.';
    r.basis.organized_group = 'yes';
    r.basis.organized_group_reason = 'Four persons ran the scheme together.';
    r.lang = { drafting: 'en', drafting_other: '', request: 'en', request_other: '', accepted: [] };
    r.translation.status = 'not_needed';
    expect(stepStatus(basis, r, checks(r))).toBe('complete');
    // A conditional field that appears and is required holds the step back again.
    r.basis.primary = 'BILATERAL';
    expect(stepStatus(basis, r, checks(r))).toBe('incomplete');
    // Warnings do not.
    r.basis.treaty_citation = 'Treaty of 3 May 2011';
    expect(stepStatus(basis, r, [finding('basis.treaty_citation', 'warning')])).toBe('complete');
  });

  it('is "has errors" when an error concerns an answer that was given', () => {
    const r = emptyRequest();
    r.req_auth.email = 'not-an-address';
    expect(stepStatus(authorities, r, [finding('req_auth.email')])).toBe('errors');
  });

  it('counts an error about a missing answer as incomplete, not as errors', () => {
    const r = emptyRequest();
    r.facts.time_place = 'Arden City, May 2026';
    r.offences = [offence('', 's. 1')];
    expect(stepStatus(facts, r, [finding('offences.0.name')])).toBe('incomplete');
  });

  it('does not count an unticked box as a start', () => {
    const r = emptyRequest();
    expect(stepStatus(step('handling'), r, [])).toBe('not-started');
    r.urgency.flag = true;
    expect(stepStatus(step('handling'), r, [])).toBe('incomplete');
  });

  it('treats an optional group with nothing in it as not started', () => {
    const r = emptyRequest();
    expect(stepStatus(personsStep, r, [])).toBe('not-started');
  });
});

describe('reviewStatus', () => {
  it('summarises the steps and the error findings', () => {
    expect(reviewStatus(['not-started', 'not-started'], [finding('a')])).toBe('not-started');
    expect(reviewStatus(['complete', 'incomplete'], [finding('a')])).toBe('errors');
    expect(reviewStatus(['complete', 'incomplete'], [finding('a', 'warning')])).toBe('incomplete');
    expect(reviewStatus(['complete', 'complete'], [finding('a', 'info')])).toBe('complete');
  });
});
