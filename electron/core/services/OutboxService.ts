import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { DocNode } from '../../../shared/editor/docSchema';
import { docToHtml } from '../../../shared/editor/docToHtml';
import { docToText } from '../../../shared/editor/docToText';
import type { SyncItem, SyncState } from '../../../shared/ipc/channels/sync';
import { ErrorCode, MidadError } from '../../../shared/errors';
import { countCharacters, countWords } from '../../../shared/text/arabic';
import type { CallContext } from '../CallContext';
import { selectArticleHead, selectBodyJson, updateArticle } from '../db/queries/articles';
import { appendAudit } from '../db/queries/audit';
import { insertRevision } from '../db/queries/revisions';
import { diffWords, type DiffPart } from '../text/wordDiff';
import { textFingerprint, htmlText } from '../sync/fingerprint';
import { htmlToDoc } from '../sync/htmlToDoc';
import { patchSyncItem, selectSyncItem, type SyncItemRow } from '../sync/outboxRows';
import { buildPayload, digitsPolicy, type MediaReader } from '../sync/payload';
import { applyDigits, docApplyDigits } from '../../../shared/text/digits';
import { SyncEngine, type EngineTimers, type RunSummary } from '../sync/SyncEngine';
import { TargetError } from '../sync/types';
import type { EndpointService } from './EndpointService';

interface ItemViewRow extends SyncItemRow {
  article_title: string;
  endpoint_name: string;
  endpoint_kind: 'wordpress' | 'webhook';
}

const ITEM_SELECT = `SELECT s.*, a.title AS article_title, e.name AS endpoint_name, e.kind AS endpoint_kind
  FROM sync_items s JOIN articles a ON a.id = s.article_id JOIN endpoints e ON e.id = s.endpoint_id`;

function toItem(row: ItemViewRow): SyncItem {
  return {
    articleId: row.article_id,
    articleTitle: row.article_title,
    endpointId: row.endpoint_id,
    endpointName: row.endpoint_name,
    endpointKind: row.endpoint_kind,
    operation: row.operation,
    state: row.state,
    remoteId: row.remote_id,
    remoteUrl: row.remote_url,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    lastError: row.last_error_code ? { code: row.last_error_code, message: row.last_error ?? '', messageAr: row.last_error_ar ?? '' } : null,
  };
}

function forbiddenForEditors(ctx: CallContext): void {
  if (ctx.user?.role === 'reviewer' || ctx.user?.role === 'admin') return;
  throw new MidadError(ErrorCode.FORBIDDEN, 'The outbox is for reviewers and admins.', 'صندوق الإرسال للمدققين والمديرين.');
}

function itemNotFound(articleId: string, endpointId: string): MidadError {
  return new MidadError(ErrorCode.NOT_FOUND, 'This article is not queued for that endpoint.', 'هذا المقال غير مدرج للإرسال إلى تلك الوجهة.', { articleId, endpointId });
}

export interface OutboxOptions {
  clock: () => Date;
  random?: () => number;
  timers?: EngineTimers;
  log?: (message: string, error?: unknown) => void;
}

/**
 * The outbox: queues articles for every enabled endpoint as the workflow moves them (inside
 * the transition's transaction), shows per-article and overall state, and resolves conflicts.
 * The sending itself is the SyncEngine's.
 */
export class OutboxService {
  readonly engine: SyncEngine;

  constructor(
    private readonly db: Database,
    private readonly endpoints: EndpointService,
    private readonly media: MediaReader,
    private readonly options: OutboxOptions,
  ) {
    this.engine = new SyncEngine({
      db,
      media,
      endpoint: (id) => {
        try {
          return endpoints.config(id);
        } catch {
          return null;
        }
      },
      target: (config) => endpoints.target(config),
      clock: options.clock,
      random: options.random,
      timers: options.timers,
      log: options.log,
    });
  }

  private now(): string {
    return this.options.clock().toISOString();
  }

