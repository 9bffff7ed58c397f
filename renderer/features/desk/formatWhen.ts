import type { Language } from '../../../shared/domain/settings';
import { formatDateTime } from '../../i18n/format';

/** A date with its time, for deadlines, schedules and revisions: '3 دجنبر 2026، 14:00' (the newsroom locale; Hijri beside it when on). */
export function formatWhen(date: Date, language: Language): string {
  return formatDateTime(date, language);
}
