/**
 * A signed webhook: one JSON event per delivery (docs/webhook.md has the format and its JSON
 * Schema). The raw body is signed with HMAC-SHA256 under the endpoint's shared secret
 * (`X-Midad-Signature: sha256=<hex>`), and `Idempotency-Key` is derived from the article's
 * marker, the operation and the content, so every retry of one delivery carries the same key
 * and the receiver can answer a repeat with what it did the first time.
 *
 * Answers: 2xx success (a JSON `{ "id", "url" }` is kept as the remote reference), 409 conflict,
 * other 4xx permanent, 429/5xx transient (Retry-After honoured), a time-out or a broken
 * connection after sending is an unknown outcome — resending is safe because the key is the same.
 *
 * Media travel inside the delivery: each image's bytes come base64-encoded in `article.media[]`,
 * so the receiver needs nothing else from Midad. Image URLs in the HTML are rewritten to the
 * `midad-media:<sha256>` scheme, or, when the endpoint agrees a public media base URL with its
 * receiver (`mediaBaseUrl`), to `<mediaBaseUrl>/<sha256>.<ext>` — where the receiver serves the
 * bytes it was given.
 */
import { createHash, createHmac } from 'node:crypto';
import type { EndpointConfig, ConnectionTest, PayloadMedia, PublishPayload, PublishTarget, RemoteRef, RemoteState } from '../types';
import { TargetError } from '../types';
import { excerpt, notJsonError, redirectError, send, transientStatusError, type FetchLike, type HttpResponse } from '../http';

export const SIGNATURE_HEADER = 'x-midad-signature';
export const EVENT_HEADER = 'x-midad-event';
export const MEDIA_SCHEME = 'midad-media:';
export const WEBHOOK_FORMAT_VERSION = 1;

export type WebhookEvent = 'publish' | 'update' | 'unpublish';

