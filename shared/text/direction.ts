import { isLtrStrong, isRtlStrong } from './scripts';

export type Dir = 'rtl' | 'ltr';

/**
 * The direction of a paragraph from its dominant script: strong right-to-left letters against
 * strong left-to-right letters, counted. "Breaking: …" followed by a sentence of Arabic is right
 * to left (the browser's dir="auto" would make it left to right from its first letter). A
 * paragraph with no letters (empty, digits, punctuation) or a tie follows the article's
 * direction, `fallback`.
 */
export function dominantDirection(text: string, fallback: Dir = 'rtl'): Dir {
  let rtl = 0;
  let ltr = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x41) continue; // spaces, digits, ASCII punctuation
    if (isRtlStrong(code)) rtl += 1;
    else if (isLtrStrong(code)) ltr += 1;
  }
  if (rtl === ltr) return fallback;
  return rtl > ltr ? 'rtl' : 'ltr';
}
