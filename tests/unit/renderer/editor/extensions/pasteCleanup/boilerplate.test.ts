import { describe, expect, it } from 'vitest';
import { DEFAULT_PASTE_BOILERPLATE } from '../../../../../../shared/domain/settings';
import { MAX_TAIL, isBoilerplate, normalizeLine, prepareBoilerplate } from '../../../../../../renderer/editor/extensions/pasteCleanup/boilerplate';

const DEFAULTS = prepareBoilerplate(DEFAULT_PASTE_BOILERPLATE);

describe('normalizeLine', () => {
  it('does drop harakat, tatweel, bidi controls and edge punctuation and unify alef and ya forms', () => {
    expect(normalizeLine('  اقْرَأْ أَيْضًا:  ')).toBe('اقرا ايضا');
    expect(normalizeLine('\u202Bإقـــرأ المزيد…\u202C')).toBe('اقرا المزيد');
    expect(normalizeLine('«شارك  المقال»')).toBe('شارك المقال');
    expect(normalizeLine('على مستوى')).toBe('علي مستوي');
    expect(normalizeLine('READ More ›')).toBe('read more');
  });
});

describe('isBoilerplate', () => {
  it('does match a whole line equal to an entry, whatever its harakat, hamza or punctuation', () => {
    for (const line of ['إرسال تعليق', 'أحدث أقدم', 'اقرأ أيضاً', 'اقرأ أيضا:', 'شارك المقال', '— شارك الخبر —', 'Share this article', 'read more »']) {
      expect(isBoilerplate(line, DEFAULTS), line).toBe(true);
    }
  });

  it('does match a short line that starts with an entry and a separator ("اقرأ أيضا: …")', () => {
    expect(isBoilerplate('اقرأ أيضا: الحكومة تعلن عن برنامج جديد للسكن', DEFAULTS)).toBe(true);
    expect(isBoilerplate('اقرأ أيضا - أسعار المحروقات', DEFAULTS)).toBe(true);
    expect(isBoilerplate('تابعونا على فيسبوك وتويتر', DEFAULTS)).toBe(true);
  });

  it('does keep a real paragraph that merely begins with the same words', () => {
    const long = `اقرأ أيضا ${'ما قاله وزير المالية أمام البرلمان عن عجز الميزانية '.repeat(3)}`;
    expect(long.length - 'اقرأ أيضا'.length).toBeGreaterThan(MAX_TAIL);
    expect(isBoilerplate(long, DEFAULTS)).toBe(false);
    expect(isBoilerplate('شاركالمقال', DEFAULTS)).toBe(false);
    expect(isBoilerplate('إرسال تعليقات القراء إلى هيئة التحرير صار ممكنا', DEFAULTS)).toBe(false);
    expect(isBoilerplate('أعلنت الوزارة عن خطة جديدة', DEFAULTS)).toBe(false);
  });

  it('does use only the newsroom list it is given, and nothing with an empty list', () => {
    const custom = prepareBoilerplate(['حقوق النشر محفوظة', '  ', '']);
    expect(custom).toEqual(['حقوق النشر محفوظة']);
    expect(isBoilerplate('حقوق النشر محفوظة © 2026', custom)).toBe(true);
    expect(isBoilerplate('شارك المقال', custom)).toBe(false);
    expect(isBoilerplate('شارك المقال', [])).toBe(false);
  });
});
