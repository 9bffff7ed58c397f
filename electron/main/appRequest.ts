import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { MEDIA_PATH_PREFIX } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

/** The app's own origin: the renderer, its assets and stored media are all served from here. */
export const APP_SCHEME = 'midad';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Sent with every response of the app protocol, errors included (one policy for the app and the harness). */
export { CONTENT_SECURITY_POLICY };

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

const MEDIA_HASH = /^[0-9a-f]{64}$/;

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

export interface AppRequestSources {
  /** dist/renderer: the built renderer (index.html and assets). */
  rendererDir: string;
  /** Stored media by content hash; null answers 404. `Core.readMedia` in the app. */
  readMedia: (hash: string) => { mime: string; bytes: Buffer } | null;
}

function respond(status: number, body: Buffer | null, contentType: string, extra: Record<string, string> = {}): AppResponse {
  return {
    status,
    body,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Referrer-Policy': 'no-referrer',
      ...extra,
    },
  };
}

function plain(status: number, text: string): AppResponse {
  return respond(status, Buffer.from(text, 'utf8'), 'text/plain; charset=utf-8', { 'Cache-Control': 'no-store' });
}

/**
 * Maps a decoded URL path to a file inside `rootDir`, or null when it would leave it: `..`
 * segments (also percent-encoded ones), backslashes, NUL bytes and symlinks pointing outside
 * are all refused. The returned path is a regular file.
 */
export function resolveInside(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  let realRoot: string;
  try {
    realRoot = realpathSync(rootDir);
  } catch {
    return null;
  }
  const candidate = resolve(realRoot, relative);
  if (!candidate.startsWith(realRoot + sep)) return null;
  try {
    const real = realpathSync(candidate);
    if (!real.startsWith(realRoot + sep)) return null;
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * Answers one request to `midad://app/…`: `/media/<sha256>` from the core's media store,
 * anything else from the built renderer. Pure Node so it is tested without Electron; the
 * protocol glue only turns the answer into a `Response`.
 */
export function resolveAppRequest(url: string, method: string, sources: AppRequestSources): AppResponse {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return plain(400, 'Bad request');
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return plain(404, 'Not found');
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed');

  if (parsed.pathname.startsWith(MEDIA_PATH_PREFIX)) {
    const hash = parsed.pathname.slice(MEDIA_PATH_PREFIX.length);
    if (!MEDIA_HASH.test(hash)) return plain(404, 'Not found');
    const media = sources.readMedia(hash);
    if (!media) return plain(404, 'Not found');
    // Content-addressed: the bytes behind a hash never change.
    return respond(200, media.bytes, media.mime, { 'Cache-Control': 'private, max-age=31536000, immutable' });
  }

  const file = resolveInside(sources.rendererDir, parsed.pathname);
  if (!file) return plain(404, 'Not found');
  const contentType = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return plain(404, 'Not found');
  }
  return respond(200, bytes, contentType, { 'Cache-Control': 'no-cache' });
}
