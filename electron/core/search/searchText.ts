import type { Database } from 'better-sqlite3';
import { normalizeArabic, stemsText } from '../../../shared/text/normalize';

/**
 * The SQL functions the search triggers call (migration 0004). They must be registered on
 * every connection that writes articles, before migrations run: `openDatabase` does it.
 *
 * midad_search_text(value, mode):
 * - 'text'  → the normalized text (shared/text/normalize.ts)
 * - 'stems' → the prefix-stripped forms of its words (the clitic columns)
 * - 'tags'  → the normalized tags of a JSON array of strings (anything else: '')
 * - 'tags_stems' → their stems
 * Deterministic and pure: the same input always gives the same index entry.
 */
export function searchTextFunction(value: unknown, mode: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  switch (mode) {
    case 'text':
      return normalized(value);
    case 'stems':
      return stemsText(normalized(value));
    case 'tags':
      return normalizeArabic(tagsToText(value));
    case 'tags_stems':
      return stemsText(normalizeArabic(tagsToText(value)));
    default:
      return '';
  }
}

/**
 * The last long text normalized: a trigger asks for the body's text and, a few calls later,
 * for its stems, and the body of a long article is worth normalizing once. Short values
 * (titles, tags) do not take its place. Strings are compared by value.
 */
const MEMO_MIN_LENGTH = 1024;
let last: { input: string; output: string } | null = null;
function normalized(value: string): string {
  if (value.length < MEMO_MIN_LENGTH) return normalizeArabic(value);
  if (last?.input !== value) last = { input: value, output: normalizeArabic(value) };
  return last.output;
}

/** Tags as stored (a JSON array); a malformed value indexes nothing rather than failing the save. */
export function tagsToText(json: string): string {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string').join(' ، ') : '';
  } catch {
    return '';
  }
}

export function registerSearchFunctions(db: Database): void {
  db.function('midad_search_text', { deterministic: true }, searchTextFunction);
}
