import { Extension } from '@tiptap/core';
import type { Mark, Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform';
import type { PartialWordMarks } from '../../../../shared/domain/settings';
import { widenToArabicWords } from './widen';

/** Marks that break Arabic letter joining when they start or stop inside a word. */
export const WORD_MARKS: ReadonlySet<string> = new Set(['bold', 'italic', 'underline', 'strike']);

export interface WordMarksOptions {
  /** Read at each change: the `partialWordMarks` setting. */
  mode: () => PartialWordMarks;
  /** 'warn': a mark was applied to part of an Arabic word. */
  onPartialWord: () => void;
}

export const wordMarksKey = new PluginKey('midadWordMarks');

interface MarkChange {
  add: boolean;
  mark: Mark;
  from: number;
  to: number;
}

/** A document position moved to the edge of the Arabic word it falls inside (same textblock). */
function widenEnd(doc: PmNode, pos: number, side: 'start' | 'end'): number {
  const $pos = doc.resolve(pos);
  const parent = $pos.parent;
  if (!parent.isTextblock) return pos;
  const text = parent.textBetween(0, parent.content.size, undefined, '\uFFFC');
  const offset = $pos.parentOffset;
  const [start, end] = widenToArabicWords(text, offset, offset);
  return pos + (side === 'start' ? start - offset : end - offset);
}

/** Bold/italic/underline/strike added or removed by these transactions, mapped into the last document. */
export function markChanges(transactions: readonly Transaction[]): MarkChange[] {
  const changes: MarkChange[] = [];
  transactions.forEach((tr, trIndex) => {
    tr.steps.forEach((step, index) => {
      if (!(step instanceof AddMarkStep) && !(step instanceof RemoveMarkStep)) return;
      if (!WORD_MARKS.has(step.mark.type.name)) return;
      let from = tr.mapping.slice(index + 1).map(step.from, 1);
      let to = tr.mapping.slice(index + 1).map(step.to, -1);
      for (const later of transactions.slice(trIndex + 1)) {
        from = later.mapping.map(from, 1);
        to = later.mapping.map(to, -1);
      }
      if (from < to) changes.push({ add: step instanceof AddMarkStep, mark: step.mark, from, to });
    });
  });
  return changes;
}

/**
 * The widening transaction for these changes, or null when none cuts an Arabic word: the mark
 * is added to (or removed from) the rest of each cut word.
 */
export function widenMarks(doc: PmNode, changes: readonly MarkChange[], tr: Transaction): boolean {
  let widened = false;
  for (const change of changes) {
    const start = widenEnd(doc, change.from, 'start');
    const end = widenEnd(doc, change.to, 'end');
    for (const [from, to] of [[start, change.from], [change.to, end]] as const) {
      if (from >= to) continue;
      widened = true;
      if (change.add) tr.addMark(from, to, change.mark);
      else tr.removeMark(from, to, change.mark);
    }
  }
  return widened;
}

/**
 * Bold, italic, underline or strike on part of an Arabic word: widened to the whole word
 * ('widen', in the same undo step) or reported ('warn'); 'off' leaves it as applied.
 */
export const WordMarks = Extension.create<WordMarksOptions>({
  name: 'midadWordMarks',

  addOptions() {
    return { mode: () => 'widen', onPartialWord: () => undefined };
  },

  addProseMirrorPlugins() {
    const { mode, onPartialWord } = this.options;
    return [
      new Plugin({
        key: wordMarksKey,
        appendTransaction: (transactions, _oldState, newState) => {
          const current = mode();
          if (current === 'off') return null;
          // Undo/redo and our own widening are taken as they are.
          if (transactions.some((tr) => tr.getMeta('history$') !== undefined || tr.getMeta(wordMarksKey) === true)) return null;
          const changes = markChanges(transactions);
          if (changes.length === 0) return null;
          const tr = newState.tr;
          if (!widenMarks(newState.doc, changes, tr)) return null;
          if (current === 'warn') {
            queueMicrotask(onPartialWord);
            return null;
          }
          return tr.setMeta(wordMarksKey, true);
        },
      }),
    ];
  },
});
