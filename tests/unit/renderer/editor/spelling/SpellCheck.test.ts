import { getSchema } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { EditorState, Plugin, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SpellCheck, SpellChecker, spellCheckKey, type SpellCheckOptions } from '../../../../../renderer/editor/extensions/spelling/SpellCheck';

const schema = getSchema([StarterKit]);
const MISSPELLED = new Set(['الحكومه', 'الانتخابت', 'goverment', 'الوزراه']);

/** A stand-in for the EditorView: what the checker uses of it (state, dispatch, plugin view updates). */
class FakeView {
  composing = false;
  isDestroyed = false;
  state: EditorState;
  private readonly pluginView: { update: (view: EditorView, previous: EditorState) => void };

  constructor(doc: PmNode, plugin: Plugin) {
    this.state = EditorState.create({ doc, plugins: [plugin] });
    this.pluginView = plugin.spec.view!(this as unknown as EditorView) as never;
  }

  dispatch(tr: Transaction): void {
    const previous = this.state;
    this.state = this.state.apply(tr);
    this.pluginView.update(this as unknown as EditorView, previous);
  }

  /** The text under each underline, in order. */
  underlined(): string[] {
    const set = spellCheckKey.getState(this.state)!.set;
    return set
      .find()
      .sort((a, b) => a.from - b.from)
      .map((decoration) => this.state.doc.textBetween(decoration.from, decoration.to));
  }
}

interface Setup {
  view: FakeView;
  checker: SpellChecker;
  calls: string[][];
  options: SpellCheckOptions & { on: boolean };
}

function setup(text: string | string[], check?: (words: string[]) => Promise<string[]>): Setup {
  const calls: string[][] = [];
  const options = {
    on: true,
    enabled: () => options.on,
    check:
      check ??
      (async (words: string[]) => {
        calls.push(words);
        return words.filter((word) => MISSPELLED.has(word));
      }),
    onMenu: () => undefined,
    ignored: () => new Set<string>(),
    idleMs: 400,
  };
  const checker = new SpellChecker(options);
  const add = SpellCheck.config.addProseMirrorPlugins as (this: unknown) => Plugin[];
  const [plugin] = add.call({ options, storage: { checker } });
  const paragraphs = (Array.isArray(text) ? text : [text]).map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] }));
  const doc = schema.nodeFromJSON({ type: 'doc', content: paragraphs });
  return { view: new FakeView(doc, plugin!), checker, calls, options };
}

