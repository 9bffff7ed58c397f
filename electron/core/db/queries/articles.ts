import type { Database } from 'better-sqlite3';
import type { Article, ArticleStatus, ArticleSummary, Priority } from '../../../../shared/domain/article';
import type { DocNode } from '../../../../shared/editor/docSchema';
import { docToHtml } from '../../../../shared/editor/docToHtml';
import { mediaPath } from '../../../../shared/ipc/contract';
import { uniqueSlug } from '../../../../shared/text/slug';
import { cached } from '../statements';

/** The columns of `articles` without the large body columns: what a save reads and compares. */
export interface ArticleHead {
  id: string;
  title: string;
  subtitle: string;
  excerpt: string;
  slug: string;
  /** 1 while the slug is made by Midad and follows the title; 0 once a person typed it (migration 0006). */
  slug_auto: number;
  section: string;
  tags: string;
  byline: string;
  featured_media: string | null;
  status: ArticleStatus;
  status_before_spike: ArticleStatus | null;
  /** SHA-256 of body_json: an autosave compares it instead of reading the body back. */
  body_hash: string;
  word_count: number;
  char_count: number;
  version: number;
  created_at: string;
  updated_at: string;
  author_id: string | null;
  /** The reviewer who claimed it. */
  assignee_id: string | null;
  priority: Priority;
  deadline: string | null;
  scheduled_at: string | null;
  submitted_at: string | null;
  published_at: string | null;
}

/** The body and what is derived from it. */
export interface ArticleBody {
  body_json: string;
  body_text: string;
}

const HEAD_COLUMNS = [
  'id', 'title', 'subtitle', 'excerpt', 'slug', 'slug_auto', 'section', 'tags', 'byline', 'featured_media', 'status',
  'status_before_spike', 'body_hash', 'word_count', 'char_count', 'version', 'created_at', 'updated_at',
  'author_id', 'assignee_id', 'priority', 'deadline', 'scheduled_at', 'submitted_at', 'published_at',
] as const;
const BODY_COLUMNS = ['body_json', 'body_text'] as const;

export function selectArticleHead(db: Database, id: string): ArticleHead | undefined {
  return db.prepare<[string], ArticleHead>(`SELECT ${HEAD_COLUMNS.join(', ')} FROM articles WHERE id = ?`).get(id);
}

export function selectBodyJson(db: Database, id: string): string | undefined {
  return db.prepare<[string], string>('SELECT body_json FROM articles WHERE id = ?').pluck().get(id);
}

/**
 * Writes a new working copy only if the stored version is still `expectedVersion`; the body
 * columns are written only when the body changed.
 */
export function updateArticle(db: Database, head: ArticleHead, body: ArticleBody | null, expectedVersion: number): boolean {
  const columns = [...HEAD_COLUMNS.filter((column) => column !== 'id' && column !== 'created_at'), ...(body ? BODY_COLUMNS : [])];
  const result = db
    .prepare(`UPDATE articles SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id AND version = @expected_version`)
    .run({ ...head, ...(body ?? {}), expected_version: expectedVersion });
  return result.changes === 1;
}

/** One row of `articles`, as stored. */
export interface ArticleRow extends ArticleHead, ArticleBody {}

/** A stored row with the names of its author and assignee (joined from users). */
export interface NamedArticleRow extends ArticleRow {
  author_name: string | null;
  assignee_name: string | null;
}

export function rowToArticle(row: NamedArticleRow, permissions: Article['permissions']): Article {
  const body = JSON.parse(row.body_json) as DocNode;
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    excerpt: row.excerpt,
    slug: row.slug,
    section: row.section,
    tags: JSON.parse(row.tags) as string[],
    byline: row.byline,
    featuredMedia: row.featured_media,
    status: row.status,
    statusBeforeSpike: row.status_before_spike,
    body,
    // Derived on read (cheap) rather than stored: an autosave writes a third less.
    bodyHtml: docToHtml(body, { mediaUrl: mediaPath }),
    wordCount: row.word_count,
    charCount: row.char_count,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    authorId: row.author_id,
    authorName: row.author_name,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    priority: row.priority,
    deadline: row.deadline,
    scheduledAt: row.scheduled_at,
    submittedAt: row.submitted_at,
    publishedAt: row.published_at,
    permissions,
  };
}

