import { describe, expect, it } from 'vitest';
import { applyDigits, docApplyDigits, toArabicIndicDigits, toWesternDigits } from '../../../../shared/text/digits';

describe('digits policy on prose', () => {
  it.each([
    ['بلغت نسبة النمو ٣٫٥٪ في ٢٠٢٦', 'بلغت نسبة النمو 3.5% في 2026'],
    ['حوالي ١٢٬٥٠٠ زائر', 'حوالي 12,500 زائر'],
    ['أرقام فارسية ۱۴۰۳', 'أرقام فارسية 1403'],
    ['بقيت 2.1% كما هي', 'بقيت 2.1% كما هي'],
    ['موقع وزارة الصحة sante.gov.ma/2026 ورقم ٥', 'موقع وزارة الصحة sante.gov.ma/2026 ورقم 5'],
  ])('western: %s', (input, expected) => {
    expect(applyDigits(input, 'western')).toBe(expected);
  });

  it.each([
    ['بلغت نسبة النمو 3.5% في 2026', 'بلغت نسبة النمو ٣٫٥٪ في ٢٠٢٦'],
    ['حوالي 12,500 زائر', 'حوالي ١٢٬٥٠٠ زائر'],
    ['شبكة 5G ولقاح COVID-19 وفيروس H1N1 وملف MP3', 'شبكة 5G ولقاح COVID-19 وفيروس H1N1 وملف MP3'],
    ['على موقع site2.com و https://example.org/a1 و press@agency24.ma', 'على موقع site2.com و https://example.org/a1 و press@agency24.ma'],
    ['(2026) و«15»', '(٢٠٢٦) و«١٥»'],
    ['الساعة 10:30 يوم 15/8', 'الساعة ١٠:٣٠ يوم ١٥/٨'],
  ])('arabic-indic: %s', (input, expected) => {
    expect(applyDigits(input, 'arabic-indic')).toBe(expected);
  });

  it('converts digit sets both ways and leaves text without digits as it is', () => {
    expect(toWesternDigits('٠١٢٣٤٥٦٧٨٩۰۹')).toBe('012345678909');
    expect(toArabicIndicDigits('0123456789')).toBe('٠١٢٣٤٥٦٧٨٩');
    expect(applyDigits('نص بلا أرقام', 'arabic-indic')).toBe('نص بلا أرقام');
  });

  it('applies to text nodes only: link targets and code keep their digits', () => {
    const doc = {
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph' as const,
          content: [
            { type: 'text' as const, text: 'العدد 24 ', marks: [{ type: 'link' as const, attrs: { href: 'https://example.org/2024' } }] },
            { type: 'text' as const, text: 'let x = 42', marks: [{ type: 'code' as const }] },
          ],
        },
      ],
    };
    const out = docApplyDigits(doc, 'arabic-indic');
    expect(out.content![0]!.content![0]!.text).toBe('العدد ٢٤ ');
    expect(out.content![0]!.content![0]!.marks![0]!.attrs!.href).toBe('https://example.org/2024');
    expect(out.content![0]!.content![1]!.text).toBe('let x = 42');
  });
});
