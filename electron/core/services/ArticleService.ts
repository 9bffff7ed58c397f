import type { Database } from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import type { Article, ArticlePatch, ArticleStatus, SaveReason } from '../../../shared/domain/article';
import { emptyDoc, type DocNode } from '../../../shared/editor/docSchema';
import { docToHtml } from '../../../shared/editor/docToHtml';
import { docMediaHashes, docToText } from '../../../shared/editor/docToText';
import { mediaPath } from '../../../shared/ipc/contract';
import { cleanSingleLine, cleanSlug, countCharacters, countWords } from '../../../shared/text/arabic';
import { ErrorCode, MidadError } from '../../../shared/errors';
import {
  insertArticleRow,
  listArticleSummaries,
  rowToArticle,
  selectArticleRow,
  updateArticleRow,
  type ArticleRow,
} from '../db/queries/articles';
import { appendAudit } from '../db/queries/audit';
import { insertRevision, latestRevision, listRevisions } from '../db/queries/revisions';
import type { CallContext } from '../CallContext';

export interface ArticleServiceOptions {
  clock: () => Date;
  /** Minutes of continuous editing between two autosave snapshots. */
  revisionIntervalMinutes: () => number;
}

export interface SaveResult {
  version: number;
  updatedAt: string;
  wordCount: number;
  charCount: number;
  revisionCreated: boolean;
}

const SPIKEABLE: ReadonlySet<ArticleStatus> = new Set(['draft', 'submitted', 'in_review', 'changes_requested', 'approved']);

function notFound(id: string): MidadError {
  return new MidadError(ErrorCode.NOT_FOUND, `Article ${id} does not exist.`, `المقال ${id} غير موجود.`, { id });
}

const CONTENT_COLUMNS = ['title', 'subtitle', 'excerpt', 'slug', 'section', 'tags', 'byline', 'featured_media', 'body_json'] as const;

function contentDiffers(a: ArticleRow, b: ArticleRow): boolean {
  return CONTENT_COLUMNS.some((column) => a[column] !== b[column]);
}

