/**
 * Arabic search normalization, applied identically when an article is indexed (the SQLite
 * function `midad_search_text`, called by the triggers on `articles`) and when a query is
 * parsed, so what the user types and what the writer wrote meet in the same form:
 *
 * - harakat and other marks removed (U+064B–U+065F, U+0670 superscript alef, U+0610–U+061A,
 *   Quranic marks U+06D6–U+06ED), tatweel (U+0640), bidi controls, ZWJ/ZWNJ, soft hyphen, BOM;
 * - أ إ آ ٱ (and the rarer wavy-hamza alefs) → ا; ى → ي; ة → ه; ؤ → و; ئ → ي;
 *   Persian ی → ي, ک → ك, ۀ ە ھ ہ → ه;
 * - Arabic-Indic ٠–٩ and Persian ۰–۹ digits → 0–9 (as `toWesternDigits`);
 * - Arabic presentation forms (ﻻ, ﷲ …) unfolded (NFKC) and then normalized;
 * - Latin lowercased.
 *
 * Every change is per character, so `normalizeWithOffsets` can say for each character of the
 * result where it came from: search highlights are computed on the normalized text and drawn
 * on the original one.
 *
 * Clitics (light prefix stemming): `prefixStems` gives, for one normalized word, the forms
 * left after removing the attached prefixes و ف ب ك ل ال and their combinations (وال، بال،
 * فبال، لل …) when at least MIN_STEM_LETTERS letters remain. The index keeps every word as
 * written in its own columns AND these stripped forms in separate "stems" columns, so a plain
 * query word (never stemmed itself) finds "انتخابات" in الانتخابات، والانتخابات، بالانتخابات،
 * للانتخابات, while a short word such as بلد or ولد is never cut (the remainder would be two
 * letters) and still finds itself in the exact columns.
 */
import { toWesternDigits } from './digits';

/** What one UTF-16 code unit becomes: -1 removed, 0 unchanged, otherwise a replacement code unit. */
let table: Int32Array | null = null;

const REMOVE = -1;
const KEEP = 0;

function buildTable(): Int32Array {
  const map = new Int32Array(0x10000);
  const remove = (from: number, to = from) => {
    for (let code = from; code <= to; code += 1) map[code] = REMOVE;
  };
  const replace = (codes: number[], to: number) => {
    for (const code of codes) map[code] = to;
  };
  remove(0x064b, 0x065f); // harakat, shadda, sukun, maddah/hamza above and below…
  remove(0x0670); // superscript (dagger) alef
  remove(0x0610, 0x061a); // honorifics and small high letters
  remove(0x06d6, 0x06ed); // Quranic annotation marks
  remove(0x08d3, 0x08ff); // extended Arabic marks
  remove(0x0640); // tatweel
  // Bidi controls (same set as stripBidiControls), zero-width joiners, soft hyphen, BOM.
  remove(0x202a, 0x202e);
  remove(0x2066, 0x2069);
  remove(0x200e, 0x200f);
  remove(0x061c);
  remove(0x200b, 0x200d);
  remove(0x00ad);
  remove(0xfeff);
  replace([0x0623, 0x0625, 0x0622, 0x0671, 0x0672, 0x0673, 0x0675], 0x0627); // أ إ آ ٱ ٲ ٳ ٵ → ا
  replace([0x0649, 0x0626, 0x06cc, 0x06d0, 0x0678], 0x064a); // ى ئ ی ې ٸ → ي
  replace([0x0629, 0x06c0, 0x06d5, 0x06be, 0x06c1, 0x06c3], 0x0647); // ة ۀ ە ھ ہ ۃ → ه
  replace([0x0624, 0x0676], 0x0648); // ؤ ٶ → و
  replace([0x06a9, 0x06aa], 0x0643); // ک ڪ → ك
  for (let digit = 0; digit < 10; digit += 1) {
    map[0x0660 + digit] = 0x30 + digit;
    map[0x06f0 + digit] = 0x30 + digit;
  }
  for (let code = 0x41; code <= 0x5a; code += 1) map[code] = code + 32; // A–Z
  // Sanity: the digit mapping is the one shared/text/digits.ts publishes.
  if (toWesternDigits('٠٩۰۹') !== '0909') throw new Error('digit tables disagree');
  return map;
}

