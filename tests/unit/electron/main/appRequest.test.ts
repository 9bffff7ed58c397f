import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveAppRequest, type AppRequestSources } from '../../../../electron/main/appRequest';

const HASH = 'a'.repeat(64);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/** A built renderer next to files it must never serve. */
function fixture(): AppRequestSources & { requests: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'midad-protocol-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html dir="rtl"><title>مداد</title></html>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'noto.woff2'), 'font');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  writeFileSync(join(root, 'midad.sqlite'), 'database');
  symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'escape.txt'));
  const requests: string[] = [];
  return {
    rendererDir,
    requests,
    readMedia: (hash) => {
      requests.push(hash);
      return hash === HASH ? { mime: 'image/png', bytes: PNG } : null;
    },
  };
}

const get = (sources: AppRequestSources, url: string) => resolveAppRequest(url, 'GET', sources);

describe('resolveAppRequest', () => {
  it('does serve index.html for the app root and its assets with their types', () => {
    const sources = fixture();
    const root = get(sources, 'midad://app/');
    expect(root.status).toBe(200);
    expect(root.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(root.body?.toString()).toContain('مداد');
    expect(get(sources, 'midad://app/index.html').status).toBe(200);
    const script = get(sources, 'midad://app/assets/index-abc.js');
    expect(script.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(get(sources, 'midad://app/assets/noto.woff2').headers['Content-Type']).toBe('font/woff2');
  });

  it('does refuse every path that leaves the renderer directory', () => {
    const sources = fixture();
    for (const url of [
      'midad://app/../secret.txt',
      'midad://app/assets/../../secret.txt',
      'midad://app/%2e%2e/secret.txt',
      'midad://app/assets/..%2f..%2fsecret.txt',
      'midad://app/assets/%2e%2e%2f%2e%2e%2fmidad.sqlite',
      'midad://app/..%5csecret.txt',
      'midad://app/index.html%00.png',
      'midad://app/escape.txt',
      'midad://app/%E0%A4%A',
    ]) {
      const answer = get(sources, url);
      expect(answer.status, url).toBe(404);
      expect(answer.body?.toString() ?? '', url).not.toContain('outside the renderer');
      expect(answer.body?.toString() ?? '', url).not.toContain('database');
    }
  });

  it('does answer 404 for a missing file, a directory and another host', () => {
    const sources = fixture();
    expect(get(sources, 'midad://app/missing.js').status).toBe(404);
    expect(get(sources, 'midad://app/assets/').status).toBe(404);
    expect(get(sources, 'midad://evil/index.html').status).toBe(404);
  });

  it('does serve stored media by hash and 404 an unknown or malformed hash without asking the core', () => {
    const sources = fixture();
    const media = get(sources, `midad://app/media/${HASH}`);
    expect(media.status).toBe(200);
    expect(media.headers['Content-Type']).toBe('image/png');
    expect(media.body?.equals(PNG)).toBe(true);
    expect(get(sources, `midad://app/media/${'b'.repeat(64)}`).status).toBe(404);
    expect(get(sources, 'midad://app/media/..%2fmidad.sqlite').status).toBe(404);
    expect(get(sources, `midad://app/media/${HASH.toUpperCase()}`).status).toBe(404);
    expect(sources.requests).toEqual([HASH, 'b'.repeat(64)]);
  });

  it('does refuse methods other than GET and HEAD', () => {
    const sources = fixture();
    expect(resolveAppRequest('midad://app/index.html', 'POST', sources).status).toBe(405);
    expect(resolveAppRequest('midad://app/index.html', 'HEAD', sources).status).toBe(200);
  });

  it('does send the strict Content-Security-Policy with every answer, errors included', () => {
    const sources = fixture();
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    for (const url of ['midad://app/', `midad://app/media/${HASH}`, 'midad://app/missing', 'midad://app/../secret.txt', 'nonsense']) {
      const answer = get(sources, url);
      expect(answer.headers['Content-Security-Policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers['X-Content-Type-Options'], url).toBe('nosniff');
    }
  });
});
