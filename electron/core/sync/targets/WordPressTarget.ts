/**
 * WordPress through its REST API (wp/v2), authenticated with an Application Password (HTTP
 * Basic `user:application-password`). Written against what WordPress 6.1 actually answers:
 *
 * - Reconciliation marker (docs/publishing.md §WordPress): every post Midad makes carries
 *   (1) the payload's explicit, unique slug and (2) an invisible HTML comment
 *   `<!-- midad:MARKER -->` at the end of `content`. `findExisting` looks the slug up with
 *   `status=any&context=edit` (drafts and pending posts are only visible to an editor that way)
 *   and then, if the slug was changed on the server, searches the content for the marker; a
 *   post counts as ours only when its raw content holds the marker. `fetch` hands back the raw
 *   content without the marker, i.e. exactly the HTML that was sent.
 * - Media: `POST /media` with the raw bytes and an ASCII `Content-Disposition` file name
 *   (`filename*=` is refused with 400); alt text goes in the query string.
 * - `featured_media` and category/tag ids that WordPress does not know are dropped silently with
 *   a 200: the echo is checked and a mismatch is a permanent error.
 * - Sections become categories and tags tags, created when missing (`term_exists` carries the id).
 * - Scheduled articles go as `status: future` with `date_gmt`.
 */
import type { EndpointConfig, ConnectionTest, PayloadMedia, PublishPayload, PublishTarget, RemoteRef, RemoteState } from '../types';
import { TargetError } from '../types';
import { excerpt, notJsonError, redirectError, send, transientStatusError, type FetchLike, type HttpRequest, type HttpResponse } from '../http';

export interface WordPressTargetOptions {
  /** Site URL, e.g. https://news.example.org (the REST root is <url>/wp-json/). */
  url: string;
  username: string;
  applicationPassword: string;
  timeoutMs?: number;
  fetchImpl?: FetchLike;
  clock?: () => Date;
}

type MediaMap = ReadonlyMap<string, { remoteId: string; url: string }>;

interface WpPost {
  id: number;
  slug: string;
  status: string;
  link: string;
  modified_gmt: string;
  featured_media: number;
  categories?: number[];
  tags?: number[];
  title: { raw?: string; rendered?: string };
  content: { raw?: string; rendered?: string };
}

const MARKER_SAFE = /[^A-Za-z0-9_.:-]/g;

/** The invisible marker Midad appends to the content of every post it makes. */
export function markerComment(marker: string): string {
  return `<!-- midad:${marker.replace(MARKER_SAFE, '')} -->`;
}

/** Removes the marker comment (and the line break before it) from raw content. */
export function stripMarker(raw: string, marker: string): string {
  const comment = markerComment(marker);
  const at = raw.lastIndexOf(comment);
  if (at < 0) return raw;
  const before = raw.slice(0, at).replace(/\n$/, '');
  return before + raw.slice(at + comment.length);
}