/** Fields that make up an article's content: what a revision snapshot keeps (the body is spliced in as stored). */
function snapshotOf(row: ArticleRow): string {
  const meta = JSON.stringify({
    title: row.title,
    subtitle: row.subtitle,
    excerpt: row.excerpt,
    slug: row.slug,
    section: row.section,
    tags: JSON.parse(row.tags) as string[],
    byline: row.byline,
    featuredMedia: row.featured_media,
  });
  return `${meta.slice(0, -1)},"body":${row.body_json}}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function cleanTags(tags: string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const clean = cleanSingleLine(tag).trim();
    if (clean) seen.add(clean);
  }
  return [...seen];
}

/**
 * Articles: create, read, list, save with an optimistic version check, spike and restore.
 * Autosaves update the working copy; a revision snapshot is kept on a manual save and at most
 * once per interval of continuous editing, and never twice for the same content.
 */
export class ArticleService {
  constructor(
    private readonly db: Database,
    private readonly options: ArticleServiceOptions,
  ) {}

  private now(): string {
    return this.options.clock().toISOString();
  }

  /** Body-derived columns: HTML, plain text and counts, computed here, never trusted from the renderer. */
  private deriveBody(body: DocNode): Pick<ArticleRow, 'body_json' | 'body_html' | 'body_text' | 'word_count' | 'char_count'> {
    const text = docToText(body);
    return {
      body_json: JSON.stringify(body),
      body_html: docToHtml(body, { mediaUrl: mediaPath }),
      body_text: text,
      word_count: countWords(text),
      char_count: countCharacters(text),
    };
  }

  private assertMediaExists(hashes: string[]): void {
    const exists = this.db.prepare<[string], { found: number }>('SELECT 1 AS found FROM media WHERE hash = ?');
    for (const hash of hashes) {
      if (!exists.get(hash)) {
        throw new MidadError(
          ErrorCode.VALIDATION,
          `Image ${hash.slice(0, 12)}… is not in this data directory; insert it again.`,
          `الصورة ${hash.slice(0, 12)}… غير موجودة في مجلد البيانات؛ أدرجها من جديد.`,
          { hash },
        );
      }
    }
  }

  private applyPatch(row: ArticleRow, patch: ArticlePatch): ArticleRow {
    const next: ArticleRow = { ...row };
    if (patch.title !== undefined) next.title = cleanSingleLine(patch.title);
    if (patch.subtitle !== undefined) next.subtitle = cleanSingleLine(patch.subtitle);
    if (patch.excerpt !== undefined) next.excerpt = patch.excerpt.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
    if (patch.slug !== undefined) next.slug = cleanSlug(patch.slug);
    if (patch.section !== undefined) next.section = cleanSingleLine(patch.section).trim();
    if (patch.tags !== undefined) next.tags = JSON.stringify(cleanTags(patch.tags));
    if (patch.byline !== undefined) next.byline = cleanSingleLine(patch.byline);
    if (patch.featuredMedia !== undefined) {
      if (patch.featuredMedia) this.assertMediaExists([patch.featuredMedia]);
      next.featured_media = patch.featuredMedia;
    }
    if (patch.body !== undefined) {
      this.assertMediaExists(docMediaHashes(patch.body));
      Object.assign(next, this.deriveBody(patch.body));
    }
    return next;
  }

  create(ctx: CallContext, fields: ArticlePatch = {}): Article {
    const now = this.now();
    const base: ArticleRow = {
      id: randomUUID(),
      title: '',
      subtitle: '',
      excerpt: '',
      slug: '',
      section: '',
      tags: '[]',
      byline: '',
      featured_media: null,
      status: 'draft',
      status_before_spike: null,
      ...this.deriveBody(emptyDoc()),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    const row = this.applyPatch(base, fields);
    this.db.transaction(() => {
      insertArticleRow(this.db, row);
      appendAudit(this.db, now, { actor: ctx.actor, action: 'article.create', articleId: row.id, toStatus: row.status });
    })();
    return rowToArticle(row);
  }

  get(id: string): Article {
    const row = selectArticleRow(this.db, id);
    if (!row) throw notFound(id);
    return rowToArticle(row);
  }

  list(query: { query?: string; status?: ArticleStatus; includeSpiked?: boolean; limit?: number; offset?: number }) {
    return listArticleSummaries(this.db, {
      titleContains: query.query?.trim() || undefined,
      status: query.status,
      includeSpiked: query.includeSpiked ?? false,
      limit: query.limit ?? 200,
      offset: query.offset ?? 0,
    });
  }

  save(ctx: CallContext, id: string, baseVersion: number, patch: ArticlePatch, reason: SaveReason): SaveResult {
    return this.db.transaction((): SaveResult => {
      const row = selectArticleRow(this.db, id);
      if (!row) throw notFound(id);
      if (row.status === 'spiked') {
        throw new MidadError(ErrorCode.FORBIDDEN, 'This article is spiked; restore it before editing.', 'هذا المقال مُلغى؛ استعده قبل التحرير.', { id });
      }
      if (row.version !== baseVersion) {
        throw new MidadError(
          ErrorCode.VERSION_CONFLICT,
          'This article was changed elsewhere (another window or user) since you opened it. Nothing was overwritten: reload it to see the latest version, then re-apply your change.',
          'تغيّر هذا المقال في مكان آخر (نافذة أو مستخدم آخر) منذ فتحته. لم يُكتب فوق أي شيء: أعد تحميله لترى أحدث نسخة ثم أعد تطبيق تعديلك.',
          { id, currentVersion: row.version, baseVersion },
        );
      }
      const now = this.now();
      const next = this.applyPatch(row, patch);
      const contentChanged = contentDiffers(next, row);
      let version = row.version;
      let updatedAt = row.updated_at;
      if (contentChanged) {
        version = row.version + 1;
        updatedAt = now;
        updateArticleRow(this.db, { ...next, version, updated_at: now }, row.version);
      }
      const revisionCreated = this.maybeSnapshot(ctx, { ...next, version, updated_at: updatedAt }, reason, now);
      return { version, updatedAt, wordCount: next.word_count, charCount: next.char_count, revisionCreated };
    })();
  }

  private maybeSnapshot(ctx: CallContext, row: ArticleRow, reason: SaveReason, now: string): boolean {
    const last = latestRevision(this.db, row.id);
    if (reason === 'autosave' && last) {
      const elapsedMs = Date.parse(now) - Date.parse(last.created_at);
      if (elapsedMs < this.options.revisionIntervalMinutes() * 60_000) return false;
    }
    const snapshot = snapshotOf(row);
    const contentHash = sha256(snapshot);
    if (last?.content_hash === contentHash) return false;
    insertRevision(this.db, {
      article_id: row.id,
      article_version: row.version,
      reason,
      actor: ctx.actor,
      title: row.title,
      word_count: row.word_count,
      content_hash: contentHash,
      snapshot,
      created_at: now,
    });
    return true;
  }

  revisions(articleId: string) {
    if (!selectArticleRow(this.db, articleId)) throw notFound(articleId);
    return listRevisions(this.db, articleId);
  }

  spike(ctx: CallContext, id: string): Article {
    return this.changeStatus(ctx, id, 'article.spike', (row) => {
      if (!SPIKEABLE.has(row.status)) {
        throw new MidadError(
          ErrorCode.FORBIDDEN,
          `An article that is ${row.status} cannot be spiked.`,
          `لا يمكن إلغاء مقال حالته ${row.status}.`,
          { status: row.status },
        );
      }
      return { status: 'spiked', status_before_spike: row.status };
    });
  }

  restore(ctx: CallContext, id: string): Article {
    return this.changeStatus(ctx, id, 'article.restore', (row) => {
      if (row.status !== 'spiked') {
        throw new MidadError(ErrorCode.FORBIDDEN, 'Only a spiked article can be restored.', 'لا يُستعاد إلا مقال مُلغى.', { status: row.status });
      }
      return { status: row.status_before_spike ?? 'draft', status_before_spike: null };
    });
  }

  private changeStatus(
    ctx: CallContext,
    id: string,
    action: string,
    decide: (row: ArticleRow) => Pick<ArticleRow, 'status' | 'status_before_spike'>,
  ): Article {
    return this.db.transaction((): Article => {
      const row = selectArticleRow(this.db, id);
      if (!row) throw notFound(id);
      const now = this.now();
      const next: ArticleRow = { ...row, ...decide(row), version: row.version + 1, updated_at: now };
      updateArticleRow(this.db, next, row.version);
      appendAudit(this.db, now, { actor: ctx.actor, action, articleId: id, fromStatus: row.status, toStatus: next.status });
      return rowToArticle(next);
    })();
  }
}
