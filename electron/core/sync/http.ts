/**
 * The one HTTP client the publishing targets share (WordPress, webhook): Node's fetch with a
 * time-out through AbortSignal, Retry-After parsing, JSON-or-HTML detection, and the mapping of
 * network failures onto `TargetError` kinds:
 *
 *   - the connection was never made (refused, DNS, unreachable)   → transient (nothing was sent)
 *   - time-out, reset or closed socket once the request was under way → unknown_outcome
 *     (the server may have acted on it), or transient for a request marked idempotent
 *   - 2xx whose body is not JSON where JSON was expected (an HTML error page from a proxy or a
 *     broken plugin) → permanent NOT_JSON
 *
 * Status codes are mapped by each target (their meaning differs), with the helpers below.
 */
import { TargetError } from './types';

/** A host or URL inside an Arabic sentence, isolated so it reads left to right (FSI … PDI). */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs: number;
  /**
   * True for requests that change nothing (GET) or may be repeated safely: a failure after
   * sending is then transient instead of unknown_outcome.
   */
  idempotent?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The body as text. */
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
  isJson: boolean;
  /** Looks like an HTML page (content type or a leading `<`). */
  isHtml: boolean;
  /** Retry-After in milliseconds (seconds or an HTTP date), when the server sent one. */
  retryAfterMs: number | undefined;
}

export type FetchLike = typeof fetch;

/** Error codes of a connection that was never established: nothing reached the server. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
]);

/** Parses a Retry-After header: delta seconds or an HTTP date. Null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Maps a thrown fetch/body-read failure onto a TargetError. */
export function networkError(error: unknown, request: Pick<HttpRequest, 'url' | 'timeoutMs' | 'idempotent'>): TargetError {
  if (error instanceof TargetError) return error;
  const host = hostOf(request.url);
  if (isTimeout(error)) {
    const seconds = Math.round(request.timeoutMs / 100) / 10;
    return new TargetError(
      request.idempotent ? 'transient' : 'unknown_outcome',
      'TIMEOUT',
      `${host} did not answer within ${seconds} s.`,
      `لم يُجب ${isolate(host)} خلال ${seconds} ثانية.`,
    );
  }
  const code = errorCode(error) ?? 'NETWORK';
  if (NOT_SENT_CODES.has(code)) {
    return new TargetError('transient', `NET_${code}`, `Cannot reach ${host} (${code}).`, `تعذّر الوصول إلى ${isolate(host)} (${code}).`);
  }
  return new TargetError(
    request.idempotent ? 'transient' : 'unknown_outcome',
    `NET_${code}`,
    `The connection to ${host} broke before an answer came (${code}); the request may have been received.`,
    `انقطع الاتصال بـ${isolate(host)} قبل وصول الرد (${code})؛ ربما وصل الطلب.`,
  );
}

/** Sends one request; throws a TargetError for network failures, returns every HTTP answer. */
export async function send(request: HttpRequest, fetchImpl: FetchLike = fetch): Promise<HttpResponse> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal,
      // A redirect is reported, not followed: fetch would turn a POST into a GET on a 301/302.
      redirect: 'manual',
    });
    // The same signal bounds reading the body: a server that stalls mid-answer times out too.
    text = await response.text();
  } catch (error) {
    throw networkError(error, request);
  }
  const contentType = response.headers.get('content-type') ?? '';
  const trimmed = text.trimStart();
  let json: unknown;
  let isJson = false;
  if (/json/i.test(contentType) || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      json = JSON.parse(text);
      isJson = true;
    } catch {
      isJson = false;
    }
  }
  const isHtml = !isJson && (/html/i.test(contentType) || trimmed.startsWith('<'));
  return {
    status: response.status,
    headers: response.headers,
    text,
    json,
    isJson,
    isHtml,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  };
}

/** A permanent NOT_JSON error for an answer that should have been JSON. */
export function notJsonError(response: HttpResponse, url: string): TargetError {
  const host = hostOf(url);
  const what = response.isHtml ? 'an HTML page' : 'something that is not JSON';
  const whatAr = response.isHtml ? 'صفحة HTML' : 'ردًّا ليس بصيغة JSON';
  return new TargetError(
    'permanent',
    'NOT_JSON',
    `${host} answered HTTP ${response.status} with ${what} where JSON was expected (a proxy, a login page or a broken plugin?).`,
    `أجاب ${isolate(host)} برمز HTTP ${response.status} و${whatAr} بدلًا من JSON (وسيط أو صفحة دخول أو إضافة معطوبة؟).`,
    { status: response.status },
  );
}

/** 429 and 5xx: transient, honouring Retry-After. */
export function transientStatusError(response: HttpResponse, url: string, detail = ''): TargetError {
  const host = hostOf(url);
  const busy = response.status === 429;
  const suffix = detail ? ` ${detail}` : '';
  return new TargetError(
    'transient',
    `HTTP_${response.status}`,
    busy ? `${host} asks to slow down (HTTP 429).${suffix}` : `${host} had a server error (HTTP ${response.status}).${suffix}`,
    busy ? `يطلب ${isolate(host)} الإبطاء (HTTP 429).` : `حدث خطأ في خادم ${isolate(host)} (HTTP ${response.status}).`,
    { status: response.status, ...(response.retryAfterMs !== undefined ? { retryAfterMs: response.retryAfterMs } : {}) },
  );
}

/** 3xx: the endpoint URL is not the site's final address (often http → https); permanent. */
export function redirectError(response: HttpResponse, url: string): TargetError {
  const location = response.headers.get('location') ?? '?';
  return new TargetError(
    'permanent',
    'REDIRECTED',
    `${hostOf(url)} answered with a redirect (HTTP ${response.status}) to ${location}: set the endpoint's URL to the final address (often https://).`,
    `أجاب ${isolate(hostOf(url))} بإعادة توجيه (HTTP ${response.status}) إلى ${isolate(location)}: اضبط عنوان الوجهة على العنوان النهائي (غالبًا https://).`,
    { status: response.status },
  );
}

/** A short, log-safe excerpt of an answer body (no secrets are ever in answers we read). */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
