import { describe, expect, it } from 'vitest';
import { isStepShown, resolveStep, stageOf, visibleSteps } from './steps';
import { emptyRequest, wizardDefinition } from './testing/fixtures';

const def = wizardDefinition();
const ids = (r = emptyRequest()) => visibleSteps(def.steps, r).map((s) => s.id);

describe('step visibility', () => {
  it('shows the steps of the request’s kind only', () => {
    expect(ids()).toEqual(['kind', 'authorities', 'basis', 'proceedings', 'facts', 'persons', 'purpose', 'handling', 'annexes', 'tracking']);
    const r = emptyRequest();
    r.kind = 'preservation';
    expect(ids(r)).toEqual(['kind', 'authorities', 'basis', 'facts', 'preservation', 'handling', 'annexes', 'tracking']);
    // An emergency disclosure starts with the emergency itself.
    r.kind = 'emergency_disclosure';
    expect(ids(r)).toEqual(['kind', 'emergency', 'authorities', 'basis', 'proceedings', 'facts', 'purpose', 'handling', 'annexes', 'tracking']);
    r.kind = 'transfer_of_proceedings';
    expect(ids(r)).toEqual(['kind', 'authorities', 'basis', 'proceedings', 'facts', 'persons', 'transfer', 'forum', 'handling', 'annexes', 'tracking']);
  });

  it('shows a module step only while its module is selected, in the order of the modules', () => {
    const r = emptyRequest();
    r.mla.modules = ['other'];
    expect(ids(r)).toEqual(['kind', 'authorities', 'basis', 'proceedings', 'facts', 'persons', 'm15', 'purpose', 'handling', 'annexes', 'tracking']);
    r.mla.modules = ['other', 'stored_data'];
    expect(ids(r)).toEqual(['kind', 'authorities', 'basis', 'proceedings', 'facts', 'persons', 'm6', 'm15', 'purpose', 'handling', 'annexes', 'tracking']);
    r.mla.modules = [];
    expect(ids(r)).not.toContain('m15');
  });

  it('needs both the kind and the condition', () => {
    const m15 = def.steps.find((s) => s.id === 'm15')!;
    const r = emptyRequest();
    r.mla.modules = ['other'];
    expect(isStepShown(m15, r)).toBe(true);
    r.kind = 'transfer_of_proceedings';
    expect(isStepShown(m15, r)).toBe(false);
  });
});

describe('stages', () => {
  it('group the shown steps of every kind in order, the emergency first for an emergency disclosure', () => {
    const order = ['case', 'assistance', 'formalities', 'finish'];
    for (const kind of ['mla_evidence', 'preservation', 'emergency_disclosure', 'transfer_of_proceedings'] as const) {
      const r = emptyRequest();
      r.kind = kind;
      r.mla.modules = ['statements', 'other'];
      const stages = visibleSteps(def.steps, r).map((s) => order.indexOf(stageOf(s, kind)));
      expect(stages, kind).toEqual([...stages].sort((a, b) => a - b));
      expect(new Set(stages).size, kind).toBe(4);
    }
    const emergency = def.steps.find((s) => s.id === 'emergency')!;
    expect(stageOf(emergency, 'emergency_disclosure')).toBe('case');
  });
});

describe('resolveStep', () => {
  it('keeps a shown step, else takes the one now at its position', () => {
    expect(resolveStep(['a', 'b', 'c'], 'b', 1)).toBe('b');
    expect(resolveStep(['a', 'c'], 'b', 1)).toBe('c');
    expect(resolveStep(['a'], 'b', 4)).toBe('a');
  });
});
