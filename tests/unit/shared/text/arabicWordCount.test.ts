import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../../../shared/text/arabic';

/** What the status bar counts, with the punctuation the writing aids now type (، ؛ ؟ « » attached to words). */
describe('word count with Arabic punctuation typed as you write', () => {
  it.each([
    ['قال،ثم سكت؛لماذا؟', 4],
    ['«الميزانية»،«الخطة»؛', 2],
    ['وبالانتخابات،فللحكومة؟', 2],
    ['Breaking: أعلنت الحكومة، مساء اليوم، «خطة» جديدة؟', 7],
    ['؟؟ ،، ؛؛ «» —', 0],
    ['عاجل — ٢٠٢٦', 2],
  ])('does count %s as %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it('does give 2 minutes for 400 words of that text at 200 a minute', () => {
    const text = Array.from({ length: 100 }, () => 'قال الوزير، «نعم»؛ لماذا؟').join(' ');
    expect(countWords(text)).toBe(400);
    expect(readingMinutes(countWords(text), 200)).toBe(2);
  });
});