export interface WebhookTargetOptions {
  url: string;
  secret: string;
  timeoutMs?: number;
  fetchImpl?: FetchLike;
  clock?: () => Date;
  /**
   * Where the receiver publishes the images it receives (e.g. https://cdn.example/midad): image
   * URLs are then `<mediaBaseUrl>/<sha256>.<ext>` instead of `midad-media:<sha256>`.
   */
  mediaBaseUrl?: string | null;
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif' };

type MediaMap = ReadonlyMap<string, { remoteId: string; url: string }>;

/** `sha256=<hex>` of the HMAC-SHA256 of the raw body under the shared secret. */
export function signBody(secret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** The Idempotency-Key of one delivery: the same for every retry of it. */
export function idempotencyKey(marker: string, event: WebhookEvent, ...parts: Array<string | null | undefined>): string {
  const digest = createHash('sha256').update([marker, event, ...parts.map((part) => part ?? '')].join('\u0000')).digest('hex');
  return `midad-${event}-${digest.slice(0, 40)}`;
}


export class WebhookTarget implements PublishTarget {
  readonly kind = 'webhook' as const;
  private readonly url: string;
  private readonly secret: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: FetchLike;
  private readonly clock: () => Date;
  private readonly mediaBaseUrl: string | null;
  /** What the receiver acknowledged in this process, by marker and by remote id. */
  private readonly acknowledged = new Map<string, RemoteRef>();
  private readonly sent = new Map<string, RemoteState>();

  constructor(options: WebhookTargetOptions) {
    this.url = options.url;
    this.secret = options.secret;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.clock = options.clock ?? (() => new Date());
    this.mediaBaseUrl = options.mediaBaseUrl ? options.mediaBaseUrl.replace(/\/+$/, '') : null;
  }

  /** The URL an image has in what is delivered. */
  mediaUrl(media: Pick<PayloadMedia, 'hash' | 'mime'>): string {
    if (!this.mediaBaseUrl) return `${MEDIA_SCHEME}${media.hash}`;
    return `${this.mediaBaseUrl}/${media.hash}.${EXTENSIONS[media.mime] ?? 'bin'}`;
  }

  static fromEndpoint(endpoint: Pick<EndpointConfig, 'url' | 'timeoutMs'>, secret: string, fetchImpl?: FetchLike): WebhookTarget {
    return new WebhookTarget({ url: endpoint.url, secret, timeoutMs: endpoint.timeoutMs, ...(fetchImpl ? { fetchImpl } : {}) });
  }

  /** Sends one signed event; returns the receiver's answer when it is a 2xx. */
  private async deliver(event: WebhookEvent, key: string, body: Record<string, unknown>): Promise<HttpResponse> {
    const raw = JSON.stringify({ version: WEBHOOK_FORMAT_VERSION, event, deliveryId: key, sentAt: this.clock().toISOString(), ...body });
    const response = await send(
      {
        method: 'POST',
        url: this.url,
        timeoutMs: this.timeoutMs,
        body: raw,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          accept: 'application/json',
          'user-agent': 'Midad',
          'idempotency-key': key,
          [EVENT_HEADER]: event,
          [SIGNATURE_HEADER]: signBody(this.secret, raw),
        },
      },
      this.fetchImpl,
    );
    if (response.status >= 200 && response.status < 300) return response;
    throw this.failure(response, event);
  }

  private failure(response: HttpResponse, event: WebhookEvent): TargetError {
    const status = response.status;
    if (status === 429 || status >= 500) return transientStatusError(response, this.url, `Delivering "${event}".`);
    if (status >= 300 && status < 400) return redirectError(response, this.url);
    const said = response.isJson && response.json && typeof response.json === 'object' ? (response.json as { error?: unknown; message?: unknown }) : null;
    const reason = typeof said?.message === 'string' ? said.message : typeof said?.error === 'string' ? said.error : excerpt(response.text);
    if (status === 409) {
      return new TargetError(
        'conflict',
        'HTTP_409',
        `The webhook receiver reported a conflict for "${event}": ${reason}`,
        `أبلغ مستقبِل الويب هوك عن تعارض في «${event}».`,
        { status },
      );
    }
    if (status === 401 || status === 403) {
      return new TargetError(
        'permanent',
        `HTTP_${status}`,
        `The webhook receiver refused the delivery (HTTP ${status}): check the shared secret. ${reason}`,
        `رفض مستقبِل الويب هوك التسليم (HTTP ${status}): تحقق من السر المشترك.`,
        { status },
      );
    }
    if (status === 413) {
      return new TargetError(
        'permanent',
        'IMAGE_TOO_LARGE',
        'The webhook receiver refused the delivery as too large (HTTP 413): the article\'s images make the body too big.',
        'رفض مستقبِل الويب هوك التسليم لأنه كبير جدًّا (HTTP 413): صور المقال تجعل الحمولة أكبر من المسموح.',
        { status },
      );
    }
    return new TargetError(
      'permanent',
      `HTTP_${status}`,
      `The webhook receiver refused "${event}" (HTTP ${status}): ${reason}`,
      `رفض مستقبِل الويب هوك «${event}» (HTTP ${status}).`,
      { status },
    );
  }

  /** The receiver's `{ id, url }` acknowledgement, or the marker when it sends none. */
  private refFrom(response: HttpResponse, payload: Pick<PublishPayload, 'marker'>, previous: RemoteRef | null): RemoteRef {
    if (response.status !== 204 && response.text.trim() !== '' && !response.isJson) throw notJsonError(response, this.url);
    const ack = response.isJson && response.json && typeof response.json === 'object' ? (response.json as { id?: unknown; url?: unknown; modifiedGmt?: unknown }) : {};
    const id = typeof ack.id === 'string' || typeof ack.id === 'number' ? String(ack.id) : (previous?.remoteId ?? payload.marker);
    return {
      remoteId: id,
      url: typeof ack.url === 'string' ? ack.url : (previous?.url ?? null),
      modifiedGmt: typeof ack.modifiedGmt === 'string' ? ack.modifiedGmt : null,
    };
  }

  private article(payload: PublishPayload): Record<string, unknown> {
    const byHash = new Map(payload.media.map((item) => [item.hash, item]));
    const used = new Set<string>();
    const html = payload.html.replace(/(?:midad:\/\/app)?\/media\/([0-9a-f]{64})\b/g, (whole, hash: string) => {
      used.add(hash);
      const item = byHash.get(hash);
      return item ? this.mediaUrl(item) : `${MEDIA_SCHEME}${hash}`;
    });
    if (payload.featuredMediaHash) used.add(payload.featuredMediaHash);
    const images = payload.media
      .filter((item) => used.has(item.hash))
      .map((item) => ({
        hash: item.hash,
        url: this.mediaUrl(item),
        mime: item.mime,
        name: item.name,
        alt: item.alt,
        dataBase64: item.bytes().toString('base64'),
      }));
    const featured = payload.featuredMediaHash ? byHash.get(payload.featuredMediaHash) : undefined;
    return {
      id: payload.articleId,
      marker: payload.marker,
      title: payload.title,
      subtitle: payload.subtitle,
      excerpt: payload.excerpt,
      slug: payload.slug,
      section: payload.section,
      tags: payload.tags,
      byline: payload.byline,
      html,
      scheduledAt: payload.scheduledAt,
      featuredMedia: featured ? this.mediaUrl(featured) : payload.featuredMediaHash ? `${MEDIA_SCHEME}${payload.featuredMediaHash}` : null,
      media: images,
      contentHash: payload.contentHash,
    };
  }

  private remember(payload: PublishPayload, article: Record<string, unknown>, ref: RemoteRef): RemoteRef {
    this.acknowledged.set(payload.marker, ref);
    this.sent.set(ref.remoteId, { ...ref, title: payload.title, html: String(article.html), status: payload.scheduledAt ? 'future' : 'publish' });
    return ref;
  }

  async test(): Promise<ConnectionTest> {
    // A signed, harmless event: receivers answer 2xx to "ping" (docs/webhook.md).
    const raw = JSON.stringify({ version: WEBHOOK_FORMAT_VERSION, event: 'ping', sentAt: this.clock().toISOString() });
    const response = await send(
      {
        method: 'POST',
        url: this.url,
        timeoutMs: this.timeoutMs,
        body: raw,
        idempotent: true,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Midad',
          [EVENT_HEADER]: 'ping',
          'idempotency-key': `midad-ping-${Date.now()}`,
          [SIGNATURE_HEADER]: signBody(this.secret, raw),
        },
      },
      this.fetchImpl,
    );
    if (response.status < 200 || response.status >= 300) throw this.failure(response, 'publish');
    return { ok: true, user: null, role: null, canPublish: true, warning: null };
  }

