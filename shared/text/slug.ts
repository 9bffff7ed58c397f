import type { SlugStyle } from '../domain/settings';
import { cleanSlug, stripArabicMarks, stripBidiControls } from './arabic';
import { toWesternDigits } from './digits';

/**
 * Slugs made from article titles (docs/slugs.md): an Arabic slug, or a Latin transliteration,
 * per the newsroom's `slugStyle` setting.
 *
 * WordPress cuts a slug at 200 bytes of percent-encoded UTF-8 (an Arabic letter is 6 of them:
 * `%D8%A7`). The publishing outbox appends `-m` and 8 hex digits (10 bytes) to every slug it
 * sends, so Midad keeps its own slugs within 180 encoded bytes, cut between words.
 */
export const MAX_SLUG_ENCODED_BYTES = 180;


export function encodedLength(text: string): number {
  return encodeURIComponent(text).length;
}

/**
 * Cuts a slug so its percent-encoded form fits `maxBytes`, at the last hyphen that fits (never
 * in the middle of a word), or by characters when the first word alone is too long.
 */
export function fitSlug(slug: string, maxBytes = MAX_SLUG_ENCODED_BYTES): string {
  if (encodedLength(slug) <= maxBytes) return slug;
  const words = slug.split('-');
  const kept: string[] = [];
  let length = 0;
  for (const word of words) {
    const added = encodedLength(word) + (kept.length > 0 ? 1 : 0);
    if (length + added > maxBytes) break;
    kept.push(word);
    length += added;
  }
  if (kept.length > 0) return kept.join('-');
  let cut = '';
  for (const character of words[0] ?? '') {
    if (encodedLength(cut + character) > maxBytes) break;
    cut += character;
  }
  return cut;
}

/** A title's words in slug form: bidi controls, marks and punctuation gone, digits ASCII, lower case. */
function slugWords(title: string): string {
  const plain = toWesternDigits(stripArabicMarks(stripBidiControls(title).normalize('NFC')))
    // Punctuation and symbols separate words (الرباط:الدار → الرباط-الدار), apostrophes join them.
    .replace(/['’ʼ]/g, '')
    .replace(/[\p{P}\p{S}]+/gu, ' ');
  return cleanSlug(plain);
}

/** An Arabic slug: the title's words joined by hyphens, within the encoded-length limit. */
export function arabicSlug(title: string): string {
  return fitSlug(slugWords(title));
}

/**
 * The transliteration table (docs/slugs.md). Vowel letters and, for و and ي, the position in
 * the word decide between a consonant and a long vowel: see {@link transliterate}.
 */
export const TRANSLITERATION: Readonly<Record<string, string>> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'aa', ٱ: 'a', ء: '', ؤ: 'u', ئ: 'i', ى: 'a', ة: 'a',
  ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z',
  س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: 'a', غ: 'gh', ف: 'f', ق: 'q',
  ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', و: 'w', ي: 'y',
  // Persian and Maghrebi letters met in names.
  پ: 'p', چ: 'ch', ژ: 'zh', ڤ: 'v', ڨ: 'g', گ: 'g', ک: 'k', ی: 'y', ۃ: 'a',
};

const VOWEL_LETTERS = new Set(['ا', 'أ', 'إ', 'آ', 'ى', 'ة', 'و', 'ي']);
const ARABIC_LETTER = /[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]/;

/**
 * Arabic letters to Latin by {@link TRANSLITERATION}. و and ي are consonants (w, y) at the start
 * of a word or before a vowel letter, long vowels (u, i) elsewhere: يوم → yum, المدينة → almdina,
 * والانتخابات → walantkhabat. Harakat and tatweel are dropped first; Latin letters lose their
 * accents (café → cafe); digits stay; anything else becomes a space.
 */
export function transliterate(text: string): string {
  const source = toWesternDigits(stripArabicMarks(stripBidiControls(text).normalize('NFC')));
  const characters = [...source];
  let out = '';
  characters.forEach((character, index) => {
    if (ARABIC_LETTER.test(character)) {
      const previous = characters[index - 1];
      const next = characters[index + 1];
      const wordStart = previous === undefined || !ARABIC_LETTER.test(previous);
      const beforeVowel = next !== undefined && VOWEL_LETTERS.has(next);
      if (character === 'و') out += wordStart || beforeVowel ? 'w' : 'u';
      else if (character === 'ي') out += wordStart || beforeVowel ? 'y' : 'i';
      else out += TRANSLITERATION[character] ?? '';
    } else if (/[\p{L}\p{N}]/u.test(character)) {
      out += character.normalize('NFD').replace(/\p{M}/gu, '');
    } else {
      out += ' ';
    }
  });
  return out;
}

/** A Latin slug: the transliterated title, ASCII letters, digits and hyphens only. */
export function latinSlug(title: string): string {
  const ascii = transliterate(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return fitSlug(ascii);
}

export function slugFromTitle(title: string, style: SlugStyle): string {
  return style === 'latin' ? latinSlug(title) : arabicSlug(title);
}

/** A slug the user typed: cleaned (bidi controls, unsafe characters) and cut to the limit. */
export function cleanTypedSlug(slug: string): string {
  return fitSlug(cleanSlug(slug));
}

/**
 * Whether `slug` is still the one Midad would make from `title` (in either style, possibly with
 * a uniqueness suffix), i.e. the user never set it: such a slug follows the title.
 */
export function isAutomaticSlug(slug: string, title: string): boolean {
  if (slug === '') return true;
  const generated = new Set([arabicSlug(title), latinSlug(title), fitSlug(cleanSlug(title))]);
  for (const candidate of generated) {
    if (!candidate) continue;
    if (slug === candidate) return true;
    if (slug.startsWith(`${candidate}-`) && /^\d+$/.test(slug.slice(candidate.length + 1))) return true;
  }
  // A generated slug cut to make room for a suffix: "<cut base>-<n>".
  const suffixed = /^(.*)-(\d+)$/.exec(slug);
  if (suffixed) {
    const base = suffixed[1]!;
    for (const candidate of generated) if (candidate && base.length > 0 && candidate.startsWith(`${base}-`)) return true;
  }
  return false;
}

/**
 * `base`, or `base-2`, `base-3` … — the first one `isTaken` says is free, each within the
 * encoded-length limit (the base is cut between words to make room for the suffix).
 */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean, maxBytes = MAX_SLUG_ENCODED_BYTES): string {
  const fitted = fitSlug(base, maxBytes);
  if (!fitted || !isTaken(fitted)) return fitted;
  for (let suffix = 2; ; suffix += 1) {
    const tail = `-${suffix}`;
    const candidate = `${fitSlug(fitted, maxBytes - tail.length)}${tail}`;
    if (!isTaken(candidate)) return candidate;
  }
}
