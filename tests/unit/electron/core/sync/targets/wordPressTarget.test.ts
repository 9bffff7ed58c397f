import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { TargetError } from '../../../../../../electron/core/sync/types';
import { WRITE_FIELDS, WordPressTarget, asciiFileName, markerComment, rewriteMediaUrls, stripMarker } from '../../../../../../electron/core/sync/targets/WordPressTarget';
import { LocalServer, json, type RecordedRequest } from './localServer';
import { payloadOf } from './fixtures';

/** Where a create goes. */
const CREATE_URL = `/wp-json/wp/v2/posts?${WRITE_FIELDS}`;

type Route = (request: RecordedRequest, response: ServerResponse, body: Record<string, unknown>) => boolean | void;

/** A stand-in for the few wp/v2 routes the target uses, answering like WordPress 6.1 does. */
async function fakeWordPress(override?: Route) {
  const posts = new Map<number, Record<string, unknown>>();
  const terms = { categories: new Map<string, number>(), tags: new Map<string, number>() };
  let nextId = 100;
  const server = await LocalServer.start((request, response) => {
    const body = request.headers['content-type']?.includes('json') && request.body.length ? (JSON.parse(request.body.toString('utf8')) as Record<string, unknown>) : {};
    if (override && override(request, response, body)) return;
    const url = new URL(request.url, 'http://x');
    const path = url.pathname.replace('/wp-json/wp/v2', '');
    if (request.headers.authorization !== `Basic ${Buffer.from('editor:app pass').toString('base64')}`) {
      return json(response, 401, { code: 'rest_not_logged_in', message: 'You are not currently logged in.', data: { status: 401 } });
    }
    if (path === '/users/me') return json(response, 200, { name: 'Editor', roles: ['editor'], capabilities: { publish_posts: true, manage_categories: true } });
    if (path === '/media' && request.method === 'POST') {
      const id = nextId++;
      return json(response, 201, { id, source_url: `http://wp.test/wp-content/uploads/${id}.png` });
    }
    const taxonomy = path.slice(1) as 'categories' | 'tags';
    if ((taxonomy === 'categories' || taxonomy === 'tags') && request.method === 'POST') {
      const name = String(body.name);
      const existing = terms[taxonomy].get(name);
      if (existing) return json(response, 400, { code: 'term_exists', message: 'exists', data: { status: 400, term_id: existing } });
      const id = nextId++;
      terms[taxonomy].set(name, id);
      return json(response, 201, { id, name });
    }
    const echo = (id: number, stored: Record<string, unknown>) => ({
      id,
      slug: stored.slug,
      status: stored.status,
      link: `http://wp.test/?p=${id}`,
      modified_gmt: '2026-05-05T10:00:00',
      featured_media: stored.featured_media ?? 0,
      categories: stored.categories ?? [],
      tags: stored.tags ?? [],
      title: { raw: stored.title },
      content: { raw: stored.content },
    });
    if (path === '/posts' && request.method === 'POST') {
      const id = nextId++;
      posts.set(id, body);
      return json(response, 201, echo(id, body));
    }
    if (path === '/posts' && request.method === 'GET') {
      const slug = url.searchParams.get('slug');
      const search = url.searchParams.get('search');
      const found = [...posts.entries()].filter(([, post]) => (slug ? post.slug === slug : String(post.content).includes(search ?? '\u0000')));
      return json(response, 200, found.map(([id, post]) => echo(id, post)));
    }
    const match = path.match(/^\/posts\/(\d+)$/);
    if (match) {
      const id = Number(match[1]);
      const stored = posts.get(id);
      if (!stored) return json(response, 404, { code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } });
      if (request.method === 'POST') Object.assign(stored, body);
      if (request.method === 'DELETE') stored.status = 'trash';
      return json(response, 200, echo(id, stored));
    }
    json(response, 404, { code: 'rest_no_route', message: 'No route', data: { status: 404 } });
  });
  const target = new WordPressTarget({ url: `${server.url}/`, username: 'editor', applicationPassword: 'app pass', timeoutMs: 2000 });
  return { server, target, posts, terms };
}

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

async function publishWithMedia(target: WordPressTarget, payload = payloadOf()) {
  const uploaded = await target.uploadMedia(payload.media[0]!);
  const media = new Map([[payload.media[0]!.hash, uploaded]]);
  return { ref: await target.create(payload, media), uploaded, media, payload };
}

