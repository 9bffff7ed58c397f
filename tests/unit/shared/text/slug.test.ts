import { describe, expect, it } from 'vitest';
import {
  MAX_SLUG_ENCODED_BYTES,
  arabicSlug,
  cleanTypedSlug,
  encodedLength,
  fitSlug,
  isAutomaticSlug,
  latinSlug,
  slugFromTitle,
  transliterate,
  uniqueSlug,
} from '../../../../shared/text/slug';

const LONG_TITLE =
  'مجلس المدينة يصادق بالإجماع على خطة تمتد ثلاث سنوات لتجديد شبكة الماء الصالح للشرب في الأحياء الشرقية بعد أسابيع من الانقطاعات المتكررة التي أثارت احتجاجات السكان وأربكت المدارس والمستشفيات';

describe('arabicSlug', () => {
  it('does join the words of an Arabic title with hyphens', () => {
    expect(arabicSlug('مجلس المدينة يصادق على خطة الماء')).toBe('مجلس-المدينة-يصادق-على-خطة-الماء');
  });

  it('does drop harakat, shadda, tanwin and tatweel', () => {
    expect(arabicSlug('الْمَدِينَةُ تُجَدِّدُ شَبَكَةَ الماءِ')).toBe('المدينة-تجدد-شبكة-الماء');
    expect(arabicSlug('عاجـــل: انقطاع الكهربـاء')).toBe('عاجل-انقطاع-الكهرباء');
    expect(arabicSlug('شكرًا للمتطوعين')).toBe('شكرا-للمتطوعين');
  });

  it('does turn Arabic punctuation and symbols into word breaks, never into glued words', () => {
    expect(arabicSlug('الرباط:الدار البيضاء، «قطار» جديد؟')).toBe('الرباط-الدار-البيضاء-قطار-جديد');
    expect(arabicSlug('أسعار القمح (تحديث) / السوق')).toBe('أسعار-القمح-تحديث-السوق');
  });

  it('does keep Latin words in lower case and make digits ASCII', () => {
    expect(arabicSlug('قمة COP30 في البرازيل')).toBe('قمة-cop30-في-البرازيل');
    expect(arabicSlug('ميزانية ٢٠٢٧ بـ ۱۲ مليارا')).toBe('ميزانية-2027-ب-12-مليارا');
  });

  it('does remove bidi controls and characters unsafe in a URL', () => {
    expect(arabicSlug('\u202Bخبر\u202C \u2067عاجل\u2069 <script> & "x" ?q=1#top')).toBe('خبر-عاجل-script-x-q-1-top');
  });

  it('does cut a very long title at a word boundary within the encoded limit', () => {
    const slug = arabicSlug(LONG_TITLE);
    expect(encodedLength(slug)).toBeLessThanOrEqual(MAX_SLUG_ENCODED_BYTES);
    // Whole words only: every word of the slug is a word of the title.
    const words = new Set(LONG_TITLE.split(' '));
    for (const word of slug.split('-')) expect(words.has(word)).toBe(true);
    expect(LONG_TITLE.startsWith(slug.replace(/-/g, ' '))).toBe(true);
    // The limit leaves room for the publishing marker (-m + 8 hex) under WordPress's 200 bytes.
    expect(encodedLength(`${slug}-m6f1c2d3e`)).toBeLessThanOrEqual(200);
  });

  it('does cut a single word longer than the limit by characters', () => {
    const word = 'ب'.repeat(60);
    expect(fitSlug(word)).toBe('ب'.repeat(30));
  });

  it('does give an empty slug for a title with no letters or digits', () => {
    expect(arabicSlug('؟!! «» …')).toBe('');
  });
});

describe('latinSlug (transliteration)', () => {
  it('does follow the documented table letter by letter', () => {
    expect(transliterate('ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه')).toBe('b t th j h kh d dh r z s sh s d t z a gh f q k l m n h');
    expect(transliterate('أ إ آ ى ة ء')).toBe('a i aa a a ');
  });

  it('does read و and ي as consonants at a word start or before a vowel, as long vowels elsewhere', () => {
    expect(latinSlug('يوم')).toBe('yum');
    expect(latinSlug('المدينة')).toBe('almdina');
    expect(latinSlug('والانتخابات')).toBe('walantkhabat');
    expect(latinSlug('حوار')).toBe('hwar');
  });

  it('does make a Latin slug from an Arabic news title, harakat and tatweel dropped, digits kept', () => {
    expect(latinSlug('مَجْلِسُ المدينـــة يصادق على ميزانية ٢٠٢٧')).toBe('mjls-almdina-ysadq-ala-mizanya-2027');
    expect(latinSlug('شكرًا')).toBe('shkra');
  });

  it('does keep Latin words, without accents, and drop unsafe characters', () => {
    expect(latinSlug('Café «الرباط» & COP30!')).toBe('cafe-alrbat-cop30');
    expect(latinSlug('\u202Bقطار\u202C')).toBe('qtar');
  });

  it('does cut a very long title at a word boundary', () => {
    const slug = latinSlug(LONG_TITLE);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_ENCODED_BYTES);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(latinSlug(`${LONG_TITLE} ${LONG_TITLE}`).startsWith(slug)).toBe(true);
  });

  it('does choose by the newsroom style', () => {
    expect(slugFromTitle('خطة الماء', 'arabic')).toBe('خطة-الماء');
    expect(slugFromTitle('خطة الماء', 'latin')).toBe('khta-alma');
  });
});

describe('uniqueSlug', () => {
  it('does append -2, -3 … to a slug already taken', () => {
    const taken = new Set(['خطة-الماء', 'خطة-الماء-2']);
    expect(uniqueSlug('خطة-الماء', (slug) => taken.has(slug))).toBe('خطة-الماء-3');
    expect(uniqueSlug('خطة-الكهرباء', (slug) => taken.has(slug))).toBe('خطة-الكهرباء');
  });

  it('does keep the suffix within the limit by cutting the base between words', () => {
    const base = arabicSlug(LONG_TITLE);
    const slug = uniqueSlug(base, (candidate) => candidate === base);
    expect(slug).toMatch(/-2$/);
    expect(encodedLength(slug)).toBeLessThanOrEqual(MAX_SLUG_ENCODED_BYTES);
    expect(base.startsWith(slug.slice(0, -2))).toBe(true);
  });
});

describe('isAutomaticSlug', () => {
  it('does recognise a slug made from the title, in either style and with a uniqueness suffix', () => {
    expect(isAutomaticSlug('', 'أي عنوان')).toBe(true);
    expect(isAutomaticSlug('خطة-الماء', 'خطة الماء')).toBe(true);
    expect(isAutomaticSlug('خطة-الماء-4', 'خطة الماء')).toBe(true);
    expect(isAutomaticSlug('khta-alma', 'خطة الماء')).toBe(true);
    const long = arabicSlug(LONG_TITLE);
    expect(isAutomaticSlug(uniqueSlug(long, (candidate) => candidate === long), LONG_TITLE)).toBe(true);
  });

  it('does treat a slug the user typed as theirs', () => {
    expect(isAutomaticSlug('شبكة-الماء-الجديدة', 'خطة الماء')).toBe(false);
    expect(isAutomaticSlug('water-plan', 'خطة الماء')).toBe(false);
  });

  it('does clean a typed slug and cut it to the limit', () => {
    expect(cleanTypedSlug(' خطة\u2067 الماء \u2069الجديدة ')).toBe('خطة-الماء-الجديدة');
    expect(encodedLength(cleanTypedSlug(LONG_TITLE))).toBeLessThanOrEqual(MAX_SLUG_ENCODED_BYTES);
  });
});
