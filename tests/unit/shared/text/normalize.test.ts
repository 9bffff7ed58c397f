import { describe, expect, it } from 'vitest';
import { normalizeArabic, normalizeWithOffsets, prefixStems, searchWords, stemsText, withoutArticle } from '../../../../shared/text/normalize';

/** [what it shows, input, normalized] — the same function runs at index and query time. */
const CASES: [string, string, string][] = [
  // Hamza and madda forms of alef
  ['alef with hamza above', 'أحمد', 'احمد'],
  ['alef with hamza below', 'إسلام', 'اسلام'],
  ['alef with madda', 'آمال', 'امال'],
  ['alef wasla', 'ٱلكتاب', 'الكتاب'],
  ['alef with wavy hamza above', 'ٲ', 'ا'],
  ['alef with wavy hamza below', 'ٳ', 'ا'],
  ['high hamza alef', 'ٵ', 'ا'],
  ['decomposed alef + hamza above', 'ا\u0654حمد', 'احمد'],
  ['decomposed alef + madda', 'ا\u0653مال', 'امال'],
  ['bare alef unchanged', 'امل', 'امل'],
  // Yeh, teh marbuta, waw and yeh with hamza
  ['alef maqsura', 'مستشفى', 'مستشفي'],
  ['alef maqsura in على', 'على', 'علي'],
  ['teh marbuta', 'مدينة', 'مدينه'],
  ['teh marbuta in a phrase', 'الحكومة الجديدة', 'الحكومه الجديده'],
  ['waw with hamza', 'مؤتمر', 'موتمر'],
  ['yeh with hamza', 'رئيس', 'رييس'],
  ['yeh with hamza, final', 'شاطئ', 'شاطي'],
  ['lone hamza kept', 'سماء', 'سماء'],
  // Harakat, one by one
  ['fathatan', 'شكرًا', 'شكرا'],
  ['dammatan', 'كتابٌ', 'كتاب'],
  ['kasratan', 'بيتٍ', 'بيت'],
  ['fatha', 'كَتب', 'كتب'],
  ['damma', 'كُتب', 'كتب'],
  ['kasra', 'مِن', 'من'],
  ['shadda', 'مدرّس', 'مدرس'],
  ['sukun', 'مَدْرسة', 'مدرسه'],
  ['maddah above (U+0653) alone', 'جا\u0653ء', 'جاء'],
  ['hamza above (U+0654) alone', 'سو\u0654ال', 'سوال'],
  ['hamza below (U+0655) alone', 'ا\u0655لى', 'الي'],
  ['subscript alef (U+0656)', 'ب\u0656', 'ب'],
  ['inverted damma (U+0657)', 'ه\u0657', 'ه'],
  ['mark U+065F', 'ب\u065f', 'ب'],
  ['superscript alef', 'هٰذا', 'هذا'],
  ['fully vowelled sentence', 'وَقَالَ الْمُتَحَدِّثُ', 'وقال المتحدث'],
  ['shadda with kasra', 'الدُّسْتُورِيِّ', 'الدستوري'],
  // Signs above letters and Quranic marks
  ['sallallahu sign U+0610', 'محمد\u0610', 'محمد'],
  ['small high tah U+0615', 'ب\u0615', 'ب'],
  ['small kasra U+061A', 'ب\u061a', 'ب'],
  ['Quranic small high ligature U+06D6', 'ب\u06d6', 'ب'],
  ['Quranic end of ayah U+06DD', 'ب\u06dd', 'ب'],
  ['Quranic small high meem U+06E2', 'ب\u06e2', 'ب'],
  ['Quranic small low meem U+06ED', 'ب\u06ed', 'ب'],
  ['Quranic small waw U+06E5', 'ب\u06e5', 'ب'],
  ['vowelled Quranic verse', 'بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ', 'بسم الله الرحمن'],
  // Tatweel
  ['tatweel inside a word', 'الحكـــومة', 'الحكومه'],
  ['tatweel at the end', 'جميـل', 'جميل'],
  ['tatweel with harakat', 'مـُـديـنـة', 'مدينه'],
  // Digits
  ['Arabic-Indic digits', '٢٠٢٦', '2026'],
  ['Persian digits', '۱۴۰۵', '1405'],
  ['mixed digits', 'سنة ١٩٩٩ و2000 و۲۰۰۱', 'سنه 1999 و2000 و2001'],
  ['Arabic decimal separator kept', '٣٫٥', '3٫5'],
  ['Arabic percent sign kept', '٤٨٪', '48٪'],
  // Persian and other forms
  ['Persian yeh', 'ایران', 'ايران'],
  ['Persian keheh', 'کتاب', 'كتاب'],
  ['Persian heh with yeh above', 'خانۀ', 'خانه'],
  ['heh doachashmee', 'ھذا', 'هذا'],
  ['ae (U+06D5)', 'ە', 'ه'],
  ['Persian word with both forms', 'کودکی', 'كودكي'],
  // Bidi controls, joiners, Latin
  ['RLM removed', 'مداد\u200f', 'مداد'],
  ['isolates removed', '\u2067مرحبا\u2069', 'مرحبا'],
  ['Arabic letter mark removed', 'ب\u061cا', 'با'],
  ['ZWNJ removed', 'می\u200cخواهم', 'ميخواهم'],
  ['Latin lowercased', 'COVID Midad', 'covid midad'],
  ['Latin with accents lowercased', 'École', 'école'],
  ['presentation form lam-alef', 'ﻻ', 'لا'],
  ['presentation form lam-alef with hamza', 'ﻷ', 'لا'],
  ['punctuation kept', '«الانتخابات»، والنتائج؟', '«الانتخابات»، والنتايج؟'],
  ['empty', '', ''],
];

