import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { changedRanges } from '../direction/AutoDirection';
import { batches, BlockTokens, misspelledRanges, unknownWords, WordVerdicts, type MisspelledRange } from './spellRanges';

/** Where and on which word the spelling menu was asked for. */
export interface SpellMenuRequest {
  word: string;
  from: number;
  to: number;
  /** Viewport coordinates to open the menu at (the pointer, or the caret for the keyboard). */
  x: number;
  y: number;
  keyboard: boolean;
}

export interface SpellCheckOptions {
  /** Read at every transaction: Settings → `spellcheck`. */
  enabled: () => boolean;
  /** Which of `words` are misspelled (the core's `spell.check`). */
  check: (words: string[]) => Promise<string[]>;
  /** Right-click, the ContextMenu key or Shift+F10 on an underlined word. */
  onMenu: (request: SpellMenuRequest) => void;
  /** The words ignored in the open article. */
  ignored: () => ReadonlySet<string>;
  /** Idle time after the last change before the text is checked. */
  idleMs: number;
}

export interface SpellState {
  on: boolean;
  set: DecorationSet;
  /**
   * The caret after the last edit, while it stays there: the word ending at it is the one being
   * typed and is not underlined until the caret moves away (a space, a click, an arrow key). A
   * pause alone does not flag it: the writer may only be thinking about the rest of the word.
   */
  typedAt: number | null;
}

interface SpellSpec {
  spellWord: string;
}

export const spellCheckKey = new PluginKey<SpellState>('midadSpellCheck');

const WORD_CHAR = /[\p{L}\p{M}\u0640]/u;

function decorationsFor(doc: PmNode, ranges: readonly MisspelledRange[]): DecorationSet {
  return DecorationSet.create(
    doc,
    ranges.map((range) => Decoration.inline(range.from, range.to, { class: 'spell-error' }, { spellWord: range.word } satisfies SpellSpec)),
  );
}

/**
 * Mapped through an edit, an underline stays on its word; one whose word was edited (a change
 * inside it, or letters now touching its edge) is dropped until the next check judges the new word.
 */
export function mapSpellSet(set: DecorationSet, tr: Transaction): DecorationSet {
  let next = set.map(tr.mapping, tr.doc);
  const size = tr.doc.content.size;
  const letterAt = (pos: number) => pos >= 0 && pos < size && WORD_CHAR.test(tr.doc.textBetween(pos, pos + 1, '\n', '\n'));
  for (const [a, b] of changedRanges(tr)) {
    const from = Math.min(a, b);
    const to = Math.max(a, b);
    const touched = next.find(Math.max(0, from - 1), Math.min(size, to + 1)).filter(
      (decoration) => (decoration.from < to && decoration.to > from) || (decoration.to === from && letterAt(from)) || (decoration.from === to && letterAt(to - 1)),
    );
    if (touched.length > 0) next = next.remove(touched);
  }
  return next;
}

/** The plugin state after a transaction (pure: the settings switch, a new set from the checker, or an edit). */
export function applySpell(tr: Transaction, previous: SpellState, on: boolean): SpellState {
  if (!on) return previous.on ? { on, set: DecorationSet.empty, typedAt: null } : previous;
  const meta = tr.getMeta(spellCheckKey) as { set: DecorationSet } | undefined;
  let typedAt = previous.typedAt;
  if (tr.docChanged) typedAt = tr.selection.empty ? tr.selection.head : null;
  else if (typedAt !== null && (!tr.selection.empty || tr.selection.head !== typedAt)) typedAt = null;
  if (meta) return { on, set: meta.set, typedAt };
  if (!previous.on) return { on, set: DecorationSet.empty, typedAt };
  const set = tr.docChanged ? mapSpellSet(previous.set, tr) : previous.set;
  return set === previous.set && typedAt === previous.typedAt ? previous : { on, set, typedAt };
}

/** The underlined word at `pos` (inside it or at either edge), if any. */
export function spellWordAt(state: EditorState, pos: number): { from: number; to: number; word: string } | null {
  const set = spellCheckKey.getState(state)?.set;
  if (!set) return null;
  const found = set.find(pos, pos).find((decoration) => decoration.from <= pos && pos <= decoration.to);
  if (!found) return null;
  return { from: found.from, to: found.to, word: (found.spec as SpellSpec).spellWord };
}

function sameRanges(set: DecorationSet, ranges: readonly MisspelledRange[]): boolean {
  const current = set.find();
  if (current.length !== ranges.length) return false;
  current.sort((a, b) => a.from - b.from);
  return current.every((decoration, index) => {
    const range = ranges[index]!;
    return decoration.from === range.from && decoration.to === range.to && (decoration.spec as SpellSpec).spellWord === range.word;
  });
}

/**
 * The checker behind the plugin: word verdicts and per-paragraph tokens cached across checks
 * and articles, and the idle timer. Checking never runs in a transaction: the plugin's `apply`
 * only maps the underlines, so typing costs one mapped DecorationSet per keystroke.
 */
export class SpellChecker {
  readonly verdicts = new WordVerdicts();
  readonly tokens = new BlockTokens();
  private view: EditorView | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private again = false;

  constructor(private readonly options: SpellCheckOptions) {}

  /**
   * A new plugin view: the editor was made, or an article was swapped in (ArticleSession gives
   * the view a new state, which rebuilds plugin views). Checked at once, not after the idle
   * pause: nobody is typing yet.
   */
  attach(view: EditorView): void {
    this.view = view;
    this.schedule(0);
  }

  detach(): void {
    this.view = null;
    this.cancel();
  }

