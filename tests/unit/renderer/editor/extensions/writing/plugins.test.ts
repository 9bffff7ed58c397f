import { extensions, getSchema } from '@tiptap/core';
import { history, undo } from '@tiptap/pm/history';
import { EditorState, Plugin, TextSelection } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import type { PartialWordMarks } from '../../../../../../shared/domain/settings';
import { autoDirectionDecorations, autoDirectionKey, AutoDirection } from '../../../../../../renderer/editor/extensions/direction/AutoDirection';
import { WordMarks } from '../../../../../../renderer/editor/extensions/wordMarks/WordMarks';

// The body editor's schema: every node has a `dir` (rtl by default), as with `textDirection: 'rtl'`.
const schema = getSchema([StarterKit, extensions.TextDirection.configure({ direction: 'rtl' })]);

function pluginsOf(extension: { config: { addProseMirrorPlugins?: unknown } }, options: Record<string, unknown>): Plugin[] {
  const add = extension.config.addProseMirrorPlugins as (this: { options: Record<string, unknown> }) => Plugin[];
  return add.call({ options });
}

function paragraph(text: string, dir: string) {
  return { type: 'paragraph', attrs: { dir }, content: text ? [{ type: 'text', text }] : [] };
}

function dirsOf(state: EditorState): Array<string | null> {
  const set = autoDirectionKey.getState(state)!.set;
  const dirs: Array<string | null> = [];
  state.doc.forEach((node, offset) => {
    const found = set.find(offset, offset + node.nodeSize).filter((d) => d.from === offset && d.to === offset + node.nodeSize);
    dirs.push(found.length ? ((found[0] as unknown as { type: { attrs: { dir: string } } }).type.attrs.dir) : null);
  });
  return dirs;
}

describe('automatic direction plugin', () => {
  const doc = schema.nodeFromJSON({
    type: 'doc',
    content: [
      paragraph('Breaking: أعلنت وزارة الداخلية تعديلًا حكوميًا', 'auto'),
      paragraph('The minister said the plan is ready', 'auto'),
      paragraph('', 'auto'),
      paragraph('English text, but set right to left on purpose', 'rtl'),
    ],
  });
  const plugins = pluginsOf(AutoDirection, { enabled: () => true, articleDirection: 'rtl' });

  it('does give auto paragraphs the direction of their dominant script and leave explicit ones alone', () => {
    const state = EditorState.create({ doc, plugins });
    expect(dirsOf(state)).toEqual(['rtl', 'ltr', 'rtl', null]);
    // The document keeps 'auto': the computed direction is only rendered.
    expect(state.doc.toJSON().content.map((p: { attrs: { dir: string } }) => p.attrs.dir)).toEqual(['auto', 'auto', 'auto', 'rtl']);
  });

  it('does recompute the paragraph being typed in, and follow a change of its direction', () => {
    let state = EditorState.create({ doc, plugins });
    const third = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 1;
    state = state.apply(state.tr.insertText('Update: the ministry says', third));
    expect(dirsOf(state)).toEqual(['rtl', 'ltr', 'ltr', null]);
    const end = third + 'Update: the ministry says'.length;
    state = state.apply(state.tr.insertText(' إن الحكومة ستعلن عن خطة جديدة لمواجهة الغلاء', end));
    expect(dirsOf(state)).toEqual(['rtl', 'ltr', 'rtl', null]);
    // Explicit ltr wins: the decoration goes away.
    state = state.apply(state.tr.setNodeMarkup(0, undefined, { dir: 'ltr' }));
    expect(dirsOf(state)[0]).toBeNull();
    // And back to auto.
    state = state.apply(state.tr.setNodeMarkup(0, undefined, { dir: 'auto' }));
    expect(dirsOf(state)[0]).toBe('rtl');
  });

  it("does give 'auto' paragraphs the browser's own dir=auto while switched off, and the rule back when on", () => {
    let on = true;
    const switchable = pluginsOf(AutoDirection, { enabled: () => on, articleDirection: 'rtl' });
    let state = EditorState.create({ doc, plugins: switchable });
    expect(dirsOf(state)).toEqual(['rtl', 'ltr', 'rtl', null]);
    on = false;
    state = state.apply(state.tr.setMeta('midadSettings', false));
    expect(dirsOf(state)).toEqual(['auto', 'auto', 'auto', null]);
    on = true;
    state = state.apply(state.tr.setMeta('midadSettings', true));
    expect(dirsOf(state)).toEqual(['rtl', 'ltr', 'rtl', null]);
  });

  it('does agree with a full recomputation after a paste over several paragraphs', () => {
    let state = EditorState.create({ doc, plugins });
    state = state.apply(state.tr.delete(5, state.doc.child(0).nodeSize + 4));
    const full = autoDirectionDecorations(state.doc, 'rtl').find().map((d) => [d.from, d.to]);
    const incremental = autoDirectionKey.getState(state)!.set.find().map((d) => [d.from, d.to]);
    expect(incremental).toEqual(full);
  });
});

