/** One line of bench-results.json. `value` and `baseline` are measured in the same run. */
export interface BenchResult {
  name: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  /** The ratio must be at or below this; null for a figure reported for information only. */
  target: number | null;
  /** What the baseline is, and anything a reader must know (e.g. why a figure was not measured). */
  note?: string;
  /** Extra absolute figures (e.g. the autosave p95 in ms, sample counts). */
  detail?: Record<string, number | string>;
}

export function ratioOf(value: number | null, baseline: number | null): number | null {
  if (value === null || baseline === null || baseline <= 0) return null;
  return Math.round((value / baseline) * 100) / 100;
}
