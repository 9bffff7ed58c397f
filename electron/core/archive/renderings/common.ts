import type { DigitsPolicy, NewsroomLocale } from '../../../../shared/domain/settings';
import { applyDigits } from '../../../../shared/text/digits';
import { formatDateIn } from '../../../../shared/text/intl';
import type { ArchiveArticleRecord } from '../types';

/** The date an article is listed under: when it was published, else when it was created. */
export function articleDate(record: Pick<ArchiveArticleRecord, 'publishedAt' | 'createdAt'>): string {
  return record.publishedAt ?? record.createdAt;
}

/** "14 غشت 2026" in the newsroom's locale (the app's own formatting, Moroccan months included), digits per the newsroom's policy. */
export function formatDay(iso: string, locale: NewsroomLocale, digits: DigitsPolicy): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return applyDigits(formatDateIn(date, locale), digits);
}

/** Day and time ("14 غشت 2026، 10:30"), digits per the policy. */
export function formatDateTime(iso: string, locale: NewsroomLocale, digits: DigitsPolicy): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return applyDigits(formatDateIn(date, locale, { time: true }), digits);
}

/** The calendar day (local time, as displayed) used to group the index: YYYY-MM-DD. */
export function dayKey(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '0000-00-00';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A file name for an article inside the archive. Article ids are UUIDs; anything else (a
 * hand-edited record) is reduced to safe characters so no entry can leave its folder.
 */
export function articleFileBase(id: string): string {
  const safe = id.replace(/[^0-9A-Za-z_-]/g, '_').slice(0, 100);
  return safe.length > 0 ? safe : 'article';
}

/** Path of a stored image inside the archive (the exporter writes `media/<hash>`). */
export function mediaPath(hash: string): string {
  return `media/${/^[0-9a-f]{64}$/.test(hash) ? hash : 'invalid'}`;
}
