import { Schema } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { docToText } from '../../../../../shared/editor/docToText';
import type { DocNode } from '../../../../../shared/editor/docSchema';
import { matchRange, plainOffsetToPosition } from '../../../../../renderer/features/search/bodyPosition';
import { snippetParts } from '../../../../../renderer/features/search/snippetParts';
import { isSearchShortcut } from '../../../../../renderer/features/search/useSearch';

/** The node types docToText distinguishes, enough to place offsets as the editor's schema does. */
const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*' },
    heading: { group: 'block', content: 'inline*', attrs: { level: { default: 2 } } },
    bulletList: { group: 'block', content: 'listItem+' },
    listItem: { content: 'paragraph+' },
    image: { group: 'block', attrs: { caption: { default: '' } } },
    text: { group: 'inline' },
    hardBreak: { group: 'inline', inline: true },
  },
});

const json: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'خلفيات القرار' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'قال الوزير' }, { type: 'hardBreak' }, { type: 'text', text: 'إن الانتخابات قريبة.' }] },
    { type: 'image', attrs: { caption: 'صورة من الاجتماع' } },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'بند أول' }] }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'وللانتخابات موعد ثابت.' }] },
  ],
};

describe('plainOffsetToPosition', () => {
  const doc = schema.nodeFromJSON(json);
  const text = docToText(json);

  it.each(['القرار', 'الوزير', 'الانتخابات', 'بند', 'وللانتخابات', 'ثابت'])('does put the selection on «%s» where docToText has it', (word) => {
    const offset = text.indexOf(word);
    const range = matchRange(doc, offset, word.length)!;
    expect(doc.textBetween(range.from, range.to)).toBe(word);
  });

  it('does refuse offsets in an image caption or past the end', () => {
    expect(plainOffsetToPosition(doc, text.indexOf('صورة'))).toBeNull();
    expect(plainOffsetToPosition(doc, text.length + 5)).toBeNull();
  });
});

describe('snippetParts', () => {
  it('does cut a passage into plain and marked parts', () => {
    expect(snippetParts('قال الوزير إن الانتخابات قريبة', [[14, 24]])).toEqual([
      { text: 'قال الوزير إن ', match: false },
      { text: 'الانتخابات', match: true },
      { text: ' قريبة', match: false },
    ]);
  });

  it('does ignore overlapping, reversed and out-of-range highlights', () => {
    expect(snippetParts('abcdef', [[4, 6], [0, 2], [1, 3], [5, 99], [3, 3]])).toEqual([
      { text: 'ab', match: true },
      { text: 'cd', match: false },
      { text: 'ef', match: true },
    ]);
  });
});

describe('isSearchShortcut', () => {
  const key = (over: Partial<KeyboardEvent>) => ({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, code: '', key: '', ...over });
  it('does accept Ctrl+K and ⌘K, also on an Arabic layout, and nothing else', () => {
    expect(isSearchShortcut(key({ ctrlKey: true, code: 'KeyK', key: 'k' }))).toBe(true);
    expect(isSearchShortcut(key({ metaKey: true, code: 'KeyK', key: 'k' }))).toBe(true);
    expect(isSearchShortcut(key({ ctrlKey: true, code: 'KeyK', key: 'ن' }))).toBe(true);
    expect(isSearchShortcut(key({ code: 'KeyK', key: 'k' }))).toBe(false);
    expect(isSearchShortcut(key({ ctrlKey: true, shiftKey: true, code: 'KeyK', key: 'K' }))).toBe(false);
    expect(isSearchShortcut(key({ ctrlKey: true, code: 'KeyS', key: 's' }))).toBe(false);
  });
});
