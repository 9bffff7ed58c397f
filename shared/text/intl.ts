import type { DigitsPolicy, NewsroomLocale } from '../domain/settings';

/**
 * Dates, month names and numbers through Intl, for a newsroom locale (Settings → locale). Pure
 * functions, shared by the renderer (every date the interface shows) and anything in the core
 * that writes a date for readers.
 *
 * Every locale is given its numbering system and calendar explicitly, so the result does not
 * depend on the ICU version (plain 'ar' has changed its digits between ICU releases, and 'ar-SA'
 * its default calendar): ar-MA → Western 0–9; ar, ar-EG, ar-SA → Arabic-Indic ٠–٩; en → British
 * English. Morocco's month names (يناير … ماي … يوليوز غشت شتنبر … نونبر دجنبر) are in ICU's ar-MA
 * data, but a trimmed ICU (Chromium ships one) may fall back to ar's أغسطس: for ar-MA the month
 * is always written from MOROCCAN_MONTHS below, whatever the ICU data says.
 */

export const MOROCCAN_MONTHS: readonly string[] = ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'];

const TAGS: Record<NewsroomLocale, string> = {
  'ar-MA': 'ar-MA-u-ca-gregory-nu-latn',
  ar: 'ar-u-ca-gregory-nu-arab',
  'ar-EG': 'ar-EG-u-ca-gregory-nu-arab',
  'ar-SA': 'ar-SA-u-ca-gregory-nu-arab',
  en: 'en-GB-u-ca-gregory-nu-latn',
};

/** The BCP 47 tag Intl gets for a newsroom locale (Gregorian calendar unless `hijri`). */
export function intlLocale(locale: NewsroomLocale, hijri = false): string {
  return hijri ? TAGS[locale].replace('-ca-gregory', '-ca-islamic-umalqura') : TAGS[locale];
}

/** The digits a locale writes numbers with. */
export function localeDigits(locale: NewsroomLocale): DigitsPolicy {
  return TAGS[locale].endsWith('-nu-arab') ? 'arabic-indic' : 'western';
}

export interface DateOptions {
  /** Add the time (24-hour clock). */
  time?: boolean;
  /** With `time`: seconds too. */
  seconds?: boolean;
  /** Add the Hijri (Umm al-Qura) date in parentheses. */
  hijri?: boolean;
  /** For tests and servers: the time zone (the user's own by default). */
  timeZone?: string;
}

// Building Intl formatters is costly; lists format on every render.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return memo(`d|${tag}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options));
}

/** The month (0–11) of `date` in the time zone used for formatting it. */
function monthIndex(date: Date, timeZone: string | undefined): number {
  return Number(dateTimeFormat('en-US-u-ca-gregory-nu-latn', { month: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(date)) - 1;
}

function formatGregorian(date: Date, locale: NewsroomLocale, options: Intl.DateTimeFormatOptions, timeZone: string | undefined): string {
  const format = dateTimeFormat(intlLocale(locale), { ...options, ...(timeZone ? { timeZone } : {}) });
  if (locale !== 'ar-MA' || (options.month !== 'long' && options.month !== 'short')) return format.format(date);
  const month = MOROCCAN_MONTHS[monthIndex(date, timeZone)]!;
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'month' ? month : part.value))
    .join('');
}

/** '15 غشت 2026' (ar-MA), '١٥ أغسطس ٢٠٢٦' (ar-EG), '15 August 2026' (en); with the time and the Hijri date on request. */
export function formatDateIn(date: Date, locale: NewsroomLocale, options: DateOptions = {}): string {
  const fields: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
  if (options.time) Object.assign(fields, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(options.seconds ? { second: '2-digit' } : {}) });
  const gregorian = formatGregorian(date, locale, fields, options.timeZone);
  return options.hijri ? `${gregorian} (${formatHijriIn(date, locale, options.timeZone)})` : gregorian;
}

/** The Umm al-Qura Hijri date: '2 ربيع الأول 1448 هـ' (ar-MA), '٢ ربيع الأول ١٤٤٨ هـ' (ar-SA), '2 Rabiʻ I 1448 AH' (en). */
export function formatHijriIn(date: Date, locale: NewsroomLocale, timeZone?: string): string {
  return dateTimeFormat(intlLocale(locale, true), { day: 'numeric', month: 'long', year: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** 24-hour clock: '10:32' (ar-MA, en), '١٠:٣٢' (ar, ar-EG, ar-SA). */
export function formatTimeIn(date: Date, locale: NewsroomLocale, timeZone?: string): string {
  return dateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** The twelve Gregorian month names of a locale, January first. */
export function monthNamesIn(locale: NewsroomLocale): string[] {
  return Array.from({ length: 12 }, (_, month) => formatGregorian(new Date(Date.UTC(2026, month, 15)), locale, { month: 'long' }, 'UTC'));
}

/** '12,500' (en), '12.500' (ar-MA), '١٢٬٥٠٠' (ar-EG). */
export function formatNumberIn(value: number, locale: NewsroomLocale, options: Intl.NumberFormatOptions = {}): string {
  return memo(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(intlLocale(locale), options)).format(value);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 'الآن', 'قبل 3 دقائق', 'أمس'… for the last week, then the calendar date. */
export function formatRelativeIn(date: Date, now: Date, locale: NewsroomLocale, options: DateOptions = {}): string {
  const elapsed = now.getTime() - date.getTime();
  const rtf = memo(`r|${locale}`, () => new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' }));
  if (elapsed < MINUTE) return rtf.format(0, 'second');
  if (elapsed < HOUR) return rtf.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return rtf.format(-Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 7 * DAY) return rtf.format(-Math.floor(elapsed / DAY), 'day');
  return formatDateIn(date, locale, options);
}