/** Rewrites `/media/<sha256>` URLs (relative, or `midad://app/media/…`) to the uploaded URLs. */
export function rewriteMediaUrls(html: string, media: MediaMap): string {
  return html.replace(/(?:midad:\/\/app)?\/media\/([0-9a-f]{64})\b/g, (whole, hash: string) => media.get(hash)?.url ?? whole);
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/** An ASCII file name WordPress accepts (`filename*=` with UTF-8 is refused with a 400). */
export function asciiFileName(media: Pick<PayloadMedia, 'hash' | 'mime' | 'name'>): string {
  const ext = EXTENSIONS[media.mime] ?? (media.name.match(/\.([A-Za-z0-9]{1,5})$/)?.[1]?.toLowerCase() ?? 'bin');
  const stem = media.name
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${stem ? `${stem}-` : 'midad-'}${media.hash.slice(0, 12)}.${ext}`;
}

/**
 * The fields a create or an update needs back. `_fields` also spares WordPress rendering the
 * content through its filters for the answer (most of its work per post after the insert).
 */
export const WRITE_FIELDS = '_fields=id,slug,status,link,modified_gmt,featured_media,categories,tags';

/** WordPress expects `YYYY-MM-DDTHH:MM:SS` for date_gmt. */
function wpDate(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}

export class WordPressTarget implements PublishTarget {
  readonly kind = 'wordpress' as const;
  private readonly base: string;
  private readonly auth: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: FetchLike;
  private readonly clock: () => Date;
  /** Term ids by taxonomy and name: a category or tag is looked up or created once per target. */
  private readonly terms = new Map<string, Promise<number>>();

  constructor(options: WordPressTargetOptions) {
    this.base = `${options.url.replace(/\/+$/, '')}/wp-json/wp/v2`;
    this.auth = `Basic ${Buffer.from(`${options.username}:${options.applicationPassword}`, 'utf8').toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.clock = options.clock ?? (() => new Date());
  }

  /** From a stored endpoint and its secret (the application password). */
  static fromEndpoint(endpoint: Pick<EndpointConfig, 'url' | 'username' | 'timeoutMs'>, secret: string, fetchImpl?: FetchLike): WordPressTarget {
    return new WordPressTarget({
      url: endpoint.url,
      username: endpoint.username ?? '',
      applicationPassword: secret,
      timeoutMs: endpoint.timeoutMs,
      ...(fetchImpl ? { fetchImpl } : {}),
    });
  }

  // ---------------------------------------------------------------- requests

  private async request(
    method: HttpRequest['method'],
    path: string,
    options: { json?: unknown; body?: Buffer; headers?: Record<string, string>; idempotent?: boolean } = {},
  ): Promise<HttpResponse & { url: string }> {
    const url = `${this.base}${path}`;
    const headers: Record<string, string> = {
      authorization: this.auth,
      accept: 'application/json',
      'user-agent': 'Midad',
      ...options.headers,
    };
    let body: string | Buffer | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(options.json);
    } else if (options.body) {
      body = options.body;
    }
    const response = await send(
      { method, url, headers, ...(body !== undefined ? { body } : {}), timeoutMs: this.timeoutMs, idempotent: options.idempotent ?? method === 'GET' },
      this.fetchImpl,
    );
    return { ...response, url };
  }

  /** The JSON of a 2xx answer; any other answer becomes the matching TargetError. */
  private ok<T>(response: HttpResponse & { url: string }, what: { en: string; ar: string }): T {
    if (response.status >= 200 && response.status < 300) {
      if (!response.isJson) throw notJsonError(response, response.url);
      return response.json as T;
    }
    throw this.failure(response, what);
  }

  /** Maps a non-2xx WordPress answer onto a TargetError with a readable reason in both languages. */
  failure(response: HttpResponse & { url: string }, what: { en: string; ar: string }): TargetError {
    const status = response.status;
    if (status === 429 || status >= 500) return transientStatusError(response, response.url, `While ${what.en}.`);
    if (status >= 300 && status < 400) return redirectError(response, response.url);
    const body = response.isJson && response.json && typeof response.json === 'object' ? (response.json as { code?: unknown; message?: unknown }) : null;
    if (!body && status !== 413 && status !== 404) return notJsonError(response, response.url);
    const wpCode = typeof body?.code === 'string' ? body.code : null;
    const wpMessage = typeof body?.message === 'string' ? body.message : excerpt(response.text);
    const code = wpCode ? `WP_${wpCode.toUpperCase()}` : `HTTP_${status}`;
    const opts = { status };
    if (wpCode === 'rest_cannot_publish') {
      return new TargetError(
        'permanent',
        code,
        `This WordPress user may not publish posts (a contributor can only submit drafts for review): ${wpMessage}`,
        'لا يملك مستخدم ووردبريس هذا صلاحية نشر المقالات (المساهم يرسل مسودات للمراجعة فقط). استعمل حساب محرر أو مدير.',
        opts,
      );
    }
    if (status === 401) {
      return new TargetError(
        'permanent',
        code,
        `WordPress did not accept the user name or application password while ${what.en} (${wpMessage}).`,
        `لم يقبل ووردبريس اسم المستخدم أو كلمة مرور التطبيق أثناء ${what.ar}.`,
        opts,
      );
    }
    if (status === 403) {
      return new TargetError(
        'permanent',
        code,
        `WordPress refused ${what.en}: this user is not allowed to (${wpMessage}).`,
        `رفض ووردبريس ${what.ar}: لا يملك هذا المستخدم الصلاحية.`,
        opts,
      );
    }
    if (status === 404) {
      return new TargetError(
        'permanent',
        code === 'HTTP_404' ? 'HTTP_404' : code,
        `WordPress has no such item while ${what.en} (deleted on the site, or the REST API is off): ${wpMessage}`,
        `لم يجد ووردبريس العنصر أثناء ${what.ar} (حُذف من الموقع أو واجهة REST معطلة).`,
        opts,
      );
    }
    if (status === 413) {
      return new TargetError(
        'permanent',
        'IMAGE_TOO_LARGE',
        `WordPress refused the upload as too large (HTTP 413) while ${what.en}. Use a smaller image or raise the site's upload limit.`,
        `رفض ووردبريس الملف لأنه أكبر من المسموح (HTTP 413) أثناء ${what.ar}. استعمل صورة أصغر أو ارفع حد الرفع في الموقع.`,
        opts,
      );
    }
    if (status === 409) {
      return new TargetError('conflict', code, `WordPress reported a conflict while ${what.en}: ${wpMessage}`, `أبلغ ووردبريس عن تعارض أثناء ${what.ar}.`, opts);
    }
    return new TargetError(
      'permanent',
      code,
      `WordPress refused ${what.en} (HTTP ${status}): ${wpMessage}`,
      `رفض ووردبريس ${what.ar} (HTTP ${status}).`,
      opts,
    );
  }

  // ---------------------------------------------------------------- PublishTarget

  async test(): Promise<ConnectionTest> {
    const response = await this.request('GET', '/users/me?context=edit');
    const me = this.ok<{ name?: string; slug?: string; roles?: string[]; capabilities?: Record<string, boolean> }>(response, {
      en: 'checking the connection',
      ar: 'فحص الاتصال',
    });
    const role = me.roles?.[0] ?? null;
    const capabilities = me.capabilities ?? {};
    const canPublish = capabilities.publish_posts === true || (capabilities.publish_posts === undefined && (role === 'administrator' || role === 'editor' || role === 'author'));
    const canCreateTerms = capabilities.manage_categories === true;
    let warning: ConnectionTest['warning'] = null;
    if (!canPublish) {
      warning = {
        en: `The WordPress user "${me.name ?? me.slug ?? ''}" (${role ?? 'no role'}) cannot publish: WordPress will refuse every article (403 rest_cannot_publish). Use an editor's or administrator's application password.`,
        ar: `مستخدم ووردبريس «${me.name ?? me.slug ?? ''}» (${role ?? 'بلا دور'}) لا يستطيع النشر: سيرفض ووردبريس كل مقال (403 rest_cannot_publish). استعمل كلمة مرور تطبيق لمحرر أو مدير.`,
      };
    } else if (!canCreateTerms) {
      warning = {
        en: `The WordPress user "${me.name ?? ''}" (${role ?? ''}) can publish but cannot create categories: sections missing on the site will stop articles.`,
        ar: `يستطيع مستخدم ووردبريس «${me.name ?? ''}» النشر لكنه لا يستطيع إنشاء التصنيفات: ستتوقف المقالات التي أقسامها غير موجودة في الموقع.`,
      };
    }
    return { ok: canPublish, user: me.name ?? me.slug ?? null, role, canPublish, warning };
  }

  async uploadMedia(media: PayloadMedia): Promise<{ remoteId: string; url: string }> {
    const query = new URLSearchParams();
    if (media.alt) query.set('alt_text', media.alt);
    const response = await this.request('POST', `/media${query.size ? `?${query}` : ''}`, {
      body: media.bytes(),
      headers: {
        'content-type': media.mime,
        'content-disposition': `attachment; filename="${asciiFileName(media)}"`,
      },
    });
    const created = this.ok<{ id?: number; source_url?: string }>(response, { en: 'uploading an image', ar: 'رفع صورة' });
    if (typeof created.id !== 'number' || typeof created.source_url !== 'string') throw notJsonError(response, response.url);
    return { remoteId: String(created.id), url: created.source_url };
  }

  /** The id of a category or tag by name, created when missing (`term_exists` carries the id). */
  private term(taxonomy: 'categories' | 'tags', name: string): Promise<number> {
    const key = `${taxonomy}\u0000${name}`;
    let pending = this.terms.get(key);
    if (!pending) {
      pending = this.ensureTerm(taxonomy, name);
      this.terms.set(key, pending);
      pending.catch(() => this.terms.delete(key));
    }
    return pending;
  }

  private async ensureTerm(taxonomy: 'categories' | 'tags', name: string): Promise<number> {
    const what = taxonomy === 'categories' ? { en: `creating the category "${name}"`, ar: `إنشاء التصنيف «${name}»` } : { en: `creating the tag "${name}"`, ar: `إنشاء الوسم «${name}»` };
    // Creating is idempotent here: a second create answers 400 term_exists with the id.
    const response = await this.request('POST', `/${taxonomy}`, { json: { name }, idempotent: true });
    if (response.status === 400 && response.isJson) {
      const body = response.json as { code?: string; data?: { term_id?: number } };
      if (body.code === 'term_exists' && typeof body.data?.term_id === 'number') return body.data.term_id;
    }
    if (response.status === 403) {
      // May not create terms: an existing one with exactly this name is still usable.
      const found = await this.request('GET', `/${taxonomy}?search=${encodeURIComponent(name)}&per_page=100&context=view`);
      const list = this.ok<Array<{ id: number; name: string }>>(found, what);
      const decode = (s: string) => s.replace(/&amp;/g, '&');
      const match = list.find((term) => decode(term.name) === name);
      if (match) return match.id;
    }
    const created = this.ok<{ id?: number }>(response, what);
    if (typeof created.id !== 'number') throw notJsonError(response, response.url);
    return created.id;
  }

  private async postBody(payload: PublishPayload, media: MediaMap): Promise<Record<string, unknown>> {
    const [categories, tags] = await Promise.all([
      Promise.all((payload.section.trim() ? [payload.section.trim()] : []).map((name) => this.term('categories', name))),
      Promise.all([...new Set(payload.tags.map((tag) => tag.trim()).filter(Boolean))].map((name) => this.term('tags', name))),
    ]);
    const body: Record<string, unknown> = {
      title: payload.title,
      content: `${rewriteMediaUrls(payload.html, media)}\n${markerComment(payload.marker)}`,
      excerpt: payload.excerpt,
      slug: payload.slug,
      tags,
    };
    if (categories.length) body.categories = categories;
    const scheduled = payload.scheduledAt ? Date.parse(payload.scheduledAt) : NaN;
    if (!Number.isNaN(scheduled) && scheduled > this.clock().getTime()) {
      body.status = 'future';
      body.date_gmt = wpDate(payload.scheduledAt!);
    } else {
      body.status = 'publish';
    }
    if (payload.featuredMediaHash) {
      const featured = media.get(payload.featuredMediaHash);
      if (!featured) {
        throw new TargetError(
          'permanent',
          'FEATURED_MEDIA_MISSING',
          'The featured image was not uploaded before the post.',
          'لم تُرفع الصورة البارزة قبل المقال.',
        );
      }
      body.featured_media = Number(featured.remoteId);
    } else {
      body.featured_media = 0;
    }
    return body;
  }

  /** WordPress drops unknown featured_media and term ids with a 200: check what it echoed. */
  private checkEcho(post: WpPost, sent: Record<string, unknown>): void {
    if (typeof sent.featured_media === 'number' && post.featured_media !== sent.featured_media) {
      throw new TargetError(
        'permanent',
        'WP_FEATURED_MEDIA_DROPPED',
        `WordPress saved post ${post.id} without its featured image (media ${String(sent.featured_media)} was dropped).`,
        `حفظ ووردبريس المقال ${post.id} دون صورته البارزة (أُسقطت الصورة ${String(sent.featured_media)}).`,
      );
    }
    for (const key of ['categories', 'tags'] as const) {
      const wanted = sent[key] as number[] | undefined;
      const got = new Set(post[key] ?? []);
      if (wanted && post[key] && wanted.some((id) => !got.has(id))) {
        throw new TargetError(
          'permanent',
          `WP_${key.toUpperCase()}_DROPPED`,
          `WordPress saved post ${post.id} without some of its ${key}.`,
          key === 'categories' ? `حفظ ووردبريس المقال ${post.id} دون بعض تصنيفاته.` : `حفظ ووردبريس المقال ${post.id} دون بعض وسومه.`,
        );
      }
    }
  }

  private ref(post: WpPost): RemoteRef {
    return { remoteId: String(post.id), url: post.link ?? null, modifiedGmt: post.modified_gmt ?? null };
  }

  async create(payload: PublishPayload, media: MediaMap): Promise<RemoteRef> {
    const body = await this.postBody(payload, media);
    const response = await this.request('POST', `/posts?${WRITE_FIELDS}`, { json: body });
    const post = this.ok<WpPost>(response, { en: 'creating the post', ar: 'إنشاء المقال' });
    this.checkEcho(post, body);
    return this.ref(post);
  }

  async findExisting(payload: PublishPayload): Promise<RemoteRef | null> {
    const comment = markerComment(payload.marker);
    const what = { en: 'looking for an earlier copy of the post', ar: 'البحث عن نسخة سابقة من المقال' };
    const ours = (posts: WpPost[]) =>
      posts.filter((post) => (post.content?.raw ?? '').includes(comment)).sort((a, b) => a.id - b.id)[0] ?? null;
    const bySlug = await this.request('GET', `/posts?slug=${encodeURIComponent(payload.slug)}&status=any&context=edit&per_page=20`);
    const found = ours(this.ok<WpPost[]>(bySlug, what));
    if (found) return this.ref(found);
    // The slug may have been changed on the site: the marker in the content still finds it.
    const bySearch = await this.request(
      'GET',
      `/posts?search=${encodeURIComponent(`midad:${payload.marker.replace(MARKER_SAFE, '')}`)}&status=any&context=edit&per_page=20`,
    );
    const searched = ours(this.ok<WpPost[]>(bySearch, what));
    return searched ? this.ref(searched) : null;
  }

  async fetch(ref: RemoteRef): Promise<RemoteState | null> {
    const response = await this.request('GET', `/posts/${encodeURIComponent(ref.remoteId)}?context=edit`);
    if (response.status === 404 || response.status === 410) return null;
    const post = this.ok<WpPost>(response, { en: 'reading the post', ar: 'قراءة المقال' });
    const raw = post.content?.raw ?? post.content?.rendered ?? '';
    const marker = raw.match(/<!-- midad:([A-Za-z0-9_.:-]+) -->/)?.[1];
    return {
      ...this.ref(post),
      title: post.title?.raw ?? post.title?.rendered ?? '',
      html: marker ? stripMarker(raw, marker) : raw,
      status: post.status,
    };
  }

  async update(ref: RemoteRef, payload: PublishPayload, media: MediaMap): Promise<RemoteRef> {
    const body = await this.postBody(payload, media);
    // Not marked idempotent: an update that may have landed must be told apart from an edit on the
    // site (unknown_outcome lets the engine compare the post with what it sent).
    const response = await this.request('POST', `/posts/${encodeURIComponent(ref.remoteId)}?${WRITE_FIELDS}`, { json: body });
    const post = this.ok<WpPost>(response, { en: 'updating the post', ar: 'تحديث المقال' });
    this.checkEcho(post, body);
    return this.ref(post);
  }

  async unpublish(ref: RemoteRef, mode: 'draft' | 'trash'): Promise<void> {
    const id = encodeURIComponent(ref.remoteId);
    const response =
      mode === 'trash'
        ? await this.request('DELETE', `/posts/${id}`, { idempotent: true })
        : await this.request('POST', `/posts/${id}`, { json: { status: 'draft' }, idempotent: true });
    // Already gone (404) or already in the trash (410 rest_already_trashed): the goal is reached.
    if (response.status === 404 || response.status === 410) return;
    this.ok<WpPost>(response, { en: mode === 'trash' ? 'moving the post to the trash' : 'turning the post back into a draft', ar: mode === 'trash' ? 'نقل المقال إلى سلة المهملات' : 'إعادة المقال إلى مسودة' });
  }
}
