import type { Database } from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import type { Article, ArticlePatch, ArticleStatus, SaveReason } from '../../../shared/domain/article';
import type { SlugStyle } from '../../../shared/domain/settings';
import { emptyDoc, type DocNode } from '../../../shared/editor/docSchema';
import { docMediaHashes, docToText } from '../../../shared/editor/docToText';
import { cleanSingleLine, countCharacters, countWords, stripBidiControls } from '../../../shared/text/arabic';
import { cleanTypedSlug, slugFromTitle } from '../../../shared/text/slug';
import { ErrorCode, MidadError } from '../../../shared/errors';
import {
  insertArticleRow,
  listArticleSummaries,
  rowToArticle,
  selectArticleHead,
  selectArticleRow,
  selectBodyJson,
  uniqueLocalSlug,
  updateArticle,
  type ArticleBody,
  type ArticleHead,
  type ArticleRow,
} from '../db/queries/articles';
import { appendAudit } from '../db/queries/audit';
import { insertRevision, latestRevision, listRevisions } from '../db/queries/revisions';
import type { CallContext } from '../CallContext';
import { allowedActions, canEdit, decide, type DenialReason, type WorkflowAction, type WorkflowActor, type WorkflowArticle } from '../../../shared/workflow/stateMachine';

export interface ArticleServiceOptions {
  clock: () => Date;
  /** One-person desks: a reviewer may approve what they wrote. */
  allowSelfApproval: () => boolean;
  /** Minutes of continuous editing between two autosave snapshots. */
  revisionIntervalMinutes: () => number;
  /** How slugs are made from titles (docs/slugs.md); Arabic when not given. */
  slugStyle?: () => SlugStyle;
}

export interface SaveResult {
  version: number;
  updatedAt: string;
  wordCount: number;
  charCount: number;
  revisionCreated: boolean;
  slug: string;
}


function notFound(id: string): MidadError {
  return new MidadError(ErrorCode.NOT_FOUND, `Article ${id} does not exist.`, `المقال ${id} غير موجود.`, { id });
}

/** Columns whose change is a change to save (a new version); priority and deadline included. */
const CONTENT_COLUMNS = ['title', 'subtitle', 'excerpt', 'slug', 'section', 'tags', 'byline', 'featured_media', 'body_hash', 'priority', 'deadline'] as const;

function contentDiffers(a: ArticleHead, b: ArticleHead): boolean {
  return CONTENT_COLUMNS.some((column) => a[column] !== b[column]);
}

/** Fields that make up an article's content: what a revision snapshot keeps (the body is spliced in as stored). */
function snapshotOf(head: ArticleHead, bodyJson: string): string {
  const meta = JSON.stringify({
    title: head.title,
    subtitle: head.subtitle,
    excerpt: head.excerpt,
    slug: head.slug,
    section: head.section,
    tags: JSON.parse(head.tags) as string[],
    byline: head.byline,
    featuredMedia: head.featured_media,
  });
  return `${meta.slice(0, -1)},"body":${bodyJson}}`;
}

export function workflowArticle(head: Pick<ArticleHead, 'status' | 'author_id' | 'assignee_id' | 'status_before_spike'>): WorkflowArticle {
  return { status: head.status, authorId: head.author_id, assigneeId: head.assignee_id, statusBeforeSpike: head.status_before_spike };
}

/** The workflow's view of the caller; the CLI acts as an admin that owns nothing. */
export function workflowActor(ctx: CallContext): WorkflowActor {
  if (!ctx.user) throw new MidadError(ErrorCode.NOT_SIGNED_IN, 'Sign in first.', 'سجّل الدخول أولًا.');
  return { userId: ctx.user.id ?? ctx.actor, role: ctx.user.role };
}

const DENIAL_MESSAGES: Record<DenialReason, [string, string]> = {
  wrong_state: ['This cannot be done while the article is in its current state.', 'لا يمكن القيام بهذا والمقال في حالته الحالية.'],
  role: ['Your role does not allow this.', 'دورك لا يسمح بهذا.'],
  not_owner: ['Only the author (or an admin) may do this.', 'هذا للكاتب وحده (أو للمدير).'],
  not_assignee: ['Only the reviewer who claimed this article (or an admin) may do this.', 'هذا للمدقق الذي تسلّم المقال وحده (أو للمدير).'],
  own_article: ['A reviewer cannot approve an article they wrote.', 'لا يعتمد المدقق مقالًا كتبه بنفسه.'],
  claimed: ['A reviewer has this article; wait until it comes back to you.', 'المقال بين يدي مدقق؛ انتظر حتى يعود إليك.'],
};

