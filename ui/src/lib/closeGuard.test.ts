import { describe, expect, it } from 'vitest';
import { CloseGuard } from './closeGuard';

function request() {
  const r = { prevented: false, preventDefault: () => (r.prevented = true) };
  return r;
}

describe('CloseGuard', () => {
  it('saves every open draft before the window closes', async () => {
    const saved: string[] = [];
    const guard = new CloseGuard();
    guard.register(async () => (saved.push('a'), true));
    const unregister = guard.register(async () => (saved.push('b'), true));
    const close = request();
    await guard.closeRequested(close);
    expect(saved).toEqual(['a', 'b']);
    expect(close.prevented).toBe(false);

    unregister();
    await guard.closeRequested(request());
    expect(saved).toEqual(['a', 'b', 'a']);
  });

  it('waits for a save still running', async () => {
    let finish: (ok: boolean) => void = () => {};
    const guard = new CloseGuard();
    guard.register(() => new Promise<boolean>((resolve) => (finish = resolve)));
    let done = false;
    const closing = guard.closeRequested(request()).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    finish(true);
    await closing;
    expect(done).toBe(true);
  });

  it('keeps the window open once when a save fails, and closes on the second request', async () => {
    const held: boolean[] = [];
    const guard = new CloseGuard((h) => held.push(h));
    guard.register(async () => false);
    const first = request();
    await guard.closeRequested(first);
    expect(first.prevented).toBe(true);
    expect(held).toEqual([true]);

    const second = request();
    await guard.closeRequested(second);
    expect(second.prevented).toBe(false);
    expect(held).toEqual([true, false]);
  });

  it('counts a save that throws as failed, and forgets a held close when released', async () => {
    const held: boolean[] = [];
    const guard = new CloseGuard((h) => held.push(h));
    guard.register(() => Promise.reject(new Error('disk full')));
    const first = request();
    await guard.closeRequested(first);
    expect(first.prevented).toBe(true);
    guard.release();
    expect(held).toEqual([true, false]);
    const again = request();
    await guard.closeRequested(again);
    expect(again.prevented).toBe(true);
  });
});
