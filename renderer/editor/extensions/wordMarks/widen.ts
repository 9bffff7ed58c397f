import { isArabicWordChar } from '../../../../shared/text/scripts';

/**
 * A mark range [from, to) over `text`, with each end that falls inside an Arabic word moved
 * out to that word's edge. An end cuts a word when the characters on both sides of it are
 * Arabic letters (or harakat/tatweel on them): a mark there breaks the letters' joining in the
 * browser. Ends at a space, punctuation, a digit or a Latin letter stay where they are.
 */
export function widenToArabicWords(text: string, from: number, to: number): [number, number] {
  const inWord = (index: number) => index >= 0 && index < text.length && isArabicWordChar(text.charCodeAt(index));
  let start = from;
  let end = to;
  if (inWord(start - 1) && inWord(start)) while (inWord(start - 1)) start -= 1;
  if (inWord(end - 1) && inWord(end)) while (inWord(end)) end += 1;
  return [start, end];
}

/** True when the range cuts an Arabic word at either end. */
export function cutsArabicWord(text: string, from: number, to: number): boolean {
  const [start, end] = widenToArabicWords(text, from, to);
  return start !== from || end !== to;
}