  /** Nothing is uploaded ahead: images travel inside each delivery; this only says the URL they will have. */
  async uploadMedia(media: PayloadMedia): Promise<{ remoteId: string; url: string }> {
    return { remoteId: media.hash, url: this.mediaUrl(media) };
  }

  async create(payload: PublishPayload, _media: MediaMap): Promise<RemoteRef> {
    const key = idempotencyKey(payload.marker, 'publish', payload.contentHash);
    const article = this.article(payload);
    const response = await this.deliver('publish', key, { article, remote: null });
    return this.remember(payload, article, this.refFrom(response, payload, null));
  }

  /**
   * Webhooks cannot be queried: this returns what the receiver acknowledged earlier in this
   * process, else null. A create whose outcome is unknown is then simply resent with the same
   * Idempotency-Key, which the receiver must treat as the same delivery.
   */
  async findExisting(payload: PublishPayload): Promise<RemoteRef | null> {
    return this.acknowledged.get(payload.marker) ?? null;
  }

  /**
   * What was last acknowledged for this reference (a webhook cannot be read back). After a
   * restart nothing is known: the reference itself comes back with the `unknown` status and
   * empty content, which a caller must not read as a change made on the receiver.
   */
  async fetch(ref: RemoteRef): Promise<RemoteState | null> {
    return this.sent.get(ref.remoteId) ?? { ...ref, title: '', html: '', status: 'unknown' };
  }

  async update(ref: RemoteRef, payload: PublishPayload, _media: MediaMap): Promise<RemoteRef> {
    const key = idempotencyKey(payload.marker, 'update', ref.remoteId, ref.modifiedGmt, payload.contentHash);
    const article = this.article(payload);
    const response = await this.deliver('update', key, { article, remote: { id: ref.remoteId, url: ref.url } });
    return this.remember(payload, article, this.refFrom(response, payload, ref));
  }

  async unpublish(ref: RemoteRef, mode: 'draft' | 'trash'): Promise<void> {
    const key = idempotencyKey(ref.remoteId, 'unpublish', mode, ref.modifiedGmt);
    try {
      await this.deliver('unpublish', key, { remote: { id: ref.remoteId, url: ref.url }, mode });
    } catch (error) {
      // 410 Gone: the receiver no longer has it, which is what was asked.
      if (error instanceof TargetError && error.options.status === 410) return;
      throw error;
    }
    const last = this.sent.get(ref.remoteId);
    if (last) this.sent.set(ref.remoteId, { ...last, status: mode });
  }
}
