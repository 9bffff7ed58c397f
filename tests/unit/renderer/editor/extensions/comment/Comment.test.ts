import { getSchema } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { findDocProblem } from '../../../../../../shared/editor/docSchema';
import { Comment } from '../../../../../../renderer/editor/extensions/comment/Comment';
import { commentRanges } from '../../../../../../renderer/editor/extensions/comment/commentRanges';
import { stripCommentMarks } from '../../../../../../renderer/editor/extensions/comment/stripCommentMarks';

const schema = getSchema([StarterKit, Comment]);
const ID = '11111111-1111-4111-8111-111111111111';
const SECOND = '22222222-2222-4222-8222-222222222222';
const SENTENCE = 'بكلفة تقدر بأربعين مليون دينار';

/** A paragraph "قال إن الخطة <SENTENCE>." with the sentence carrying comment ID. */
function commented(): EditorState {
  const doc = schema.nodeFromJSON({
    type: 'doc',
    content: [{ type: 'paragraph', content: [
      { type: 'text', text: 'قال إن الخطة ' },
      { type: 'text', text: SENTENCE, marks: [{ type: 'comment', attrs: { id: ID } }] },
      { type: 'text', text: '.' },
    ] }],
  });
  return EditorState.create({ doc, schema });
}

function anchorText(state: EditorState, id: string): string {
  const range = commentRanges(state.doc).get(id);
  return range ? state.doc.textBetween(range.from, range.to) : '';
}

describe('comment mark', () => {
  it('does serialize to a body the core accepts, with the id in the mark', () => {
    const json = commented().doc.toJSON();
    expect(findDocProblem(json)).toBeNull();
    expect(json.content[0].content[1].marks).toEqual([{ type: 'comment', attrs: { id: ID } }]);
  });

  it('does not stretch when text is typed right after the commented words', () => {
    let state = commented();
    const end = commentRanges(state.doc).get(ID)!.to;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
    state = state.apply(state.tr.insertText('، وفق الموازنة'));
    expect(anchorText(state, ID)).toBe(SENTENCE);
    expect(state.doc.textContent).toContain(`${SENTENCE}، وفق الموازنة.`);
  });

  it('does follow its words when text is inserted before them and survive an edit inside', () => {
    let state = commented();
    state = state.apply(state.tr.insertText('وأضاف: ', 1));
    expect(anchorText(state, ID)).toBe(SENTENCE);
    const range = commentRanges(state.doc).get(ID)!;
    const inside = range.from + 'بكلفة '.length;
    state = state.apply(state.tr.insertText('إجمالية ', inside));
    expect(anchorText(state, ID)).toBe('بكلفة إجمالية تقدر بأربعين مليون دينار');
  });

  it('does let two comments overlap on the same words', () => {
    let state = commented();
    const range = commentRanges(state.doc).get(ID)!;
    state = state.apply(state.tr.addMark(range.from, range.from + 'بكلفة'.length, schema.marks.comment!.create({ id: SECOND })));
    expect(anchorText(state, ID)).toBe(SENTENCE);
    expect(anchorText(state, SECOND)).toBe('بكلفة');
  });

  it('does disappear from the ranges once its words are deleted', () => {
    let state = commented();
    const range = commentRanges(state.doc).get(ID)!;
    state = state.apply(state.tr.delete(range.from, range.to));
    expect(commentRanges(state.doc).has(ID)).toBe(false);
  });

  it('does strip comment anchors from pasted content but keep the text and other marks', () => {
    const state = commented();
    const slice = state.doc.slice(1, state.doc.content.size - 1);
    const pasted = stripCommentMarks(slice, schema.marks.comment!);
    expect(pasted).toBeInstanceOf(Slice);
    expect(pasted.content.textBetween(0, pasted.content.size)).toBe(`قال إن الخطة ${SENTENCE}.`);
    let marks = 0;
    pasted.content.descendants((node) => {
      marks += node.marks.length;
    });
    expect(marks).toBe(0);
    const plain = state.doc.slice(1, 5);
    expect(stripCommentMarks(plain, schema.marks.comment!)).toBe(plain);
  });
});
