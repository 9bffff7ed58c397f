import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../../../renderer/i18n';
import { etaText, formatBytes } from '../../../../../renderer/features/archive/archiveText';

const ar = createI18n('ar', false).t;
const en = createI18n('en', false).t;

describe('archive text', () => {
  it('does write sizes in binary units with one decimal, in the interface language', () => {
    expect(formatBytes(en, 512, 'en')).toBe('512 B');
    expect(formatBytes(en, 1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(en, 3.25 * 1024 * 1024, 'en')).toBe('3.3 MB');
    expect(formatBytes(en, 2 * 1024 ** 3, 'en')).toBe('2 GB');
    expect(formatBytes(ar, 1536, 'ar')).toMatch(/^1[.,٫]5 ك\.بايت$/);
  });

  it('does say the time left in seconds, then minutes, with Arabic plural forms', () => {
    expect(etaText(en, null, 'en')).toBe('Estimating the time left…');
    expect(etaText(en, 1, 'en')).toBe('About 1 second left');
    expect(etaText(en, 40, 'en')).toBe('About 40 seconds left');
    expect(etaText(en, 300, 'en')).toBe('About 5 minutes left');
    expect(etaText(ar, 0, 'ar')).toBe('يكاد ينتهي');
    expect(etaText(ar, 2, 'ar')).toBe('بقيت ثانيتان تقريبًا');
    expect(etaText(ar, 5, 'ar')).toMatch(/^بقيت (5|٥) ثوانٍ تقريبًا$/);
    expect(etaText(ar, 120, 'ar')).toBe('بقيت دقيقتان تقريبًا');
    expect(etaText(ar, 11 * 60, 'ar')).toMatch(/^بقيت (11|١١) دقيقة تقريبًا$/);
  });
});
