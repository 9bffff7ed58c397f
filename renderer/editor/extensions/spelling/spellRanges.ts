import type { Node as PmNode } from '@tiptap/pm/model';
import { spellTokens, type SpellToken } from '../../../../shared/text/spellTokens';
/** Words per `spell.check` call (the channel takes 5,000; smaller calls keep the core responsive). */
export const CHECK_BATCH = 2000;

/** Marks whose text is not prose: never checked. */
const SKIPPED_MARKS: ReadonlySet<string> = new Set(['code']);

/**
 * A textblock's text with exactly one character per document position, so a token's offset
 * plus the block's start is its place in the document: text in a skipped mark and leaf inline
 * nodes (hard breaks, inline images) become spaces, which also ends any word at them.
 */
export function checkableText(block: PmNode): string {
  let text = '';
  block.forEach((child) => {
    if (child.isText && !child.marks.some((mark) => SKIPPED_MARKS.has(mark.type.name))) text += child.text!;
    else text += ' '.repeat(child.nodeSize);
  });
  return text;
}

/**
 * Tokens per textblock, kept on the node itself (a WeakMap): an edit replaces only the nodes on
 * its path, so an unchanged paragraph keeps its identity and is never tokenized again.
 */
export class BlockTokens {
  private readonly cache = new WeakMap<PmNode, readonly SpellToken[]>();

  of(block: PmNode): readonly SpellToken[] {
    let tokens = this.cache.get(block);
    if (!tokens) {
      // Code blocks are not prose.
      tokens = block.type.spec.code ? [] : spellTokens(checkableText(block));
      this.cache.set(block, tokens);
    }
    return tokens;
  }
}

/** Every textblock of the document with the position where its content starts. */
function forEachTextblock(doc: PmNode, visit: (block: PmNode, start: number) => void): void {
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      visit(node, pos + 1);
      return false;
    }
    return !node.isInline;
  });
}

/**
 * What is known about words: true = misspelled, false = correct. Bounded: past `limit` the
 * oldest answers are forgotten (they are asked again if they are still in the text).
 */
export class WordVerdicts {
  private readonly verdicts = new Map<string, boolean>();

  constructor(private readonly limit = 50_000) {}

  get(word: string): boolean | undefined {
    return this.verdicts.get(word);
  }

  set(word: string, misspelled: boolean): void {
    if (!this.verdicts.has(word) && this.verdicts.size >= this.limit) {
      const oldest = this.verdicts.keys().next().value;
      if (oldest !== undefined) this.verdicts.delete(oldest);
    }
    this.verdicts.set(word, misspelled);
  }

  /** Forgets every word judged misspelled (the dictionary grew: they are asked again). */
  forgetMisspelled(): void {
    for (const [word, misspelled] of this.verdicts) if (misspelled) this.verdicts.delete(word);
  }

  clear(): void {
    this.verdicts.clear();
  }

  get size(): number {
    return this.verdicts.size;
  }
}

/** The distinct words of the document no verdict is known for, in document order. */
export function unknownWords(doc: PmNode, tokens: BlockTokens, verdicts: Pick<WordVerdicts, 'get'>): string[] {
  const unknown = new Set<string>();
  forEachTextblock(doc, (block) => {
    for (const token of tokens.of(block)) if (verdicts.get(token.word) === undefined) unknown.add(token.word);
  });
  return [...unknown];
}

export interface MisspelledRange {
  from: number;
  to: number;
  word: string;
}

export interface RangeOptions {
  /** Words the user chose to ignore in this article. */
  ignored?: ReadonlySet<string>;
  /** The caret at the end of the word being typed: that word is not underlined yet. */
  hold?: number | null;
}

/**
 * The document ranges to underline, computed from the document as it is now and the verdicts
 * known now (never from positions an earlier answer was about): a word with no verdict yet is
 * not underlined, so a late answer can only ever underline the word it judged.
 */
export function misspelledRanges(doc: PmNode, tokens: BlockTokens, verdicts: Pick<WordVerdicts, 'get'>, options: RangeOptions = {}): MisspelledRange[] {
  const ranges: MisspelledRange[] = [];
  const hold = options.hold ?? null;
  forEachTextblock(doc, (block, start) => {
    for (const token of tokens.of(block)) {
      if (verdicts.get(token.word) !== true || options.ignored?.has(token.word)) continue;
      const from = start + token.from;
      const to = start + token.to;
      if (to === hold) continue;
      ranges.push({ from, to, word: token.word });
    }
  });
  return ranges;
}

/** `words` in calls of at most `size`. */
export function batches<T>(words: readonly T[], size = CHECK_BATCH): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < words.length; index += size) out.push(words.slice(index, index + size));
  return out;
}
