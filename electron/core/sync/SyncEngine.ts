import type { Database } from 'better-sqlite3';
import { updateArticle, selectArticleHead } from '../db/queries/articles';
import { appendAudit } from '../db/queries/audit';
import { OFFLINE_CAP_MS, retryDelayMs } from './backoff';
import { textFingerprint } from './fingerprint';
import { nextDueAt, patchSyncItem, selectDueRows, selectSyncItemById, type SyncItemRow } from './outboxRows';
import { buildPayload, MissingMediaError, type MediaReader } from './payload';
import { TargetError, type EndpointConfig, type PublishPayload, type PublishTarget, type RemoteRef } from './types';

export interface EngineTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncEngineOptions {
  db: Database;
  media: MediaReader;
  /** The endpoint's configuration, or null when it was removed meanwhile. */
  endpoint(id: string): EndpointConfig | null;
  target(config: EndpointConfig): PublishTarget;
  clock: () => Date;
  random?: () => number;
  timers?: EngineTimers;
  /** Where unexpected failures are reported (never with a secret: targets do not carry one in errors). */
  log?: (message: string, error?: unknown) => void;
}

export interface RunSummary {
  processed: number;
  published: number;
  unpublished: number;
  retrying: number;
  failed: number;
  conflicts: number;
  /** Rows not sent because the article is no longer approved. */
  cancelled: number;
  /** Rows still waiting after the run (retry later, held until due). */
  waiting: number;
  online: boolean;
}

/** `skipped`: the row changed hands since the batch was read (cancelled, claimed elsewhere). */
type Outcome = 'published' | 'unpublished' | 'retry' | 'failed' | 'conflict' | 'cancelled' | 'skipped';

/** A longest sleep, so a clock change never leaves the engine asleep for days. */
const MAX_SLEEP_MS = 60 * 60_000;
const BATCH = 500;

/** Connections that were never made: the machine is offline (or the site is down), not this article's fault. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TargetError && error.kind === 'transient' && /^NET_(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|EADDRNOTAVAIL|ENETDOWN|UND_ERR_CONNECT_TIMEOUT)$/.test(error.code);
}

const UNEXPECTED = {
  code: 'UNEXPECTED',
  ar: 'حدث خطأ غير متوقع أثناء الإرسال؛ أعد المحاولة، وإن تكرر فراجع سجل البرنامج.',
};

/**
 * The outbox engine. Every rule about sending lives here: due rows are sent with a concurrency
 * limit per endpoint; transient failures back off with full jitter (Retry-After honoured);
 * permanent ones stop that row with a readable reason; a create whose outcome is unknown is
 * reconciled (findExisting) before any retry, so a post is never made twice; an update is
 * preceded by a compare with what was last synced, so a post changed on the server is never
 * overwritten. Rows are committed before and after each request, so a restart mid-send finds a
 * row in `sending` and reconciles it. One timer at most: asleep until the next due time or a poke.
 */
export class SyncEngine {
  private readonly db: Database;
  private readonly random: () => number;
  private readonly timers: EngineTimers;
  private timer: unknown = null;
  private running = false;
  private pass: Promise<RunSummary> | null = null;
  private pokedDuringPass = false;
  private recovered = false;
  /** Endpoints that cannot be reached, and when each is tried again (its failed row's next attempt). */
  private readonly offline = new Map<string, number>();
  /** Uploads in flight per endpoint and hash, so two articles with one image upload it once. */
  private readonly uploads = new Map<string, Promise<{ remoteId: string; url: string }>>();

  /** False while some endpoint cannot be reached (the machine is offline, or that site is down). */
  get online(): boolean {
    return this.offline.size === 0;
  }

