import type { Language } from '../../shared/domain/settings';

/**
 * Numbers, times and dates through Intl. Arabic asks for the Arabic-Indic numbering system
 * explicitly: plain 'ar' gives Latin digits in current ICU data.
 */
export function localeFor(language: Language): string {
  return language === 'ar' ? 'ar-u-nu-arab' : 'en-GB';
}

// Building Intl formatters is costly; the status bar and list format on every render.
const numberFormats = new Map<Language, Intl.NumberFormat>();
const timeFormats = new Map<Language, Intl.DateTimeFormat>();
const dateFormats = new Map<Language, Intl.DateTimeFormat>();
const relativeFormats = new Map<Language, Intl.RelativeTimeFormat>();

function cached<T>(map: Map<Language, T>, language: Language, make: (locale: string) => T): T {
  let value = map.get(language);
  if (!value) {
    value = make(localeFor(language));
    map.set(language, value);
  }
  return value;
}

export function formatNumber(value: number, language: Language): string {
  return cached(numberFormats, language, (locale) => new Intl.NumberFormat(locale)).format(value);
}

/** 24-hour clock: '١٠:٣٢' in Arabic, '10:32' in English. */
export function formatTime(date: Date, language: Language): string {
  return cached(timeFormats, language, (locale) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })).format(date);
}

export function formatDate(date: Date, language: Language): string {
  return cached(dateFormats, language, (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(date);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 'الآن', 'قبل ٣ دقائق', 'أمس'… for the last week, then a calendar date. */
export function formatRelative(date: Date, now: Date, language: Language): string {
  const elapsed = now.getTime() - date.getTime();
  const rtf = cached(relativeFormats, language, (locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  if (elapsed < MINUTE) return rtf.format(0, 'second');
  if (elapsed < HOUR) return rtf.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return rtf.format(-Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 7 * DAY) return rtf.format(-Math.floor(elapsed / DAY), 'day');
  return formatDate(date, language);
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}
