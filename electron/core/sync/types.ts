/**
 * Publishing targets (WordPress, signed webhook, the in-memory test double) all implement
 * `PublishTarget`; the outbox engine (SyncEngine) drives them and owns every rule about
 * retries, reconciliation and conflicts. A contract suite in tests/unit/electron/core/sync runs
 * against every target.
 */

export type EndpointKind = 'wordpress' | 'webhook';

export interface EndpointConfig {
  id: string;
  kind: EndpointKind;
  name: string;
  /** WordPress site URL or webhook URL. */
  url: string;
  /** WordPress user name (application passwords); unused for webhooks. */
  username: string | null;
  enabled: boolean;
  /** What a kill does on this endpoint. */
  unpublishMode: 'draft' | 'trash';
  /** Requests in flight at once for this endpoint (default 4). */
  concurrency: number;
  /** Request time-out in milliseconds (default 30 s). */
  timeoutMs: number;
}

/** One stored image an article uses, uploaded once per endpoint. */
export interface PayloadMedia {
  hash: string;
  mime: string;
  name: string;
  alt: string;
  bytes: () => Buffer;
}

/** What is sent for one article: comment marks, notes and local-only metadata already removed. */
export interface PublishPayload {
  articleId: string;
  /**
   * A stable marker for this article on this endpoint, derived from the article id, that a later
   * lookup can find (WordPress: part of the explicit unique slug and a meta-free invisible
   * marker; webhook: the Idempotency-Key base). Used to reconcile a create whose outcome is unknown.
   */
  marker: string;
  title: string;
  subtitle: string;
  excerpt: string;
  /** Explicit and unique (WordPress truncates Arabic auto-slugs mid-word). */
  slug: string;
  section: string;
  tags: string[];
  byline: string;
  /** Body HTML with `/media/<hash>` URLs; the target rewrites them to remote URLs. */
  html: string;
  /** Immediate publication, or a scheduled one (ISO 8601 UTC). */
  scheduledAt: string | null;
  featuredMediaHash: string | null;
  media: PayloadMedia[];
  /** SHA-256 of everything sent: what "last synced" is compared with. */
  contentHash: string;
}

export interface RemoteRef {
  remoteId: string;
  url: string | null;
  /** The server's modification time as it reports it (WordPress modified_gmt, 1 s resolution). */
  modifiedGmt: string | null;
}

/** The remote post as it is now, for conflict detection and the reviewer's diff. */
export interface RemoteState extends RemoteRef {
  title: string;
  /** Raw HTML as stored remotely (WordPress content.raw). */
  html: string;
  status: string;
}

export type TargetFailureKind =
  /** Retry later with backoff (5xx, 429, network errors before the request was sent). */
  | 'transient'
  /** Stop this article with a readable reason (401, 403, 404 on update, 413, non-JSON answer). */
  | 'permanent'
  /** The server says the content changed or the request clashes (webhook 409). */
  | 'conflict'
  /** The request may have reached the server (time-out, reset after sending): reconcile first. */
  | 'unknown_outcome';

export class TargetError extends Error {
  constructor(
    readonly kind: TargetFailureKind,
    /** Stable code, e.g. HTTP_401, WP_REST_CANNOT_PUBLISH, TIMEOUT, NOT_JSON. */
    readonly code: string,
    message: string,
    readonly messageAr: string,
    readonly options: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'TargetError';
  }
}

export interface ConnectionTest {
  ok: boolean;
  /** The remote account (WordPress user name and role). */
  user: string | null;
  role: string | null;
  canPublish: boolean;
  /** A plain-words warning when the account cannot publish, in both languages. */
  warning: { en: string; ar: string } | null;
}

export interface PublishTarget {
  readonly kind: EndpointKind | 'memory';
  test(): Promise<ConnectionTest>;
  /** Uploads one image; returns its remote id and URL. */
  uploadMedia(media: PayloadMedia): Promise<{ remoteId: string; url: string }>;
  /** `mediaUrls` maps content hashes to remote URLs (already uploaded). */
  create(payload: PublishPayload, mediaUrls: ReadonlyMap<string, { remoteId: string; url: string }>): Promise<RemoteRef>;
  /** Finds the post an earlier create of this article made, if any (reconciliation). */
  findExisting(payload: PublishPayload): Promise<RemoteRef | null>;
  /** The remote post now, or null when it no longer exists. */
  fetch(ref: RemoteRef): Promise<RemoteState | null>;
  update(ref: RemoteRef, payload: PublishPayload, mediaUrls: ReadonlyMap<string, { remoteId: string; url: string }>): Promise<RemoteRef>;
  unpublish(ref: RemoteRef, mode: 'draft' | 'trash'): Promise<void>;
}

/** Keeps endpoint secrets out of SQLite: Electron's safeStorage in the app, an explicit store in the CLI and tests. */
export interface SecretStore {
  get(endpointId: string): string | null;
  set(endpointId: string, secret: string): void;
  delete(endpointId: string): void;
}