function isPresentationForm(code: number): boolean {
  return (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefe);
}

/** Non-ASCII uppercase letters (Latin with accents, Greek, Cyrillic): lowercased one by one. */
const UPPER = /\p{Lu}|\p{Lt}/u;

export interface NormalizedText {
  text: string;
  /**
   * For each UTF-16 index `i` of `text`, the index in the original string it came from;
   * `offsets[text.length]` is the original length.
   */
  offsets: Int32Array;
}

/** UTF-16 code units to a string: TextDecoder (Node and browsers) is several times faster than fromCharCode. */
interface Utf16Decoder {
  decode(input: Uint16Array): string;
}
const DecoderClass = (globalThis as unknown as { TextDecoder?: new (label: string) => Utf16Decoder }).TextDecoder;
const utf16: Utf16Decoder | null = DecoderClass ? new DecoderClass('utf-16le') : null;

function fromCodes(codes: Uint16Array, size: number): string {
  if (size === 0) return '';
  if (utf16) return utf16.decode(codes.subarray(0, size));
  const parts: string[] = [];
  for (let start = 0; start < size; start += 8192) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(start, Math.min(size, start + 8192)) as unknown as number[]));
  }
  return parts.join('');
}

/**
 * One pass over the code units with a lookup table, writing into typed arrays (this runs on
 * every body an index trigger or a search snippet reads: tens of kilobytes, many times).
 */
function normalizeInto(source: string, withOffsets: boolean): NormalizedText {
  const map = (table ??= buildTable());
  const length = source.length;
  let out = new Uint16Array(length + 8);
  let origins = new Int32Array(withOffsets ? length + 9 : 0);
  let size = 0;
  const emit = (code: number, origin: number) => {
    if (size === out.length) {
      const grown = new Uint16Array(out.length * 2);
      grown.set(out);
      out = grown;
      if (withOffsets) {
        const grownOrigins = new Int32Array(out.length + 1);
        grownOrigins.set(origins);
        origins = grownOrigins;
      }
    }
    out[size] = code;
    if (withOffsets) origins[size] = origin;
    size += 1;
  };
  for (let index = 0; index < length; index += 1) {
    const code = source.charCodeAt(index);
    const action = map[code]!;
    if (action === REMOVE) continue;
    if (action !== KEEP) emit(action, index);
    else if (code < 0x80) emit(code, index);
    else if (isPresentationForm(code)) {
      const unfolded = source[index]!.normalize('NFKC');
      if (unfolded === source[index]) emit(code, index);
      else {
        const inner = normalizeInto(unfolded, false).text;
        for (let k = 0; k < inner.length; k += 1) emit(inner.charCodeAt(k), index);
      }
    } else if (code >= 0xd800 && code <= 0xdbff && index + 1 < length) {
      // An astral code point: kept as it is (both halves).
      emit(code, index);
      emit(source.charCodeAt(index + 1), index + 1);
      index += 1;
    } else if (code < 0x0600 && UPPER.test(source[index]!)) {
      const lower = source[index]!.toLowerCase();
      for (let k = 0; k < lower.length; k += 1) emit(lower.charCodeAt(k), index);
    } else emit(code, index);
  }
  const text = fromCodes(out, size);
  if (!withOffsets) return { text, offsets: new Int32Array(0) };
  const offsets = origins.length > size ? origins.subarray(0, size + 1) : Int32Array.from([...origins.subarray(0, size), 0]);
  offsets[size] = length;
  return { text, offsets };
}

/** The search form of a text (see the file comment). Pure; the same at index and query time. */
export function normalizeArabic(text: string): string {
  return normalizeInto(text, false).text;
}

/** The search form with, for each of its characters, where it came from in `text`. */
export function normalizeWithOffsets(text: string): NormalizedText {
  return normalizeInto(text, true);
}

/**
 * A word character for search, as FTS5's unicode61 tokenizer sees it: letters, digits and
 * marks (the normalized text has no Arabic marks left; Latin accents are folded by the
 * tokenizer's remove_diacritics 2). Everything else separates words.
 */
