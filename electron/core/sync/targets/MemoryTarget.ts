import type { ConnectionTest, PayloadMedia, PublishPayload, PublishTarget, RemoteRef, RemoteState } from '../types';
import { TargetError } from '../types';

/** One post as the in-memory server keeps it. */
export interface MemoryPost {
  id: string;
  slug: string;
  title: string;
  html: string;
  status: 'publish' | 'future' | 'draft' | 'trash';
  date: string | null;
  modifiedGmt: string;
  featuredMedia: string | null;
  section: string;
  tags: string[];
}

export type MemoryOperation = 'test' | 'uploadMedia' | 'create' | 'findExisting' | 'fetch' | 'update' | 'unpublish';

/**
 * A fault the next call of an operation meets:
 * - `transient` / `permanent` / `conflict`: answered with that error, nothing done;
 * - `offline`: the connection is refused (nothing sent);
 * - `lostAnswer`: the server does the work, then the answer is lost (unknown outcome);
 * - `lostRequest`: the request is lost before the server sees it (unknown outcome).
 */
export type MemoryFault =
  | { kind: 'transient'; code?: string; retryAfterMs?: number }
  | { kind: 'permanent'; code?: string }
  | { kind: 'conflict' }
  | { kind: 'offline' }
  | { kind: 'lostAnswer' }
  | { kind: 'lostRequest' };

/** WordPress-like `modified_gmt`: seconds resolution, no zone. */
function gmt(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/**
 * An in-memory publishing server with fault injection: the engine's tests drive it through
 * `MemoryTarget`. It behaves like WordPress where the engine's rules depend on it: duplicate
 * slugs get `-2`, `modified_gmt` has one-second resolution, a bad media id is dropped, and a
 * lookup by slug finds drafts and trashed posts too.
 */
export class MemoryServer {
  readonly posts = new Map<string, MemoryPost>();
  readonly media = new Map<string, { id: string; url: string; name: string; bytes: Buffer }>();
  /** Calls per operation (faulted ones included). */
  readonly calls: Record<MemoryOperation, number> = { test: 0, uploadMedia: 0, create: 0, findExisting: 0, fetch: 0, update: 0, unpublish: 0 };
  /** Set to refuse every connection. */
  offline = false;
  private readonly faults = new Map<MemoryOperation, MemoryFault[]>();
  private nextId = 1;
  /** Calls currently being served, and the most at once. */
  inFlight = 0;
  maxInFlight = 0;
  /** Milliseconds each call takes (lets concurrency show). */
  latencyMs = 0;

  constructor(readonly clock: () => Date = () => new Date()) {}

  /** Queues faults for the next calls of `operation`, in order. */
  failNext(operation: MemoryOperation, ...faults: MemoryFault[]): void {
    this.faults.set(operation, [...(this.faults.get(operation) ?? []), ...faults]);
  }

  /** Someone edits the post on the server (a WordPress editor). */
  editRemote(id: string, change: { title?: string; html?: string; keepModified?: boolean }): void {
    const post = this.posts.get(id);
    if (!post) throw new Error(`no post ${id}`);
    if (change.title !== undefined) post.title = change.title;
    if (change.html !== undefined) post.html = change.html;
    if (!change.keepModified) post.modifiedGmt = gmt(new Date(Math.max(this.clock().getTime(), Date.parse(`${post.modifiedGmt}Z`) + 1000)));
  }

  postsFor(articleMarker: string): MemoryPost[] {
    return [...this.posts.values()].filter((post) => post.slug.includes(articleMarker));
  }

  /** Runs one call: latency, the queued fault if any, then the work. */
  async serve<T>(operation: MemoryOperation, work: () => T): Promise<T> {
    this.calls[operation] += 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      else await Promise.resolve();
      if (this.offline) throw refused();
      const fault = this.faults.get(operation)?.shift();
      if (!fault) return work();
      switch (fault.kind) {
        case 'offline':
          throw refused();
        case 'transient':
          throw new TargetError('transient', fault.code ?? 'HTTP_503', 'The server is busy (HTTP 503).', 'الخادم مشغول (HTTP 503).', {
            status: 503,
            retryAfterMs: fault.retryAfterMs,
          });
        case 'permanent':
          throw new TargetError('permanent', fault.code ?? 'HTTP_403', 'The server refused this (HTTP 403).', 'رفض الخادم هذا (HTTP 403).', { status: 403 });
        case 'conflict':
          throw new TargetError('conflict', 'HTTP_409', 'The server reports a conflict (HTTP 409).', 'يبلّغ الخادم عن تعارض (HTTP 409).', { status: 409 });
        case 'lostRequest':
          throw lost();
        case 'lostAnswer':
          work();
          throw lost();
      }
    } finally {
      this.inFlight -= 1;
    }
  }

  uniqueSlug(slug: string): string {
    const taken = new Set([...this.posts.values()].map((post) => post.slug));
    if (!taken.has(slug)) return slug;
    for (let suffix = 2; ; suffix += 1) if (!taken.has(`${slug}-${suffix}`)) return `${slug}-${suffix}`;
  }

  newId(): string {
    const id = String(this.nextId);
    this.nextId += 1;
    return id;
  }

  now(): string {
    return gmt(this.clock());
  }
}

