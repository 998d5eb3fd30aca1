/**
 * Closing the window never loses what was typed: when the user asks to
 * close it, every open draft saves its pending changes first, and the window
 * closes once they are committed. When a save fails, the window stays open
 * once, so the user sees why; asking again closes it.
 *
 * The shell holds the close while the UI listens to the request (Tauri's
 * `onCloseRequested`), and closes the window when the handler returns
 * without calling `preventDefault`.
 */

import { getContext, setContext } from 'svelte';

/** Saves what is pending; resolves false when the save failed. */
export type Flush = () => Promise<boolean>;

/** The part of Tauri's close request the guard uses. */
export interface CloseRequest {
  preventDefault(): void;
}

export class CloseGuard {
  private readonly flushes = new Set<Flush>();
  private held = false;
  private readonly onHeld: (held: boolean) => void;

  /** `onHeld` hears when the window is kept open (true) and when that no longer holds (false). */
  constructor(onHeld: (held: boolean) => void = () => {}) {
    this.onHeld = onHeld;
  }

  /** Saves run by `flush` before the window closes, until the returned function is called. */
  register(flush: Flush): () => void {
    this.flushes.add(flush);
    return () => this.flushes.delete(flush);
  }

  /**
   * Handles a request to close the window: runs every save and lets the
   * window close once they have succeeded. When one fails, keeps the window
   * open (the first time) and says so; a second request closes it anyway.
   */
  async closeRequested(request: CloseRequest): Promise<void> {
    let saved = true;
    for (const flush of [...this.flushes]) {
      try {
        if (!(await flush())) saved = false;
      } catch {
        saved = false;
      }
    }
    if (saved || this.held) {
      this.setHeld(false);
      return;
    }
    request.preventDefault();
    this.setHeld(true);
  }

  /** Forgets a held close, e.g. once the user has saved or moved on. */
  release(): void {
    this.setHeld(false);
  }

  private setHeld(held: boolean): void {
    if (held === this.held) return;
    this.held = held;
    this.onHeld(held);
  }
}

const KEY = Symbol('close-guard');

/** Makes `guard` the one the components below register their saves with. */
export function setCloseGuard(guard: CloseGuard): CloseGuard {
  setContext(KEY, guard);
  return guard;
}

/** The guard set by an enclosing component, or one no close request reaches. */
export function getCloseGuard(): CloseGuard {
  return getContext<CloseGuard | undefined>(KEY) ?? new CloseGuard();
}
