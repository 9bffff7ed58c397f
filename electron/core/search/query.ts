import { normalizeArabic, prefixStems, searchWords, withoutArticle } from '../../../shared/text/normalize';

/**
 * One part of a parsed search query. Plain words must all be present (AND); a word is found as
 * written or inside its clitic forms (the index's stems columns), and a word with the article
 * (الانتخابات) also finds the word without it. A prefix (`انتخا*`) finds any word starting
 * with it; a quoted phrase ("…", «…», “…”) finds its words adjacent, as written (normalized,
 * clitics not stripped).
 */
export type QueryTerm =
  | { kind: 'word'; word: string; alternative: string | null }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'phrase'; words: string[] };

/** A prefix needs two letters: a one-letter prefix would walk most of the index. */
const MIN_PREFIX = 2;
const MAX_TERMS = 16;
const EXACT_COLUMNS = '{title subtitle excerpt tags body}';

function wordsOf(text: string): string[] {
  return searchWords(normalizeArabic(text)).map((span) => foldWord(span.word));
}

const CHUNK = /"([^"]*)"?|«([^»]*)»?|“([^”]*)”?|(\S+)/gu;

export function parseQuery(raw: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const match of raw.matchAll(CHUNK)) {
    const quoted = match[1] ?? match[2] ?? match[3];
    if (quoted !== undefined) {
      const words = wordsOf(quoted);
      if (words.length === 1) terms.push(wordTerm(words[0]!));
      else if (words.length > 1) terms.push({ kind: 'phrase', words });
      continue;
    }
    const chunk = match[4]!;
    const words = wordsOf(chunk);
    if (words.length === 0) continue;
    const isPrefix = /\*\s*$/u.test(chunk) && words[words.length - 1]!.length >= MIN_PREFIX;
    if (words.length > 1) {
      // كوفيد-19, e-mail: the tokenizer splits them, so they are searched as a phrase.
      if (isPrefix) {
        terms.push({ kind: 'phrase', words: words.slice(0, -1) });
        terms.push({ kind: 'prefix', prefix: words[words.length - 1]! });
      } else terms.push({ kind: 'phrase', words });
      continue;
    }
    terms.push(isPrefix ? { kind: 'prefix', prefix: words[0]! } : wordTerm(words[0]!));
  }
  return dedupe(terms).slice(0, MAX_TERMS);
}

function wordTerm(word: string): QueryTerm {
  return { kind: 'word', word, alternative: withoutArticle(word) };
}

function dedupe(terms: QueryTerm[]): QueryTerm[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = JSON.stringify(term);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A string for FTS5 as one quoted token: the words hold only letters, digits and marks, but quotes are doubled anyway. */
function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The FTS5 MATCH expression of parsed terms, or null when nothing is left to search (a query
 * of punctuation only). Every user word is quoted, so no input can be read as FTS5 syntax.
 */
export function toMatchExpression(terms: readonly QueryTerm[]): string | null {
  const parts = terms.map((term) => {
    switch (term.kind) {
      case 'word':
        return term.alternative ? `(${quote(term.word)} OR ${quote(term.alternative)})` : quote(term.word);
      case 'prefix':
        return `${quote(term.prefix)}*`;
      case 'phrase':
        return `${EXACT_COLUMNS} : ${quote(term.words.join(' '))}`;
    }
  });
  return parts.length === 0 ? null : parts.join(' AND ');
}

/** Latin letters with accents compare without them (the tokenizer's remove_diacritics 2). */
export function foldWord(word: string): string {
  return /[^\u0000-\u007f\u0600-\u06ff]/u.test(word) ? word.normalize('NFD').replace(/\p{M}/gu, '') : word;
}

/** The part of a target every word matching it must contain (a stem is a suffix; للX gives the form الX). */
function core(target: string): string {
  return target.length > 2 && target.startsWith('ال') ? target.slice(2) : target;
}

/** True when a text has letters beyond ASCII and Arabic (accented Latin, which the index folds). */
export function mayNeedFolding(text: string): boolean {
  return /[^\u0000-\u007f\u0600-\u06ff]/u.test(text);
}

/**
 * Does a normalized word of the text satisfy a word or prefix term (as the index would)?
 * `fold` says whether the word may hold accented Latin letters (checked once per text).
 */
export function wordMatches(term: QueryTerm, word: string, fold = true): boolean {
  const folded = fold ? foldWord(word) : word;
  if (term.kind === 'word') {
    // Quick rejection first: this runs on every word of every hit's body.
    if (!folded.includes(core(term.word)) && !(term.alternative && folded.includes(term.alternative))) return false;
    const targets = term.alternative ? [term.word, term.alternative] : [term.word];
    if (targets.includes(folded)) return true;
    return prefixStems(folded).some((stem) => targets.includes(stem));
  }
  if (term.kind === 'prefix') {
    if (!folded.includes(term.prefix)) return false;
    if (folded.startsWith(term.prefix)) return true;
    return prefixStems(folded).some((stem) => stem.startsWith(term.prefix));
  }
  return false;
}
