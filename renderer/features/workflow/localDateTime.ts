/** Two digits, for the yyyy-mm-ddThh:mm value of a datetime-local input. */
const pad = (value: number) => String(value).padStart(2, '0');

/** A Date as a datetime-local input's value (local time, minutes). */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value as ISO 8601 (UTC), or null when it is empty or not a time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The next whole hour at least `minutes` from now: a sensible default publish time. */
export function nextHour(now: Date, minutes = 30): Date {
  const date = new Date(now.getTime() + minutes * 60_000);
  date.setMinutes(0, 0, 0);
  date.setHours(date.getHours() + 1);
  return date;
}
