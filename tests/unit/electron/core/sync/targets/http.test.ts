import { afterEach, describe, expect, it } from 'vitest';
import { TargetError } from '../../../../../../electron/core/sync/types';
import { parseRetryAfter, send } from '../../../../../../electron/core/sync/http';
import { LocalServer, closedPort, json } from './localServer';

let server: LocalServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function failureOf(promise: Promise<unknown>): Promise<TargetError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TargetError);
    return error as TargetError;
  }
  throw new Error('expected a TargetError');
}

describe('parseRetryAfter', () => {
  it('does read seconds when the header is a number', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(' 0 ')).toBe(0);
  });
  it('does read an HTTP date when the header is a date', () => {
    const now = Date.parse('2026-05-05T10:00:00Z');
    expect(parseRetryAfter('Tue, 05 May 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 05 May 2026 09:00:00 GMT', now)).toBe(0);
  });
  it('does give undefined when the header is absent or unreadable', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('send', () => {
  it('does parse JSON when the server answers JSON', async () => {
    server = await LocalServer.start((_req, res) => json(res, 201, { id: 7 }, { 'retry-after': '3' }));
    const response = await send({ method: 'GET', url: server.url, timeoutMs: 2000 });
    expect(response).toMatchObject({ status: 201, isJson: true, json: { id: 7 }, isHtml: false, retryAfterMs: 3000 });
  });

  it('does detect an HTML page when the server answers HTML', async () => {
    server = await LocalServer.start((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><body>Login</body></html>');
    });
    const response = await send({ method: 'GET', url: server.url, timeoutMs: 2000 });
    expect(response.isJson).toBe(false);
    expect(response.isHtml).toBe(true);
  });

  it('does fail transient when the connection is refused', async () => {
    const port = await closedPort();
    const error = await failureOf(send({ method: 'POST', url: `http://127.0.0.1:${port}/x`, body: '{}', timeoutMs: 2000 }));
    expect(error.kind).toBe('transient');
    expect(error.code).toBe('NET_ECONNREFUSED');
  });

  it('does fail unknown_outcome when a POST times out after sending', async () => {
    server = await LocalServer.start(() => undefined); // never answers
    const started = Date.now();
    const error = await failureOf(send({ method: 'POST', url: server.url, body: '{}', timeoutMs: 300 }));
    expect(error.kind).toBe('unknown_outcome');
    expect(error.code).toBe('TIMEOUT');
    expect(error.messageAr).toMatch(/لم يُجب/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does fail transient when an idempotent request times out', async () => {
    server = await LocalServer.start(() => undefined);
    const error = await failureOf(send({ method: 'GET', url: server.url, timeoutMs: 200, idempotent: true }));
    expect(error.kind).toBe('transient');
  });

  it('does fail unknown_outcome when the connection is reset after the body was sent', async () => {
    server = await LocalServer.start((req, res) => {
      void req;
      res.socket?.destroy();
    });
    const error = await failureOf(send({ method: 'POST', url: server.url, body: '{"a":1}', timeoutMs: 2000 }));
    expect(error.kind).toBe('unknown_outcome');
    expect(error.code).toMatch(/^NET_/);
  });

  it('does time out when the server stalls in the middle of the body', async () => {
    server = await LocalServer.start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
    });
    const error = await failureOf(send({ method: 'POST', url: server.url, body: '{}', timeoutMs: 300 }));
    expect(error.kind).toBe('unknown_outcome');
  });
});
