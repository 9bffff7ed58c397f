import { extensions, getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { typingContext } from '../../../../../../renderer/editor/extensions/punctuation/TypedReplacement';

const schema = getSchema([StarterKit, extensions.TextDirection.configure({ direction: 'rtl' })]);

function stateOf(block: Record<string, unknown>): EditorState {
  return EditorState.create({ schema, doc: schema.nodeFromJSON({ type: 'doc', content: [block] }) });
}

const TEXT = 'قال الوزير';
const end = 1 + TEXT.length;

describe('where the writing aids act', () => {
  it('does give the paragraph text before the cursor in an ordinary paragraph', () => {
    const state = stateOf({ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: TEXT }] });
    expect(typingContext(state, end)).toBe(TEXT);
    expect(typingContext(state, 4)).toBe('قال');
  });

  it('does act in automatic paragraphs and headings too', () => {
    expect(typingContext(stateOf({ type: 'paragraph', attrs: { dir: 'auto' }, content: [{ type: 'text', text: TEXT }] }), end)).toBe(TEXT);
    expect(typingContext(stateOf({ type: 'heading', attrs: { level: 2, dir: 'rtl' }, content: [{ type: 'text', text: TEXT }] }), end)).toBe(TEXT);
  });

  it('does not act in code blocks, under a code mark or in a paragraph set left to right', () => {
    expect(typingContext(stateOf({ type: 'codeBlock', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: TEXT }] }), end)).toBeNull();
    expect(typingContext(stateOf({ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: TEXT, marks: [{ type: 'code' }] }] }), end)).toBeNull();
    expect(typingContext(stateOf({ type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: TEXT }] }), end)).toBeNull();
  });
});
