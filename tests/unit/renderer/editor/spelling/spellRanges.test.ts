import { getSchema } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import {
  batches,
  BlockTokens,
  checkableText,
  misspelledRanges,
  unknownWords,
  WordVerdicts,
} from '../../../../../renderer/editor/extensions/spelling/spellRanges';

const schema = getSchema([StarterKit]);

type Inline = string | { text: string; marks: string[] } | { hardBreak: true };

function para(...parts: Inline[]) {
  return {
    type: 'paragraph',
    content: parts.map((part) =>
      typeof part === 'string'
        ? { type: 'text', text: part }
        : 'hardBreak' in part
          ? { type: 'hardBreak' }
          : { type: 'text', text: part.text, marks: part.marks.map((type) => ({ type })) },
    ),
  };
}

function docOf(...blocks: unknown[]): PmNode {
  return schema.nodeFromJSON({ type: 'doc', content: blocks });
}

/** The text each range covers in the document: what the user sees underlined. */
function underlined(doc: PmNode, verdicts: WordVerdicts, options: Parameters<typeof misspelledRanges>[3] = {}): string[] {
  return misspelledRanges(doc, new BlockTokens(), verdicts, options).map((range) => doc.textBetween(range.from, range.to));
}

function verdictsOf(misspelled: string[], correct: string[] = []): WordVerdicts {
  const verdicts = new WordVerdicts();
  for (const word of misspelled) verdicts.set(word, true);
  for (const word of correct) verdicts.set(word, false);
  return verdicts;
}

describe('which words are underlined', () => {
  it('underlines exactly the misspelled words, across paragraphs and marks', () => {
    const doc = docOf(
      para('أعلنت الحكومه عن موعد الانتخابت المقبلة'),
      para('The ', { text: 'goverment', marks: ['bold'] }, ' said so'),
      // A mark on part of a word: the word is still one word, underlined whole.
      para('وقالت ', { text: 'الحك', marks: ['italic'] }, 'ومه إن'),
    );
    const verdicts = verdictsOf(['الحكومه', 'الانتخابت', 'goverment'], ['أعلنت', 'عن', 'موعد', 'المقبلة', 'The', 'said', 'so', 'وقالت', 'إن']);
    expect(underlined(doc, verdicts)).toEqual(['الحكومه', 'الانتخابت', 'goverment', 'الحكومه']);
  });

  it('skips text in the code mark and code blocks, URLs and acronyms', () => {
    const doc = docOf(
      para('اكتب ', { text: 'goverment', marks: ['code'] }, ' ثم الحكومه'),
      { type: 'codeBlock', content: [{ type: 'text', text: 'goverment الحكومه' }] },
      para('زوروا https://example.com/goverment وكالة NATO'),
    );
    const verdicts = verdictsOf(['goverment', 'الحكومه', 'example', 'NATO', 'com'], ['اكتب', 'ثم', 'زوروا', 'وكالة']);
    expect(underlined(doc, verdicts)).toEqual(['الحكومه']);
    expect(unknownWords(doc, new BlockTokens(), new WordVerdicts())).toEqual(['اكتب', 'ثم', 'الحكومه', 'زوروا', 'وكالة']);
  });

  it('keeps positions right after a hard break (one position, one character)', () => {
    const block = schema.nodeFromJSON(para('سطر', { hardBreak: true }, 'الحكومه'));
    expect(checkableText(block)).toBe('سطر الحكومه');
    const doc = docOf(para('سطر', { hardBreak: true }, 'الحكومه'));
    expect(underlined(doc, verdictsOf(['الحكومه']))).toEqual(['الحكومه']);
  });

  it('does not underline the word ending at the caret while it is typed, only that one', () => {
    const doc = docOf(para('الحكومه قررت الحكومه'));
    const verdicts = verdictsOf(['الحكومه'], ['قررت']);
    const end = doc.content.size - 1;
    const ranges = misspelledRanges(doc, new BlockTokens(), verdicts, { hold: end });
    expect(ranges.map((range) => [range.from, range.to])).toEqual([[1, 8]]);
    // A caret inside or before a word holds nothing.
    expect(misspelledRanges(doc, new BlockTokens(), verdicts, { hold: 4 })).toHaveLength(2);
  });

  it('leaves ignored words and words with no verdict yet alone', () => {
    const doc = docOf(para('الحكومه والانتخابت goverment'));
    const verdicts = verdictsOf(['الحكومه', 'والانتخابت']);
    expect(underlined(doc, verdicts, { ignored: new Set(['الحكومه']) })).toEqual(['والانتخابت']);
  });

  it('asks only about words it has no verdict for, each once, and never about over-long tokens', () => {
    const long = 'ا'.repeat(70);
    const doc = docOf(para(`الحكومة الحكومة الحكومه ${long} government`));
    const verdicts = verdictsOf([], ['الحكومة']);
    expect(unknownWords(doc, new BlockTokens(), verdicts)).toEqual(['الحكومه', 'government']);
  });

  it('tokenizes a paragraph once while it is unchanged', () => {
    const tokens = new BlockTokens();
    const before = docOf(para('الفقرة الأولى'), para('الفقرة الثانية'));
    const after = EditorState.create({ doc: before }).tr.insertText('ة', before.content.size - 1).doc;
    expect(after.child(0)).toBe(before.child(0));
    const first = tokens.of(before.child(0));
    expect(tokens.of(after.child(0))).toBe(first);
    expect(tokens.of(after.child(1))).not.toBe(tokens.of(before.child(1)));
  });
});

describe('batches and verdicts', () => {
  it('sends at most 2,000 words per call', () => {
    const words = Array.from({ length: 4500 }, (_, index) => `w${index}`);
    expect(batches(words).map((batch) => batch.length)).toEqual([2000, 2000, 500]);
    expect(batches([])).toEqual([]);
  });

  it('keeps a bounded number of verdicts, forgetting the oldest', () => {
    const verdicts = new WordVerdicts(3);
    verdicts.set('a', true);
    verdicts.set('b', false);
    verdicts.set('c', true);
    verdicts.set('d', false);
    expect(verdicts.size).toBe(3);
    expect(verdicts.get('a')).toBeUndefined();
    verdicts.forgetMisspelled();
    expect([verdicts.get('b'), verdicts.get('c'), verdicts.get('d')]).toEqual([false, undefined, false]);
  });
});
