// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { keysOf, SHORTCUTS, shortcutOf } from './shortcuts';

const press = (key: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}, target: EventTarget | null = null) =>
  shortcutOf({ key, ctrlKey: mods.ctrl ?? false, metaKey: mods.meta ?? false, shiftKey: mods.shift ?? false, altKey: mods.alt ?? false, target });

describe('shortcuts', () => {
  it('read each frequent action from its keys, Cmd standing for Ctrl', () => {
    expect(press('PageDown', { ctrl: true })).toBe('next');
    expect(press('PageUp', { ctrl: true })).toBe('previous');
    expect(press('R', { ctrl: true, shift: true })).toBe('review');
    expect(press('e', { ctrl: true })).toBe('export');
    expect(press('k', { meta: true })).toBe('search');
    expect(press('n', { ctrl: true })).toBe('new');
    expect(press('F1')).toBe('help');
  });

  it('leave every other key alone, and "?" to the field it is typed into', () => {
    expect(press('n')).toBeNull();
    expect(press('r', { ctrl: true })).toBeNull();
    expect(press('PageDown')).toBeNull();
    expect(press('n', { ctrl: true, alt: true })).toBeNull();
    expect(press('?')).toBe('help');
    const input = document.createElement('input');
    expect(press('?', {}, input)).toBeNull();
    expect(press('z', { ctrl: true })).toBe('undo');
    expect(press('z', { ctrl: true }, input)).toBeNull();
  });

  it('are listed with their keys, one each', () => {
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
    expect(keysOf(SHORTCUTS.find((s) => s.action === 'review')!)).toEqual(['Ctrl', 'Shift', 'R']);
    expect(keysOf(SHORTCUTS.find((s) => s.action === 'next')!)).toEqual(['Ctrl', 'Page Down']);
  });
});
