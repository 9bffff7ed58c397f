import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { AttrStep } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { dominantDirection, type Dir } from '../../../../shared/text/direction';

export interface AutoDirectionOptions {
  /** Read on every view update: the `autoDirection` setting. */
  enabled: () => boolean;
  /** The article's direction: empty and digit-only paragraphs follow it. */
  articleDirection: Dir;
}

/** The plugin's state: whether the rule was on when the set was built, and the node decorations. */
export interface AutoDirectionState {
  on: boolean;
  set: DecorationSet;
}

export const autoDirectionKey = new PluginKey<AutoDirectionState>('midadAutoDirection');

interface AutoDirSpec {
  autoDir: true;
}

/** The rendered direction of an 'auto' node: its dominant script, or the browser's own 'auto' while the rule is off. */
function decorationFor(node: PmNode, pos: number, fallback: Dir, on: boolean): Decoration {
  const dir = on ? dominantDirection(node.textContent, fallback) : 'auto';
  return Decoration.node(pos, pos + node.nodeSize, { dir }, { autoDir: true } satisfies AutoDirSpec);
}

/** Every node set to 'auto' in a whole document. */
export function autoDirectionDecorations(doc: PmNode, fallback: Dir, on = true): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText && node.attrs.dir === 'auto') decorations.push(decorationFor(node, pos, fallback, on));
  });
  return DecorationSet.create(doc, decorations);
}

/** The ranges of the new document a transaction touched (attribute-only steps included). */
export function changedRanges(tr: Transaction): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  tr.steps.forEach((step, index) => {
    const rest = tr.mapping.slice(index + 1);
    step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
    });
    if (step instanceof AttrStep) {
      const pos = rest.map(step.pos);
      ranges.push([pos, pos + 1]);
    }
  });
  return ranges;
}

/**
 * Only the paragraphs a transaction touched are measured again (typing stays fast: one
 * paragraph's text per keystroke, and nothing at all for paragraphs not set to 'auto').
 */
export function updateAutoDirection(set: DecorationSet, tr: Transaction, fallback: Dir, on = true): DecorationSet {
  let next = set.map(tr.mapping, tr.doc);
  const size = tr.doc.content.size;
  const seen = new Set<number>();
  for (const [rawFrom, rawTo] of changedRanges(tr)) {
    const from = Math.max(0, Math.min(rawFrom, rawTo) - 1);
    const to = Math.min(size, Math.max(rawFrom, rawTo) + 1);
    tr.doc.nodesBetween(from, to, (node, pos) => {
      if (node.isText || seen.has(pos)) return !node.isTextblock;
      seen.add(pos);
      const end = pos + node.nodeSize;
      const stale = next.find(pos, end, (spec: Partial<AutoDirSpec>) => spec.autoDir === true).filter((decoration) => decoration.from === pos && decoration.to === end);
      if (stale.length > 0) next = next.remove(stale);
      if (node.attrs.dir === 'auto') next = next.add(tr.doc, [decorationFor(node, pos, fallback, on)]);
      return !node.isTextblock;
    });
  }
  return next;
}

/**
 * Paragraphs set to automatic direction follow their dominant script. The computed direction is
 * a rendered attribute (a node decoration), never stored: the document keeps 'auto', so the
 * published HTML and the next edit decide again. Explicit rtl/ltr paragraphs are left alone.
 * Switched off (Settings → autoDirection), 'auto' paragraphs get the browser's own dir="auto"
 * back at the next transaction (the settings change dispatches one).
 */
export const AutoDirection = Extension.create<AutoDirectionOptions>({
  name: 'midadAutoDirection',

  addOptions() {
    return { enabled: () => true, articleDirection: 'rtl' };
  },

  addProseMirrorPlugins() {
    const { enabled, articleDirection } = this.options;
    return [
      new Plugin<AutoDirectionState>({
        key: autoDirectionKey,
        state: {
          init: (_config, state) => {
            const on = enabled();
            return { on, set: autoDirectionDecorations(state.doc, articleDirection, on) };
          },
          apply: (tr, previous) => {
            const on = enabled();
            if (on !== previous.on) return { on, set: autoDirectionDecorations(tr.doc, articleDirection, on) };
            return tr.docChanged ? { on, set: updateAutoDirection(previous.set, tr, articleDirection, on) } : previous;
          },
        },
        props: {
          decorations: (state) => autoDirectionKey.getState(state)?.set ?? DecorationSet.empty,
        },
      }),
    ];
  },
});