describe('marks on part of an Arabic word', () => {
  const text = 'أعلنت الحكومة خطة جديدة';
  const doc = schema.nodeFromJSON({ type: 'doc', content: [paragraph(text, 'rtl')] });

  function stateWith(mode: PartialWordMarks, warned: { count: number }) {
    return EditorState.create({ doc, plugins: [history(), ...pluginsOf(WordMarks, { mode: () => mode, onPartialWord: () => (warned.count += 1) })] });
  }

  function boldText(state: EditorState): string {
    let bold = '';
    state.doc.descendants((node) => {
      if (node.isText && node.marks.some((m) => m.type.name === 'bold')) bold += node.text;
    });
    return bold;
  }

  const cut = (state: EditorState) => {
    const from = 1 + text.indexOf('لحكو');
    return state.tr.setSelection(TextSelection.create(state.doc, from, from + 4)).addMark(from, from + 4, schema.marks.bold!.create());
  };

  it("does widen bold on part of a word to the whole word ('widen'), undone in one step", () => {
    let state = stateWith('widen', { count: 0 });
    state = state.applyTransaction(cut(state)).state;
    expect(boldText(state)).toBe('الحكومة');
    let undone = state;
    undo(state, (tr) => (undone = state.apply(tr)));
    expect(boldText(undone)).toBe('');
  });

  it('does widen removing a mark too (no half-bold word left)', () => {
    let state = stateWith('widen', { count: 0 });
    state = state.applyTransaction(state.tr.addMark(1, 1 + text.length, schema.marks.bold!.create())).state;
    const from = 1 + text.indexOf('طة');
    state = state.applyTransaction(state.tr.removeMark(from, from + 2, schema.marks.bold!)).state;
    expect(boldText(state)).toBe('أعلنت الحكومة  جديدة'); // "خطة" lost bold as a whole
  });

  it("does only warn in 'warn' and do nothing in 'off'", async () => {
    const warned = { count: 0 };
    let state = stateWith('warn', warned);
    state = state.applyTransaction(cut(state)).state;
    await Promise.resolve();
    expect(boldText(state)).toBe('لحكو');
    expect(warned.count).toBe(1);
    const quiet = { count: 0 };
    let off = stateWith('off', quiet);
    off = off.applyTransaction(cut(off)).state;
    await Promise.resolve();
    expect(boldText(off)).toBe('لحكو');
    expect(quiet.count).toBe(0);
  });

  it('does leave a whole-word mark alone', () => {
    const warned = { count: 0 };
    let state = stateWith('warn', warned);
    const from = 1 + text.indexOf('خطة');
    state = state.applyTransaction(state.tr.addMark(from, from + 3, schema.marks.italic!.create())).state;
    expect(warned.count).toBe(0);
  });
});
