import { beforeAll, describe, expect, it } from 'vitest';
import { countText, createI18n } from '../../../../renderer/i18n';
import { formatNumber, formatRelative, formatTime, setFormatSettings } from '../../../../renderer/i18n/format';


// An Arabic-Indic newsroom locale (the default ar-MA writes Western digits: see tests/unit/shared/text/intl.test.ts).
beforeAll(() => setFormatSettings({ locale: 'ar-EG', showHijri: false }));
describe('Arabic and English counts and times', () => {
  const ar = createI18n('ar', false);
  const en = createI18n('en', false);

  it('does write the article count with the right Arabic plural form when the list has 0, 1, 2, 3, 11 or 100 articles', () => {
    const count = (n: number) => countText(ar.t, 'list.count', n, 'ar');
    expect(count(0)).toBe('لا مقالات');
    expect(count(1)).toBe('مقال واحد');
    expect(count(2)).toBe('مقالان');
    expect(count(3)).toBe('٣ مقالات');
    expect(count(10)).toBe('١٠ مقالات');
    expect(count(11)).toBe('١١ مقالًا');
    expect(count(99)).toBe('٩٩ مقالًا');
    expect(count(100)).toBe('١٠٠ مقال');
  });

  it('does write English counts with Latin digits when the interface is English', () => {
    expect(countText(en.t, 'list.count', 1, 'en')).toBe('1 article');
    expect(countText(en.t, 'list.count', 11, 'en')).toBe('11 articles');
    expect(countText(en.t, 'words.count', 1234, 'en')).toBe('1,234 words');
  });

  it('does show the save time as ١٠:٣٢ in Arabic and 10:32 in English', () => {
    const at = new Date(2026, 0, 5, 10, 32);
    expect(ar.t('status.saved', { time: formatTime(at, 'ar') })).toBe('محفوظ محليًا ١٠:٣٢');
    expect(en.t('status.saved', { time: formatTime(at, 'en') })).toBe('Saved locally 10:32');
  });

  it('does use Arabic-Indic digits for numbers and relative times when the interface is Arabic', () => {
    expect(formatNumber(1200, 'ar')).toBe('١٬٢٠٠');
    const now = new Date(2026, 0, 5, 10, 32);
    expect(formatRelative(new Date(now.getTime() - 3 * 60_000), now, 'ar')).toBe('قبل ٣ دقائق');
    expect(formatRelative(new Date(now.getTime() - 10_000), now, 'en')).toBe('now');
  });

  it('does give every Arabic key an English translation when the language is switched', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key))
        : [prefix];
    const resources = (instance: typeof ar) => instance.getResourceBundle(instance.language, 'translation') as unknown;
    expect(keys(resources(en)).sort()).toEqual(keys(resources(ar)).sort());
  });
});
