import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/settings';
import { ar } from './ar';
import { en } from './en';
import { directionOf, formatNumber } from './format';

export const resources = { ar: { translation: ar }, en: { translation: en } } as const;

/** A fresh i18next instance (tests make their own; the app uses `i18n`). */
export function createI18n(language: Language = 'ar', withReact = true): I18n {
  const instance = i18next.createInstance();
  if (withReact) instance.use(initReactI18next);
  void instance.init({
    resources,
    lng: language,
    fallbackLng: 'ar',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export const i18n = createI18n('ar');

/**
 * A counted phrase: `count` picks the plural form through Intl.PluralRules, `n` carries the
 * number already written in the language's digits.
 */
export function countText(t: TFunction, key: string, count: number, language: Language): string {
  return t(key, { count, n: formatNumber(count, language) });
}

/** Switches the interface language and the document's lang/dir together. */
export async function applyLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export function currentLanguage(instance: I18n = i18n): Language {
  return instance.language === 'en' ? 'en' : 'ar';
}
