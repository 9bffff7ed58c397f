/**
 * The words the spell checker looks at, with their place in the text (docs/spelling.md). Used by
 * the editor (to underline) and by the core (a word added to the dictionary must be one word).
 *
 * What is not a word to check: anything in a URL, an e-mail address, a mention or hashtag, a path
 * or identifier (`/`, `\`, `_`, `a.b`); tokens shorter than two letters; Latin acronyms (NATO,
 * COVID) and mixed-case names (iPhone, McDonald); tokens longer than MAX_SPELL_WORD; tokens mixing Arabic and Latin letters; scripts
 * other than Arabic and Latin (neither dictionary could judge them) — Persian letters (ک ی) typed
 * in Arabic text are Arabic-script and are judged (and corrected to ك ي); the article drawn out
 * with tatweel before a number or quote («الـ20»). Digits and hyphens split words, so "5G" and
 * "COVID-19" leave only tokens that are skipped by the rules above, and "Wi-Fi" is two words.
 */

export type SpellLanguage = 'ar' | 'en-US';

/** The longest word there is to check (the `spell.*` channels refuse longer): a longer token is a pasted hash or a garbled line, never a word. */
export const MAX_SPELL_WORD = 64;
export const SPELL_LANGUAGES: readonly SpellLanguage[] = ['ar', 'en-US'];

export interface SpellToken {
  /** The word as written (harakat and tatweel included). */
  word: string;
  /** [from, to) UTF-16 offsets in the text given. */
  from: number;
  to: number;
  language: SpellLanguage;
}

const CHUNK = /\S+/g;
// ZWNJ/ZWJ (U+200C/U+200D) sit inside words to control joining; they do not split them.
const WORD = /[\p{L}\p{M}\u0640\u200C\u200D]+(?:['’][\p{L}\p{M}\u0640\u200C\u200D]+)*/gu;
/** URLs, e-mail addresses, mentions, hashtags, paths and dotted identifiers are not prose. */
const NOT_PROSE = /(?:^[a-z][a-z0-9+.-]*:\/\/|^(?:mailto|tel):|^www\.|[@#]|[/\\_]|\p{L}\.\p{L})/iu;
const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFB\uFE70-\uFEFC]/u;
const ARABIC_WORD = /^[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+$/u;
const LATIN_WORD = /^[\p{Script=Latin}'’]+$/u;
const MARK = /[\p{M}\u0640]/gu;

function letterCount(word: string): number {
  return word.replace(MARK, '').replace(/['’\u200C\u200D]/g, '').length;
}

/** The language whose dictionary judges this token, or null when it is not checked. */
export function spellLanguageOf(word: string): SpellLanguage | null {
  if (letterCount(word) < 2) return null;
  // «الـ20»، «القمة الـ٣٣»، «بالـ"فيسبوك"»: the article drawn out before a number or a quote is not a word.
  if (word.endsWith('\u0640')) return null;
  if (ARABIC_WORD.test(word.replace(/[\u200C\u200D]/g, ''))) return ARABIC_LETTER.test(word) ? 'ar' : null;
  if (!LATIN_WORD.test(word)) return null;
  const letters = word.replace(/['’]/g, '');
  // Acronyms and mixed-case names: no English dictionary judges them fairly.
  if (letters === letters.toUpperCase()) return null;
  if (/\p{Lu}/u.test(letters.slice(1))) return null;
  return 'en-US';
}

/** Every word of `text` the spell checker should judge, in order. */
export function spellTokens(text: string): SpellToken[] {
  const tokens: SpellToken[] = [];
  for (const chunk of text.matchAll(CHUNK)) {
    if (NOT_PROSE.test(chunk[0])) continue;
    const base = chunk.index;
    for (const match of chunk[0].matchAll(WORD)) {
      const word = match[0];
      const from = base + match.index;
      const language = word.length <= MAX_SPELL_WORD ? spellLanguageOf(word) : null;
      if (language) tokens.push({ word, from, to: from + word.length, language });
    }
  }
  return tokens;
}

/** `word` is exactly one checkable word (what "add to dictionary" accepts). */
export function isSingleSpellWord(word: string): boolean {
  const tokens = spellTokens(word);
  return tokens.length === 1 && tokens[0]!.from === 0 && tokens[0]!.to === word.length;
}