export function selectArticleRow(db: Database, id: string): NamedArticleRow | undefined {
  return db
    .prepare<[string], NamedArticleRow>(
      `SELECT a.*, author.name AS author_name, assignee.name AS assignee_name FROM articles a
       LEFT JOIN users author ON author.id = a.author_id
       LEFT JOIN users assignee ON assignee.id = a.assignee_id
       WHERE a.id = ?`,
    )
    .get(id);
}

const ROW_COLUMNS = [...HEAD_COLUMNS, ...BODY_COLUMNS];
const INSERT_ARTICLE = `INSERT INTO articles (${ROW_COLUMNS.join(', ')}) VALUES (${ROW_COLUMNS.map((column) => `@${column}`).join(', ')})`;
const OVERWRITE_ARTICLE = `UPDATE articles SET ${ROW_COLUMNS.filter((column) => column !== 'id').map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`;

export function insertArticleRow(db: Database, row: ArticleRow): void {
  cached(db, INSERT_ARTICLE).run(row);
}

/** Every column of an existing article replaced in place (an import's overwrite): its revisions, comments and sync rows stay, where a DELETE would cascade to them. */
export function overwriteArticleRow(db: Database, row: ArticleRow): void {
  cached(db, OVERWRITE_ARTICLE).run(row);
}

/** `slug` when no other local article has it, else `slug-2`, `slug-3` … (docs/slugs.md: slugs are unique among local articles). */
export function uniqueLocalSlug(db: Database, slug: string, articleId: string): string {
  if (!slug) return slug;
  const taken = cached<[string, string]>(db, 'SELECT 1 FROM articles WHERE slug = ? AND id <> ? LIMIT 1');
  if (!taken.get(slug, articleId)) return slug;
  return uniqueSlug(slug, (candidate) => taken.get(candidate, articleId) !== undefined);
}

export interface ListArticlesQuery {
  titleContains?: string;
  status?: ArticleStatus;
  includeSpiked: boolean;
  limit: number;
  offset: number;
}

export const SUMMARY_SELECT = `SELECT a.id, a.title, a.status, a.word_count, a.section, a.priority, a.deadline, a.submitted_at,
  a.scheduled_at, a.created_at, a.updated_at, author.name AS author_name, assignee.name AS assignee_name
  FROM articles a LEFT JOIN users author ON author.id = a.author_id LEFT JOIN users assignee ON assignee.id = a.assignee_id`;

export type SummaryRow = Pick<
  NamedArticleRow,
  'id' | 'title' | 'status' | 'word_count' | 'section' | 'priority' | 'deadline' | 'submitted_at' | 'scheduled_at' | 'created_at' | 'updated_at' | 'author_name' | 'assignee_name'
>;

export function rowToSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    wordCount: row.word_count,
    section: row.section,
    authorName: row.author_name,
    assigneeName: row.assignee_name,
    priority: row.priority,
    deadline: row.deadline,
    submittedAt: row.submitted_at,
    scheduledAt: row.scheduled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export function listArticleSummaries(db: Database, query: ListArticlesQuery): { items: ArticleSummary[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: query.limit, offset: query.offset };
  if (query.titleContains) {
    where.push("a.title LIKE @title ESCAPE '\\'");
    params.title = `%${escapeLike(query.titleContains)}%`;
  }
  if (query.status) {
    where.push('a.status = @status');
    params.status = query.status;
  } else if (!query.includeSpiked) {
    where.push("a.status <> 'spiked'");
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db
    .prepare(`${SUMMARY_SELECT} ${clause} ORDER BY a.updated_at DESC, a.id LIMIT @limit OFFSET @offset`)
    .all(params) as SummaryRow[];
  const { total } = db.prepare(`SELECT count(*) AS total FROM articles a ${clause}`).get(params) as { total: number };
  return {
    items: rows.map(rowToSummary),
    total,
  };
}
