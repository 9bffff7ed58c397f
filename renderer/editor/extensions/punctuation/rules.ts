import { dominantDirection } from '../../../../shared/text/direction';
import { isArabicWordChar } from '../../../../shared/text/scripts';

/** Latin punctuation typed after an Arabic letter, and its Arabic form. */
export const ARABIC_PUNCTUATION: Readonly<Record<string, string>> = { ',': '،', ';': '؛', '?': '؟' };

/** How far back the paragraph is read to tell Arabic from Latin text (a sentence or two). */
export const CONTEXT_CHARS = 200;

/**
 * The Arabic mark for a typed `,` `;` `?`, or null to keep what was typed. Only right after an
 * Arabic letter (or a haraka or tatweel on one) — never after a digit, a space or a Latin
 * letter — and not inside Latin text: an Arabic name quoted in an English sentence keeps the
 * English comma. `before` is the paragraph's text up to the cursor.
 */
export function arabicPunctuationFor(typed: string, before: string): string | null {
  const replacement = ARABIC_PUNCTUATION[typed];
  if (!replacement || before.length === 0) return null;
  if (!isArabicWordChar(before.charCodeAt(before.length - 1))) return null;
  if (dominantDirection(before.slice(-CONTEXT_CHARS), 'rtl') === 'ltr') return null;
  return replacement;
}
