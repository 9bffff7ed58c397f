import type { Database } from 'better-sqlite3';

/** One row of `comments`, with the names of its author and of whoever resolved it. */
export interface CommentRow {
  id: string;
  article_id: string;
  parent_id: string | null;
  /** A user id, or cli:<os user>. */
  author_id: string;
  author_name: string;
  body: string;
  quote: string;
  anchored: 0 | 1;
  resolved_at: string | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT c.*, COALESCE(author.name, c.author_id) AS author_name,
  CASE WHEN c.resolved_by IS NULL THEN NULL ELSE COALESCE(resolver.name, c.resolved_by) END AS resolved_by_name
  FROM comments c LEFT JOIN users author ON author.id = c.author_id LEFT JOIN users resolver ON resolver.id = c.resolved_by`;

export function selectComment(db: Database, id: string): CommentRow | undefined {
  return db.prepare<[string], CommentRow>(`${SELECT} WHERE c.id = ?`).get(id);
}

/** Every comment on an article, oldest first (the service groups them into threads). */
export function listCommentRows(db: Database, articleId: string): CommentRow[] {
  return db.prepare<[string], CommentRow>(`${SELECT} WHERE c.article_id = ? ORDER BY c.created_at, c.rowid`).all(articleId);
}

export interface NewComment {
  id: string;
  article_id: string;
  parent_id: string | null;
  author_id: string;
  body: string;
  quote: string;
  anchored: 0 | 1;
  created_at: string;
}

export function insertComment(db: Database, comment: NewComment): void {
  db.prepare(
    `INSERT INTO comments (id, article_id, parent_id, author_id, body, quote, anchored, created_at, updated_at)
     VALUES (@id, @article_id, @parent_id, @author_id, @body, @quote, @anchored, @created_at, @created_at)`,
  ).run(comment);
}

/** Resolves (actor and time) or reopens (nulls) a thread's first comment. */
export function setCommentResolved(db: Database, id: string, resolvedBy: string | null, at: string): void {
  db.prepare('UPDATE comments SET resolved_at = @resolvedAt, resolved_by = @resolvedBy, updated_at = @at WHERE id = @id').run({
    id,
    resolvedAt: resolvedBy === null ? null : at,
    resolvedBy,
    at,
  });
}
