/**
 * The autosave queue: every change replaces the pending value; a save follows
 * after a quiet period (debounce). At most one save runs at a time; changes
 * made during a save are saved again once it has finished. `flush` saves what
 * is pending at once and resolves when everything is saved (or a save failed).
 *
 * The reported state is "saved" only after the save function has resolved for
 * the latest value, and "error" carries the failure's message and code. A
 * failed value stays pending and is saved again after `retryDelay` (a full
 * disk, a read-only folder or a database held by another program clear up by
 * themselves), so it is saved once the fault is gone; until then the state
 * stays "error".
 */

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string; code?: string };

export interface AutosaveOptions<T, R> {
  /** Persists one value; resolves once it is durably saved. */
  save: (value: T) => Promise<R>;
  /** Quiet period after the last change, in milliseconds. */
  delay: number;
  /** Called on every state change. */
  onState?: (state: SaveState) => void;
  /** Called with the result of each successful save. */
  onSaved?: (result: R, value: T) => void;
  /** Turns a rejection into a message for the user. */
  describeError?: (error: unknown) => string;
  /** The code of a rejection (see `ApiErrorCode`), worded by the indicator. */
  errorCode?: (error: unknown) => string;
  /** Wait before saving a failed value again, in milliseconds; no retry when absent. */
  retryDelay?: number;
}

function defaultDescribe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

export class AutosaveQueue<T, R = unknown> {
  private readonly options: AutosaveOptions<T, R>;
  private pending: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<boolean> | null = null;
  private current: SaveState = { kind: 'saved' };
  private disposed = false;

  constructor(options: AutosaveOptions<T, R>) {
    this.options = options;
  }

  /** The latest reported state. */
  get state(): SaveState {
    return this.current;
  }

  /** Whether a change has not been saved yet (pending, or being saved). */
  get dirty(): boolean {
    return this.pending !== null || this.running !== null;
  }

  /** Records a new value to save; (re)starts the quiet period. */
  change(value: T): void {
    if (this.disposed) return;
    this.pending = { value };
    if (this.running === null) this.setState({ kind: 'unsaved' });
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, this.options.delay);
  }

  /**
   * Saves any pending value now and waits until nothing is left to save.
   * Resolves `true` when everything is saved, `false` when a save failed
   * (the state then says why, and the value stays pending for a retry).
   */
  async flush(): Promise<boolean> {
    this.clearTimer();
    for (;;) {
      if (this.running) {
        await this.running;
        continue;
      }
      if (this.pending === null) return this.current.kind !== 'error';
      const ok = await this.runOnce();
      if (!ok) return false;
    }
  }

  /** Stops the timer; later changes are ignored. A running save completes. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private kick(): void {
    if (this.running === null && this.pending !== null) void this.runOnce();
  }

  private runOnce(): Promise<boolean> {
    const item = this.pending;
    if (item === null) return Promise.resolve(true);
    this.pending = null;
    // A retry keeps the failure shown until it succeeds.
    if (this.current.kind !== 'error') this.setState({ kind: 'saving' });
    // Started on the next microtask so that `running` is set before it ends.
    const run = Promise.resolve().then(() => this.execute(item));
    this.running = run;
    return run;
  }

  private async execute(item: { value: T }): Promise<boolean> {
    let result: R | undefined;
    let failure: string | null = null;
    let code: string | undefined;
    try {
      result = await this.options.save(item.value);
    } catch (error) {
      failure = (this.options.describeError ?? defaultDescribe)(error);
      code = this.options.errorCode?.(error);
    }
    this.running = null;
    const newer = this.pending !== null;
    if (failure === null) {
      this.options.onSaved?.(result as R, item.value);
      this.setState(newer ? { kind: 'unsaved' } : { kind: 'saved' });
    } else {
      // Keep the failed value for the next attempt unless a newer one arrived.
      if (!newer) this.pending = item;
      this.setState(code === undefined ? { kind: 'error', message: failure } : { kind: 'error', message: failure, code });
    }
    // Changes arrived during the save and their quiet period is over: save again.
    if (newer && this.timer === null && !this.disposed) this.kick();
    else if (failure !== null && this.timer === null && !this.disposed && this.options.retryDelay !== undefined) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.kick();
      }, this.options.retryDelay);
    }
    return failure === null;
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private setState(state: SaveState): void {
    this.current = state;
    this.options.onState?.(state);
  }
}

/** The `ui.*` key wording a save that failed with each code the indicator words itself. */
const FAILURE_KEYS: Record<string, string> = {
  disk_full: 'ui.save.disk_full',
  read_only: 'ui.save.read_only',
  store_busy: 'ui.save.store_busy',
};

/** The `ui.*` key (and its values) wording the indicator for a state. */
export function saveStateMessage(state: SaveState): { key: string; params?: Record<string, string> } {
  switch (state.kind) {
    case 'saved':
      return { key: 'ui.save.saved' };
    case 'unsaved':
      return { key: 'ui.save.unsaved' };
    case 'saving':
      return { key: 'ui.save.saving' };
    case 'error': {
      const key = state.code === undefined ? undefined : FAILURE_KEYS[state.code];
      return key === undefined ? { key: 'ui.save.failed', params: { message: state.message } } : { key };
    }
  }
}
