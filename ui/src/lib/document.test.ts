import { describe, expect, it } from 'vitest';
import { layoutBlocks } from './document';

describe('layoutBlocks', () => {
  it('groups consecutive fields into one list and consecutive items into one list', () => {
    const sections = layoutBlocks([
      { type: 'heading', level: 1, text: 'Request' },
      { type: 'field', label: 'From', lines: ['PPO'] },
      { type: 'field', label: 'Address', lines: ['1 Square', 'Arden'] },
      { type: 'heading', level: 2, text: 'Assistance' },
      { type: 'item', number: 1, lines: ['Obtain records'] },
      { type: 'item', number: 2, lines: ['Hear a witness'] },
      { type: 'paragraph', lines: ['a', 'b'] },
      { type: 'item', number: 1, lines: ['Again'] },
      { type: 'meta', text: 'Ref 1' },
    ]);
    expect(sections.map((s) => s.kind)).toEqual(['heading', 'fields', 'heading', 'items', 'paragraph', 'items', 'meta']);
    expect(sections[1]).toEqual({
      kind: 'fields',
      entries: [
        { label: 'From', lines: ['PPO'] },
        { label: 'Address', lines: ['1 Square', 'Arden'] },
      ],
    });
    expect(sections[3]).toMatchObject({ kind: 'items', items: [{ number: 1 }, { number: 2 }] });
  });
});
