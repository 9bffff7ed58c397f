import { Extension } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** True right after a typed character was replaced (until the next change of the document). */
export const typedReplacementKey = new PluginKey<boolean>('midadTypedReplacement');

function justReplaced(state: EditorState): boolean {
  return typedReplacementKey.getState(state) === true;
}

/**
 * Text typed into a plain, unformatted spot of a textblock, where the writing aids may act:
 * not in a code block, not under a code mark, not in a paragraph explicitly set left to right.
 * Returns the paragraph's text before the cursor, or null.
 */
export function typingContext(state: EditorState, from: number): string | null {
  const $from = state.doc.resolve(from);
  const parent = $from.parent;
  if (!parent.isTextblock || parent.type.spec.code || parent.attrs.dir === 'ltr') return null;
  const marks = state.storedMarks ?? $from.marks();
  if (marks.some((mark) => mark.type.spec.code === true || mark.type.name === 'code')) return null;
  return parent.textBetween(Math.max(0, $from.parentOffset - 200), $from.parentOffset, undefined, '\uFFFC');
}

/**
 * Types `typed` as the browser would, then replaces it with `replacement` in a second
 * transaction that starts its own undo step: Ctrl+Z right after gives back the typed character.
 */
export function replaceTyped(view: EditorView, from: number, to: number, typed: string, replacement: string): void {
  const insert = view.state.tr.insertText(typed, from, to);
  if (justReplaced(view.state)) closeHistory(insert);
  view.dispatch(insert);
  const replace = view.state.tr.insertText(replacement, from, from + typed.length);
  closeHistory(replace);
  replace.setMeta(typedReplacementKey, true);
  view.dispatch(replace);
}

/**
 * Keeps an automatic replacement its own undo step: the first character typed after one starts
 * a new step (otherwise it would join the replacement's, and Ctrl+Z would undo both).
 */
export const TypedReplacement = Extension.create({
  name: 'midadTypedReplacement',
  // After the punctuation and quote aids, which handle their own characters.
  priority: 90,

  addProseMirrorPlugins() {
    return [
      new Plugin<boolean>({
        key: typedReplacementKey,
        state: {
          init: () => false,
          apply: (tr, previous) => (tr.getMeta(typedReplacementKey) === true ? true : tr.docChanged ? false : previous),
        },
        props: {
          handleTextInput: (view, from, to, text) => {
            if (!justReplaced(view.state)) return false;
            const tr = view.state.tr.insertText(text, from, to);
            closeHistory(tr);
            view.dispatch(tr);
            return true;
          },
        },
      }),
    ];
  },
});

export interface TypedReplacementOptions {
  /** Read at each keystroke: the aid's setting. */
  enabled: () => boolean;
}

/**
 * A writing aid that replaces one typed character by another where the text before it says so
 * (Arabic punctuation, Arabic quotes). `accepts` is the cheap first test, run on every keystroke.
 */
export function typedReplacementAid(name: string, accepts: (typed: string) => boolean, replacementFor: (typed: string, before: string) => string | null) {
  return Extension.create<TypedReplacementOptions>({
    name,
    priority: 110,

    addOptions() {
      return { enabled: () => true };
    },

    addProseMirrorPlugins() {
      const { enabled } = this.options;
      return [
        new Plugin({
          key: new PluginKey(name),
          props: {
            handleTextInput: (view, from, to, text) => {
              if (!accepts(text) || !enabled()) return false;
              const before = typingContext(view.state, from);
              if (before === null) return false;
              const replacement = replacementFor(text, before);
              if (!replacement) return false;
              replaceTyped(view, from, to, text, replacement);
              return true;
            },
          },
        }),
      ];
    },
  });
}
