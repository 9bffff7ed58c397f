import { describe, expect, it } from 'vitest';
import { countWords } from '../../../../shared/text/arabic';
import { tokenKind, tokenize } from '../../../../shared/text/tokenize';

const words = (text: string) => tokenize(text).filter((token) => tokenKind(token) === 'word');

describe('tokenize', () => {
  it('does give back the exact text when its tokens are joined', () => {
    const text = 'أعلنت البلدية، مساء الخميس، عن «خطة طوارئ» جديدة؛ فهل تكفي؟\n\nوقال المسؤول: نعم!  ‌ربما.';
    expect(tokenize(text).join('')).toBe(text);
  });

  it('does keep attached clitics, harakat and tatweel inside the word', () => {
    expect(words('والانتخابات بالمدينةِ وسيُعلَن لـلجمهور الجميـــل')).toEqual(['والانتخابات', 'بالمدينةِ', 'وسيُعلَن', 'لـلجمهور', 'الجميـــل']);
  });

  it('does split Arabic punctuation and quotes into tokens of their own', () => {
    expect(tokenize('«الميزانية»، ثم؟ نعم؛ لا: بل!')).toEqual(['«', 'الميزانية', '»', '،', ' ', 'ثم', '؟', ' ', 'نعم', '؛', ' ', 'لا', ':', ' ', 'بل', '!']);
  });

  it('does keep a number with its decimal or thousands separator as one token', () => {
    expect(tokenize('ارتفع بنسبة ٣٫٥٪ إلى 12,500 درهم، أي ١٢٬٠٠٠ تقريبًا.')).toEqual([
      'ارتفع', ' ', 'بنسبة', ' ', '٣٫٥', '٪', ' ', 'إلى', ' ', '12,500', ' ', 'درهم', '،', ' ', 'أي', ' ', '١٢٬٠٠٠', ' ', 'تقريبًا', '.',
    ]);
  });

  it('does separate a comma or full stop that follows a number from it', () => {
    expect(tokenize('عام 2024, ثم 2025.')).toEqual(['عام', ' ', '2024', ',', ' ', 'ثم', ' ', '2025', '.']);
  });

  it('does keep a hyphenated name as one word and a run of spaces as one token', () => {
    expect(tokenize('لقاح كوفيد-19   الجديد\n')).toEqual(['لقاح', ' ', 'كوفيد-19', '   ', 'الجديد', '\n']);
  });

  it('does find the same words the editor counts when the text mixes scripts and marks', () => {
    const text = 'قالت الوزيرة (في مؤتمر صحفي) إن ٤٨٪ من الناخبين — أي 1,250,000 شخص — صوّتوا؛ و"الباقي" امتنع… O\'Brien حضر.';
    expect(words(text)).toHaveLength(countWords(text));
  });

  it('does return no tokens when the text is empty', () => {
    expect(tokenize('')).toEqual([]);
  });
});
