import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/settings';
import { MIN_PASSWORD_LENGTH } from '../../../shared/domain/user';
import { formatNumber } from '../../i18n/format';

/**
 * What is wrong with a new password and its confirmation, in the UI language, or null. The
 * length is counted as the core counts it (UTF-16 units; Arabic letters are one each).
 */
export function passwordProblem(t: TFunction, password: string, confirm: string, language: Language): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return t('auth.passwordLength', { length: formatNumber(password.length, language), n: formatNumber(MIN_PASSWORD_LENGTH, language) });
  }
  if (password !== confirm) return t('auth.passwordMismatch');
  return null;
}
