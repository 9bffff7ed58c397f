import { normalizeWithOffsets, searchWords, type WordSpan } from '../../../shared/text/normalize';
import { foldWord, mayNeedFolding, wordMatches, type QueryTerm } from './query';

/** A match in an original (unnormalized) text: [start, end) UTF-16 offsets, whole words. */
export interface TextMatch {
  start: number;
  end: number;
  /** Index of the query term it satisfies (to prefer passages with more different terms). */
  term: number;
}

/** How far a snippet reaches around the best match, in original characters. */
export const SNIPPET_BEFORE = 60;
export const SNIPPET_LENGTH = 220;
const ELLIPSIS = '…';
/** Enough matches to choose a passage from; a long article may hold thousands. */
const MAX_MATCHES = 400;

/**
 * Where the query's terms occur in `original`: computed on the normalized text and mapped back
 * through the normalizer's offsets, so removed harakat and tatweel do not shift the ranges.
 * A range covers the whole word with its marks (a highlight that cut a word in two would break
 * the joining of its letters).
 */
export function findMatches(original: string, terms: readonly QueryTerm[]): TextMatch[] {
  if (!original || terms.length === 0) return [];
  const { text, offsets } = normalizeWithOffsets(original);
  const words = searchWords(text);
  const fold = mayNeedFolding(text);
  const toOriginal = (span: { start: number; end: number }) => ({
    start: offsets[span.start]!,
    // Up to the next kept character: trailing marks and tatweel belong to the word.
    end: span.end < text.length ? offsets[span.end]! : original.length,
  });
  const matches: TextMatch[] = [];
  for (let index = 0; index < words.length && matches.length < MAX_MATCHES; index += 1) {
    const word = words[index]!;
    for (let termIndex = 0; termIndex < terms.length; termIndex += 1) {
      const term = terms[termIndex]!;
      if (term.kind === 'phrase') {
        if (phraseAt(words, index, term.words)) {
          const last = words[index + term.words.length - 1]!;
          matches.push({ ...toOriginal({ start: word.start, end: last.end }), term: termIndex });
          break;
        }
      } else if (wordMatches(term, word.word, fold)) {
        matches.push({ ...toOriginal(word), term: termIndex });
        break;
      }
    }
  }
  // Trim trailing spaces a range may have reached through removed characters.
  return matches.map((match) => {
    let end = match.end;
    while (end > match.start && /\s/u.test(original[end - 1]!)) end -= 1;
    return { ...match, end };
  });
}

function phraseAt(words: readonly WordSpan[], index: number, phrase: readonly string[]): boolean {
  if (index + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k += 1) {
    const word = words[index + k]!.word;
    if (word !== phrase[k] && foldWord(word) !== phrase[k]) return false;
  }
  return true;
}

export interface Passage {
  snippet: string;
  highlights: [number, number][];
  /** The offset in the original text of the match the passage is built around. */
  anchor: number;
  anchorLength: number;
}

/** The window of matches with the most different terms, then the most matches, earliest first. */
function bestAnchor(matches: readonly TextMatch[]): number {
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < matches.length; i += 1) {
    const terms = new Set<number>();
    let count = 0;
    for (let j = i; j < matches.length && matches[j]!.start - matches[i]!.start < SNIPPET_LENGTH - SNIPPET_BEFORE; j += 1) {
      terms.add(matches[j]!.term);
      count += 1;
    }
    const score = terms.size * 1000 + count;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/** Moves an offset to a word boundary (a space) near it, within `reach` characters. */
function snapStart(text: string, offset: number, reach = 20): number {
  if (offset <= 0) return 0;
  for (let k = offset; k > Math.max(0, offset - reach); k -= 1) if (/\s/u.test(text[k - 1]!)) return k;
  return offset;
}

function snapEnd(text: string, offset: number, reach = 20): number {
  if (offset >= text.length) return text.length;
  for (let k = offset; k < Math.min(text.length, offset + reach); k += 1) if (/\s/u.test(text[k]!)) return k;
  return offset;
}

/**
 * A passage of the original text around the best group of matches, with the highlight ranges
 * relative to the passage (an ellipsis marks a cut at either end). Null when nothing matches.
 */
export function passage(original: string, matches: readonly TextMatch[]): Passage | null {
  if (matches.length === 0) return null;
  const anchor = matches[bestAnchor(matches)]!;
  let start = snapStart(original, Math.max(0, anchor.start - SNIPPET_BEFORE));
  if (start > anchor.start) start = anchor.start;
  let end = snapEnd(original, Math.max(anchor.end, start + SNIPPET_LENGTH));
  // Never cut a highlighted word: a match crossing the end extends the passage.
  for (const match of matches) if (match.start < end && match.end > end) end = match.end;
  // Line breaks become spaces one for one, so the highlight offsets stay right.
  const body = original.slice(start, end).replace(/[\n\r\t]/gu, ' ');
  const lead = start > 0 ? ELLIPSIS + ' ' : '';
  const tail = end < original.length ? ' ' + ELLIPSIS : '';
  const shift = lead.length - start;
  const highlights: [number, number][] = matches
    .filter((match) => match.start >= start && match.end <= end)
    .map((match) => [match.start + shift, match.end + shift]);
  return { snippet: lead + body + tail, highlights, anchor: anchor.start, anchorLength: anchor.end - anchor.start };
}
