import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { LocalServer, json, type RecordedRequest } from './localServer';

export interface ReceivedDelivery {
  key: string;
  event: string;
  body: Record<string, unknown>;
}

/**
 * A webhook receiver that does what docs/webhook.md asks of one: it verifies the HMAC signature
 * over the raw body (401 otherwise), requires an Idempotency-Key, applies each key once and
 * answers a repeat with the first answer, and keeps one "post" per article marker, answering
 * `{ id, url }`. `fault` lets a test break the next deliveries.
 */
export class WebhookReceiver {
  readonly applied: ReceivedDelivery[] = [];
  readonly answers = new Map<string, { status: number; body: unknown }>();
  readonly posts = new Map<string, { id: string; marker: string; html: string; status: string; title: string }>();
  readonly rejected: Array<{ reason: string }> = [];
  /** Images received inline, served back at /media/<sha256>.<ext> (the agreed media base URL). */
  readonly images = new Map<string, { mime: string; bytes: Buffer }>();
  fault: ((request: RecordedRequest, response: ServerResponse) => boolean) | null = null;
  private nextId = 1;

  private constructor(
    readonly server: LocalServer,
    readonly secret: string,
  ) {}

  static async start(secret: string): Promise<WebhookReceiver> {
    let self: WebhookReceiver | null = null;
    const server = await LocalServer.start((request, response) => self!.handle(request, response));
    self = new WebhookReceiver(server, secret);
    return self;
  }

  get url(): string {
    return `${this.server.url}/hooks/midad`;
  }

  get mediaBaseUrl(): string {
    return `${this.server.url}/media`;
  }

  private handle(request: RecordedRequest, response: ServerResponse): void {
    if (request.method === 'GET' && request.url.startsWith('/media/')) {
      const image = this.images.get(request.url.slice('/media/'.length).replace(/\.[a-z]+$/, ''));
      if (!image) return json(response, 404, { error: 'no such image' });
      response.writeHead(200, { 'content-type': image.mime }).end(image.bytes);
      return;
    }
    if (this.fault && this.fault(request, response)) return;
    const signature = String(request.headers['x-midad-signature'] ?? '');
    const expected = `sha256=${createHmac('sha256', this.secret).update(request.body).digest('hex')}`;
    if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
      this.rejected.push({ reason: 'bad signature' });
      return json(response, 401, { error: 'bad signature' });
    }
    const body = JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;
    if (body.event === 'ping') return json(response, 200, { ok: true });
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') {
      this.rejected.push({ reason: 'no idempotency key' });
      return json(response, 400, { error: 'Idempotency-Key required' });
    }
    const seen = this.answers.get(key);
    if (seen) return json(response, seen.status, seen.body);
    const event = String(body.event);
    this.applied.push({ key, event, body });
    let answer: { status: number; body: unknown };
    if (event === 'publish' || event === 'update') {
      const article = body.article as { marker: string; html: string; title: string; media: Array<{ hash: string; mime: string; dataBase64: string }> };
      for (const image of article.media) this.images.set(image.hash, { mime: image.mime, bytes: Buffer.from(image.dataBase64, 'base64') });
      const existing = [...this.posts.values()].find((post) => post.marker === article.marker);
      const id = existing?.id ?? String(this.nextId++);
      this.posts.set(id, { id, marker: article.marker, html: article.html, title: article.title, status: 'published' });
      answer = { status: existing && event === 'publish' ? 200 : event === 'publish' ? 201 : 200, body: { id, url: `https://news.example/${id}` } };
    } else if (event === 'unpublish') {
      const remote = body.remote as { id: string };
      const post = this.posts.get(remote.id);
      if (!post) answer = { status: 410, body: { error: 'gone' } };
      else {
        post.status = 'unpublished';
        answer = { status: 200, body: { id: post.id } };
      }
    } else {
      answer = { status: 400, body: { error: `unknown event ${event}` } };
    }
    this.answers.set(key, answer);
    json(response, answer.status, answer.body);
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
