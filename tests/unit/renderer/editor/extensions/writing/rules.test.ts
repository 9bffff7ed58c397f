import { describe, expect, it } from 'vitest';
import { dominantDirection } from '../../../../../../shared/text/direction';
import { arabicPunctuationFor } from '../../../../../../renderer/editor/extensions/punctuation/rules';
import { arabicQuoteFor } from '../../../../../../renderer/editor/extensions/quotes/rules';
import { cutsArabicWord, widenToArabicWords } from '../../../../../../renderer/editor/extensions/wordMarks/widen';

describe('Arabic punctuation as you type', () => {
  it.each([
    [',', 'أعلنت الوزارة', '،'],
    [';', 'ارتفعت الأسعار', '؛'],
    ['?', 'هل تكفي الميزانية', '؟'],
    [',', 'قال الوزيرُ', '،'], // after a haraka on the letter
    [',', 'الجميـــ', '،'], // after tatweel
    [',', 'Breaking: أعلنت الحكومة', '،'], // mostly Arabic
  ])('does turn %s after Arabic into its Arabic form (%s)', (typed, before, expected) => {
    expect(arabicPunctuationFor(typed, before)).toBe(expected);
  });

  it.each([
    [',', 'بلغ العجز 12'], // after a digit: a thousands separator
    [',', 'بلغ العجز ١٢'],
    [',', 'قال الوزير '], // after a space
    [',', 'Reuters'], // after a Latin letter
    [',', 'The minister of the interior said that the word حوار'], // inside Latin text
    ['?', ''], // start of the paragraph
    ['.', 'أعلنت الوزارة'], // not one of the three
    ['!', 'يا للهول'],
  ])('does keep %s as typed after %j', (typed, before) => {
    expect(arabicPunctuationFor(typed, before)).toBeNull();
  });
});

describe('Arabic quotes as you type', () => {
  it('does open « at the start and after a space in Arabic text, and close » after the quoted words', () => {
    expect(arabicQuoteFor('"', '')).toBe('«');
    expect(arabicQuoteFor('"', 'قال الوزير ')).toBe('«');
    expect(arabicQuoteFor('"', 'قال الوزير:')).toBe('«');
    expect(arabicQuoteFor('"', 'قال الوزير «الخطة جاهزة')).toBe('»');
    expect(arabicQuoteFor('"', 'قال الوزير «الخطة جاهزة.')).toBe('»');
  });

  it('does leave straight quotes in Latin text and when no « is open', () => {
    expect(arabicQuoteFor('"', 'The minister said ')).toBeNull();
    expect(arabicQuoteFor('"', 'قال الوزير «نعم» ثم')).toBeNull(); // closing position but nothing open
    expect(arabicQuoteFor('"', 'He said «yes» and')).toBeNull();
    expect(arabicQuoteFor("'", 'قال ')).toBeNull();
  });
});

describe('direction by dominant script', () => {
  it.each([
    ['Breaking: أعلنت وزارة الداخلية مساء اليوم عن تعديل حكومي واسع', 'rtl'],
    ['عاجل: The Prime Minister announced a major cabinet reshuffle tonight', 'ltr'],
    ['قال المتحدث باسم Reuters إن الوكالة ستنشر البيان', 'rtl'],
    ['The UN envoy met قادة الأحزاب today in Geneva', 'ltr'],
    ['', 'rtl'],
    ['2026', 'rtl'],
    ['١٢٬٥٠٠ – 3.5%', 'rtl'],
    ['!؟ … «»', 'rtl'],
  ] as const)('does give %j the direction %s', (text, expected) => {
    expect(dominantDirection(text, 'rtl')).toBe(expected);
  });

  it('does let empty, digit-only and tied paragraphs follow the article direction', () => {
    expect(dominantDirection('', 'ltr')).toBe('ltr');
    expect(dominantDirection('12:30', 'ltr')).toBe('ltr');
    expect(dominantDirection('ab جد', 'ltr')).toBe('ltr');
    expect(dominantDirection('ab جد', 'rtl')).toBe('rtl');
  });

  it('does not count harakat or Arabic-Indic digits as letters', () => {
    expect(dominantDirection('ABC ٠١٢٣٤٥٦٧٨٩ ًٌٍَُِّْ', 'rtl')).toBe('ltr');
  });
});

describe('marks widened to whole Arabic words', () => {
  const text = 'أعلنت الحكومة خطة جديدة';
  it('does widen a range that starts or ends inside an Arabic word to the word', () => {
    // "لحكو" inside "الحكومة"
    const from = text.indexOf('لحكو');
    expect(widenToArabicWords(text, from, from + 4)).toEqual([text.indexOf('الحكومة'), text.indexOf('الحكومة') + 'الحكومة'.length]);
    // from the middle of "أعلنت" to the middle of "خطة"
    const [start, end] = widenToArabicWords(text, 2, text.indexOf('خطة') + 1);
    expect(text.slice(start, end)).toBe('أعلنت الحكومة خطة');
  });

  it('does leave ranges that follow word edges, Latin words and digits alone', () => {
    const whole = text.indexOf('خطة');
    expect(cutsArabicWord(text, whole, whole + 3)).toBe(false);
    expect(cutsArabicWord('Government plans', 2, 6)).toBe(false);
    expect(cutsArabicWord('بلغ 12500 درهم', 5, 7)).toBe(false);
  });

  it('does keep harakat with their letters', () => {
    const vowelled = 'قالَ الوزيرُ';
    const [start, end] = widenToArabicWords(vowelled, 6, 8);
    expect(vowelled.slice(start, end)).toBe('الوزيرُ');
  });
});
