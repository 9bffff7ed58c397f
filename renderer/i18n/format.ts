import { DEFAULT_SETTINGS, type Language, type NewsroomLocale } from '../../shared/domain/settings';
import { formatDateIn, formatNumberIn, formatRelativeIn, formatTimeIn, intlLocale, type DateOptions } from '../../shared/text/intl';

/**
 * Numbers, times and dates in the interface, through Intl (shared/text/intl.ts). The Arabic
 * interface follows the newsroom locale (Settings → locale: ar-MA by default, Western digits and
 * Morocco's month names; ar, ar-EG, ar-SA with Arabic-Indic digits); the English interface writes
 * British English. The Hijri date is added beside calendar dates when Settings → showHijri is on.
 */
export interface FormatSettings {
  locale: NewsroomLocale;
  showHijri: boolean;
}

let current: FormatSettings = { locale: DEFAULT_SETTINGS.locale, showHijri: DEFAULT_SETTINGS.showHijri };

/** Called when the settings load or change (App); the next render formats with them. */
export function setFormatSettings(settings: FormatSettings): void {
  current = { locale: settings.locale, showHijri: settings.showHijri };
}

export function formatSettings(): FormatSettings {
  return current;
}

/** The newsroom locale the interface formats with in this language. */
export function displayLocale(language: Language): NewsroomLocale {
  return language === 'en' ? 'en' : current.locale;
}

/** The Intl locale tag for this interface language (for callers that build their own Intl formatter). */
export function localeFor(language: Language): string {
  return intlLocale(displayLocale(language));
}

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return formatNumberIn(value, displayLocale(language), options);
}

/** 24-hour clock: '10:32' (ar-MA), '١٠:٣٢' (ar-EG). */
export function formatTime(date: Date, language: Language): string {
  return formatTimeIn(date, displayLocale(language));
}

/** A calendar date: '15 غشت 2026' (ar-MA), with the Hijri date beside it when Settings say so. */
export function formatDate(date: Date, language: Language, options: Omit<DateOptions, 'time' | 'hijri'> = {}): string {
  return formatDateIn(date, displayLocale(language), { ...options, hijri: current.showHijri });
}

/** A date with its time, for deadlines, schedules, revisions and the audit log: '3 دجنبر 2026، 14:00'. */
export function formatDateTime(date: Date, language: Language, options: Omit<DateOptions, 'time' | 'hijri'> = {}): string {
  return formatDateIn(date, displayLocale(language), { ...options, time: true, hijri: current.showHijri });
}

/** 'الآن', 'قبل 3 دقائق', 'أمس'… for the last week, then a calendar date. */
export function formatRelative(date: Date, now: Date, language: Language): string {
  return formatRelativeIn(date, now, displayLocale(language), { hijri: current.showHijri });
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}
