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
 * The Myers diff costs about (tokens × edits); past this product it stops and the diff falls
 * back to whole paragraphs, so a full rewrite of a long article answers in a few hundred
 * milliseconds instead of seconds. Articles of a few thousand words always get word precision;
 * a 20,000-word article (~43,000 tokens) keeps it up to ~1,400 edits (about 700 replaced
 * words, 3.5%), well beyond a desk's corrections.
 */
const EDIT_BUDGET = 120_000_000;

interface Change {
  kind: DiffPart['kind'];
  tokens: string[];
}

function myers(before: string[], after: string[]): Change[] | null {
  const maxEditLength = Math.max(1000, Math.floor(EDIT_BUDGET / Math.max(1, before.length + after.length)));
  const changes = diffArrays(before, after, { maxEditLength });
  if (!changes) return null;
  return changes.map((change) => ({ kind: change.added ? 'insert' : change.removed ? 'delete' : 'equal', tokens: change.value }));
}

/** Paragraph-level fallback: each line is one token (with its line break), so a rewrite shows whole paragraphs. */
function paragraphTokens(text: string): string[] {
  return text.match(/[^\n]*\n+|[^\n]+$/g) ?? [];
}

const isBlank = (tokens: string[]) => tokens.every((token) => tokenKind(token) === 'space');

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

/** Word-level diff of two plain texts, Arabic-aware (see shared/text/tokenize.ts), in reading order. */
export function diffWords(before: string, after: string): WordDiff {
  let changes = before === after ? [{ kind: 'equal' as const, tokens: [before] }] : myers(tokenize(before), tokenize(after));
  changes ??= myers(paragraphTokens(before), paragraphTokens(after)) ?? [
    { kind: 'delete', tokens: [before] },
    { kind: 'insert', tokens: [after] },
  ];
  const parts = shape(changes).filter((part) => part.text !== '');
  const stats = { inserted: 0, deleted: 0 };
  for (const part of parts) {
    if (part.kind === 'insert') stats.inserted += countWords(part.text);
    if (part.kind === 'delete') stats.deleted += countWords(part.text);
  }
  return { parts, stats };
}
