import type { Database, Statement } from 'better-sqlite3';
import type { DocNode } from '../../../shared/editor/docSchema';
import { docToHtml } from '../../../shared/editor/docToHtml';
import { docMediaHashes } from '../../../shared/editor/docToText';
import type { ExportFilters } from '../../../shared/ipc/channels/archive';
import type { ArticleRow } from '../db/queries/articles';
import type { RevisionRow } from '../db/queries/revisions';
import type { SyncItemRow } from '../sync/outboxRows';
import type { ArchiveArticleRecord, ArchiveMediaRef, PersonRef } from './types';

/** How article bodies address images inside an archive (relative to its root). */
export const archiveMediaPath = (hash: string): string => `media/${hash}`;

interface ExportRow extends ArticleRow {
  author_name: string | null;
  author_role: PersonRef['role'] | null;
  assignee_name: string | null;
  assignee_role: PersonRef['role'] | null;
}

/** The WHERE clause and parameters of an export's filters (bound, never spliced). */
export function filterClause(filters: ExportFilters): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const column = filters.dateField === 'published' ? 'a.published_at' : 'a.created_at';
  // Stored times are UTC ISO strings: compare like with like.
  if (filters.from) {
    where.push(`${column} >= @from`);
    params.from = new Date(filters.from).toISOString();
  }
  if (filters.to) {
    where.push(`${column} <= @to`);
    params.to = new Date(filters.to).toISOString();
  }
  if (filters.status?.length) {
    where.push(`a.status IN (${filters.status.map((_, index) => `@status${index}`).join(', ')})`);
    filters.status.forEach((status, index) => (params[`status${index}`] = status));
  }
  if (filters.section) {
    where.push('a.section = @section');
    params.section = filters.section.trim();
  }
  if (filters.author) {
    where.push('(lower(author.name) = lower(@author) OR lower(a.byline) = lower(@author))');
    params.author = filters.author.trim();
  }
  return { where, params };
}

const FROM = `FROM articles a
  LEFT JOIN users author ON author.id = a.author_id
  LEFT JOIN users assignee ON assignee.id = a.assignee_id`;