/** Types text at `pos` the way the editor does (caret after it). */
function typeAt(view: FakeView, pos: number, text: string): void {
  const tr = view.state.tr.insertText(text, pos);
  tr.setSelection(TextSelection.create(tr.doc, pos + text.length));
  view.dispatch(tr);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('spell check plugin', () => {
  it('underlines the misspelled words once the text is checked, asking about each word once', async () => {
    const { view, calls } = setup(['أعلنت الحكومه موعد الانتخابت', 'The goverment said']);
    await vi.advanceTimersByTimeAsync(0);
    expect(view.underlined()).toEqual(['الحكومه', 'الانتخابت', 'goverment']);
    expect(calls).toHaveLength(1);
    // A new paragraph repeating known words costs no call.
    view.dispatch(view.state.tr.insert(view.state.doc.content.size, schema.nodes.paragraph!.create(null, schema.text('الحكومه أعلنت'))));
    await vi.advanceTimersByTimeAsync(400);
    expect(view.underlined()).toEqual(['الحكومه', 'الانتخابت', 'goverment', 'الحكومه']);
    expect(calls).toHaveLength(1);
  });

  it('waits for a pause in typing before asking the core', async () => {
    const { view, calls } = setup('');
    await vi.advanceTimersByTimeAsync(0);
    const before = calls.length;
    for (const letter of 'الوزراه قالت') {
      typeAt(view, view.state.selection.head, letter);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(calls.length).toBe(before);
    await vi.advanceTimersByTimeAsync(400);
    expect(calls.length).toBe(before + 1);
    expect(view.underlined()).toEqual(['الوزراه']);
  });

  it('does not underline the word being typed until the caret leaves it', async () => {
    const { view } = setup('قالت');
    await vi.advanceTimersByTimeAsync(0);
    typeAt(view, view.state.doc.content.size - 1, ' الحكومه');
    await vi.advanceTimersByTimeAsync(1000);
    expect(view.underlined()).toEqual([]);
    // The caret moves away (an arrow key, a click): flagged at once.
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 2)));
    await vi.advanceTimersByTimeAsync(0);
    expect(view.underlined()).toEqual(['الحكومه']);
  });

  it('never puts an underline on other text when the document changed while the core answered', async () => {
    const pending: Array<() => void> = [];
    const { view } = setup('أعلنت الحكومه موعد الانتخابت', (words) => new Promise((resolve) => pending.push(() => resolve(words.filter((word) => MISSPELLED.has(word))))));
    await vi.advanceTimersByTimeAsync(0);
    expect(pending).toHaveLength(1);
    // Meanwhile: text inserted before everything and the second misspelled word deleted.
    typeAt(view, 1, 'عاجل: ');
    const text = view.state.doc.textContent;
    const start = text.indexOf('الانتخابت') + 1;
    const tr = view.state.tr.delete(start, start + 'الانتخابت'.length);
    view.dispatch(tr.setSelection(TextSelection.create(tr.doc, 1)));
    pending.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(view.underlined()).toEqual(['الحكومه']);
    // The words typed meanwhile are asked about next, and only then judged.
    await vi.advanceTimersByTimeAsync(400);
    pending.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(view.underlined()).toEqual(['الحكومه']);
  });

  it('drops an underline when its word is edited and keeps it when a space follows it', async () => {
    const { view } = setup('الحكومه');
    await vi.advanceTimersByTimeAsync(0);
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 1)));
    expect(view.underlined()).toEqual(['الحكومه']);
    const end = view.state.doc.content.size - 1;
    view.dispatch(view.state.tr.insertText(' ', end));
    expect(view.underlined()).toEqual(['الحكومه']);
    view.dispatch(view.state.tr.insertText('ة', 3));
    expect(view.underlined()).toEqual([]);
  });

  it('removes every underline at once when switched off and draws them again from what it knows when on', async () => {
    const { view, calls, options } = setup('الحكومه والانتخابت الحكومه');
    await vi.advanceTimersByTimeAsync(0);
    expect(view.underlined()).toHaveLength(2);
    options.on = false;
    view.dispatch(view.state.tr.setMeta('midadSettings', false));
    expect(view.underlined()).toEqual([]);
    options.on = true;
    view.dispatch(view.state.tr.setMeta('midadSettings', true));
    await vi.advanceTimersByTimeAsync(0);
    expect(view.underlined()).toEqual(['الحكومه', 'الحكومه']);
    expect(calls).toHaveLength(1);
  });

  it('takes a word added to the dictionary off every occurrence at once', async () => {
    const { view, checker, calls } = setup(['الحكومه أعلنت', 'قالت الحكومه إن الوزراه']);
    await vi.advanceTimersByTimeAsync(0);
    expect(view.underlined()).toEqual(['الحكومه', 'الحكومه', 'الوزراه']);
    checker.accept('الحكومه');
    // At once, before the core is asked about anything.
    expect(view.underlined()).toEqual(['الوزراه']);
    await vi.advanceTimersByTimeAsync(0);
    expect(view.underlined()).toEqual(['الوزراه']);
    // The other misspelled words were asked again (the dictionary grew), not the accepted one.
    expect(calls.at(-1)).toEqual(['الوزراه']);
  });

  it('keeps going after the core failed to answer: the next pause asks again', async () => {
    let fail = true;
    const { view } = setup('أعلنت الحكومه', async (words) => {
      if (fail) throw new Error('core unavailable');
      return words.filter((word) => MISSPELLED.has(word));
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(view.underlined()).toEqual([]);
    fail = false;
    typeAt(view, view.state.doc.content.size - 1, ' اليوم.');
    await vi.advanceTimersByTimeAsync(400);
    expect(view.underlined()).toEqual(['الحكومه']);
  });

  it('sends a long article in calls of at most 2,000 words', async () => {
    const words = Array.from({ length: 4500 }, (_, index) => `word${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26) % 26)}${String.fromCharCode(97 + Math.floor(index / 676))}`);
    const { calls } = setup(words.join(' '));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((call) => call.length)).toEqual([2000, 2000, 500]);
  });
});

describe('spell check across articles', () => {
  it('checks an article swapped in while the core was still answering about the previous one', async () => {
    const pending: Array<() => void> = [];
    const { view, checker } = setup('أعلنت الحكومه', (words) => new Promise((resolve) => pending.push(() => resolve(words.filter((word) => MISSPELLED.has(word))))));
    await vi.advanceTimersByTimeAsync(0);
    expect(pending).toHaveLength(1);
    // ArticleSession gives the view a new state: the plugin view is rebuilt (detach, attach).
    const next = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'قالت الوزراه' }] }] });
    checker.detach();
    view.state = EditorState.create({ doc: next, plugins: view.state.plugins });
    checker.attach(view as unknown as EditorView);
    await vi.advanceTimersByTimeAsync(0);
    pending.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    // The first answer is about the old article's words: nothing of it lands on the new one.
    expect(view.underlined()).toEqual([]);
    expect(pending).toHaveLength(1);
    pending.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(view.underlined()).toEqual(['الوزراه']);
  });
});
