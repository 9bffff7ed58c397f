import { stripArabicMarks } from '../../../../shared/text/arabic';

/**
 * Boilerplate lines copied from news sites ("اقرأ أيضا: …", "شارك المقال", "Read more").
 *
 * The rule (documented in the README): a block (paragraph, heading, list item) is dropped when
 * its normalized text
 *   1. equals a normalized entry of the newsroom's list, or
 *   2. starts with an entry followed by a separator (`:` `-` `–` `—` `|` `،` `…` `»` `>` …) or a
 *      space, and what follows the entry is at most {@link MAX_TAIL} characters — the
 *      "اقرأ أيضا: عنوان مقال آخر" and "تابعونا على فيسبوك" lines, never a real paragraph
 *      that happens to begin with the same words.
 * Normalization: NFC, bidi controls and zero-width characters removed, harakat and tatweel
 * removed, أ إ آ ٱ → ا, ى → ي, lower case, spaces collapsed, punctuation trimmed at both ends.
 */
export const MAX_TAIL = 100;

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g;
const EDGE_PUNCTUATION = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;
const SEPARATOR = /^[\s\p{P}\p{S}]/u;

export function normalizeLine(text: string): string {
  return stripArabicMarks(text.normalize('NFC').replace(INVISIBLE, ''))
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(EDGE_PUNCTUATION, '');
}

/** The normalized, de-duplicated entries, longest first (so "اقرأ المزيد" wins over "اقرأ"). */
export function prepareBoilerplate(entries: readonly string[]): string[] {
  const normalized = new Set(entries.map(normalizeLine).filter((entry) => entry.length > 0));
  return [...normalized].sort((a, b) => b.length - a.length);
}

/** `entries` must come from {@link prepareBoilerplate}. */
export function isBoilerplate(text: string, entries: readonly string[]): boolean {
  if (entries.length === 0) return false;
  const line = normalizeLine(text);
  if (line.length === 0) return false;
  for (const entry of entries) {
    if (line === entry) return true;
    if (line.length > entry.length && line.startsWith(entry)) {
      const tail = line.slice(entry.length);
      if (SEPARATOR.test(tail) && tail.trim().length <= MAX_TAIL) return true;
    }
  }
  return false;
}
