import type { Database } from 'better-sqlite3';
import { cleanSingleLine } from '../../../shared/text/arabic';

export interface AuditQuery {
  /** A user id, a user's name, or a CLI actor as recorded (`cli:<os user>`). */
  actor?: string;
  /** An action ('workflow.approve'), or a family of them ('auth' matches 'auth.sign-in', 'auth.sign-in.failed'…). */
  action?: string;
  articleId?: string;
  /** On or after / on or before (ISO 8601, any offset). */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface AuditListEntry {
  id: number;
  at: string;
  actor: string;
  actorName: string;
  action: string;
  articleId: string | null;
  articleTitle: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  detail: Record<string, unknown> | null;
}

interface AuditListRow {
  id: number;
  at: string;
  actor: string;
  actor_name: string;
  action: string;
  article_id: string | null;
  article_title: string | null;
  from_status: string | null;
  to_status: string | null;
  detail: string | null;
}

function parseDetail(detail: string | null): Record<string, unknown> | null {
  if (detail === null) return null;
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    return { text: detail };
  }
}

/**
 * The audit log, read-only: the admin's view with filters and paging, newest first, with the
 * actor's name and the article's title. Nothing here writes; the table itself refuses updates
 * and deletes (triggers in the first migration).
 */
export class AuditService {
  constructor(private readonly db: Database) {}

  list(query: AuditQuery): { items: AuditListEntry[]; total: number } {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (query.actor?.trim()) {
      params.actor = query.actor.trim();
      // The users table's name_key (AccountService): a name matches whatever its case and spacing.
      params.actorKey = cleanSingleLine(params.actor).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
      where.push('(a.actor = @actor OR u.name_key = @actorKey)');
    }
    if (query.action?.trim()) {
      params.action = query.action.trim();
      // A prefix compared with substr, not LIKE, so '_' and '%' in the filter mean themselves.
      where.push("(a.action = @action OR substr(a.action, 1, length(@action) + 1) = @action || '.')");
    }
    if (query.articleId) {
      params.articleId = query.articleId;
      where.push('a.article_id = @articleId');
    }
    // Stored times are UTC ISO strings (toISOString), which sort as text.
    if (query.from) {
      params.from = new Date(query.from).toISOString();
      where.push('a.at >= @from');
    }
    if (query.to) {
      params.to = new Date(query.to).toISOString();
      where.push('a.at <= @to');
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const joins = 'FROM audit a LEFT JOIN users u ON u.id = a.actor LEFT JOIN articles ar ON ar.id = a.article_id';
    const total = this.db.prepare(`SELECT count(*) ${joins} ${filter}`).pluck().get(params) as number;
    const rows = this.db
      .prepare<[Record<string, string | number>], AuditListRow>(
        `SELECT a.id, a.at, a.actor, COALESCE(u.name, a.actor) AS actor_name, a.action, a.article_id, ar.title AS article_title,
                a.from_status, a.to_status, a.detail
         ${joins} ${filter}
         ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.limit ?? 200, offset: query.offset ?? 0 });
    return {
      total,
      items: rows.map((row) => ({
        id: row.id,
        at: row.at,
        actor: row.actor,
        actorName: row.actor_name,
        action: row.action,
        articleId: row.article_id,
        articleTitle: row.article_title,
        fromStatus: row.from_status,
        toStatus: row.to_status,
        detail: parseDetail(row.detail),
      })),
    };
  }
}
