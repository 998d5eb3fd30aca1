/**
 * Runs an asynchronous computation (the checks, the preview) for the latest
 * value only: calls are debounced, and a result that arrives after a newer
 * call was started is dropped, so the screen never shows stale findings.
 */

export interface LatestOptions<T, R> {
  run: (value: T) => Promise<R>;
  delay: number;
  onResult: (result: R, value: T) => void;
  onError?: (error: unknown) => void;
}

export class LatestRunner<T, R> {
  private readonly options: LatestOptions<T, R>;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sequence = 0;
  private disposed = false;

  constructor(options: LatestOptions<T, R>) {
    this.options = options;
  }

  /** Runs for `value` after the quiet period, replacing any earlier request. */
  schedule(value: T): void {
    if (this.disposed) return;
    this.sequence += 1;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.start(value);
    }, this.options.delay);
  }

  /** Runs for `value` at once, replacing any earlier request. */
  now(value: T): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.sequence += 1;
    this.clearTimer();
    return this.start(value);
  }

  /** Drops any scheduled run and any result still on its way; later calls run as usual. */
  cancel(): void {
    this.sequence += 1;
    this.clearTimer();
  }

  /** Drops any scheduled run and any result still on its way. */
  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private async start(value: T): Promise<void> {
    const ticket = this.sequence;
    try {
      const result = await this.options.run(value);
      if (ticket === this.sequence && !this.disposed) this.options.onResult(result, value);
    } catch (error) {
      if (ticket === this.sequence && !this.disposed) this.options.onError?.(error);
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