describe('normalizeArabic', () => {
  it('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES)('does normalize %s', (_what, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('does give the same result when applied twice', () => {
    for (const [, input] of CASES) expect(normalizeArabic(normalizeArabic(input))).toBe(normalizeArabic(input));
  });

  it('does handle a long text (over one output chunk)', () => {
    const text = 'الْحُكُومَةُ '.repeat(2000);
    expect(normalizeArabic(text)).toBe('الحكومه '.repeat(2000));
  });
});

/** [written, a form the stems hold]. */
const CLITICS: [string, string][] = [
  ['الانتخابات', 'انتخابات'],
  ['والانتخابات', 'انتخابات'],
  ['والانتخابات', 'الانتخابات'],
  ['بالانتخابات', 'انتخابات'],
  ['فالانتخابات', 'انتخابات'],
  ['كالانتخابات', 'انتخابات'],
  ['للانتخابات', 'انتخابات'],
  ['للانتخابات', 'الانتخابات'],
  ['وللانتخابات', 'انتخابات'],
  ['فللانتخابات', 'الانتخابات'],
  ['وبالانتخابات', 'انتخابات'],
  ['فبالانتخابات', 'انتخابات'],
  ['ولانتخابات', 'انتخابات'],
  ['وانتخابات', 'انتخابات'],
  ['فانتخابات', 'انتخابات'],
  ['بانتخابات', 'انتخابات'],
  ['لانتخابات', 'انتخابات'],
  ['كمدينه', 'مدينه'],
  ['وكالمدينه', 'مدينه'],
];

describe('prefixStems (clitics)', () => {
  it.each(CLITICS)('does give %s the form %s', (written, stem) => {
    expect(prefixStems(written)).toContain(stem);
  });

  it.each(['بلد', 'ولد', 'فرح', 'كل', 'لم', 'الله', 'الي'])('does not cut the short word %s', (word) => {
    expect(prefixStems(word)).toEqual([]);
  });

  it('does never give the word itself or a form shorter than three letters', () => {
    for (const word of ['والانتخابات', 'للبيت', 'بالحج', 'وكتاب']) {
      for (const stem of prefixStems(word)) {
        expect(stem).not.toBe(word);
        expect(stem.length).toBeGreaterThanOrEqual(3);
      }
    }
    expect(prefixStems('مدينه')).toEqual([]);
  });

  it('does list the stems of a whole text in order', () => {
    expect(stemsText('قال الوزير والمدير')).toBe('وزير المدير مدير');
  });

  it('does take the article off a query word only when three letters remain', () => {
    expect(withoutArticle('الانتخابات')).toBe('انتخابات');
    expect(withoutArticle('الله')).toBeNull();
    expect(withoutArticle('مدينه')).toBeNull();
  });
});

describe('normalizeWithOffsets and searchWords', () => {
  it('does map every normalized character back to where it was written', () => {
    const original = 'قالَ الحكـــومةُ ٢٠٢٦';
    const { text, offsets } = normalizeWithOffsets(original);
    expect(text).toBe('قال الحكومه 2026');
    const words = searchWords(text);
    expect(words.map((word) => word.word)).toEqual(['قال', 'الحكومه', '2026']);
    const second = words[1]!;
    expect(original.slice(offsets[second.start]!, offsets[second.end]!)).toBe('الحكـــومةُ');
    expect(offsets[text.length]).toBe(original.length);
  });

  it('does split words where FTS5 unicode61 splits them', () => {
    expect(searchWords(normalizeArabic('كوفيد-19، «الماء» e-mail')).map((word) => word.word)).toEqual(['كوفيد', '19', 'الماء', 'e', 'mail']);
  });
});
