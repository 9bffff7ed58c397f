import type { Database } from 'better-sqlite3';
import { cached } from '../statements';

export interface AuditEntry {
  actor: string;
  action: string;
  articleId?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  detail?: Record<string, unknown> | null;
}

/** Appends to the audit log (the table refuses updates and deletes), with a statement prepared once per database. */
export function appendAudit(db: Database, at: string, entry: AuditEntry): void {
  cached(db, 'INSERT INTO audit (at, actor, action, article_id, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    at,
    entry.actor,
    entry.action,
    entry.articleId ?? null,
    entry.fromStatus ?? null,
    entry.toStatus ?? null,
    entry.detail ? JSON.stringify(entry.detail) : null,
  );
}
