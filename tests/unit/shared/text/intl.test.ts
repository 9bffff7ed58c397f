import { describe, expect, it } from 'vitest';
import { localeSchema } from '../../../../shared/domain/settings';
import {
  formatDateIn,
  formatHijriIn,
  formatNumberIn,
  formatRelativeIn,
  formatTimeIn,
  intlLocale,
  localeDigits,
  monthNamesIn,
  MOROCCAN_MONTHS,
} from '../../../../shared/text/intl';

const AUGUST = new Date(Date.UTC(2026, 7, 15, 10, 32, 5));
const UTC = { timeZone: 'UTC' };
const strip = (text: string) => text.replace(/[\u200e\u200f\u061c]/g, '');

describe('newsroom dates and numbers', () => {
  it.each([
    ['ar-MA', '15 غشت 2026'],
    ['ar', '١٥ أغسطس ٢٠٢٦'],
    ['ar-EG', '١٥ أغسطس ٢٠٢٦'],
    ['ar-SA', '١٥ أغسطس ٢٠٢٦'], // Gregorian, whatever ICU's default calendar for ar-SA
    ['en', '15 August 2026'],
  ] as const)('does write a date in %s as %s', (locale, expected) => {
    expect(formatDateIn(AUGUST, locale, UTC)).toBe(expected);
  });

  it.each([
    ['ar-MA', '15 غشت 2026 في 10:32'],
    ['ar-EG', '١٥ أغسطس ٢٠٢٦ في ١٠:٣٢'],
    ['en', '15 August 2026 at 10:32'],
  ] as const)('does write a date with its time in %s', (locale, expected) => {
    const written = strip(formatDateIn(AUGUST, locale, { ...UTC, time: true }));
    // ICU joins date and time with 'في'/'at' or a comma depending on its version.
    expect(written.replace(/،| في/, ' في').replace(/, | at /, ' at ').replace(/  +/g, ' ')).toBe(expected);
  });

  it("does give Morocco's month names for ar-MA, and the Mashreq ones for ar and ar-EG", () => {
    expect(monthNamesIn('ar-MA')).toEqual(['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر']);
    expect(monthNamesIn('ar-MA')).toEqual([...MOROCCAN_MONTHS]);
    expect(monthNamesIn('ar-EG')).toEqual(['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر']);
    expect(monthNamesIn('en')[7]).toBe('August');
    // The month follows the time zone: 31 December 23:30 UTC is already January in Rabat+1.
    expect(formatDateIn(new Date(Date.UTC(2026, 11, 31, 23, 30)), 'ar-MA', { timeZone: 'Africa/Casablanca' })).toMatch(/^1 يناير 2027$/);
    expect(formatDateIn(new Date(Date.UTC(2026, 11, 31, 23, 30)), 'ar-MA', UTC)).toBe('31 دجنبر 2026');
  });

  it('does write digits by locale: Western for ar-MA and en, Arabic-Indic for ar, ar-EG and ar-SA', () => {
    expect(formatNumberIn(12500, 'ar-MA')).toMatch(/^12.500$/);
    expect(formatNumberIn(12500, 'ar-EG')).toBe('١٢٬٥٠٠');
    expect(formatNumberIn(12500, 'ar-SA')).toBe('١٢٬٥٠٠');
    expect(formatNumberIn(12500, 'ar')).toBe('١٢٬٥٠٠');
    expect(formatNumberIn(12500, 'en')).toBe('12,500');
    expect(formatNumberIn(3.24, 'ar-EG', { maximumFractionDigits: 1 })).toBe('٣٫٢');
    expect(formatTimeIn(AUGUST, 'ar-MA', 'UTC')).toBe('10:32');
    expect(formatTimeIn(AUGUST, 'ar-SA', 'UTC')).toBe('١٠:٣٢');
    for (const locale of localeSchema.options) {
      const digits = formatNumberIn(1234567890, locale).replace(/[^0-9٠-٩]/g, '');
      expect(localeDigits(locale) === 'western' ? /^[0-9]+$/.test(digits) : /^[٠-٩]+$/.test(digits)).toBe(true);
    }
  });

  it('does add the Umm al-Qura Hijri date beside the Gregorian one on request', () => {
    expect(formatHijriIn(AUGUST, 'ar-MA', 'UTC')).toBe('2 ربيع الأول 1448 هـ');
    expect(formatHijriIn(AUGUST, 'ar-SA', 'UTC')).toBe('٢ ربيع الأول ١٤٤٨ هـ');
    expect(formatDateIn(AUGUST, 'ar-MA', { ...UTC, hijri: true })).toBe('15 غشت 2026 (2 ربيع الأول 1448 هـ)');
    expect(formatDateIn(AUGUST, 'ar-EG', { ...UTC, hijri: true })).toBe('١٥ أغسطس ٢٠٢٦ (٢ ربيع الأول ١٤٤٨ هـ)');
    expect(formatDateIn(AUGUST, 'en', { ...UTC, hijri: true })).toMatch(/^15 August 2026 \(2 Rabiʻ I 1448 AH\)$/);
    // The first day of Ramadan 1447 (Umm al-Qura): 18 February 2026.
    expect(formatHijriIn(new Date(Date.UTC(2026, 1, 18, 12)), 'ar-MA', 'UTC')).toBe('1 رمضان 1447 هـ');
  });

  it('does write relative times in the locale, then the date after a week', () => {
    const now = new Date(Date.UTC(2026, 7, 15, 12));
    expect(formatRelativeIn(new Date(now.getTime() - 3 * 60_000), now, 'ar-MA')).toBe('قبل 3 دقائق');
    expect(formatRelativeIn(new Date(now.getTime() - 3 * 60_000), now, 'ar-EG')).toBe('قبل ٣ دقائق');
    expect(formatRelativeIn(new Date(now.getTime() - 10 * 86_400_000), now, 'ar-MA', UTC)).toBe('5 غشت 2026');
  });

  it('does pin the numbering system and the calendar in every tag', () => {
    for (const locale of localeSchema.options) {
      expect(intlLocale(locale)).toMatch(/-u-ca-gregory-nu-(latn|arab)$/);
      expect(intlLocale(locale, true)).toContain('-ca-islamic-umalqura');
    }
  });
});
