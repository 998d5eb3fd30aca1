import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorCode, errorMessage } from './api';
import { AutosaveQueue, saveStateMessage, type SaveState } from './autosave';
import { I18n } from './i18n.svelte';

const english = new I18n();
/** The indicator's English wording for a state. */
function saveStateText(state: SaveState): string {
  const { key, params } = saveStateMessage(state);
  return english.t(key, params);
}

/** A save function whose calls stay pending until the test settles them. */
function controllableSave<T>() {
  const calls: Array<{ value: T; resolve: (v: string) => void; reject: (e: unknown) => void }> = [];
  let active = 0;
  let maxActive = 0;
  const save = (value: T) =>
    new Promise<string>((resolve, reject) => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      calls.push({
        value,
        resolve: (v) => {
          active -= 1;
          resolve(v);
        },
        reject: (e) => {
          active -= 1;
          reject(e);
        },
      });
    });
  return { save, calls, maxActive: () => maxActive };
}

function setup(delay = 600) {
  const backend = controllableSave<string>();
  const states: SaveState[] = [];
  const saved: string[] = [];
  const queue = new AutosaveQueue<string, string>({
    save: backend.save,
    delay,
    onState: (s) => states.push(s),
    onSaved: (_r, v) => saved.push(v),
  });
  return { queue, backend, states, saved, text: () => saveStateText(queue.state) };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('AutosaveQueue', () => {
  it('starts as saved and reports unsaved changes at once', () => {
    const { queue, text } = setup();
    expect(text()).toBe('Saved');
    queue.change('a');
    expect(text()).toBe('Unsaved changes');
    expect(queue.dirty).toBe(true);
  });

  it('debounces: saves once, with the latest value, after the quiet period', async () => {
    const { queue, backend } = setup(600);
    queue.change('a');
    await vi.advanceTimersByTimeAsync(400);
    queue.change('ab');
    await vi.advanceTimersByTimeAsync(400);
    queue.change('abc');
    await vi.advanceTimersByTimeAsync(599);
    expect(backend.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.calls.map((c) => c.value)).toEqual(['abc']);
  });

  it('reports "Saved" only after the save has resolved', async () => {
    const { queue, backend, text } = setup();
    queue.change('a');
    await vi.advanceTimersByTimeAsync(600);
    expect(text()).toBe('Saving…');
    await vi.advanceTimersByTimeAsync(5000);
    expect(text()).toBe('Saving…');
    backend.calls[0].resolve('r1');
    await vi.advanceTimersByTimeAsync(0);
    expect(text()).toBe('Saved');
    expect(queue.dirty).toBe(false);
  });

  it('never runs two saves at once, and saves the changes made during a save afterwards', async () => {
    const { queue, backend, saved, text } = setup();
    queue.change('v1');
    await vi.advanceTimersByTimeAsync(600);
    expect(backend.calls).toHaveLength(1);

    queue.change('v2');
    await vi.advanceTimersByTimeAsync(600);
    queue.change('v3');
    await vi.advanceTimersByTimeAsync(600);
    // The quiet period is over twice, but the first save is still running.
    expect(backend.calls).toHaveLength(1);
    expect(text()).toBe('Saving…');

    backend.calls[0].resolve('r1');
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.calls).toHaveLength(2);
    expect(backend.calls[1].value).toBe('v3');
    expect(text()).toBe('Saving…');

    backend.calls[1].resolve('r2');
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['v1', 'v3']);
    expect(text()).toBe('Saved');
    expect(backend.maxActive()).toBe(1);
  });

  it('does not claim "Saved" when newer changes are still waiting for their quiet period', async () => {
    const { queue, backend, text, states } = setup();
    queue.change('v1');
    await vi.advanceTimersByTimeAsync(600);
    queue.change('v2');
    backend.calls[0].resolve('r1');
    await vi.advanceTimersByTimeAsync(0);
    expect(text()).toBe('Unsaved changes');
    expect(states.map((s) => s.kind)).not.toContain('saved');
    await vi.advanceTimersByTimeAsync(600);
    expect(backend.calls.map((c) => c.value)).toEqual(['v1', 'v2']);
    backend.calls[1].resolve('r2');
    await vi.advanceTimersByTimeAsync(0);
    expect(text()).toBe('Saved');
  });

  it('reports the failure message and keeps the value for the next attempt', async () => {
    const { queue, backend, text } = setup();
    queue.change('v1');
    await vi.advanceTimersByTimeAsync(600);
    backend.calls[0].reject({ code: 'store', message: 'database is locked' });
    await vi.advanceTimersByTimeAsync(0);
    expect(text()).toBe('Save failed: database is locked');
    expect(queue.dirty).toBe(true);

    const flushed = queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.calls.map((c) => c.value)).toEqual(['v1', 'v1']);
    backend.calls[1].resolve('r');
    await expect(flushed).resolves.toBe(true);
    expect(text()).toBe('Saved');
  });

  it('a change after a failure is saved normally', async () => {
    const { queue, backend, text } = setup();
    queue.change('v1');
    await vi.advanceTimersByTimeAsync(600);
    backend.calls[0].reject(new Error('disk full'));
    await vi.advanceTimersByTimeAsync(0);
    expect(text()).toBe('Save failed: disk full');
    queue.change('v2');
    expect(text()).toBe('Unsaved changes');
    await vi.advanceTimersByTimeAsync(600);
    expect(backend.calls[1].value).toBe('v2');
    backend.calls[1].resolve('r');
    await vi.advanceTimersByTimeAsync(0);
    expect(text()).toBe('Saved');
  });

  it('flush saves at once without waiting for the quiet period', async () => {
    const { queue, backend } = setup(600);
    queue.change('v1');
    const done = vi.fn();
    void queue.flush().then(done);
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.calls.map((c) => c.value)).toEqual(['v1']);
    expect(done).not.toHaveBeenCalled();
    backend.calls[0].resolve('r');
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toHaveBeenCalledWith(true);
    // The debounce timer was cancelled: no second save.
    await vi.advanceTimersByTimeAsync(2000);
    expect(backend.calls).toHaveLength(1);
  });

  it('flush during a save waits for it, then saves the newer value', async () => {
    const { queue, backend, saved } = setup();
    queue.change('v1');
    await vi.advanceTimersByTimeAsync(600);
    queue.change('v2');
    const result = queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.calls).toHaveLength(1);
    backend.calls[0].resolve('r1');
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.calls).toHaveLength(2);
    expect(backend.calls[1].value).toBe('v2');
    backend.calls[1].resolve('r2');
    await expect(result).resolves.toBe(true);
    expect(saved).toEqual(['v1', 'v2']);
    expect(backend.maxActive()).toBe(1);
  });

  it('flush resolves false when the save fails', async () => {
    const { queue, backend, text } = setup();
    queue.change('v1');
    const result = queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    backend.calls[0].reject({ code: 'io', message: 'read-only file system' });
    await expect(result).resolves.toBe(false);
    expect(text()).toBe('Save failed: read-only file system');
  });

  it('flush with nothing pending resolves true without saving', async () => {
    const { queue, backend } = setup();
    await expect(queue.flush()).resolves.toBe(true);
    expect(backend.calls).toHaveLength(0);
  });

  it('a save function that throws synchronously is reported, not lost', async () => {
    const queue = new AutosaveQueue<string, void>({
      save: () => {
        throw new Error('boom');
      },
      delay: 10,
    });
    queue.change('x');
    await expect(queue.flush()).resolves.toBe(false);
    expect(saveStateText(queue.state)).toBe('Save failed: boom');
  });

  it('a save refused by a fault is worded by its code, shown while retried, and saved once the fault clears', async () => {
    const backend = controllableSave<string>();
    const states: SaveState[] = [];
    const queue = new AutosaveQueue<string, string>({
      save: backend.save,
      delay: 600,
      onState: (s) => states.push(s),
      describeError: errorMessage,
      errorCode,
      retryDelay: 3000,
    });
    queue.change('typed text');
    await vi.advanceTimersByTimeAsync(600);
    backend.calls[0].reject({ code: 'store_busy', message: 'database /d/mla-writer.sqlite3 is in use by another program' });
    await vi.advanceTimersByTimeAsync(0);
    expect(saveStateText(queue.state)).toBe(english.t('ui.save.store_busy'));
    expect(queue.state).toMatchObject({ kind: 'error', code: 'store_busy' });
    expect(queue.dirty).toBe(true);

    // Not before the wait; then the same text again, the failure still shown.
    await vi.advanceTimersByTimeAsync(2999);
    expect(backend.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.calls.map((c) => c.value)).toEqual(['typed text', 'typed text']);
    expect(queue.state.kind).toBe('error');
    backend.calls[1].reject({ code: 'disk_full', message: 'database /d/mla-writer.sqlite3: the disk is full' });
    await vi.advanceTimersByTimeAsync(0);
    expect(saveStateText(queue.state)).toBe(english.t('ui.save.disk_full'));

    await vi.advanceTimersByTimeAsync(3000);
    expect(backend.calls).toHaveLength(3);
    backend.calls[2].resolve('r');
    await vi.advanceTimersByTimeAsync(0);
    expect(saveStateText(queue.state)).toBe('Saved');
    expect(states.filter((s) => s.kind === 'saved')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(backend.calls).toHaveLength(3);
  });

  it('each fault of the store has its own wording, and any other failure says its message', () => {
    const texts = ['disk_full', 'read_only', 'store_busy'].map((code) => saveStateText({ kind: 'error', message: 'm', code }));
    expect(new Set(texts).size).toBe(3);
    for (const text of texts) expect(text).not.toContain('ui.save');
    expect(saveStateText({ kind: 'error', message: 'no draft with id d1', code: 'failed' })).toBe('Save failed: no draft with id d1');
  });

  it('without a retry delay a failed value waits for the next change or flush', async () => {
    const { queue, backend } = setup();
    queue.change('v1');
    await vi.advanceTimersByTimeAsync(600);
    backend.calls[0].reject(new Error('disk full'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(backend.calls).toHaveLength(1);
  });

  it('dispose cancels a pending save', async () => {
    const { queue, backend } = setup();
    queue.change('v1');
    queue.dispose();
    await vi.advanceTimersByTimeAsync(5000);
    expect(backend.calls).toHaveLength(0);
  });
});
