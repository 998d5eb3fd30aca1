import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchResult } from './generated/SearchResult';
import { DraftSearch, type SearchState } from './search';

const result = (id: string): SearchResult => ({
  draft: { id, title: id, created_at: '2026-03-02T09:00:00Z', updated_at: '2026-03-02T09:00:00Z', revision: 1 },
  archived: false,
  hits: [{ path: 'facts.summary', label: 'Summary of the facts', snippet: [{ text: 'the ', hit: false }, { text: id, hit: true }] }],
});

describe('search as one types', () => {
  let states: SearchState[];
  let asked: string[];
  let answers: Map<string, { resolve: (r: SearchResult[]) => void }>;
  let search: DraftSearch;

  beforeEach(() => {
    vi.useFakeTimers();
    states = [];
    asked = [];
    answers = new Map();
    search = new DraftSearch(
      (query) =>
        new Promise((resolve) => {
          asked.push(query);
          answers.set(query, { resolve });
        }),
      (state) => states.push(state),
      100,
    );
  });

  afterEach(() => {
    search.dispose();
    vi.useRealTimers();
  });

  it('sends the query once typing pauses, trimmed', async () => {
    search.typed('Bren');
    search.typed('Brenner ');
    await vi.advanceTimersByTimeAsync(99);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked).toEqual(['Brenner']);
    answers.get('Brenner')!.resolve([result('d1')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toEqual({ kind: 'results', query: 'Brenner', results: [result('d1')] });
  });

  it('drops the answer to an older query that arrives after a newer one was sent', async () => {
    search.typed('محمد');
    await vi.advanceTimersByTimeAsync(100);
    search.typed('张伟');
    await vi.advanceTimersByTimeAsync(100);
    answers.get('张伟')!.resolve([result('d2')]);
    answers.get('محمد')!.resolve([result('d1')]);
    await vi.advanceTimersByTimeAsync(0);
    const shown = states.filter((s) => s.kind === 'results');
    expect(shown).toEqual([{ kind: 'results', query: '张伟', results: [result('d2')] }]);
  });

  it('clears the results for blank text without asking, and drops an answer still on its way', async () => {
    search.typed('Brenner');
    await vi.advanceTimersByTimeAsync(100);
    search.typed('   ');
    answers.get('Brenner')!.resolve([result('d1')]);
    await vi.advanceTimersByTimeAsync(200);
    expect(asked).toEqual(['Brenner']);
    expect(states.at(-1)).toEqual({ kind: 'idle' });
  });

  it('reports a failure with its query', async () => {
    const failing = new DraftSearch(() => Promise.reject(new Error('database locked')), (state) => states.push(state), 10);
    failing.typed('x');
    await vi.advanceTimersByTimeAsync(10);
    expect(states.at(-1)).toMatchObject({ kind: 'failed', query: 'x' });
    failing.dispose();
  });
});
