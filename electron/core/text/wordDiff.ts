import { diffArrays } from 'diff';
import { countWords } from '../../../shared/text/arabic';
import { tokenKind, tokenize } from '../../../shared/text/tokenize';

export interface DiffPart {
  kind: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface WordDiff {
  parts: DiffPart[];
  /** Words (as the editor counts them) inserted and deleted. */
  stats: { inserted: number; deleted: number };
}

/**
 * Work allowed for one diff, in units of about a nanosecond on a laptop core (~0.2 s in all),
 * shared by its runs of changed paragraphs. The Myers diff of n tokens with d edits costs about
 * n·d along runs of equal tokens plus ~100·d² for the edit paths themselves (measured with
 * jsdiff 8: two unrelated 5,000-word texts take ~330 ms to reach d = 2,000). A run that would
 * go past what is left is shown as whole paragraphs instead, so even a full rewrite of a long
 * article answers quickly; a desk's corrections (2% of a 20,000-word article's words) use a
 * few percent of it.
 */
const EDIT_BUDGET = 200_000_000;
const PATH_COST = 100;

interface Change {
  kind: DiffPart['kind'];
  tokens: string[];
}

interface Budget {
  left: number;
}

const cost = (size: number, edits: number) => size * edits + PATH_COST * edits * edits;

function myers(before: string[], after: string[], budget: Budget): Change[] | null {
  const size = before.length + after.length;
  // The largest edit count whose cost fits in what is left: PATH_COST·m² + size·m ≤ left.
  const maxEditLength = Math.floor((Math.sqrt(size * size + 4 * PATH_COST * budget.left) - size) / (2 * PATH_COST));
  if (maxEditLength < 1) return null;
  const changes = diffArrays(before, after, { maxEditLength });
  if (!changes) {
    budget.left -= cost(size, maxEditLength);
    return null;
  }
  let edits = 0;
  for (const change of changes) if (change.added || change.removed) edits += change.value.length;
  budget.left -= cost(size, edits);
  return changes.map((change) => ({ kind: change.added ? 'insert' : change.removed ? 'delete' : 'equal', tokens: change.value }));
}

/** Each paragraph (a line of the body's text) is one token, with the line break that ends it. */
function paragraphTokens(text: string): string[] {
  return text.match(/[^\n]*\n+|[^\n]+$/g) ?? [];
}

/** Spaces between two changed words; a line break is kept as an equal part, so a change never spans paragraphs. */
const isBlank = (tokens: string[]) => tokens.every((token) => tokenKind(token) === 'space' && !token.includes('\n'));

/**
 * Shapes the library's changes for a reader: each stretch of changes becomes one deletion
 * followed by one insertion, and the spaces between two changed words are taken into both
 * (so "قال الوزير" → "أكد المسؤول" reads as one replacement, not four fragments). Joining the
 * equal and deleted parts gives the old text back; equal and inserted parts give the new one.
 */
function shape(changes: Change[]): DiffPart[] {
  const parts: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) parts.push({ kind: 'delete', text: deleted });
    if (inserted) parts.push({ kind: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  const pushEqual = (text: string) => {
    const last = parts.at(-1);
    if (last?.kind === 'equal') last.text += text;
    else parts.push({ kind: 'equal', text });
  };
  changes.forEach((change, index) => {
    const text = change.tokens.join('');
    if (change.kind === 'delete') deleted += text;
    else if (change.kind === 'insert') inserted += text;
    else {
      const inChange = deleted !== '' || inserted !== '';
      const nextIsChange = index + 1 < changes.length;
      if (inChange && nextIsChange && isBlank(change.tokens)) {
        deleted += text;
        inserted += text;
        return;
      }
      flush();
      pushEqual(text);
    }
  });
  flush();
  return parts;
}

/**
 * Paragraphs first, then words: identical paragraphs anchor the diff, and only each run of
 * changed paragraphs is compared word by word. A desk's scattered corrections leave most
 * paragraphs whole, so the word-level work is many small diffs instead of one over the whole
 * article (several times faster on 20,000 words), and a change never "borrows" words from a
 * paragraph it did not touch. A run too large for the edit budget shows as whole paragraphs.
 */
function diffTexts(before: string, after: string): Change[] {
  if (before === after) return [{ kind: 'equal', tokens: [before] }];
  // Paragraphs are few: aligning them has its own budget.
  const paragraphs = myers(paragraphTokens(before), paragraphTokens(after), { left: EDIT_BUDGET }) ?? [
    { kind: 'delete', tokens: [before] },
    { kind: 'insert', tokens: [after] },
  ];
  const budget: Budget = { left: EDIT_BUDGET };
  const changes: Change[] = [];
  let deleted: string[] = [];
  let inserted: string[] = [];
  const flush = () => {
    if (deleted.length > 0 && inserted.length > 0) {
      const oldRun = deleted.join('');
      const newRun = inserted.join('');
      changes.push(...(myers(tokenize(oldRun), tokenize(newRun), budget) ?? [{ kind: 'delete', tokens: [oldRun] }, { kind: 'insert', tokens: [newRun] }]));
    } else if (deleted.length > 0) changes.push({ kind: 'delete', tokens: deleted });
    else if (inserted.length > 0) changes.push({ kind: 'insert', tokens: inserted });
    deleted = [];
    inserted = [];
  };
  for (const change of paragraphs) {
    if (change.kind === 'delete') deleted.push(...change.tokens);
    else if (change.kind === 'insert') inserted.push(...change.tokens);
    else {
      flush();
      changes.push(change);
    }
  }
  flush();
  return changes;
}

/** Word-level diff of two plain texts, Arabic-aware (see shared/text/tokenize.ts), in reading order. */
export function diffWords(before: string, after: string): WordDiff {
  const parts = shape(diffTexts(before, after)).filter((part) => part.text !== '');
  const stats = { inserted: 0, deleted: 0 };
  for (const part of parts) {
    if (part.kind === 'insert') stats.inserted += countWords(part.text);
    if (part.kind === 'delete') stats.deleted += countWords(part.text);
  }
  return { parts, stats };
}
