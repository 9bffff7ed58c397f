import type { Database } from 'better-sqlite3';
import type { RevisionSummary } from '../../../../shared/domain/article';

export interface RevisionRow {
  id: number;
  article_id: string;
  article_version: number;
  reason: string;
  actor: string;
  title: string;
  word_count: number;
  content_hash: string;
  snapshot: string;
  created_at: string;
}

export function latestRevision(db: Database, articleId: string): Pick<RevisionRow, 'id' | 'content_hash' | 'created_at'> | undefined {
  return db
    .prepare<[string], Pick<RevisionRow, 'id' | 'content_hash' | 'created_at'>>(
      'SELECT id, content_hash, created_at FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1',
    )
    .get(articleId);
}

export function insertRevision(db: Database, row: Omit<RevisionRow, 'id'>): number {
  const result = db
    .prepare(
      `INSERT INTO revisions (article_id, article_version, reason, actor, title, word_count, content_hash, snapshot, created_at)
       VALUES (@article_id, @article_version, @reason, @actor, @title, @word_count, @content_hash, @snapshot, @created_at)`,
    )
    .run(row);
  return Number(result.lastInsertRowid);
}

export function listRevisions(db: Database, articleId: string): RevisionSummary[] {
  const rows = db
    .prepare<[string], Pick<RevisionRow, 'id' | 'article_id' | 'reason' | 'title' | 'word_count' | 'created_at'> & { actor_name: string }>(
      `SELECT r.id, r.article_id, r.reason, r.title, r.word_count, r.created_at, COALESCE(u.name, r.actor) AS actor_name
       FROM revisions r LEFT JOIN users u ON u.id = r.actor WHERE r.article_id = ? ORDER BY r.id DESC`,
    )
    .all(articleId);
  return rows.map((row) => ({
    id: row.id,
    articleId: row.article_id,
    reason: row.reason,
    actorName: row.actor_name,
    title: row.title,
    wordCount: row.word_count,
    createdAt: row.created_at,
  }));
}

export type NamedRevisionRow = RevisionRow & { actor_name: string };

const NAMED_REVISION = 'SELECT r.*, COALESCE(u.name, r.actor) AS actor_name FROM revisions r LEFT JOIN users u ON u.id = r.actor';

export function selectRevision(db: Database, id: number): NamedRevisionRow | undefined {
  return db.prepare<[number], NamedRevisionRow>(`${NAMED_REVISION} WHERE r.id = ?`).get(id);
}

/** The newest revision of an article kept for this reason (the last submission, the last approval…). */
export function latestRevisionWithReason(db: Database, articleId: string, reason: string): NamedRevisionRow | undefined {
  return db
    .prepare<[string, string], NamedRevisionRow>(`${NAMED_REVISION} WHERE r.article_id = ? AND r.reason = ? ORDER BY r.id DESC LIMIT 1`)
    .get(articleId, reason);
}

export function rowToRevisionSummary(row: NamedRevisionRow): RevisionSummary {
  return {
    id: row.id,
    articleId: row.article_id,
    reason: row.reason,
    actorName: row.actor_name,
    title: row.title,
    wordCount: row.word_count,
    createdAt: row.created_at,
  };
}
