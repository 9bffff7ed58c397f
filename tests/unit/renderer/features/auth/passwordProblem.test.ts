import { beforeAll, describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../../../renderer/features/auth/passwordProblem';
import { createI18n } from '../../../../../renderer/i18n';
import { setFormatSettings } from '../../../../../renderer/i18n/format';


// An Arabic-Indic newsroom locale (the default ar-MA writes Western digits: see tests/unit/shared/text/intl.test.ts).
beforeAll(() => setFormatSettings({ locale: 'ar-EG', showHijri: false }));
describe('passwordProblem', () => {
  const ar = createI18n('ar', false).t;
  const en = createI18n('en', false).t;

  it('does count the length in Arabic digits when the password is too short', () => {
    expect(passwordProblem(ar, 'قصيرة', 'قصيرة', 'ar')).toBe('كلمة المرور قصيرة: ٥ من ١٠ أحرف على الأقل.');
    expect(passwordProblem(en, 'short', 'short', 'en')).toBe('The password is too short: 5 of at least 10 characters.');
  });

  it('does refuse a confirmation that differs', () => {
    expect(passwordProblem(ar, 'كلمة-سر-طويلة-2026', 'كلمة-سر-طويلة-2027', 'ar')).toBe('كلمتا المرور غير متطابقتين.');
  });

  it('does accept ten characters or more, confirmed', () => {
    expect(passwordProblem(ar, 'عشرة أحرف!', 'عشرة أحرف!', 'ar')).toBeNull();
  });
});