describe('WordPressTarget helpers', () => {
  it('does rewrite only known /media/<hash> URLs when it prepares the HTML', () => {
    const known = 'a'.repeat(64);
    const unknown = 'b'.repeat(64);
    const html = `<img src="/media/${known}"><img src="midad://app/media/${known}"><img src="/media/${unknown}">`;
    expect(rewriteMediaUrls(html, new Map([[known, { remoteId: '1', url: 'http://wp/x.png' }]]))).toBe(
      `<img src="http://wp/x.png"><img src="http://wp/x.png"><img src="/media/${unknown}">`,
    );
  });
  it('does make an ASCII file name when the image name is Arabic', () => {
    expect(asciiFileName({ hash: 'abcdef0123456789', mime: 'image/jpeg', name: 'صورة.jpg' })).toBe('midad-abcdef012345.jpg');
    expect(asciiFileName({ hash: 'abcdef0123456789', mime: 'image/png', name: 'Cover photo.PNG' })).toBe('Cover-photo-abcdef012345.png');
  });
  it('does remove exactly the marker when it strips the content', () => {
    const html = '<p>نص</p>';
    expect(stripMarker(`${html}\n${markerComment('m1')}`, 'm1')).toBe(html);
  });
});

describe('WordPressTarget', () => {
  it('does report the user, role and publishing right when the connection is tested', async () => {
    const wp = await fakeWordPress();
    server = wp.server;
    expect(await wp.target.test()).toEqual({ ok: true, user: 'Editor', role: 'editor', canPublish: true, warning: null });
    expect(wp.server.requests[0]!.url).toBe('/wp-json/wp/v2/users/me?context=edit');
  });

  it('does warn in both languages when the user is a contributor', async () => {
    const wp = await fakeWordPress((request, response) => {
      if (!request.url.startsWith('/wp-json/wp/v2/users/me')) return false;
      json(response, 200, { name: 'Contributor', roles: ['contributor'], capabilities: { publish_posts: false, edit_posts: true } });
      return true;
    });
    server = wp.server;
    const result = await wp.target.test();
    expect(result).toMatchObject({ ok: false, role: 'contributor', canPublish: false });
    expect(result.warning?.en).toMatch(/cannot publish/);
    expect(result.warning?.ar).toMatch(/لا يستطيع النشر/);
  });

  it('does upload media with an ASCII Content-Disposition when the image name is Arabic', async () => {
    const wp = await fakeWordPress();
    server = wp.server;
    const payload = payloadOf();
    const uploaded = await wp.target.uploadMedia(payload.media[0]!);
    expect(uploaded.url).toMatch(/^http:\/\/wp\.test\/wp-content\/uploads\/\d+\.png$/);
    const request = wp.server.requests[0]!;
    expect(request.headers['content-disposition']).toMatch(/^attachment; filename="[ -~]+\.png"$/);
    expect(request.headers['content-type']).toBe('image/png');
    expect(request.body).toEqual(payload.media[0]!.bytes());
    expect(new URL(request.url, 'http://x').searchParams.get('alt_text')).toBe('صورة');
  });

  it('does send the rewritten HTML, marker, slug, terms and featured image when it creates a post', async () => {
    const wp = await fakeWordPress();
    server = wp.server;
    const { ref, uploaded, payload } = await publishWithMedia(wp.target);
    const sent = wp.posts.get(Number(ref.remoteId))!;
    expect(sent.content).toBe(payload.html.replace(`/media/${payload.featuredMediaHash}`, uploaded.url) + `\n${markerComment(payload.marker)}`);
    expect(sent).toMatchObject({ title: payload.title, slug: payload.slug, status: 'publish', featured_media: Number(uploaded.remoteId), excerpt: payload.excerpt });
    expect(sent.categories).toEqual([wp.terms.categories.get('ثقافة')]);
    expect(sent.tags).toEqual(payload.tags.map((tag) => wp.terms.tags.get(tag)));
    expect(ref).toEqual({ remoteId: ref.remoteId, url: `http://wp.test/?p=${ref.remoteId}`, modifiedGmt: '2026-05-05T10:00:00' });
  });

  it('does reuse the term id when WordPress answers term_exists', async () => {
    const wp = await fakeWordPress();
    server = wp.server;
    wp.terms.categories.set('ثقافة', 42);
    const { ref } = await publishWithMedia(wp.target);
    expect(wp.posts.get(Number(ref.remoteId))!.categories).toEqual([42]);
    // a second article with the same section asks no more
    const before = wp.server.requests.length;
    await wp.target.create(payloadOf({ slug: 'second', marker: 'm2', featuredMediaHash: null }), new Map());
    expect(wp.server.requests.slice(before).map((request) => request.url)).toEqual([CREATE_URL]);
  });

  it('does send status future with date_gmt when the article is scheduled', async () => {
    const wp = await fakeWordPress();
    server = wp.server;
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const ref = await wp.target.create(payloadOf({ scheduledAt: at, featuredMediaHash: null }), new Map());
    expect(wp.posts.get(Number(ref.remoteId))).toMatchObject({ status: 'future', date_gmt: at.slice(0, 19) });
  });

  it('does fail permanently when WordPress silently drops the featured image', async () => {
    const wp = await fakeWordPress((request, response, body) => {
      if (request.method !== 'POST' || request.url !== CREATE_URL) return false;
      json(response, 201, { id: 9, status: 'publish', link: 'x', modified_gmt: 'x', featured_media: 0, categories: body.categories, tags: body.tags, title: {}, content: {} });
      return true;
    });
    server = wp.server;
    const error = await failureOf(publishWithMedia(wp.target));
    expect(error).toMatchObject({ kind: 'permanent', code: 'WP_FEATURED_MEDIA_DROPPED' });
  });

  it('does fail permanently with a readable reason when a contributor tries to publish', async () => {
    const wp = await fakeWordPress((request, response) => {
      if (request.url !== CREATE_URL) return false;
      json(response, 403, { code: 'rest_cannot_publish', message: 'Sorry, you are not allowed to publish posts as this user.', data: { status: 403 } });
      return true;
    });
    server = wp.server;
    const error = await failureOf(wp.target.create(payloadOf({ featuredMediaHash: null }), new Map()));
    expect(error).toMatchObject({ kind: 'permanent', code: 'WP_REST_CANNOT_PUBLISH', options: { status: 403 } });
    expect(error.messageAr).toMatch(/صلاحية نشر/);
  });

  it('does fail permanently when the application password is wrong', async () => {
    const wp = await fakeWordPress();
    server = wp.server;
    const wrong = new WordPressTarget({ url: wp.server.url, username: 'editor', applicationPassword: 'nope', timeoutMs: 2000 });
    const error = await failureOf(wrong.test());
    expect(error).toMatchObject({ kind: 'permanent', code: 'WP_REST_NOT_LOGGED_IN', options: { status: 401 } });
    expect(error.messageAr).toMatch(/كلمة مرور التطبيق/);
  });

  it('does fail permanently when the post to update no longer exists', async () => {
    const wp = await fakeWordPress();
    server = wp.server;
    const error = await failureOf(wp.target.update({ remoteId: '12345', url: null, modifiedGmt: null }, payloadOf({ featuredMediaHash: null }), new Map()));
    expect(error).toMatchObject({ kind: 'permanent', code: 'WP_REST_POST_INVALID_ID', options: { status: 404 } });
  });

  it('does fail permanently IMAGE_TOO_LARGE when the upload answers 413', async () => {
    const wp = await fakeWordPress((request, response) => {
      if (!request.url.startsWith('/wp-json/wp/v2/media')) return false;
      response.writeHead(413, { 'content-type': 'text/html' }).end('<html>Request Entity Too Large</html>');
      return true;
    });
    server = wp.server;
    expect(await failureOf(wp.target.uploadMedia(payloadOf().media[0]!))).toMatchObject({ kind: 'permanent', code: 'IMAGE_TOO_LARGE' });
  });

  it('does fail transient with Retry-After when WordPress answers 429 or 500', async () => {
    let status = 429;
    const wp = await fakeWordPress((request, response) => {
      if (request.url !== CREATE_URL) return false;
      json(response, status, { code: 'busy', message: 'busy' }, { 'retry-after': '5' });
      return true;
    });
    server = wp.server;
    const payload = payloadOf({ featuredMediaHash: null });
    expect(await failureOf(wp.target.create(payload, new Map()))).toMatchObject({ kind: 'transient', code: 'HTTP_429', options: { retryAfterMs: 5000 } });
    status = 500;
    expect(await failureOf(wp.target.create(payload, new Map()))).toMatchObject({ kind: 'transient', code: 'HTTP_500' });
  });

  it('does fail permanently NOT_JSON when WordPress answers an HTML page', async () => {
    const wp = await fakeWordPress((request, response) => {
      if (request.url !== CREATE_URL) return false;
      response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' }).end('<!DOCTYPE html><html><body>Maintenance</body></html>');
      return true;
    });
    server = wp.server;
    expect(await failureOf(wp.target.create(payloadOf({ featuredMediaHash: null }), new Map()))).toMatchObject({ kind: 'permanent', code: 'NOT_JSON' });
  });

  it('does fail permanently REDIRECTED, without following, when the site redirects a POST', async () => {
    const wp = await fakeWordPress((request, response) => {
      if (request.url !== CREATE_URL) return false;
      response.writeHead(301, { location: 'https://wp.test/wp-json/wp/v2/posts' }).end();
      return true;
    });
    server = wp.server;
    const error = await failureOf(wp.target.create(payloadOf({ featuredMediaHash: null }), new Map()));
    expect(error).toMatchObject({ kind: 'permanent', code: 'REDIRECTED', options: { status: 301 } });
    expect(error.message).toContain('https://wp.test/');
    expect(wp.server.requests.filter((request) => request.url === CREATE_URL)).toHaveLength(1);
  });

  it('does report an unknown outcome when the create times out after sending', async () => {
    const wp = await fakeWordPress((request) => request.url === CREATE_URL && request.method === 'POST');
    server = wp.server;
    const slow = new WordPressTarget({ url: wp.server.url, username: 'editor', applicationPassword: 'app pass', timeoutMs: 250 });
    expect(await failureOf(slow.create(payloadOf({ featuredMediaHash: null }), new Map()))).toMatchObject({ kind: 'unknown_outcome', code: 'TIMEOUT' });
  });

  it('does find the earlier post by slug and marker when a create is reconciled', async () => {
    const wp = await fakeWordPress();
    server = wp.server;
    const payload = payloadOf({ featuredMediaHash: null });
    expect(await wp.target.findExisting(payload)).toBeNull();
    const ref = await wp.target.create(payload, new Map());
    expect(await wp.target.findExisting(payload)).toEqual(ref);
    const lookup = new URL(wp.server.requests.at(-1)!.url, 'http://x');
    expect(lookup.searchParams.get('status')).toBe('any');
    expect(lookup.searchParams.get('context')).toBe('edit');
  });

  it('does find the post by its marker when the slug was changed on the site', async () => {
    const wp = await fakeWordPress();
    server = wp.server;
    const payload = payloadOf({ featuredMediaHash: null });
    const ref = await wp.target.create(payload, new Map());
    wp.posts.get(Number(ref.remoteId))!.slug = 'renamed-by-an-editor';
    expect(await wp.target.findExisting(payload)).toEqual(ref);
  });

  it('does ignore a post with the same slug when it lacks the marker', async () => {
    const wp = await fakeWordPress();
    server = wp.server;
    const payload = payloadOf({ featuredMediaHash: null });
    wp.posts.set(1, { slug: payload.slug, content: '<p>someone else</p>', status: 'publish', title: 'x' });
    expect(await wp.target.findExisting(payload)).toBeNull();
  });

  it('does return the content without the marker when it fetches, and null when the post is gone', async () => {
    const wp = await fakeWordPress();
    server = wp.server;
    const payload = payloadOf({ featuredMediaHash: null });
    const ref = await wp.target.create(payload, new Map());
    expect(await wp.target.fetch(ref)).toMatchObject({ remoteId: ref.remoteId, html: payload.html, title: payload.title, status: 'publish', modifiedGmt: '2026-05-05T10:00:00' });
    expect(await wp.target.fetch({ remoteId: '999999', url: null, modifiedGmt: null })).toBeNull();
  });

  it('does turn the post into a draft or trashes it when it unpublishes', async () => {
    const wp = await fakeWordPress();
    server = wp.server;
    const ref = await wp.target.create(payloadOf({ featuredMediaHash: null }), new Map());
    await wp.target.unpublish(ref, 'draft');
    expect(wp.posts.get(Number(ref.remoteId))!.status).toBe('draft');
    await wp.target.unpublish(ref, 'trash');
    expect(wp.posts.get(Number(ref.remoteId))!.status).toBe('trash');
    expect(wp.server.requests.at(-1)!.method).toBe('DELETE');
    await expect(wp.target.unpublish({ remoteId: '424242', url: null, modifiedGmt: null }, 'trash')).resolves.toBeUndefined();
  });
});
