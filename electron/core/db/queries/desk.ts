import type { Database, Statement } from 'better-sqlite3';
import type { ArticleStatus, ArticleSummary } from '../../../../shared/domain/article';
import type { ArticleView } from '../../../../shared/ipc/channels/desk';
import { SUMMARY_SELECT, escapeLike, rowToSummary, type SummaryRow } from './articles';

/** Whose desk is being listed: "mine" and "in review (mine)" depend on it. */
export interface DeskViewer {
  /** The user's id; null for the CLI, which owns nothing. */
  userId: string | null;
  /** Admins see every claimed article under "in review". */
  admin: boolean;
}

export interface DeskQuery {
  view: ArticleView;
  titleContains?: string;
  section?: string;
  authorId?: string;
  /** Last change on or after / on or before, as UTC ISO strings. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/**
 * The order of the review queue, written exactly as the `articles_queue` index is declared so
 * SQLite walks the index instead of sorting: urgent first ('urgent' > 'normal'), then the
 * nearest deadline with undated articles last, then the oldest submission; rowid breaks ties
 * so pages never overlap.
 */
export const QUEUE_ORDER = 'a.priority DESC, a.deadline IS NULL, a.deadline, a.submitted_at, a.rowid';

const NEWEST_FIRST = 'a.updated_at DESC, a.id';

function viewClause(view: ArticleView, viewer: DeskViewer): { where: string; order: string } {
  switch (view) {
    case 'mine':
      return { where: "a.author_id = @me AND a.status <> 'spiked'", order: NEWEST_FIRST };
    case 'queue':
      return { where: "a.status = 'submitted'", order: QUEUE_ORDER };
    case 'inReview':
      return { where: viewer.admin ? "a.status = 'in_review'" : "a.status = 'in_review' AND a.assignee_id = @me", order: QUEUE_ORDER };
    case 'approved':
      // Scheduled ones first, next to go out on top; then those approved to go out at once, latest first.
      return { where: "a.status = 'approved'", order: 'a.scheduled_at IS NULL, a.scheduled_at, a.updated_at DESC, a.id' };
    case 'published':
      return { where: "a.status = 'published'", order: 'a.published_at DESC, a.id' };
    case 'spiked':
      return { where: "a.status = 'spiked'", order: NEWEST_FIRST };
    case 'all':
      return { where: "a.status <> 'spiked'", order: NEWEST_FIRST };
  }
}

/** Prepared statements per database and SQL text: the desk lists on every sidebar refresh. */
const statements = new WeakMap<Database, Map<string, Statement>>();
function prepared(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** The SQL and bound parameters of one page of a view (exported for the bench and the plan test). */
export function deskListSql(query: DeskQuery, viewer: DeskViewer): { select: string; count: string; params: Record<string, unknown> } {
  const { where, order } = viewClause(query.view, viewer);
  const clauses = [where];
  const params: Record<string, unknown> = { limit: query.limit, offset: query.offset };
  if (where.includes('@me')) params.me = viewer.userId;
  if (query.titleContains) {
    clauses.push("a.title LIKE @title ESCAPE '\\'");
    params.title = `%${escapeLike(query.titleContains)}%`;
  }
  if (query.section !== undefined) {
    clauses.push('a.section = @section');
    params.section = query.section;
  }
  if (query.authorId !== undefined) {
    clauses.push('a.author_id = @authorId');
    params.authorId = query.authorId;
  }
  if (query.from !== undefined) {
    clauses.push('a.updated_at >= @from');
    params.from = query.from;
  }
  if (query.to !== undefined) {
    clauses.push('a.updated_at <= @to');
    params.to = query.to;
  }
  const whereSql = `WHERE ${clauses.join(' AND ')}`;
  return {
    select: `${SUMMARY_SELECT} ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    count: `SELECT count(*) FROM articles a ${whereSql}`,
    params,
  };
}

export function listDesk(db: Database, query: DeskQuery, viewer: DeskViewer): { items: ArticleSummary[]; total: number } {
  const { select, count, params } = deskListSql(query, viewer);
  const rows = prepared(db, select).all(params) as SummaryRow[];
  // A short first page is the whole view: no second query.
  const total = query.offset === 0 && rows.length < query.limit ? rows.length : (prepared(db, count).pluck().get(params) as number);
  return { items: rows.map(rowToSummary), total };
}

/** How many articles each status holds (read from the status index, no table rows). */
export function countByStatus(db: Database): Map<ArticleStatus, number> {
  const rows = prepared(db, 'SELECT status, count(*) AS n FROM articles GROUP BY status').all() as { status: ArticleStatus; n: number }[];
  return new Map(rows.map((row) => [row.status, row.n]));
}

export function countMine(db: Database, userId: string): number {
  return prepared(db, "SELECT count(*) FROM articles WHERE author_id = ? AND status <> 'spiked'").pluck().get(userId) as number;
}

export function countClaimedBy(db: Database, userId: string): number {
  return prepared(db, "SELECT count(*) FROM articles WHERE assignee_id = ? AND status = 'in_review'").pluck().get(userId) as number;
}

export interface PersonRow {
  id: string;
  name: string;
  role: string;
}

export function listEnabledPeople(db: Database): PersonRow[] {
  return prepared(db, 'SELECT id, name, role FROM users WHERE disabled = 0 ORDER BY name_key').all() as PersonRow[];
}
