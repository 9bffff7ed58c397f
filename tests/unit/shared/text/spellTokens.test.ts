import { describe, expect, it } from 'vitest';
import { isSingleSpellWord, spellLanguageOf, spellTokens } from '../../../../shared/text/spellTokens';

const words = (text: string) => spellTokens(text).map((token) => token.word);

describe('spellTokens', () => {
  it('finds Arabic words with their offsets, harakat and tatweel kept in the word', () => {
    const text = 'قالَ الوزيـــر، إنّ المشروع سينطلق.';
    const tokens = spellTokens(text);
    expect(tokens.map((t) => t.word)).toEqual(['قالَ', 'الوزيـــر', 'إنّ', 'المشروع', 'سينطلق']);
    for (const token of tokens) {
      expect(text.slice(token.from, token.to)).toBe(token.word);
      expect(token.language).toBe('ar');
    }
  });

  it('gives English words to the English list and keeps an apostrophe inside a word', () => {
    const tokens = spellTokens('The mayor’s plan, they said, isn\'t ready.');
    expect(tokens.map((t) => [t.word, t.language])).toEqual([
      ['The', 'en-US'],
      ['mayor’s', 'en-US'],
      ['plan', 'en-US'],
      ['they', 'en-US'],
      ['said', 'en-US'],
      ["isn't", 'en-US'],
      ['ready', 'en-US'],
    ]);
  });

  it('leaves out URLs, e-mail addresses, mentions, hashtags, paths and dotted names', () => {
    expect(words('راجع https://midad.example/مقال أو www.example.org أو desk@example.org')).toEqual(['راجع', 'أو', 'أو']);
    expect(words('تابعوا @midad_news و#الانتخابات ثم docs/spelling.md و file_name و example.com')).toEqual(['تابعوا', 'ثم']);
  });

  it('keeps ZWNJ/ZWJ inside a word, and skips the article drawn out before a number or a quote', () => {
    expect(words('الحكو\u200Cمة تعلن')).toEqual(['الحكو\u200Cمة', 'تعلن']);
    expect(words('القمة الـ٣٣ والـ20 وبالـ"فيسبوك"')).toEqual(['القمة', 'فيسبوك']);
  });

  it('judges Persian letters typed in Arabic text as Arabic (they are then flagged and corrected)', () => {
    expect(spellLanguageOf('کتاب')).toBe('ar');
    expect(spellLanguageOf('یک')).toBe('ar');
  });

  it('checks a word before a colon (it is not a URL scheme)', () => {
    expect(words('Breakng: عاجل')).toEqual(['Breakng', 'عاجل']);
    expect(words('mailto:desk@example.org tel:+212600')).toEqual([]);
  });

  it('leaves out acronyms, mixed-case names, digits and one-letter tokens', () => {
    expect(words('NATO and COVID-19 on the iPhone over 5G in McDonald')).toEqual(['and', 'on', 'the', 'over', 'in']);
    expect(words('و ٢٠٢٦ 2026 ب ك')).toEqual([]);
  });

  it('does not judge words in other scripts or mixing Arabic and Latin letters', () => {
    expect(spellLanguageOf('Москва')).toBeNull();
    expect(spellLanguageOf('שלום')).toBeNull();
    expect(spellLanguageOf('عربيEnglish')).toBeNull();
    expect(spellLanguageOf('الحكومة')).toBe('ar');
    expect(spellLanguageOf('Government')).toBe('en-US');
  });

  it('accepts exactly one word for the dictionary', () => {
    expect(isSingleSpellWord('أخنوش')).toBe(true);
    expect(isSingleSpellWord('Akhannouch')).toBe(true);
    expect(isSingleSpellWord('كلمتان هنا')).toBe(false);
    expect(isSingleSpellWord(' أخنوش')).toBe(false);
    expect(isSingleSpellWord('https://example.org')).toBe(false);
    expect(isSingleSpellWord('NATO')).toBe(false);
  });
});