function refused(): TargetError {
  return new TargetError('transient', 'NET_ECONNREFUSED', 'Cannot reach the server (ECONNREFUSED).', 'تعذّر الوصول إلى الخادم (ECONNREFUSED).');
}

function lost(): TargetError {
  return new TargetError('unknown_outcome', 'TIMEOUT', 'The server did not answer in time.', 'لم يُجب الخادم في الوقت المحدد.');
}

const REMOTE_BASE = 'https://memory.example';

/** Rewrites `/media/<hash>` URLs to the uploaded ones, as every target does. */
export function rewriteMediaUrls(html: string, mediaUrls: ReadonlyMap<string, { remoteId: string; url: string }>): string {
  return html.replace(/(["'])(?:[a-z-]+:\/\/[^"']*)?\/media\/([0-9a-f]{64})\1/g, (whole, quote: string, hash: string) => {
    const remote = mediaUrls.get(hash);
    return remote ? `${quote}${remote.url}${quote}` : whole;
  });
}

/** The in-memory target: a `PublishTarget` over a `MemoryServer` (tests and the contract suite). */
export class MemoryTarget implements PublishTarget {
  readonly kind = 'memory' as const;

  constructor(readonly server: MemoryServer = new MemoryServer()) {}

  private ref(post: MemoryPost): RemoteRef {
    return { remoteId: post.id, url: `${REMOTE_BASE}/${post.slug}/`, modifiedGmt: post.modifiedGmt };
  }

  private state(post: MemoryPost): RemoteState {
    return { ...this.ref(post), title: post.title, html: post.html, status: post.status };
  }

  private statusFor(payload: PublishPayload): { status: MemoryPost['status']; date: string | null } {
    if (payload.scheduledAt && Date.parse(payload.scheduledAt) > this.server.clock().getTime()) return { status: 'future', date: payload.scheduledAt };
    return { status: 'publish', date: null };
  }

  private featured(payload: PublishPayload, mediaUrls: ReadonlyMap<string, { remoteId: string; url: string }>): string | null {
    if (!payload.featuredMediaHash) return null;
    const remote = mediaUrls.get(payload.featuredMediaHash);
    return remote && [...this.server.media.values()].some((item) => item.id === remote.remoteId) ? remote.remoteId : null;
  }

  test(): Promise<ConnectionTest> {
    return this.server.serve('test', () => ({ ok: true, user: 'memory', role: 'editor', canPublish: true, warning: null }));
  }

  uploadMedia(media: PayloadMedia): Promise<{ remoteId: string; url: string }> {
    return this.server.serve('uploadMedia', () => {
      const id = `m${this.server.newId()}`;
      const url = `${REMOTE_BASE}/uploads/${id}-${encodeURIComponent(media.name)}`;
      this.server.media.set(id, { id, url, name: media.name, bytes: media.bytes() });
      return { remoteId: id, url };
    });
  }

  create(payload: PublishPayload, mediaUrls: ReadonlyMap<string, { remoteId: string; url: string }>): Promise<RemoteRef> {
    return this.server.serve('create', () => {
      const post: MemoryPost = {
        id: this.server.newId(),
        slug: this.server.uniqueSlug(payload.slug),
        title: payload.title,
        html: rewriteMediaUrls(payload.html, mediaUrls),
        ...this.statusFor(payload),
        modifiedGmt: this.server.now(),
        featuredMedia: this.featured(payload, mediaUrls),
        section: payload.section,
        tags: [...payload.tags],
      };
      this.server.posts.set(post.id, post);
      return this.ref(post);
    });
  }

  findExisting(payload: PublishPayload): Promise<RemoteRef | null> {
    return this.server.serve('findExisting', () => {
      const post = [...this.server.posts.values()].find((candidate) => candidate.slug === payload.slug);
      return post ? this.ref(post) : null;
    });
  }

  fetch(ref: RemoteRef): Promise<RemoteState | null> {
    return this.server.serve('fetch', () => {
      const post = this.server.posts.get(ref.remoteId);
      return post ? this.state(post) : null;
    });
  }

  update(ref: RemoteRef, payload: PublishPayload, mediaUrls: ReadonlyMap<string, { remoteId: string; url: string }>): Promise<RemoteRef> {
    return this.server.serve('update', () => {
      const post = this.server.posts.get(ref.remoteId);
      if (!post) throw new TargetError('permanent', 'HTTP_404', 'The post no longer exists on the server (HTTP 404).', 'لم تعد التدوينة موجودة على الخادم (HTTP 404).', { status: 404 });
      post.title = payload.title;
      post.html = rewriteMediaUrls(payload.html, mediaUrls);
      Object.assign(post, this.statusFor(payload));
      post.featuredMedia = this.featured(payload, mediaUrls);
      post.section = payload.section;
      post.tags = [...payload.tags];
      post.modifiedGmt = this.server.now();
      return this.ref(post);
    });
  }

  unpublish(ref: RemoteRef, mode: 'draft' | 'trash'): Promise<void> {
    return this.server.serve('unpublish', () => {
      const post = this.server.posts.get(ref.remoteId);
      if (!post) return;
      post.status = mode;
      post.modifiedGmt = this.server.now();
    });
  }
}