  private upsert(endpointId: string, articleId: string, fields: Pick<SyncItemRow, 'operation' | 'state' | 'next_attempt_at'>, now: string): void {
    const existing = selectSyncItem(this.db, endpointId, articleId);
    const reset = { attempts: 0, last_error_code: null, last_error: null, last_error_ar: null };
    if (existing) {
      patchSyncItem(this.db, existing.id, { ...fields, ...reset }, now);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO sync_items (endpoint_id, article_id, operation, state, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(endpointId, articleId, fields.operation, fields.state, fields.next_attempt_at, now, now);
  }

  /**
   * An article became approved (the workflow, or an import): queue it for every enabled
   * endpoint — an update where a post already exists (a correction). A scheduled article goes
   * to WordPress now as a `future` post; a webhook row is held until its time. Call inside the
   * transaction that approves.
   */
  queueApproved(articleId: string): void {
    const now = this.now();
    const head = selectArticleHead(this.db, articleId);
    if (!head) return;
    const scheduled = head.scheduled_at && head.scheduled_at > now ? head.scheduled_at : null;
    for (const endpoint of this.endpoints.enabledConfigs()) {
      const existing = selectSyncItem(this.db, endpoint.id, articleId);
      const operation = existing?.remote_id || existing?.outcome_unknown ? 'update' : 'publish';
      const hold = endpoint.kind === 'webhook' && scheduled !== null;
      this.upsert(endpoint.id, articleId, { operation, state: hold ? 'held' : 'queued', next_attempt_at: hold ? scheduled : now }, now);
    }
    queueMicrotask(() => this.engine.poke());
  }

  /**
   * An imported article that arrives approved. One already published elsewhere is not sent
   * again: no outbox row is recorded at all — a row that "can never be sent" would still show in
   * the outbox and could be retried from it by mistake (retry accepts a cancelled row), whereas
   * with no row the engine has nothing to pick up. Otherwise it is queued as any approval is.
   * Call inside the transaction that imports it.
   */
  queueImported(articleId: string, options: { publishedElsewhere: boolean }): void {
    if (options.publishedElsewhere) return;
    this.queueApproved(articleId);
  }

  /** A killed article: take it down wherever it went; rows not yet sent are cancelled. */
  queueKilled(articleId: string): void {
    const now = this.now();
    const rows = this.db.prepare<[string], SyncItemRow>('SELECT * FROM sync_items WHERE article_id = ?').all(articleId);
    for (const row of rows) {
      const mayExist = row.remote_id !== null || row.outcome_unknown === 1 || row.state === 'sending';
      if (mayExist) this.upsert(row.endpoint_id, articleId, { operation: 'unpublish', state: 'queued', next_attempt_at: now }, now);
      else patchSyncItem(this.db, row.id, { state: 'cancelled', next_attempt_at: null }, now);
    }
    queueMicrotask(() => this.engine.poke());
  }

  /** A correction or a reopen: the remote post stays as it is until the article is approved again. */
  holdForReapproval(articleId: string): void {
    this.db
      .prepare(`UPDATE sync_items SET state = 'held', next_attempt_at = NULL, updated_at = ? WHERE article_id = ? AND state IN ('queued', 'retry', 'held', 'failed')`)
      .run(this.now(), articleId);
  }

  runOnce(): Promise<RunSummary> {
    return this.engine.runOnce();
  }

  status(): { online: boolean; queued: number; sending: number; failed: number; conflicts: number } {
    const counts = new Map(
      this.db.prepare<[], { state: string; count: number }>('SELECT state, COUNT(*) AS count FROM sync_items GROUP BY state').all().map((row) => [row.state, row.count]),
    );
    const count = (...states: string[]) => states.reduce((sum, state) => sum + (counts.get(state) ?? 0), 0);
    return { online: this.engine.online, queued: count('queued', 'retry', 'held'), sending: count('sending'), failed: count('failed'), conflicts: count('conflict') };
  }

  article(articleId: string): SyncItem[] {
    return this.db.prepare<[string], ItemViewRow>(`${ITEM_SELECT} WHERE s.article_id = ? ORDER BY e.name`).all(articleId).map(toItem);
  }

  outbox(ctx: CallContext, query: { state?: SyncState; limit?: number; offset?: number }): { items: SyncItem[]; total: number } {
    forbiddenForEditors(ctx);
    const where = query.state ? 'WHERE s.state = ?' : '';
    const params = query.state ? [query.state] : [];
    const total = this.db.prepare<unknown[], { count: number }>(`SELECT COUNT(*) AS count FROM sync_items s ${where}`).get(...params)!.count;
    const rows = this.db
      .prepare<unknown[], ItemViewRow>(`${ITEM_SELECT} ${where} ORDER BY s.updated_at DESC, s.id DESC LIMIT ? OFFSET ?`)
      .all(...params, query.limit ?? 100, query.offset ?? 0);
    return { items: rows.map(toItem), total };
  }

  private item(articleId: string, endpointId: string): SyncItemRow {
    const row = selectSyncItem(this.db, endpointId, articleId);
    if (!row) throw itemNotFound(articleId, endpointId);
    return row;
  }

  private view(articleId: string, endpointId: string): SyncItem {
    return toItem(this.db.prepare<[string, string], ItemViewRow>(`${ITEM_SELECT} WHERE s.article_id = ? AND s.endpoint_id = ?`).get(articleId, endpointId)!);
  }

  retry(ctx: CallContext, articleId: string, endpointId: string): SyncItem {
    forbiddenForEditors(ctx);
    const row = this.item(articleId, endpointId);
    if (!['retry', 'failed', 'queued', 'held', 'cancelled'].includes(row.state) || (row.state === 'held' && row.next_attempt_at === null)) {
      throw new MidadError(ErrorCode.VALIDATION, `Nothing to retry: the item is ${row.state}.`, 'لا شيء لإعادة المحاولة في هذه الحالة.', { state: row.state });
    }
    const now = this.now();
    patchSyncItem(this.db, row.id, { state: 'queued', next_attempt_at: now, last_error_code: null, last_error: null, last_error_ar: null }, now);
    appendAudit(this.db, now, { actor: ctx.actor, action: 'sync.retry', articleId, detail: { endpointId } });
    this.engine.poke();
    return this.view(articleId, endpointId);
  }

  cancel(ctx: CallContext, articleId: string, endpointId: string): SyncItem {
    forbiddenForEditors(ctx);
    const row = this.item(articleId, endpointId);
    if (!['queued', 'retry', 'held', 'failed', 'conflict'].includes(row.state)) {
      throw new MidadError(ErrorCode.VALIDATION, `This item cannot be cancelled: it is ${row.state}.`, 'لا يمكن إلغاء هذا العنصر في حالته الحالية.', { state: row.state });
    }
    const now = this.now();
    patchSyncItem(this.db, row.id, { state: 'cancelled', next_attempt_at: null }, now);
    appendAudit(this.db, now, { actor: ctx.actor, action: 'sync.cancel', articleId, detail: { endpointId, was: row.state } });
    return this.view(articleId, endpointId);
  }

  private async remoteOf(row: SyncItemRow) {
    if (!row.remote_id) throw itemNotFound(row.article_id, row.endpoint_id);
    const target = this.endpoints.target(this.endpoints.config(row.endpoint_id));
    try {
      return await target.fetch({ remoteId: row.remote_id, url: row.remote_url, modifiedGmt: row.remote_modified });
    } catch (error) {
      if (error instanceof TargetError) throw new MidadError(ErrorCode.INTERNAL, error.message, error.messageAr, { code: error.code });
      throw error;
    }
  }

  private localHtml(articleId: string): { title: string; html: string; text: string } {
    const head = selectArticleHead(this.db, articleId)!;
    // As it would be published (digits policy applied), so the diff with the site shows no false digit changes.
    const policy = digitsPolicy(this.db);
    const doc = docApplyDigits(JSON.parse(selectBodyJson(this.db, articleId) ?? '{"type":"doc","content":[]}') as DocNode, policy);
    return { title: applyDigits(head.title, policy), html: docToHtml(doc, { mediaUrl: (hash) => `/media/${hash}` }), text: docToText(doc) };
  }

  async conflict(ctx: CallContext, articleId: string, endpointId: string): Promise<{ remote: { title: string; html: string; modifiedGmt: string | null; url: string | null }; local: { title: string; html: string }; body: DiffPart[] }> {
    forbiddenForEditors(ctx);
    const row = this.item(articleId, endpointId);
    const remote = await this.remoteOf(row);
    const local = this.localHtml(articleId);
    const remoteView = remote
      ? { title: remote.title, html: remote.html, modifiedGmt: remote.modifiedGmt, url: remote.url }
      : { title: '', html: '', modifiedGmt: null, url: row.remote_url };
    return { remote: remoteView, local: { title: local.title, html: local.html }, body: diffWords(htmlText(remoteView.html), local.text).parts };
  }

  async resolve(ctx: CallContext, articleId: string, endpointId: string, resolution: 'overwrite' | 'takeRemote' | 'editAndResend'): Promise<SyncItem> {
    forbiddenForEditors(ctx);
    const row = this.item(articleId, endpointId);
    if (row.state !== 'conflict') {
      throw new MidadError(ErrorCode.VALIDATION, 'This item has no conflict to resolve.', 'لا يوجد تعارض لحلّه في هذا العنصر.', { state: row.state });
    }
    const remote = await this.remoteOf(row);
    const now = this.now();
    // The post as it is now on the server becomes the baseline: what the reviewer saw and chose over.
    const baseline = remote ? { remote_modified: remote.modifiedGmt, remote_text_hash: textFingerprint(remote.title, remote.html) } : {};
    this.db.transaction(() => {
      if (resolution === 'overwrite') {
        patchSyncItem(this.db, row.id, { ...baseline, operation: 'update', state: 'queued', next_attempt_at: now, attempts: 0, last_error_code: null, last_error: null, last_error_ar: null }, now);
      } else if (resolution === 'takeRemote') {
        if (!remote) throw new MidadError(ErrorCode.NOT_FOUND, 'The post no longer exists on the server.', 'لم تعد التدوينة موجودة على الخادم.');
        this.takeRemote(ctx, articleId, remote.title, remote.html, now);
        const { payload } = buildPayload(this.db, this.media, articleId, row.slug, this.options.clock());
        patchSyncItem(
          this.db,
          row.id,
          { ...baseline, synced_hash: payload.contentHash, state: 'published', next_attempt_at: null, last_error_code: null, last_error: null, last_error_ar: null },
          now,
        );
      } else {
        this.sendBackToReview(ctx, articleId, now);
        patchSyncItem(this.db, row.id, { ...baseline, operation: 'update', state: 'held', next_attempt_at: null, last_error_code: null, last_error: null, last_error_ar: null }, now);
      }
      appendAudit(this.db, now, { actor: ctx.actor, action: `sync.resolve.${resolution}`, articleId, detail: { endpointId } });
    })();
    this.engine.poke();
    return this.view(articleId, endpointId);
  }

  /** The remote title and body become the working copy, kept as a 'remote' revision. */
  private takeRemote(ctx: CallContext, articleId: string, title: string, html: string, now: string): void {
    const head = selectArticleHead(this.db, articleId)!;
    const body = htmlToDoc(html);
    const bodyJson = JSON.stringify(body);
    const text = docToText(body);
    const next = {
      ...head,
      title: htmlText(title),
      body_hash: createHash('sha256').update(bodyJson).digest('hex'),
      word_count: countWords(text),
      char_count: countCharacters(text),
      version: head.version + 1,
      updated_at: now,
    };
    updateArticle(this.db, next, { body_json: bodyJson, body_text: text }, head.version);
    const meta = JSON.stringify({
      title: next.title,
      subtitle: next.subtitle,
      excerpt: next.excerpt,
      slug: next.slug,
      section: next.section,
      tags: JSON.parse(next.tags) as string[],
      byline: next.byline,
      featuredMedia: next.featured_media,
    });
    const snapshot = `${meta.slice(0, -1)},"body":${bodyJson}}`;
    insertRevision(this.db, {
      article_id: articleId,
      article_version: next.version,
      reason: 'remote',
      actor: ctx.actor,
      title: next.title,
      word_count: next.word_count,
      content_hash: createHash('sha256').update(snapshot).digest('hex'),
      snapshot,
      created_at: now,
    });
  }

  /** Edit and resend: the article goes back to the desk (in review, with the reviewer who chose this). */
  private sendBackToReview(ctx: CallContext, articleId: string, now: string): void {
    const head = selectArticleHead(this.db, articleId)!;
    if (head.status !== 'approved' && head.status !== 'published') return;
    updateArticle(this.db, { ...head, status: 'in_review', assignee_id: ctx.user?.id ?? head.assignee_id, scheduled_at: null, version: head.version + 1, updated_at: now }, null, head.version);
    appendAudit(this.db, now, { actor: ctx.actor, action: 'workflow.reopen', articleId, fromStatus: head.status, toStatus: 'in_review', detail: { reason: 'sync.conflict' } });
  }
}
