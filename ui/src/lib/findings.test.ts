import { describe, expect, it } from 'vitest';
import type { Finding } from './generated/Finding';
import { countBySeverity, findingsAt, groupBySeverity, stepIdForPath } from './findings';
import { wizardDefinition } from './testing/fixtures';

const f = (path: string, severity: Finding['severity'], code = 'C'): Finding => ({
  code,
  severity,
  path,
  message: `${severity} at ${path}`,
  provision: 'UNTOC art. 18(15)',
});

describe('findings', () => {
  const list = [f('facts.summary', 'error'), f('persons.0.location', 'warning'), f('facts.summary', 'info'), f('offences', 'error')];

  it('matches a field by its exact full path', () => {
    expect(findingsAt(list, 'facts.summary')).toHaveLength(2);
    expect(findingsAt(list, 'persons.0')).toHaveLength(0);
    expect(findingsAt(list, 'persons.0.location')).toHaveLength(1);
  });

  it('groups by severity keeping the order', () => {
    const g = groupBySeverity(list);
    expect(g.error.map((x) => x.path)).toEqual(['facts.summary', 'offences']);
    expect(g.warning).toHaveLength(1);
    expect(g.info).toHaveLength(1);
    expect(countBySeverity(list)).toEqual({ error: 2, warning: 1, info: 1 });
  });

  it('finds the step that asks for a path', () => {
    const steps = wizardDefinition().steps;
    expect(stepIdForPath(steps, 'req_auth.name')).toBe('authorities');
    expect(stepIdForPath(steps, 'offences')).toBe('facts');
    expect(stepIdForPath(steps, 'basis.primary')).toBe('basis');
    expect(stepIdForPath(steps, 'persons.3.location')).toBe('persons');
    expect(stepIdForPath(steps, 'mla.other.0.description')).toBe('m15');
    expect(stepIdForPath(steps, 'mla.stored_data.0.data.range.tz')).toBe('m6');
    expect(stepIdForPath(steps, 'unknown.path')).toBeNull();
  });

  it('looks only among the steps given (the shown ones)', () => {
    const steps = wizardDefinition().steps.filter((s) => s.id !== 'm15');
    expect(stepIdForPath(steps, 'mla.other.0.description')).toBeNull();
  });
});