  /** Called by the plugin view after every state change. */
  update(view: EditorView, previous: EditorState): void {
    const now = spellCheckKey.getState(view.state);
    const before = spellCheckKey.getState(previous);
    if (!now?.on) return this.cancel();
    if (view.state.doc !== previous.doc) this.schedule(this.options.idleMs);
    else if (!before?.on) this.schedule(0);
    // The caret left the word just typed: flag it now.
    else if (before.typedAt !== null && now.typedAt === null) this.schedule(0);
  }

  /** A word now counts as correct (added to the dictionary): its underlines go at once; other misspelled words are asked again. */
  accept(word: string): void {
    this.verdicts.set(word, false);
    if (this.view) this.show(this.view);
    // Spellings of it with harakat or tatweel are correct now too: the core is asked again.
    this.verdicts.forgetMisspelled();
    this.schedule(0);
  }

  /** A word known to be correct (a suggestion the user picked): no need to ask. */
  knownCorrect(word: string): void {
    this.verdicts.set(word, false);
  }

  /** Redraws from what is known (after an "ignore"). */
  refresh(): void {
    this.schedule(0);
  }

  /** Forgets every verdict (the dictionary lost a word) and checks again. */
  reset(): void {
    this.verdicts.clear();
    this.schedule(0);
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  /** Asks the core about the words not yet judged, then draws the underlines from the document as it is then. */
  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        const view = this.view;
        if (!view || !this.options.enabled()) return;
        // Never redraw under an input method's composition: it would cut the composed text.
        if (view.composing) return this.schedule(this.options.idleMs);
        for (const batch of batches(unknownWords(view.state.doc, this.tokens, this.verdicts))) {
          const misspelled = new Set(await this.options.check(batch));
          for (const word of batch) this.verdicts.set(word, misspelled.has(word));
          if (this.view !== view) return;
        }
        this.show(view);
      } while (this.again);
    } catch {
      // The core could not answer (signed out, shutting down; the core logs why): what is known
      // stays drawn, and the next edit tries again.
      if (this.view) this.show(this.view);
    } finally {
      this.running = false;
      // Asked for while this run was cut short (an article swapped in meanwhile): run again.
      if (this.again && this.view) {
        this.again = false;
        this.schedule(0);
      }
    }
  }

  private show(view: EditorView): void {
    if (view.isDestroyed || !this.options.enabled()) return;
    const { state } = view;
    const plugin = spellCheckKey.getState(state);
    if (!plugin?.on) return;
    const hold = plugin.typedAt !== null && state.selection.empty && state.selection.head === plugin.typedAt ? plugin.typedAt : null;
    const ranges = misspelledRanges(state.doc, this.tokens, this.verdicts, { ignored: this.options.ignored(), hold });
    if (sameRanges(plugin.set, ranges)) return;
    view.dispatch(state.tr.setMeta(spellCheckKey, { set: decorationsFor(state.doc, ranges) }).setMeta('addToHistory', false));
  }
}

declare module '@tiptap/core' {
  interface Storage {
    spellCheck: { checker: SpellChecker };
  }
}

/** The menu for the underlined word under the pointer, or at the caret for the keyboard. */
function openMenu(view: EditorView, event: Event, pos: number, keyboard: boolean, onMenu: SpellCheckOptions['onMenu'], point?: { x: number; y: number }): boolean {
  const hit = spellWordAt(view.state, pos);
  if (!hit) return false;
  event.preventDefault();
  let at = point;
  if (!at) {
    const coords = view.coordsAtPos(pos);
    at = { x: coords.left, y: coords.bottom };
  }
  onMenu({ ...hit, x: at.x, y: at.y, keyboard });
  return true;
}

/**
 * Midad's own spell checking in the body (the browser's checker is off there: it has no Arabic
 * on Windows and Linux). Misspelled words get a wavy red underline, an inline decoration that is
 * never stored; the words go to the core's bundled dictionaries after the writer pauses, and a
 * right-click (or the ContextMenu key, or Shift+F10) on an underlined word opens Midad's menu.
 */
export const SpellCheck = Extension.create<SpellCheckOptions, { checker: SpellChecker }>({
  name: 'spellCheck',

  addOptions() {
    return { enabled: () => true, check: async () => [], onMenu: () => undefined, ignored: () => new Set<string>(), idleMs: 400 };
  },

  addStorage() {
    return { checker: new SpellChecker(this.options) };
  },

  addProseMirrorPlugins() {
    const { enabled, onMenu } = this.options;
    const checker = this.storage.checker;
    return [
      new Plugin<SpellState>({
        key: spellCheckKey,
        state: {
          init: () => ({ on: enabled(), set: DecorationSet.empty, typedAt: null }),
          apply: (tr, previous) => applySpell(tr, previous, enabled()),
        },
        view: (view) => {
          checker.attach(view);
          return { update: (updated, previous) => checker.update(updated, previous), destroy: () => checker.detach() };
        },
        props: {
          decorations: (state) => spellCheckKey.getState(state)?.set ?? DecorationSet.empty,
          handleDOMEvents: {
            contextmenu: (view, event) => {
              // The keyboard's menu (button 0 with no pointer) is handled at keydown; a right-click
              // outside an underline keeps the native menu.
              const target = event.target instanceof Element ? event.target.closest('.spell-error') : null;
              if (!target || !view.dom.contains(target)) return false;
              const pos = view.posAtDOM(target, 0);
              return openMenu(view, event, pos, false, onMenu, { x: event.clientX, y: event.clientY });
            },
          },
          handleKeyDown: (view, event) => {
            if (event.key !== 'ContextMenu' && !(event.key === 'F10' && event.shiftKey)) return false;
            const { selection } = view.state;
            return openMenu(view, event, selection.head, true, onMenu);
          },
        },
      }),
    ];
  },
});
