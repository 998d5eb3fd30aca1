import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LatestRunner } from './latest';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('LatestRunner', () => {
  it('debounces and runs for the latest value only', async () => {
    const run = vi.fn(async (v: number) => v * 10);
    const results: number[] = [];
    const runner = new LatestRunner({ run, delay: 300, onResult: (r) => results.push(r) });
    runner.schedule(1);
    await vi.advanceTimersByTimeAsync(200);
    runner.schedule(2);
    await vi.advanceTimersByTimeAsync(299);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(results).toEqual([20]);
  });

  it('drops a result that arrives after a newer run started', async () => {
    const pending: Array<ReturnType<typeof deferred<string>>> = [];
    const results: string[] = [];
    const runner = new LatestRunner<string, string>({
      run: () => {
        const d = deferred<string>();
        pending.push(d);
        return d.promise;
      },
      delay: 0,
      onResult: (r) => results.push(r),
    });
    void runner.now('old');
    void runner.now('new');
    pending[1].resolve('new result');
    await vi.advanceTimersByTimeAsync(0);
    pending[0].resolve('old result');
    await vi.advanceTimersByTimeAsync(0);
    expect(results).toEqual(['new result']);
  });

  it('reports errors of the latest run', async () => {
    const errors: unknown[] = [];
    const runner = new LatestRunner<number, number>({
      run: async () => {
        throw { code: 'render', message: 'template failed' };
      },
      delay: 0,
      onResult: () => {},
      onError: (e) => errors.push(e),
    });
    await runner.now(1);
    expect(errors).toEqual([{ code: 'render', message: 'template failed' }]);
  });

  it('after dispose, nothing runs and no result is delivered', async () => {
    const d = deferred<number>();
    const onResult = vi.fn();
    const runner = new LatestRunner<number, number>({ run: () => d.promise, delay: 100, onResult });
    void runner.now(1);
    runner.schedule(2);
    runner.dispose();
    d.resolve(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(onResult).not.toHaveBeenCalled();
  });
});
