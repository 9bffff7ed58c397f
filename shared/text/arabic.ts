/**
 * Arabic-aware text functions shared by the renderer (live counts) and the core (stored
 * counts), so both always agree.
 */

/** Harakat, Quranic marks, superscript alef and tatweel: what slugs and boilerplate matching drop. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;

export function stripArabicMarks(text: string): string {
  return text.replace(ARABIC_MARKS, '');
}

/** Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) plus LRM/RLM/ALM. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * A word is a run of letters, marks (harakat) and digits; clitics written attached
 * (والانتخابات) stay one word, tatweel is a letter-extender, and punctuation such as ، ؛ ؟ « »
 * is not a word. An apostrophe or hyphen between two word characters keeps the word whole, and
 * so does a decimal or thousands separator between two digits (٣٫٥، 12,500).
 *
 * Equivalent to /[\p{L}\p{M}\p{N}]+(?:(?:['’-]|(?<=\p{N})[.,٫٬](?=\p{N}))[\p{L}\p{M}\p{N}]+)*\/gu,
 * written as a scan over a per-code-unit class table because it runs on every autosave of
 * articles of 100,000+ characters, where the regex cost several milliseconds.
 */
const NONE = 0;
const LETTER = 1;
const DIGIT = 2;
let bmpClasses: Uint8Array | null = null;

function classOfCodePoint(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  if (/\p{N}/u.test(ch)) return DIGIT;
  if (/[\p{L}\p{M}]/u.test(ch)) return LETTER;
  return NONE;
}

function classes(): Uint8Array {
  if (!bmpClasses) {
    bmpClasses = new Uint8Array(0x10000);
    for (let code = 0; code < 0x10000; code += 1) {
      // Lone surrogates are classified by the scanner from the full code point.
      if (code < 0xd800 || code > 0xdfff) bmpClasses[code] = classOfCodePoint(code);
    }
  }
  return bmpClasses;
}

const WORD_JOINERS = new Set([0x27, 0x2019, 0x2d]); // ' ’ -
const NUMBER_JOINERS = new Set([0x2e, 0x2c, 0x066b, 0x066c]); // . , ٫ ٬

/** Class of the code point starting at `index`; astral code points are looked up directly. */
function classAt(text: string, index: number, table: Uint8Array): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return classOfCodePoint(text.codePointAt(index)!);
  }
  return table[code]!;
}

export function countWords(text: string): number {
  const table = classes();
  const length = text.length;
  let count = 0;
  let previous = NONE;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    // Fast path: most code units are BMP letters, digits or spaces.
    const current = code >= 0xd800 && code <= 0xdfff ? classAt(text, index, table) : table[code]!;
    if (current !== NONE) {
      if (previous === NONE) count += 1;
      previous = current;
      if (code >= 0xd800 && code <= 0xdbff && index + 1 < length) index += 1;
      continue;
    }
    if (previous !== NONE && index + 1 < length && (WORD_JOINERS.has(code) || NUMBER_JOINERS.has(code))) {
      const next = classAt(text, index + 1, table);
      if (next !== NONE && (WORD_JOINERS.has(code) || (previous === DIGIT && next === DIGIT))) continue;
    }
    previous = NONE;
  }
  return count;
}

/** Characters as a reader sees them: code points, without bidi controls or line breaks. */
export function countCharacters(text: string): number {
  // A char-code loop rather than a regex per character: this runs on every autosave of
  // articles of 100,000+ characters, where the regex version cost several milliseconds.
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // The low half of a surrogate pair belongs to the code point already counted.
    if (code >= 0xdc00 && code <= 0xdfff && index > 0) {
      const previous = text.charCodeAt(index - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) continue;
    }
    if (code === 0x0a || code === 0x0d) continue;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c) continue;
    count += 1;
  }
  return count;
}

export const DEFAULT_WORDS_PER_MINUTE = 200;

/** Whole minutes, at least one for any non-empty text. */
export function readingMinutes(words: number, wordsPerMinute = DEFAULT_WORDS_PER_MINUTE): number {
  if (words <= 0) return 0;
  return Math.max(1, Math.round(words / Math.max(1, wordsPerMinute)));
}

/** A title as it may be stored: no bidi controls, no line breaks (spaces kept as typed). */
export function cleanSingleLine(text: string): string {
  return stripBidiControls(text).replace(/[\r\n\t]+/g, ' ');
}

/** A slug a user typed: bidi controls and unsafe URL characters removed, spaces to hyphens. */
export function cleanSlug(text: string): string {
  return stripBidiControls(text)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/[^\p{L}\p{M}\p{N}-]/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}
