import type { Database } from 'better-sqlite3';

export type SyncOperation = 'publish' | 'update' | 'unpublish';
export type SyncRowState = 'queued' | 'sending' | 'retry' | 'published' | 'unpublished' | 'conflict' | 'failed' | 'cancelled' | 'held';

export interface SyncItemRow {
  id: number;
  endpoint_id: string;
  article_id: string;
  operation: SyncOperation;
  state: SyncRowState;
  remote_id: string | null;
  remote_url: string | null;
  remote_modified: string | null;
  synced_hash: string | null;
  remote_text_hash: string | null;
  pending_hash: string | null;
  slug: string | null;
  outcome_unknown: number;
  idempotency_key: string | null;
  attempts: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_error_code: string | null;
  last_error: string | null;
  last_error_ar: string | null;
  created_at: string;
  updated_at: string;
}

/** States in which the engine still has work to do for the row. */
export const ACTIVE_STATES: readonly SyncRowState[] = ['queued', 'sending', 'retry', 'held'];

export function selectSyncItem(db: Database, endpointId: string, articleId: string): SyncItemRow | undefined {
  return db.prepare<[string, string], SyncItemRow>('SELECT * FROM sync_items WHERE endpoint_id = ? AND article_id = ?').get(endpointId, articleId);
}

export function selectSyncItemById(db: Database, id: number): SyncItemRow | undefined {
  return db.prepare<[number], SyncItemRow>('SELECT * FROM sync_items WHERE id = ?').get(id);
}

/** Writes the given columns of one row (column names are ours, never a caller's). */
export function patchSyncItem(db: Database, id: number, patch: Partial<Omit<SyncItemRow, 'id'>>, now: string): void {
  const columns = Object.keys(patch) as (keyof typeof patch)[];
  const assignments = [...columns.map((column) => `${column} = @${column}`), 'updated_at = @updated_at'].join(', ');
  db.prepare(`UPDATE sync_items SET ${assignments} WHERE id = @id`).run({ ...patch, updated_at: now, id });
}

/** Rows due now, oldest first: queued or retrying rows whose time has come, held rows now due. */
export function selectDueRows(db: Database, now: string, limit: number): SyncItemRow[] {
  return db
    .prepare<[string, number], SyncItemRow>(
      `SELECT s.* FROM sync_items s JOIN endpoints e ON e.id = s.endpoint_id
       WHERE e.enabled = 1 AND s.state IN ('queued', 'retry', 'held')
         AND s.next_attempt_at IS NOT NULL AND s.next_attempt_at <= ?
       ORDER BY s.next_attempt_at, s.id LIMIT ?`,
    )
    .all(now, limit);
}

/** The next time a row falls due (leaving out some endpoints), or null when nothing waits on time. */
export function nextDueAt(db: Database, excludeEndpoints: readonly string[] = []): string | null {
  const rows = db
    .prepare<[], { endpoint_id: string; at: string | null }>(
      `SELECT s.endpoint_id, MIN(s.next_attempt_at) AS at FROM sync_items s JOIN endpoints e ON e.id = s.endpoint_id
       WHERE e.enabled = 1 AND s.state IN ('queued', 'retry', 'held') AND s.next_attempt_at IS NOT NULL
       GROUP BY s.endpoint_id`,
    )
    .all();
  let next: string | null = null;
  for (const row of rows) {
    if (row.at === null || excludeEndpoints.includes(row.endpoint_id)) continue;
    if (next === null || row.at < next) next = row.at;
  }
  return next;
}