  constructor(private readonly options: SyncEngineOptions) {
    this.db = options.db;
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) };
  }

  private now(): Date {
    return this.options.clock();
  }

  /** Rows left in `sending` by a crash: the request may have reached the server, so reconcile before anything else. */
  recoverInterrupted(): number {
    const now = this.now().toISOString();
    return this.db
      .prepare(`UPDATE sync_items SET state = 'retry', outcome_unknown = 1, next_attempt_at = ?, updated_at = ? WHERE state = 'sending'`)
      .run(now, now).changes;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops the timer and waits for the requests in flight to finish and be recorded. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.pass) await this.pass.catch(() => undefined);
  }

  /** Something was queued, or the network came back: look now instead of at the next due time. */
  poke(): void {
    if (!this.running) return;
    if (this.pass) {
      this.pokedDuringPass = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, Math.max(0, Math.min(MAX_SLEEP_MS, ms)));
  }

  private async tick(): Promise<void> {
    if (!this.running || this.pass) return;
    try {
      await this.runOnce();
    } catch (error) {
      this.options.log?.('sync pass failed', error);
    }
    if (!this.running) return;
    if (this.pokedDuringPass) {
      this.pokedDuringPass = false;
      this.schedule(0);
      return;
    }
    // An unreachable endpoint sleeps until its failed row's next attempt (or a poke), whatever
    // else it has queued; the others go on by their own due times.
    const wakeups = [...this.offline.values()];
    // A scheduled article already sent (a WordPress future post) becomes published at its time.
    const scheduled = this.db
      .prepare<[string], { at: string | null }>(
        `SELECT MIN(a.scheduled_at) AS at FROM articles a WHERE a.status = 'approved' AND a.scheduled_at > ?
           AND EXISTS (SELECT 1 FROM sync_items s WHERE s.article_id = a.id AND s.state = 'published')`,
      )
      .get(this.now().toISOString());
    if (scheduled?.at) wakeups.push(Date.parse(scheduled.at));
    const due = nextDueAt(this.db, [...this.offline.keys()]);
    if (due !== null) wakeups.push(Date.parse(due));
    if (wakeups.length > 0) this.schedule(Math.min(...wakeups) - this.now().getTime());
  }

  /** Processes everything due now (each row at most once) and reports what happened. */
  runOnce(): Promise<RunSummary> {
    if (this.pass) return this.pass;
    this.pass = this.runPass().finally(() => {
      this.pass = null;
    });
    return this.pass;
  }

  private async runPass(): Promise<RunSummary> {
    const summary: RunSummary = { processed: 0, published: 0, unpublished: 0, retrying: 0, failed: 0, conflicts: 0, cancelled: 0, waiting: 0, online: this.online };
    // The first pass of a process settles what a crash of the last one left in flight.
    if (!this.recovered) {
      this.recovered = true;
      this.recoverInterrupted();
    }
    const seen = new Set<number>();
    const unreachable = new Set<string>();
    for (;;) {
      const due = selectDueRows(this.db, this.now().toISOString(), BATCH).filter((row) => !seen.has(row.id) && !unreachable.has(row.endpoint_id));
      if (due.length === 0) break;
      const byEndpoint = new Map<string, SyncItemRow[]>();
      for (const row of due) {
        seen.add(row.id);
        byEndpoint.set(row.endpoint_id, [...(byEndpoint.get(row.endpoint_id) ?? []), row]);
      }
      await Promise.all(
        [...byEndpoint].map(async ([endpointId, rows]) => {
          const config = this.options.endpoint(endpointId);
          if (!config) return;
          let target: PublishTarget;
          try {
            target = this.options.target(config);
          } catch (error) {
            for (const row of rows) this.tally(summary, this.fail(row, 'NO_TARGET', error instanceof Error ? error.message : String(error), 'لا يتوفر ناشر لهذه الوجهة.'));
            return;
          }
          let next = 0;
          const worker = async () => {
            // Unreachable: the rest of this endpoint's rows wait instead of failing one by one.
            while (next < rows.length && !unreachable.has(endpointId)) {
              const row = rows[next]!;
              next += 1;
              const outcome = await this.process(row, config, target);
              if (outcome === 'retry' && this.offline.has(endpointId)) unreachable.add(endpointId);
              this.tally(summary, outcome);
            }
          };
          await Promise.all(Array.from({ length: Math.max(1, Math.min(config.concurrency, rows.length)) }, worker));
        }),
      );
    }
    this.promoteArticles();
    summary.online = this.online;
    summary.waiting = this.db.prepare<[], { count: number }>(`SELECT COUNT(*) AS count FROM sync_items WHERE state IN ('queued', 'retry', 'held', 'sending')`).get()!.count;
    return summary;
  }

  private tally(summary: RunSummary, outcome: Outcome): void {
    if (outcome === 'skipped') return;
    summary.processed += 1;
    if (outcome === 'published') summary.published += 1;
    else if (outcome === 'unpublished') summary.unpublished += 1;
    else if (outcome === 'retry') summary.retrying += 1;
    else if (outcome === 'failed') summary.failed += 1;
    else if (outcome === 'cancelled') summary.cancelled += 1;
    else summary.conflicts += 1;
  }

  private patch(row: SyncItemRow, patch: Partial<Omit<SyncItemRow, 'id'>>): void {
    patchSyncItem(this.db, row.id, patch, this.now().toISOString());
  }

  /** One row: claim it (committed), send, record the outcome. */
  private async process(queuedRow: SyncItemRow, config: EndpointConfig, target: PublishTarget): Promise<Outcome> {
    const now = this.now();
    // Read again: the batch was selected a while ago (cancelled, retried or re-queued since?).
    const row = selectSyncItemById(this.db, queuedRow.id);
    if (!row || row.state !== queuedRow.state) return 'skipped';
    let built: ReturnType<typeof buildPayload>;
    try {
      built = buildPayload(this.db, this.options.media, row.article_id, row.slug, now);
    } catch (error) {
      return this.failure(row, error);
    }
    const { payload, head } = built;
    // Only an approved (or published) article goes out, whatever happened since it was queued.
    if (row.operation !== 'unpublish' && head.status !== 'approved' && head.status !== 'published') {
      this.patch(row, {
        state: 'cancelled',
        next_attempt_at: null,
        last_error_code: 'NOT_APPROVED',
        last_error: `Not sent: the article is ${head.status.replace('_', ' ')} now; it is queued again when approved.`,
        last_error_ar: 'لم يُرسل: لم يعد المقال معتمدًا؛ يُدرج للإرسال من جديد عند اعتماده.',
      });
      return 'cancelled';
    }
    // Claimed (with the slug it keeps from now on) and committed before any request, in one
    // write: a crash from here on leaves `sending` behind, which the next start reconciles.
    const claimed = this.db
      .prepare(
        `UPDATE sync_items SET state = 'sending', attempts = attempts + 1, last_attempt_at = ?, updated_at = ?, slug = COALESCE(slug, ?)
         WHERE id = ? AND state = ?`,
      )
      .run(now.toISOString(), now.toISOString(), payload.slug, row.id, row.state);
    if (claimed.changes === 0) return 'skipped';
    const current: SyncItemRow = { ...row, state: 'sending', attempts: row.attempts + 1, last_attempt_at: now.toISOString(), slug: row.slug ?? payload.slug };
    try {
      const outcome = await this.send(current, config, target, payload);
      this.offline.delete(config.id);
      return outcome;
    } catch (error) {
      return this.failure(current, error);
    }
  }

  private async send(row: SyncItemRow, config: EndpointConfig, target: PublishTarget, payload: PublishPayload): Promise<Outcome> {
    if (row.operation === 'unpublish') return this.unpublish(row, config, target, payload);

    let ref = this.refOf(row);
    if (!ref && row.outcome_unknown === 1) {
      // Reconcile before any retry: an earlier create may have made the post.
      const found = await target.findExisting(payload);
      if (found) {
        this.patch(row, { remote_id: found.remoteId, remote_url: found.url, remote_modified: found.modifiedGmt, outcome_unknown: 0 });
        const remote = await target.fetch(found);
        if (remote && textFingerprint(remote.title, remote.html) === textFingerprint(payload.title, payload.html)) {
          return this.succeeded(row, { ...found, modifiedGmt: remote.modifiedGmt ?? found.modifiedGmt }, payload);
        }
        // Ours but not the current text (changed here meanwhile): it was never synced, so bring it up to date.
        const mediaUrls = await this.uploadMedia(row, config, target, payload);
        return this.succeeded(row, await target.update(found, payload, mediaUrls), payload);
      }
    }
    if (!ref) {
      const mediaUrls = await this.uploadMedia(row, config, target, payload);
      // From here the request may reach the server: an unanswered create is reconciled later.
      return this.succeeded(row, await target.create(payload, mediaUrls), payload);
    }

    // A webhook receiver cannot be read back: its conflicts come as a 409 on the delivery itself.
    if (config.kind === 'webhook') {
      const mediaUrls = await this.uploadMedia(row, config, target, payload);
      return this.succeeded(row, await target.update(ref, payload, mediaUrls), payload);
    }
    // Update: compare the post with what was last synced before writing anything.
    const remote = await target.fetch(ref);
    if (!remote) {
      return this.fail(row, 'REMOTE_GONE', 'The post no longer exists on the server (deleted there); nothing was sent.', 'لم تعد التدوينة موجودة على الخادم (حُذفت هناك)؛ لم يُرسل شيء.');
    }
    const remoteText = textFingerprint(remote.title, remote.html);
    if (remoteText === textFingerprint(payload.title, payload.html) && row.synced_hash === payload.contentHash) {
      return this.succeeded(row, { ...ref, url: remote.url ?? ref.url, modifiedGmt: remote.modifiedGmt }, payload);
    }
    const ourUpdateLanded = row.outcome_unknown === 1 && remoteText === textFingerprint(payload.title, payload.html);
    const changedThere =
      !ourUpdateLanded &&
      ((row.remote_modified !== null && remote.modifiedGmt !== null && remote.modifiedGmt !== row.remote_modified) ||
        (row.remote_text_hash !== null && remoteText !== row.remote_text_hash));
    if (changedThere) {
      this.patch(row, {
        state: 'conflict',
        outcome_unknown: 0,
        next_attempt_at: null,
        last_error_code: 'REMOTE_CHANGED',
        last_error: 'The post was changed on the server since the last sync; nothing was overwritten. Choose how to resolve it.',
        last_error_ar: 'عُدّلت التدوينة على الخادم منذ آخر مزامنة؛ لم يُكتب فوقها شيء. اختر طريقة الحل.',
      });
      return 'conflict';
    }
    if (ourUpdateLanded) return this.succeeded(row, { ...ref, url: remote.url ?? ref.url, modifiedGmt: remote.modifiedGmt }, payload);
    ref = { ...ref, modifiedGmt: remote.modifiedGmt };
    const mediaUrls = await this.uploadMedia(row, config, target, payload);
    return this.succeeded(row, await target.update(ref, payload, mediaUrls), payload);
  }

  private async unpublish(row: SyncItemRow, config: EndpointConfig, target: PublishTarget, payload: PublishPayload): Promise<Outcome> {
    let ref = this.refOf(row);
    if (!ref && row.outcome_unknown === 1) ref = await target.findExisting(payload);
    if (ref) await target.unpublish(ref, config.unpublishMode);
    this.patch(row, {
      state: 'unpublished',
      outcome_unknown: 0,
      next_attempt_at: null,
      last_error_code: null,
      last_error: null,
      last_error_ar: null,
      ...(ref ? { remote_id: ref.remoteId } : {}),
    });
    return 'unpublished';
  }

  private refOf(row: SyncItemRow): RemoteRef | null {
    return row.remote_id ? { remoteId: row.remote_id, url: row.remote_url, modifiedGmt: row.remote_modified } : null;
  }

  /** Images first, once per endpoint and content hash. */
  private async uploadMedia(row: SyncItemRow, _config: EndpointConfig, target: PublishTarget, payload: PublishPayload): Promise<Map<string, { remoteId: string; url: string }>> {
    const urls = new Map<string, { remoteId: string; url: string }>();
    const known = this.db.prepare<[string, string], { remote_id: string; url: string }>('SELECT remote_id, url FROM media_remote WHERE endpoint_id = ? AND hash = ?');
    for (const media of payload.media) {
      const stored = known.get(row.endpoint_id, media.hash);
      if (stored) {
        urls.set(media.hash, { remoteId: stored.remote_id, url: stored.url });
        continue;
      }
      const key = `${row.endpoint_id}:${media.hash}`;
      let upload = this.uploads.get(key);
      if (!upload) {
        upload = target.uploadMedia(media).finally(() => this.uploads.delete(key));
        this.uploads.set(key, upload);
      }
      const uploaded = await upload;
      this.db
        .prepare('INSERT OR REPLACE INTO media_remote (endpoint_id, hash, remote_id, url, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(row.endpoint_id, media.hash, uploaded.remoteId, uploaded.url, this.now().toISOString());
      urls.set(media.hash, uploaded);
    }
    return urls;
  }

  private succeeded(row: SyncItemRow, ref: RemoteRef, payload: PublishPayload): Outcome {
    return this.db.transaction((): Outcome => {
      const current = selectSyncItemById(this.db, row.id);
      if (!current) return 'published';
      const requeued = current.state !== 'sending';
      this.patch(row, {
        remote_id: ref.remoteId,
        remote_url: ref.url,
        remote_modified: ref.modifiedGmt,
        synced_hash: payload.contentHash,
        remote_text_hash: textFingerprint(payload.title, payload.html),
        outcome_unknown: 0,
        // Queued again while this was in flight (a new approval): keep it queued, now as an update.
        ...(requeued
          ? { operation: current.operation === 'publish' ? 'update' : current.operation }
          : { state: 'published', next_attempt_at: null, pending_hash: null, last_error_code: null, last_error: null, last_error_ar: null }),
      });
      return 'published';
    })();
  }

  private fail(row: SyncItemRow, code: string, message: string, messageAr: string): Outcome {
    return this.record(row, 'failed', { state: 'failed', next_attempt_at: null, last_error_code: code, last_error: message, last_error_ar: messageAr });
  }

  /**
   * Records a failed request's outcome, after reading the row again: when its operation changed
   * while the request was in flight (a kill turned a create into an `unpublish`), the failure
   * belongs to the old operation, so the row stays queued for its new one and nothing of it is
   * overwritten — only the news that a create may have landed is kept, so the unpublish looks
   * for the post first. (A success does the same in `succeeded`.)
   */
  private record(row: SyncItemRow, outcome: Outcome, patch: Partial<Omit<SyncItemRow, 'id'>>): Outcome {
    return this.db.transaction((): Outcome => {
      const current = selectSyncItemById(this.db, row.id);
      if (current && current.operation !== row.operation) {
        if (patch.outcome_unknown === 1 && current.outcome_unknown !== 1) this.patch(row, { outcome_unknown: 1 });
        return 'skipped';
      }
      this.patch(row, patch);
      return outcome;
    })();
  }

  private failure(row: SyncItemRow, error: unknown): Outcome {
    const now = this.now().getTime();
    // Any answer from the server, even a refusal, shows the endpoint is reachable.
    if (error instanceof TargetError && !isNetworkFailure(error)) this.offline.delete(row.endpoint_id);
    if (error instanceof TargetError) {
      switch (error.kind) {
        case 'permanent':
          return this.fail(row, error.code, error.message, error.messageAr);
        case 'conflict':
          return this.record(row, 'conflict', { state: 'conflict', next_attempt_at: null, last_error_code: error.code, last_error: error.message, last_error_ar: error.messageAr });
        case 'unknown_outcome':
        case 'transient': {
          const backoff = retryDelayMs(row.attempts, this.random, error.options.retryAfterMs);
          const delay = isNetworkFailure(error) ? Math.min(OFFLINE_CAP_MS, backoff) : backoff;
          if (isNetworkFailure(error)) this.offline.set(row.endpoint_id, now + delay);
          return this.record(row, 'retry', {
            state: 'retry',
            // Once unknown, stays unknown until a reconcile settles it.
            outcome_unknown: error.kind === 'unknown_outcome' || row.outcome_unknown === 1 ? 1 : 0,
            next_attempt_at: new Date(now + delay).toISOString(),
            last_error_code: error.code,
            last_error: error.message,
            last_error_ar: error.messageAr,
          });
        }
      }
    }
    if (error instanceof MissingMediaError) {
      return this.fail(row, 'MEDIA_MISSING', error.message, `الصورة ${error.hash.slice(0, 12)}… مفقودة من مجلد البيانات.`);
    }
    this.options.log?.(`sync of article ${row.article_id} failed unexpectedly`, error);
    return this.fail(row, UNEXPECTED.code, error instanceof Error ? error.message : String(error), UNEXPECTED.ar);
  }

  /**
   * Approved articles whose every endpoint has the current version, and whose time has come,
   * become published (as a scheduled one does on the site at its time).
   */
  private promoteArticles(): void {
    const now = this.now().toISOString();
    const ready = this.db
      .prepare<[string], { id: string }>(
        `SELECT a.id FROM articles a
         WHERE a.status = 'approved' AND (a.scheduled_at IS NULL OR a.scheduled_at <= ?)
           AND EXISTS (SELECT 1 FROM sync_items s WHERE s.article_id = a.id AND s.state = 'published')
           AND NOT EXISTS (SELECT 1 FROM sync_items s JOIN endpoints e ON e.id = s.endpoint_id
                           WHERE s.article_id = a.id AND e.enabled = 1 AND s.state NOT IN ('published', 'cancelled'))`,
      )
      .all(now);
    if (ready.length === 0) return;
    // One transaction for all of them: a commit per article would hold the event loop per fsync.
    this.db.transaction(() => {
      for (const { id } of ready) {
        const head = selectArticleHead(this.db, id);
        if (!head || head.status !== 'approved') continue;
        updateArticle(this.db, { ...head, status: 'published', published_at: head.published_at ?? now, version: head.version + 1, updated_at: now }, null, head.version);
        appendAudit(this.db, now, { actor: 'sync', action: 'workflow.publish', articleId: id, fromStatus: 'approved', toStatus: 'published', detail: { by: 'outbox' } });
      }
    })();
  }
}
