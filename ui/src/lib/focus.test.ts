// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { controlId, findFieldElement, focusField } from './focus';

beforeEach(() => {
  document.body.innerHTML = `
    <input data-field="req_auth.name" id="a">
    <fieldset data-group="offences" tabindex="-1">
      <input data-field="offences.0.name" id="b">
      <div data-group-actions><button data-add id="add">Add</button></div>
    </fieldset>
    <fieldset data-group="measures" tabindex="-1" id="measures"></fieldset>
    <fieldset data-field="mla.modules"><legend>Assistance</legend>
      <label><input type="checkbox" data-option="statements" id="first"> Statements</label>
      <label><input type="checkbox" data-option="other"> Other</label>
    </fieldset>`;
});

describe('focus', () => {
  it('makes ids that are valid and distinct per path', () => {
    expect(controlId('persons.0.role')).toBe('field-persons-0-role');
    expect(controlId('req_auth.name')).not.toBe(controlId('req_auth.email'));
  });

  it('finds a control by its exact path', () => {
    expect(findFieldElement(document, 'req_auth.name')?.id).toBe('a');
    expect(findFieldElement(document, 'offences.0.name')?.id).toBe('b');
  });

  it('sends a finding about a whole list to its Add button, or the group', () => {
    expect(findFieldElement(document, 'offences')?.id).toBe('add');
    expect(findFieldElement(document, 'measures')?.id).toBe('measures');
  });

  it('enters a multiple choice at its first box', () => {
    expect(focusField('mla.modules')).toBe(true);
    expect(document.activeElement?.id).toBe('first');
  });

  it('focuses the element and reports whether it found one', () => {
    expect(focusField('offences.0.name')).toBe(true);
    expect(document.activeElement?.id).toBe('b');
    expect(focusField('sign.date')).toBe(false);
  });
});
