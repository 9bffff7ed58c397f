import type { SpellLanguage } from '../../../shared/text/spellTokens';

/** Harakat, Quranic marks, superscript alef, tatweel and the joiners ZWNJ/ZWJ: a vowelled word is the same word. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640\u200C\u200D]/gu;

/**
 * The form a word is looked up and stored in. Arabic: presentation forms folded (NFKC), marks
 * and tatweel removed — hamza forms, ة/ه and ى/ي are kept, they are spelling. English: the
 * typographic apostrophe becomes the straight one the word list uses.
 */
export function normalizeSpellWord(word: string, language: SpellLanguage): string {
  if (language === 'ar') return word.normalize('NFKC').replace(ARABIC_MARKS, '');
  return word.normalize('NFC').replace(/’/g, "'");
}