export function countArticles(db: Database, filters: ExportFilters): number {
  const { where, params } = filterClause(filters);
  return db.prepare(`SELECT count(*) ${FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).pluck().get(params) as number;
}

/**
 * The articles an export takes, in the order they were stored (rowid: an import keeps it, so a
 * re-export lists them alike), in pages read by key: never more than one page in memory, each
 * page a walk along the table's own b-tree (no sort), and the database is free between pages.
 */
export function* articlePages(db: Database, filters: ExportFilters, pageSize = 25): Generator<ExportRow[]> {
  const { where, params } = filterClause(filters);
  const statement = db.prepare(
    `SELECT a.rowid AS row_key, a.*, author.name AS author_name, author.role AS author_role, assignee.name AS assignee_name, assignee.role AS assignee_role
     ${FROM} WHERE ${[...where, 'a.rowid > @after'].join(' AND ')}
     ORDER BY a.rowid LIMIT @limit`,
  );
  let after = 0;
  for (;;) {
    const rows = statement.all({ ...params, after, limit: pageSize }) as (ExportRow & { row_key: number })[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.row_key;
  }
}

function person(id: string | null, name: string | null, role: PersonRef['role'] | null): PersonRef | null {
  if (!id) return null;
  return { id, name: name ?? id, role: role ?? 'editor' };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The media an article refers to: the featured image first, then the body's images in order. */
export function mediaHashesOf(body: DocNode, featured: string | null): string[] {
  const hashes = featured ? [featured] : [];
  for (const hash of docMediaHashes(body)) if (!hashes.includes(hash)) hashes.push(hash);
  return hashes;
}

type CommentExportRow = { id: string; parent_id: string | null; author_id: string; author_name: string | null; body: string; quote: string; anchored: number; resolved_at: string | null; resolved_by: string | null; created_at: string; updated_at: string };
type AuditExportRow = { at: string; actor: string; action: string; from_status: string | null; to_status: string | null; detail: string | null };
type SyncExportRow = SyncItemRow & { endpoint_name: string; endpoint_kind: 'wordpress' | 'webhook'; endpoint_url: string };

interface RecordStatements {
  media: Statement<[string], { hash: string; mime: string; size: number; name: string }>;
  revisions: Statement<[string], RevisionRow>;
  comments: Statement<[string], CommentExportRow>;
  audit: Statement<[string], AuditExportRow>;
  sync: Statement<[string], SyncExportRow>;
}
const preparedFor = new WeakMap<Database, RecordStatements>();

/** The statements a record needs, prepared once per database (an export reads thousands of records). */
function statementsOf(db: Database): RecordStatements {
  let statements = preparedFor.get(db);
  if (!statements) {
    statements = {
      media: db.prepare<[string], { hash: string; mime: string; size: number; name: string }>('SELECT hash, mime, size, name FROM media WHERE hash = ?'),
      revisions: db.prepare<[string], RevisionRow>('SELECT * FROM revisions WHERE article_id = ? ORDER BY id'),
      comments: db.prepare<[string], CommentExportRow>(
        `SELECT c.*, u.name AS author_name FROM comments c LEFT JOIN users u ON u.id = c.author_id
         WHERE c.article_id = ? ORDER BY c.created_at, c.rowid`,
      ),
      audit: db.prepare<[string], AuditExportRow>('SELECT at, actor, action, from_status, to_status, detail FROM audit WHERE article_id = ? ORDER BY id'),
      sync: db.prepare<[string], SyncExportRow>(
        `SELECT s.*, e.name AS endpoint_name, e.kind AS endpoint_kind, e.url AS endpoint_url
         FROM sync_items s JOIN endpoints e ON e.id = s.endpoint_id WHERE s.article_id = ? ORDER BY e.name, e.id`,
      ),
    };
    preparedFor.set(db, statements);
  }
  return statements;
}
/** Reads everything Midad keeps about one article into its archive record. */
export function buildRecord(db: Database, row: ExportRow, includeRevisions: boolean): ArchiveArticleRecord {
  const body = JSON.parse(row.body_json) as DocNode;
  const statements = statementsOf(db);
  const mediaRow = statements.media;
  const media: ArchiveMediaRef[] = [];
  for (const hash of mediaHashesOf(body, row.featured_media)) {
    const found = mediaRow.get(hash);
    if (found) media.push({ hash, mime: found.mime, size: found.size, name: found.name, path: archiveMediaPath(hash) });
  }
  const record: ArchiveArticleRecord = {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    excerpt: row.excerpt,
    slug: row.slug,
    section: row.section,
    tags: JSON.parse(row.tags) as string[],
    byline: row.byline,
    author: person(row.author_id, row.author_name, row.author_role),
    assignee: person(row.assignee_id, row.assignee_name, row.assignee_role),
    status: row.status,
    statusBeforeSpike: row.status_before_spike,
    priority: row.priority,
    deadline: row.deadline,
    scheduledAt: row.scheduled_at,
    submittedAt: row.submitted_at,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    featuredMedia: row.featured_media,
    body,
    bodyHtml: docToHtml(body, { mediaUrl: archiveMediaPath }),
    wordCount: row.word_count,
    charCount: row.char_count,
    media,
    comments: [],
    audit: [],
    sync: [],
  };
  if (includeRevisions) {
    record.revisions = statements.revisions
      .all(row.id)
      .map((revision) => ({
        articleVersion: revision.article_version,
        reason: revision.reason,
        actor: revision.actor,
        title: revision.title,
        wordCount: revision.word_count,
        contentHash: revision.content_hash,
        snapshot: parseJson(revision.snapshot),
        createdAt: revision.created_at,
      }));
  }
  record.comments = statements.comments
    .all(row.id)
    .map((comment) => ({
      id: comment.id,
      parentId: comment.parent_id,
      authorId: comment.author_id,
      authorName: comment.author_name,
      body: comment.body,
      quote: comment.quote,
      anchored: comment.anchored === 1,
      resolvedAt: comment.resolved_at,
      resolvedBy: comment.resolved_by,
      createdAt: comment.created_at,
      updatedAt: comment.updated_at,
    }));
  record.audit = statements.audit
    .all(row.id)
    .map((entry) => ({ at: entry.at, actor: entry.actor, action: entry.action, fromStatus: entry.from_status, toStatus: entry.to_status, detail: parseJson(entry.detail) }));
  record.sync = statements.sync
    .all(row.id)
    .map((item) => ({
      endpoint: { id: item.endpoint_id, name: item.endpoint_name, kind: item.endpoint_kind, url: item.endpoint_url },
      operation: item.operation,
      state: item.state,
      remoteId: item.remote_id,
      remoteUrl: item.remote_url,
      remoteModified: item.remote_modified,
      syncedHash: item.synced_hash,
      remoteTextHash: item.remote_text_hash,
      slug: item.slug,
      attempts: item.attempts,
      lastAttemptAt: item.last_attempt_at,
      lastError: item.last_error_code ? { code: item.last_error_code, message: item.last_error ?? '', messageAr: item.last_error_ar ?? '' } : null,
      createdAt: item.created_at,
      updatedAt: item.updated_at,
    }));
  return record;
}
