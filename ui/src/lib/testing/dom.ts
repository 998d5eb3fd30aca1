/**
 * What the app's component tests do to the page: let timers and effects
 * run, find an element, type into a field.
 */
import { vi } from 'vitest';
import { flushSync, tick } from 'svelte';

/** Lets `ms` of fake time pass, then flushes Svelte's updates. */
export async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  flushSync();
  await tick();
}

/** The element `selector` matches; fails the test when none does. */
export function $(selector: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
}

/** Types `value` into the field `selector` matches, as a user's input event. */
export function type(selector: string, value: string): void {
  const el = $(selector) as HTMLInputElement;
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}
