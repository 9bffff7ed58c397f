import type { Language } from '../../../shared/domain/settings';
import { localeFor } from '../../i18n/format';

const formats = new Map<Language, Intl.DateTimeFormat>();

/** A date with its time, for deadlines, schedules and revisions: '٣ ديسمبر ٢٠٢٦، ١٤:٠٠'. */
export function formatWhen(date: Date, language: Language): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
    formats.set(language, format);
  }
  return format.format(date);
}
