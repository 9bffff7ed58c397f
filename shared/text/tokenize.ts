/**
 * Arabic-aware tokens for word-level diffs. The tokens cover the text exactly, so joining any
 * run of them gives back readable text, spacing and line breaks included:
 *
 * - a word: letters, harakat and digits, with attached clitics (والانتخابات، بالمدينة) and
 *   tatweel kept inside it, an apostrophe or hyphen between two word characters too (كوفيد-19);
 * - a number: digits with decimal and thousands separators between them (٣٫٥، 12,500, ١٢٫٥);
 * - a run of whitespace (spaces, tabs, line breaks), kept so a diff re-joins as it was written;
 * - any other character on its own: ، ؛ ؟ « » . ! : ( ) ٪ … each its own token, so a changed
 *   comma never makes the word before it look changed.
 *
 * Words are found exactly as `countWords` (shared/text/arabic.ts) counts them, so a diff's word
 * counts agree with the counts shown in the editor. Zero-width joiners (ZWNJ, ZWJ) stay inside
 * the word they sit in.
 */
const WORD_CHARS = String.raw`[\p{L}\p{M}\p{N}\u200C\u200D]`;
const TOKEN = new RegExp(
  String.raw`${WORD_CHARS}+(?:(?:['’\-]|(?<=\p{N})[.,\u066B\u066C](?=\p{N}))${WORD_CHARS}+)*|\s+|[^]`,
  'gu',
);
const IS_WORD = new RegExp(`^${WORD_CHARS}`, 'u');
const IS_SPACE = /^\s/u;

export type TokenKind = 'word' | 'space' | 'punctuation';

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function tokenKind(token: string): TokenKind {
  if (IS_WORD.test(token)) return 'word';
  if (IS_SPACE.test(token)) return 'space';
  return 'punctuation';
}
