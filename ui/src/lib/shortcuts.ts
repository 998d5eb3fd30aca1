/**
 * The keyboard shortcuts of the frequent actions, one table for the keys,
 * their wording in the help overlay and the reading of a key press.
 */

/** What a shortcut does. */
export type ShortcutAction = 'next' | 'previous' | 'review' | 'export' | 'search' | 'new' | 'undo' | 'help';

/** A shortcut: its action, its key (as `KeyboardEvent.key`), its modifiers and the catalogue key of its description. */
export interface Shortcut {
  action: ShortcutAction;
  key: string;
  ctrl: boolean;
  shift: boolean;
  label: string;
}

/** Every shortcut, in the order the help overlay lists them. */
export const SHORTCUTS: ReadonlyArray<Shortcut> = [
  { action: 'next', key: 'PageDown', ctrl: true, shift: false, label: 'ui.shortcuts.next' },
  { action: 'previous', key: 'PageUp', ctrl: true, shift: false, label: 'ui.shortcuts.previous' },
  { action: 'review', key: 'R', ctrl: true, shift: true, label: 'ui.shortcuts.review' },
  { action: 'export', key: 'E', ctrl: true, shift: false, label: 'ui.shortcuts.export' },
  { action: 'search', key: 'K', ctrl: true, shift: false, label: 'ui.shortcuts.search' },
  { action: 'new', key: 'N', ctrl: true, shift: false, label: 'ui.shortcuts.new' },
  { action: 'undo', key: 'Z', ctrl: true, shift: false, label: 'ui.shortcuts.undo' },
  { action: 'help', key: 'F1', ctrl: false, shift: false, label: 'ui.shortcuts.help' },
];

/** The keys of `shortcut` as the help overlay shows them ("Ctrl + Shift + R"); the key names are the keyboard's own. */
export function keysOf(shortcut: Shortcut): string[] {
  const keys: string[] = [];
  if (shortcut.ctrl) keys.push('Ctrl');
  if (shortcut.shift) keys.push('Shift');
  keys.push(shortcut.key === 'PageDown' ? 'Page Down' : shortcut.key === 'PageUp' ? 'Page Up' : shortcut.key);
  return keys;
}

/** Whether the press happened in a place that takes typing: a text box, a text area, a list to choose from. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/**
 * The action of a key press, or null. Ctrl stands for Cmd on a Mac. "?"
 * also opens the help, and Ctrl+Z undoes the last removal, except in a
 * field, where they are typing and the field's own undo.
 */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>): ShortcutAction | null {
  if (event.altKey) return null;
  const ctrl = event.ctrlKey || event.metaKey;
  if (event.key === '?' && !ctrl && !typing(event.target)) return 'help';
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  const found = SHORTCUTS.find((s) => s.key === key && s.ctrl === ctrl && s.shift === event.shiftKey);
  if (found?.action === 'undo' && typing(event.target)) return null;
  return found?.action ?? null;
}
