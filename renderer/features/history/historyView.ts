/** What the history panel asked the main column to show instead of the editor. */
export type HistoryView =
  | { kind: 'revision'; id: number }
  | { kind: 'diff'; from: number | 'lastSubmit' | 'lastApprove'; to: number | 'current' | 'lastApprove' };

const KNOWN_REASONS = new Set(['autosave', 'manual', 'submit', 'approve', 'restore', 'remote']);

/** The i18n key for why a revision was made (an unknown reason is shown as stored). */
export function reasonKey(reason: string): string | null {
  return KNOWN_REASONS.has(reason) ? `history.reasons.${reason}` : null;
}
