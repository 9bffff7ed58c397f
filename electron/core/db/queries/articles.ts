import type { Database } from 'better-sqlite3';
import type { Article, ArticleStatus, ArticleSummary } from '../../../../shared/domain/article';
import type { DocNode } from '../../../../shared/editor/docSchema';

/** One row of `articles`, as stored. */
export interface ArticleRow {
  id: string;
  title: string;
  subtitle: string;
  excerpt: string;
  slug: string;
  section: string;
  tags: string;
  byline: string;
  featured_media: string | null;
  status: ArticleStatus;
  status_before_spike: ArticleStatus | null;
  body_json: string;
  body_html: string;
  body_text: string;
  word_count: number;
  char_count: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export function rowToArticle(row: ArticleRow): Article {
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
    body: JSON.parse(row.body_json) as DocNode,
    bodyHtml: row.body_html,
    wordCount: row.word_count,
    charCount: row.char_count,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function selectArticleRow(db: Database, id: string): ArticleRow | undefined {
  return db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?').get(id);
}

export function insertArticleRow(db: Database, row: ArticleRow): void {
  db.prepare(
    `INSERT INTO articles (id, title, subtitle, excerpt, slug, section, tags, byline, featured_media, status,
       status_before_spike, body_json, body_html, body_text, word_count, char_count, version, created_at, updated_at)
     VALUES (@id, @title, @subtitle, @excerpt, @slug, @section, @tags, @byline, @featured_media, @status,
       @status_before_spike, @body_json, @body_html, @body_text, @word_count, @char_count, @version, @created_at, @updated_at)`,
  ).run(row);
}

/** Writes a new working copy only if the stored version is still `expectedVersion`. */
export function updateArticleRow(db: Database, row: ArticleRow, expectedVersion: number): boolean {
  const result = db
    .prepare(
      `UPDATE articles SET title = @title, subtitle = @subtitle, excerpt = @excerpt, slug = @slug, section = @section,
         tags = @tags, byline = @byline, featured_media = @featured_media, status = @status,
         status_before_spike = @status_before_spike, body_json = @body_json, body_html = @body_html,
         body_text = @body_text, word_count = @word_count, char_count = @char_count, version = @version,
         updated_at = @updated_at
       WHERE id = @id AND version = @expected_version`,
    )
    .run({ ...row, expected_version: expectedVersion });
  return result.changes === 1;
}

export interface ListArticlesQuery {
  titleContains?: string;
  status?: ArticleStatus;
  includeSpiked: boolean;
  limit: number;
  offset: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export function listArticleSummaries(db: Database, query: ListArticlesQuery): { items: ArticleSummary[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: query.limit, offset: query.offset };
  if (query.titleContains) {
    where.push("title LIKE @title ESCAPE '\\'");
    params.title = `%${escapeLike(query.titleContains)}%`;
  }
  if (query.status) {
    where.push('status = @status');
    params.status = query.status;
  } else if (!query.includeSpiked) {
    where.push("status <> 'spiked'");
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db
    .prepare(
      `SELECT id, title, status, word_count, section, created_at, updated_at FROM articles ${clause}
       ORDER BY updated_at DESC, id LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Pick<ArticleRow, 'id' | 'title' | 'status' | 'word_count' | 'section' | 'created_at' | 'updated_at'>[];
  const { total } = db.prepare(`SELECT count(*) AS total FROM articles ${clause}`).get(params) as { total: number };
  return {
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      wordCount: row.word_count,
      section: row.section,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    })),
    total,
  };
}
