import { describe, expect, it } from 'vitest';
import { cleanSingleLine, cleanSlug, countCharacters, countWords, readingMinutes, stripBidiControls } from '../../../../shared/text/arabic';

describe('Arabic word count', () => {
  it.each([
    ['قال الوزير إن الحكومة ستفي بوعودها', 6],
    ['والانتخابات بالانتخابات للانتخابات', 3],
    ['قال ، ثم سكت ؛ لماذا ؟ « نعم »', 5],
    ['بلغت النسبة ٣١٪ أي ٣٫٥ مليون', 6],
    ['رُصِدَتْ الميزانيةُ', 2],
    ['كـــتـــاب', 1],
    ['The minister said «نعم» today', 5],
    ['', 0],
    ['   ، ؛ ؟ ...  ', 0],
    ['12,500 درهم و 3.75 بالمئة', 5],
  ])('does count %s as %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it('does give reading time in whole minutes at the configured pace', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(30)).toBe(1);
    expect(readingMinutes(1000)).toBe(5);
    expect(readingMinutes(1000, 250)).toBe(4);
  });

  it('does count characters without bidi controls or line breaks', () => {
    expect(countCharacters('مرحبا\n\u202Bعالم\u202C')).toBe(9);
  });
});

describe('bidi controls', () => {
  it('does remove embedding, override and isolate controls from titles and slugs', () => {
    const hostile = '\u202Aأ\u202Bب\u202Cج\u202Dد\u202Eه\u2066و\u2067ز\u2068ح\u2069ط';
    expect(stripBidiControls(hostile)).toBe('أبجدهوزحط');
    expect(cleanSingleLine('عنوان\n\u202Eمقلوب')).toBe('عنوان مقلوب');
    expect(cleanSlug('  خطة \u202Eالماء_2026!?  ')).toBe('خطة-الماء-2026');
  });
});