export function forbidden(reason: DenialReason, detail: Record<string, unknown> = {}): MidadError {
  const [en, ar] = DENIAL_MESSAGES[reason];
  return new MidadError(ErrorCode.FORBIDDEN, en, ar, { reason, ...detail });
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
  private deriveBody(body: DocNode, bodyJson = JSON.stringify(body)): ArticleBody & Pick<ArticleHead, 'body_hash' | 'word_count' | 'char_count'> {
    const text = docToText(body);
    return {
      body_json: bodyJson,
      body_hash: sha256(bodyJson),
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

  /**
   * Slugs (docs/slugs.md). A slug the user typed is kept (cleaned, cut to the limit) and marked
   * as typed (`slug_auto` 0). A slug Midad made (`slug_auto` 1), or an empty one, follows the
   * title until the article is first published (its address is public from then on). An emptied
   * slug goes back to following the title. Any new slug is made unique among local articles (-2, -3 …).
   */
  private applySlug(head: ArticleHead, next: ArticleHead, patch: ArticlePatch): void {
    const typed = patch.slug === undefined ? null : cleanTypedSlug(patch.slug);
    if (typed) {
      next.slug = typed;
      next.slug_auto = 0;
    } else if (typed === '' || (next.title !== head.title && head.published_at === null && (head.slug_auto === 1 || head.slug === ''))) {
      next.slug = slugFromTitle(next.title, this.options.slugStyle?.() ?? 'arabic');
      next.slug_auto = 1;
    }
    if (next.slug && next.slug !== head.slug) next.slug = uniqueLocalSlug(this.db, next.slug, head.id);
  }

  /**
   * The head after a patch, plus the new body columns when the body really changed (an
   * autosave of an unchanged body is recognised by its hash and writes nothing large).
   */
  private applyPatch(head: ArticleHead, patch: ArticlePatch): { head: ArticleHead; body: ArticleBody | null } {
    const next: ArticleHead = { ...head };
    let body: ArticleBody | null = null;
    if (patch.title !== undefined) next.title = cleanSingleLine(patch.title);
    if (patch.subtitle !== undefined) next.subtitle = cleanSingleLine(patch.subtitle);
    if (patch.excerpt !== undefined) next.excerpt = stripBidiControls(patch.excerpt);
    this.applySlug(head, next, patch);
    if (patch.section !== undefined) next.section = cleanSingleLine(patch.section).trim();
    if (patch.tags !== undefined) next.tags = JSON.stringify(cleanTags(patch.tags));
    if (patch.byline !== undefined) next.byline = cleanSingleLine(patch.byline);
    if (patch.priority !== undefined) next.priority = patch.priority;
    // Stored in UTC so the queue's ORDER BY deadline compares like with like.
    if (patch.deadline !== undefined) next.deadline = patch.deadline === null ? null : new Date(patch.deadline).toISOString();
    if (patch.featuredMedia !== undefined) {
      if (patch.featuredMedia) this.assertMediaExists([patch.featuredMedia]);
      next.featured_media = patch.featuredMedia;
    }
    if (patch.body !== undefined) {
      const bodyJson = JSON.stringify(patch.body);
      if (sha256(bodyJson) !== head.body_hash) {
        this.assertMediaExists(docMediaHashes(patch.body));
        const derived = this.deriveBody(patch.body, bodyJson);
        next.body_hash = derived.body_hash;
        next.word_count = derived.word_count;
        next.char_count = derived.char_count;
        body = { body_json: derived.body_json, body_text: derived.body_text };
      }
    }
    return { head: next, body };
  }

  create(ctx: CallContext, fields: ArticlePatch = {}): Article {
    const now = this.now();
    const base: ArticleRow = {
      id: randomUUID(),
      title: '',
      subtitle: '',
      excerpt: '',
      slug: '',
      slug_auto: 1,
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
      author_id: ctx.user?.id ?? null,
      assignee_id: null,
      priority: 'normal',
      deadline: null,
      scheduled_at: null,
      submitted_at: null,
      published_at: null,
    };
    const patched = this.applyPatch(base, fields);
    const row: ArticleRow = { ...base, ...patched.head, ...(patched.body ?? {}) };
    this.db.transaction(() => {
      insertArticleRow(this.db, row);
      appendAudit(this.db, now, { actor: ctx.actor, action: 'article.create', articleId: row.id, toStatus: row.status });
    })();
    return this.get(ctx, row.id);
  }

  /** What the caller may do with this article (the UI shows only these; the core enforces them). */
  permissionsFor(ctx: CallContext, head: Pick<ArticleHead, 'status' | 'author_id' | 'assignee_id' | 'status_before_spike'>): Article['permissions'] {
    if (!ctx.user) return { canEdit: false, actions: [] };
    const actor = workflowActor(ctx);
    const article = workflowArticle(head);
    return {
      canEdit: canEdit(article, actor) === null,
      actions: allowedActions(article, actor, { allowSelfApproval: this.options.allowSelfApproval() }),
    };
  }

  get(ctx: CallContext, id: string): Article {
    const row = selectArticleRow(this.db, id);
    if (!row) throw notFound(id);
    return rowToArticle(row, this.permissionsFor(ctx, row));
  }

  /** Refuses unless the workflow allows `action` for the caller; returns the resulting state. */
  decide(ctx: CallContext, head: ArticleHead, action: WorkflowAction): ArticleStatus {
    const decision = decide(action, workflowArticle(head), workflowActor(ctx), { allowSelfApproval: this.options.allowSelfApproval() });
    if (!decision.allowed) throw forbidden(decision.reason, { action, status: head.status });
    return decision.to;
  }

  head(id: string): ArticleHead {
    const head = selectArticleHead(this.db, id);
    if (!head) throw notFound(id);
    return head;
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

  save(ctx: CallContext, id: string, baseVersion: number, patch: ArticlePatch, reason: SaveReason | 'restore'): SaveResult {
    return this.db.transaction((): SaveResult => {
      const head = selectArticleHead(this.db, id);
      if (!head) throw notFound(id);
      if (head.status === 'spiked') {
        throw new MidadError(ErrorCode.FORBIDDEN, 'This article is spiked; restore it before editing.', 'هذا المقال مُلغى؛ استعده قبل التحرير.', { id });
      }
      const denied = canEdit(workflowArticle(head), workflowActor(ctx));
      if (denied) throw forbidden(denied, { id, status: head.status });
      if (head.version !== baseVersion) {
        throw new MidadError(
          ErrorCode.VERSION_CONFLICT,
          'This article was changed elsewhere (another window or user) since you opened it. Nothing was overwritten: reload it to see the latest version, then re-apply your change.',
          'تغيّر هذا المقال في مكان آخر (نافذة أو مستخدم آخر) منذ فتحته. لم يُكتب فوق أي شيء: أعد تحميله لترى أحدث نسخة ثم أعد تطبيق تعديلك.',
          { id, currentVersion: head.version, baseVersion },
        );
      }
      const now = this.now();
      const { head: patched, body } = this.applyPatch(head, patch);
      let next = patched;
      if (contentDiffers(patched, head)) {
        next = { ...patched, version: head.version + 1, updated_at: now };
        updateArticle(this.db, next, body, head.version);
      }
      const revisionCreated = this.maybeSnapshot(ctx, next, body?.body_json ?? null, reason, now);
      return { version: next.version, updatedAt: next.updated_at, wordCount: next.word_count, charCount: next.char_count, revisionCreated, slug: next.slug };
    })();
  }

  /**
   * A revision that marks a workflow step (submit, approve): always written, even when the
   * content equals the last revision, so "changes since submission" always has its start.
   * Call inside the transition's transaction, with the head as it now stands.
   */
  snapshotFor(ctx: CallContext, head: ArticleHead, reason: 'submit' | 'approve', now: string): void {
    this.maybeSnapshot(ctx, head, null, reason, now);
  }

  /**
   * Keeps a revision on a manual save, or on an autosave once the interval has passed; never
   * twice the same content — except for a restore, submit or approve, which are events the
   * history must show.
   */
  private maybeSnapshot(ctx: CallContext, head: ArticleHead, newBodyJson: string | null, reason: SaveReason | 'restore' | 'submit' | 'approve', now: string): boolean {
    const last = latestRevision(this.db, head.id);
    if (reason === 'autosave' && last) {
      const elapsedMs = Date.parse(now) - Date.parse(last.created_at);
      if (elapsedMs < this.options.revisionIntervalMinutes() * 60_000) return false;
    }
    const snapshot = snapshotOf(head, newBodyJson ?? selectBodyJson(this.db, head.id) ?? '{}');
    const contentHash = sha256(snapshot);
    if (reason !== 'restore' && reason !== 'submit' && reason !== 'approve' && last?.content_hash === contentHash) return false;
    insertRevision(this.db, {
      article_id: head.id,
      article_version: head.version,
      reason,
      actor: ctx.actor,
      title: head.title,
      word_count: head.word_count,
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
    return this.changeStatus(ctx, id, 'article.spike', (head) => ({ status: this.decide(ctx, head, 'spike'), status_before_spike: head.status }));
  }

  restore(ctx: CallContext, id: string): Article {
    return this.changeStatus(ctx, id, 'article.restore', (head) => ({ status: this.decide(ctx, head, 'restore'), status_before_spike: null }));
  }

  private changeStatus(
    ctx: CallContext,
    id: string,
    action: string,
    decide: (head: ArticleHead) => Pick<ArticleHead, 'status' | 'status_before_spike'>,
  ): Article {
    return this.db.transaction((): Article => {
      const head = selectArticleHead(this.db, id);
      if (!head) throw notFound(id);
      const now = this.now();
      const next: ArticleHead = { ...head, ...decide(head), version: head.version + 1, updated_at: now };
      updateArticle(this.db, next, null, head.version);
      appendAudit(this.db, now, { actor: ctx.actor, action, articleId: id, fromStatus: head.status, toStatus: next.status });
      return this.get(ctx, id);
    })();
  }
}