const WORD_CHAR = /[\p{L}\p{N}\p{M}\p{Co}]/u;
let wordTable: Uint8Array | null = null;

function wordChars(): Uint8Array {
  if (!wordTable) {
    wordTable = new Uint8Array(0x10000);
    for (let code = 0; code < 0x10000; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) wordTable[code] = 1; // astral halves: treated as word characters
      else wordTable[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 0;
    }
  }
  return wordTable;
}

export interface WordSpan {
  word: string;
  /** [start, end) in the normalized text. */
  start: number;
  end: number;
}

/** The words of an already-normalized text, with their positions. */
export function searchWords(normalized: string): WordSpan[] {
  const chars = wordChars();
  const words: WordSpan[] = [];
  let start = -1;
  for (let index = 0; index <= normalized.length; index += 1) {
    const isWord = index < normalized.length && chars[normalized.charCodeAt(index)] === 1;
    if (isWord && start < 0) start = index;
    else if (!isWord && start >= 0) {
      words.push({ word: normalized.slice(start, index), start, end: index });
      start = -1;
    }
  }
  return words;
}

/** Letters that must remain after a prefix is removed. */
export const MIN_STEM_LETTERS = 3;

/** Attached prefixes in normalized form: conjunction (و ف), then preposition (ب ك ل) and/or the article. */
const PREFIXES: readonly string[] = (() => {
  const list: string[] = [];
  for (const conjunction of ['', 'و', 'ف']) {
    for (const rest of ['', 'ال', 'ب', 'ك', 'ل', 'بال', 'كال', 'لل']) {
      if (conjunction + rest) list.push(conjunction + rest);
    }
  }
  return list.sort((a, b) => a.length - b.length);
})();

/** Every prefix starts with one of ا و ف ب ك ل. */
const PREFIX_LETTERS = new Set([0x0627, 0x0648, 0x0641, 0x0628, 0x0643, 0x0644]);

/**
 * The forms of a normalized word without its attached prefixes, longest prefix last:
 * والانتخابات → الانتخابات، انتخابات. For لل (ل + ال, the alef dropped) the form with the
 * article is given too: للانتخابات → انتخابات، الانتخابات. Never the word itself; never a
 * form shorter than MIN_STEM_LETTERS.
 */
export function prefixStems(word: string): string[] {
  if (!PREFIX_LETTERS.has(word.charCodeAt(0))) return [];
  const stems: string[] = [];
  for (const prefix of PREFIXES) {
    if (word.length - prefix.length < MIN_STEM_LETTERS || !word.startsWith(prefix)) continue;
    const rest = word.slice(prefix.length);
    if (!stems.includes(rest)) stems.push(rest);
    if (prefix.endsWith('لل')) {
      const withArticle = `ال${rest}`;
      if (withArticle !== word && !stems.includes(withArticle)) stems.push(withArticle);
    }
  }
  return stems;
}

/** The stems column of a normalized text: every word's prefix-stripped forms, in order. */
export function stemsText(normalized: string): string {
  // A scan rather than searchWords: this runs in the index trigger on every save of the body.
  const chars = wordChars();
  const parts: string[] = [];
  let start = -1;
  for (let index = 0; index <= normalized.length; index += 1) {
    const isWord = index < normalized.length && chars[normalized.charCodeAt(index)] === 1;
    if (isWord) {
      if (start < 0) start = index;
      continue;
    }
    if (start >= 0 && index - start > MIN_STEM_LETTERS && PREFIX_LETTERS.has(normalized.charCodeAt(start))) {
      for (const stem of prefixStems(normalized.slice(start, index))) parts.push(stem);
    }
    start = -1;
  }
  return parts.join(' ');
}

/**
 * A query word with the article removed, for a query such as "الانتخابات" to also find
 * "انتخابات" (and all its clitic forms); null when the word has no article or too little remains.
 */
export function withoutArticle(word: string): string | null {
  return word.startsWith('ال') && word.length - 2 >= MIN_STEM_LETTERS ? word.slice(2) : null;
}
