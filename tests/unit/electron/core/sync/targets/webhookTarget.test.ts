import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TargetError } from '../../../../../../electron/core/sync/types';
import { WebhookTarget, idempotencyKey, signBody } from '../../../../../../electron/core/sync/targets/WebhookTarget';
import { json } from './localServer';
import { WebhookReceiver } from './webhookReceiver';
import { payloadOf } from './fixtures';

const SECRET = 's3cret-مشترك';
let receiver: WebhookReceiver;
beforeEach(async () => {
  receiver = await WebhookReceiver.start(SECRET);
});
afterEach(async () => {
  await receiver.close();
});

function target(options: { secret?: string; timeoutMs?: number } = {}): WebhookTarget {
  return new WebhookTarget({ url: receiver.url, secret: options.secret ?? SECRET, timeoutMs: options.timeoutMs ?? 2000 });
}

async function failureOf(promise: Promise<unknown>): Promise<TargetError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TargetError);
    return error as TargetError;
  }
  throw new Error('expected a TargetError');
}

describe('WebhookTarget', () => {
  it('does sign the raw body with HMAC-SHA256 when it delivers a publish event', async () => {
    const ref = await target().create(payloadOf(), new Map());
    expect(ref).toEqual({ remoteId: '1', url: 'https://news.example/1', modifiedGmt: null });
    const request = receiver.server.requests[0]!;
    expect(request.headers['x-midad-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(request.body).digest('hex')}`);
    expect(request.headers['x-midad-event']).toBe('publish');
    expect(request.headers['content-type']).toMatch(/application\/json/);
    expect(receiver.rejected).toEqual([]);
  });

  it('does send the article, its HTML with midad-media URLs and the image bytes when it publishes', async () => {
    const payload = payloadOf();
    await target().create(payload, new Map());
    const body = receiver.applied[0]!.body as { version: number; event: string; article: Record<string, unknown> };
    expect(body.version).toBe(1);
    expect(body.event).toBe('publish');
    const article = body.article as { html: string; media: Array<{ hash: string; dataBase64: string; url: string }>; featuredMedia: string; title: string };
    expect(article.title).toBe(payload.title);
    expect(article.html).toContain(`src="midad-media:${payload.featuredMediaHash}"`);
    expect(article.html).not.toContain('/media/');
    expect(article.featuredMedia).toBe(`midad-media:${payload.featuredMediaHash}`);
    expect(Buffer.from(article.media[0]!.dataBase64, 'base64')).toEqual(payload.media[0]!.bytes());
  });

  it('does keep the Idempotency-Key when a delivery is retried', async () => {
    let drops = 1;
    receiver.fault = (_request, response) => {
      if (drops-- > 0) {
        response.socket?.destroy();
        return true;
      }
      return false;
    };
    const payload = payloadOf();
    const error = await failureOf(target().create(payload, new Map()));
    expect(error.kind).toBe('unknown_outcome');
    await target().create(payload, new Map());
    const keys = receiver.server.requests.map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[0]).toBe(idempotencyKey(payload.marker, 'publish', payload.contentHash));
  });

  it('does apply a delivery once when the same key arrives twice', async () => {
    const payload = payloadOf();
    const first = await target().create(payload, new Map());
    const second = await target().create(payload, new Map());
    expect(second).toEqual(first);
    expect(receiver.applied).toHaveLength(1);
    expect(receiver.posts.size).toBe(1);
  });

  it('does change the key when the content or the operation changes', async () => {
    const payload = payloadOf();
    const ref = await target().create(payload, new Map());
    await target().update(ref, { ...payload, contentHash: 'other' }, new Map());
    await target().unpublish(ref, 'draft');
    const keys = new Set(receiver.server.requests.map((request) => request.headers['idempotency-key']));
    expect(keys.size).toBe(3);
    expect(receiver.applied.map((delivery) => delivery.event)).toEqual(['publish', 'update', 'unpublish']);
    expect(receiver.posts.get(ref.remoteId)?.status).toBe('unpublished');
  });

  it('does get refused permanently when the shared secret is wrong', async () => {
    const error = await failureOf(target({ secret: 'wrong' }).create(payloadOf(), new Map()));
    expect(error).toMatchObject({ kind: 'permanent', code: 'HTTP_401' });
    expect(error.messageAr).toMatch(/السر المشترك/);
    expect(receiver.rejected).toEqual([{ reason: 'bad signature' }]);
  });

  it('does report a conflict when the receiver answers 409', async () => {
    receiver.fault = (_request, response) => (json(response, 409, { message: 'edited on the site' }), true);
    const error = await failureOf(target().update({ remoteId: '1', url: null, modifiedGmt: null }, payloadOf(), new Map()));
    expect(error).toMatchObject({ kind: 'conflict', code: 'HTTP_409' });
    expect(error.message).toContain('edited on the site');
  });

  it('does fail permanently when the receiver answers another 4xx', async () => {
    receiver.fault = (_request, response) => (json(response, 422, { error: 'missing section' }), true);
    const error = await failureOf(target().create(payloadOf(), new Map()));
    expect(error).toMatchObject({ kind: 'permanent', code: 'HTTP_422' });
  });

  it('does fail transient with Retry-After when the receiver answers 429 or 503', async () => {
    receiver.fault = (_request, response) => (json(response, 429, {}, { 'retry-after': '12' }), true);
    expect(await failureOf(target().create(payloadOf(), new Map()))).toMatchObject({ kind: 'transient', code: 'HTTP_429', options: { status: 429, retryAfterMs: 12_000 } });
    receiver.fault = (_request, response) => (json(response, 503, {}), true);
    expect(await failureOf(target().create(payloadOf(), new Map()))).toMatchObject({ kind: 'transient', code: 'HTTP_503' });
  });

  it('does report an unknown outcome when the receiver stalls past the time-out', async () => {
    receiver.fault = () => true; // never answers
    const error = await failureOf(target({ timeoutMs: 250 }).create(payloadOf(), new Map()));
    expect(error).toMatchObject({ kind: 'unknown_outcome', code: 'TIMEOUT' });
  });

  it('does fail permanently NOT_JSON when a 2xx answer is an HTML page', async () => {
    receiver.fault = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>proxy login</body></html>');
      return true;
    };
    expect(await failureOf(target().create(payloadOf(), new Map()))).toMatchObject({ kind: 'permanent', code: 'NOT_JSON' });
  });

  it('does use the marker as the reference when the receiver answers 204', async () => {
    receiver.fault = (_request, response) => (response.writeHead(204).end(), true);
    const payload = payloadOf();
    expect(await target().create(payload, new Map())).toEqual({ remoteId: payload.marker, url: null, modifiedGmt: null });
  });

  it('does find what the receiver acknowledged when the same target looks for an earlier create', async () => {
    const webhook = target();
    const payload = payloadOf();
    expect(await webhook.findExisting(payload)).toBeNull();
    const ref = await webhook.create(payload, new Map());
    expect(await webhook.findExisting(payload)).toEqual(ref);
    expect(await webhook.fetch(ref)).toMatchObject({ remoteId: ref.remoteId, html: payload.html.replace('/media/', 'midad-media:'), title: payload.title, status: 'publish' });
  });

  it('does pass the connection test when the receiver accepts a signed ping', async () => {
    expect(await target().test()).toEqual({ ok: true, user: null, role: null, canPublish: true, warning: null });
    expect(await failureOf(target({ secret: 'nope' }).test())).toMatchObject({ kind: 'permanent', code: 'HTTP_401' });
  });

  it('does treat unpublish as done when the receiver answers 410', async () => {
    await expect(target().unpublish({ remoteId: '999', url: null, modifiedGmt: null }, 'trash')).resolves.toBeUndefined();
  });

  it('does produce the documented signature when given a known body', () => {
    expect(signBody('key', '{"event":"ping"}')).toBe(`sha256=${createHmac('sha256', 'key').update('{"event":"ping"}').digest('hex')}`);
  });
});
