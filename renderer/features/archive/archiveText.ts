import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/settings';
import { countText } from '../../i18n';
import { formatNumber } from '../../i18n/format';

/** '3.2 م.بايت' / '3.2 MB' (digits of the newsroom locale): binary units, one decimal above a kilobyte. */
export function formatBytes(t: TFunction, bytes: number, language: Language): string {
  if (bytes >= 1024 ** 3) return t('archive.bytes.gb', { n: formatOne(bytes / 1024 ** 3, language) });
  if (bytes >= 1024 ** 2) return t('archive.bytes.mb', { n: formatOne(bytes / 1024 ** 2, language) });
  if (bytes >= 1024) return t('archive.bytes.kb', { n: formatOne(bytes / 1024, language) });
  return t('archive.bytes.b', { n: formatNumber(bytes, language) });
}

function formatOne(value: number, language: Language): string {
  return formatNumber(value, language, { maximumFractionDigits: 1 });
}

/** 'بقيت ٣ دقائق تقريبًا' / 'About 40 seconds left'; null while the core cannot estimate yet. */
export function etaText(t: TFunction, seconds: number | null, language: Language): string {
  if (seconds === null || !Number.isFinite(seconds)) return t('archive.export.estimating');
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 90) return countText(t, 'archive.export.eta', whole, language);
  return countText(t, 'archive.export.etaMinutes', Math.round(whole / 60), language);
}

/** The localized message of a problem or warning that carries both languages. */
export function localizedText(item: { message: string; messageAr: string }, language: Language): string {
  return language === 'ar' ? item.messageAr : item.message;
}
