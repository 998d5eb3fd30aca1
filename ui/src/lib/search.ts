/**
 * Search as one types: the query is sent once typing pauses, a result that
 * arrives after a newer query was sent is dropped, and an empty query
 * clears the results without asking the shell.
 */
import type { SearchResult } from './generated/SearchResult';
import { LatestRunner } from './latest';

/** How long typing must pause before the query is sent, in milliseconds. */
export const SEARCH_DELAY = 250;

/** What the search shows: nothing yet, the results of a query, or why it failed. */
export type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching'; query: string }
  | { kind: 'results'; query: string; results: SearchResult[] }
  | { kind: 'failed'; query: string; error: unknown };

/** Runs the latest query only, and reports each state. */
export class DraftSearch {
  private readonly runner: LatestRunner<string, SearchResult[]>;
  private readonly onState: (state: SearchState) => void;
  private query = '';

  constructor(search: (query: string) => Promise<SearchResult[]>, onState: (state: SearchState) => void, delay = SEARCH_DELAY) {
    this.onState = onState;
    this.runner = new LatestRunner<string, SearchResult[]>({
      run: search,
      delay,
      onResult: (results, query) => this.onState({ kind: 'results', query, results }),
      onError: (error) => this.onState({ kind: 'failed', query: this.query, error }),
    });
  }

  /** The user typed: search for `typed` once typing pauses; nothing for blank text. */
  typed(typed: string): void {
    this.query = typed.trim();
    if (this.query === '') {
      this.runner.cancel();
      this.onState({ kind: 'idle' });
      return;
    }
    this.onState({ kind: 'searching', query: this.query });
    this.runner.schedule(this.query);
  }

  /** Searches again for the current query at once (after the drafts changed). */
  refresh(): void {
    if (this.query !== '') void this.runner.now(this.query);
  }

  dispose(): void {
    this.runner.dispose();
  }
}
