import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import { FileSecretStore } from '../../../../../electron/core/secrets/FileSecretStore';
import { signInAs, tempDir } from '../../../../support/tempCore';
import { readDb, syncWorld } from './syncFixture';

const SECRET = 'abcd EFGH ijkl MNOP qrst UVWX';

describe('EndpointService and the sync channels', () => {
  it('does keep the secret only in the secret store: hasSecret in summaries, nothing in SQLite or the audit log', async () => {
    const world = await syncWorld();
    const saved = await world.call<{ id: string; hasSecret: boolean; url: string }>('endpoints.save', {
      kind: 'wordpress',
      name: 'الموقع الرئيسي',
      url: 'https://news.example.org/',
      username: 'desk',
      enabled: true,
      secret: SECRET,
    });
    expect(saved).toMatchObject({ hasSecret: true, url: 'https://news.example.org' });
    expect(world.secrets.get(saved.id)).toBe(SECRET);
    const dump = readDb(world.dataDir, (db) => JSON.stringify([db.prepare('SELECT * FROM endpoints').all(), db.prepare('SELECT * FROM audit').all()]));
    expect(dump).not.toContain('EFGH');
    expect(dump).toContain('endpoint.add');
    const list = await world.call<{ name: string; hasSecret: boolean }[]>('endpoints.list', {});
    expect(JSON.stringify(list)).not.toContain('EFGH');

    // Saving without a secret keeps the stored one.
    await world.call('endpoints.save', { id: saved.id, kind: 'wordpress', name: 'الموقع الرئيسي', url: 'https://news.example.org', username: 'desk', enabled: false });
    expect(world.secrets.get(saved.id)).toBe(SECRET);
    await world.call('endpoints.remove', { id: saved.id });
    expect(world.secrets.get(saved.id)).toBeNull();
  });

  it('does save no endpoint when its secret cannot be stored (no OS keychain), saying so in both languages', async () => {
    const world = await syncWorld();
    world.secrets.set = () => {
      throw new Error('The system keychain is not available.');
    };
    const result = await dispatch(world.core, 'endpoints.save', { kind: 'webhook', name: 'بلا سلسلة مفاتيح', url: 'https://hook.example', enabled: true, secret: 'x' }, world.ctx);
    expect(result.ok ? null : result.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('keychain'), messageAr: expect.stringContaining('سطر الأوامر') });
    expect(await world.call('endpoints.list', {})).toEqual([]);
  });

  it('does refuse a duplicate name, a URL with credentials, and a WordPress endpoint without a user', async () => {
    const world = await syncWorld();
    await world.addEndpoint('الموقع');
    const error = async (payload: Record<string, unknown>) => {
      const result = await dispatch(world.core, 'endpoints.save', { kind: 'wordpress', name: 'آخر', url: 'https://a.example', username: 'u', enabled: true, secret: 'x', ...payload }, world.ctx);
      return result.ok ? null : result.error.code;
    };
    expect(await error({ name: 'الموقع' })).toBe('VALIDATION');
    expect(await error({ url: 'https://user:pass@a.example' })).toBe('VALIDATION');
    expect(await error({ username: undefined })).toBe('VALIDATION');
    expect(await error({ url: 'ftp://a.example' })).toBe('VALIDATION');
  });

  it('does test the connection through the target and answer a failure as {ok:false, error} in both languages', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    expect(await world.call('endpoints.test', { id: wp.id })).toMatchObject({ ok: true, user: 'memory', error: null });
    wp.server.failNext('test', { kind: 'permanent', code: 'HTTP_401' });
    const failed = await world.call<{ ok: boolean; error: { code: string; messageAr: string } }>('endpoints.test', { id: wp.id });
    expect(failed).toMatchObject({ ok: false, error: { code: 'HTTP_401' } });
    expect(failed.error.messageAr).toBeTruthy();
    world.secrets.delete(wp.id);
    expect(await world.call('endpoints.test', { id: wp.id })).toMatchObject({ ok: false, error: { code: 'NO_SECRET' } });
  });

  it('does show the outbox to reviewers and admins and refuse editors with FORBIDDEN; endpoints are admin-only', async () => {
    const world = await syncWorld();
    await world.addEndpoint('الموقع');
    const article = await world.approvedArticle();
    const { ctx: editor } = await signInAs(world.core, 'سارة المحررة', 'editor');
    const asEditor = await dispatch(world.core, 'sync.outbox', {}, editor);
    expect(asEditor.ok ? null : asEditor.error.code).toBe('FORBIDDEN');
    const endpointsAsEditor = await dispatch(world.core, 'endpoints.list', {}, editor);
    expect(endpointsAsEditor.ok ? null : endpointsAsEditor.error.code).toBe('FORBIDDEN');
    expect((await dispatch(world.core, 'sync.article', { articleId: article.id }, editor)).ok).toBe(true);
    expect((await dispatch(world.core, 'sync.status', {}, editor)).ok).toBe(true);
    const { ctx: reviewer } = await signInAs(world.core, 'يوسف المدقق', 'reviewer');
    const outbox = await dispatch(world.core, 'sync.outbox', { state: 'queued' }, reviewer);
    expect(outbox.ok && (outbox.value as { total: number }).total).toBe(1);
  });

  it('does retry a failed item now and cancel a waiting one', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    wp.server.failNext('create', { kind: 'permanent' });
    const article = await world.approvedArticle();
    await world.core.open.outbox.runOnce();
    const key = { articleId: article.id, endpointId: wp.id };
    expect((await world.call<{ state: string }[]>('sync.article', { articleId: article.id }))[0]!.state).toBe('failed');
    expect(await world.call('sync.retry', key)).toMatchObject({ state: 'queued', lastError: null });
    expect(await world.call('sync.cancel', key)).toMatchObject({ state: 'cancelled' });
    expect((await world.core.open.outbox.runOnce()).processed).toBe(0);
    expect(await world.call('sync.retry', key)).toMatchObject({ state: 'queued' });
    await world.core.open.outbox.runOnce();
    expect(await world.call('sync.status', {})).toEqual({ online: true, queued: 0, sending: 0, failed: 0, conflicts: 0 });
    const items = await world.call<{ state: string; remoteUrl: string; attempts: number }[]>('sync.article', { articleId: article.id });
    expect(items[0]).toMatchObject({ state: 'published', remoteUrl: expect.stringMatching(/^https:\/\/memory\.example\//), attempts: 2 });
  });
});

describe('FileSecretStore', () => {
  it('does encrypt secrets in secrets.json with a 0600 key file made on first use, readable by a new store', () => {
    const dir = tempDir();
    const store = new FileSecretStore(dir, {});
    expect(store.get('a')).toBeNull();
    store.set('a', SECRET);
    store.set('b', 'كلمة سر');
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain('EFGH');
    expect(statSync(join(dir, 'secrets.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    const again = new FileSecretStore(dir, {});
    expect(again.get('a')).toBe(SECRET);
    expect(again.get('b')).toBe('كلمة سر');
    again.delete('a');
    expect(new FileSecretStore(dir, {}).get('a')).toBeNull();
  });

  it('does use MIDAD_SECRET_KEY when set, and answers null (not garbage) with another key', () => {
    const dir = tempDir();
    const key = Buffer.alloc(32, 7).toString('base64');
    new FileSecretStore(dir, { MIDAD_SECRET_KEY: key }).set('a', SECRET);
    expect(new FileSecretStore(dir, { MIDAD_SECRET_KEY: key }).get('a')).toBe(SECRET);
    expect(new FileSecretStore(dir, { MIDAD_SECRET_KEY: Buffer.alloc(32, 8).toString('base64') }).get('a')).toBeNull();
    expect(() => new FileSecretStore(dir, { MIDAD_SECRET_KEY: 'c2hvcnQ=' }).set('a', 'x')).toThrow(/32 bytes/);
  });
});

describe('endpoint URLs', () => {
  it('does refuse plain http to another machine, where the password would travel unencrypted, and allow it on loopback', async () => {
    const { checkEndpointUrl } = await import('../../../../../electron/core/services/EndpointService');
    expect(() => checkEndpointUrl('http://news.example.org')).toThrow(/https:\/\//);
    expect(checkEndpointUrl('https://news.example.org/')).toBe('https://news.example.org');
    expect(checkEndpointUrl('http://127.0.0.1:8089')).toBe('http://127.0.0.1:8089');
    expect(checkEndpointUrl('http://localhost:8089')).toBe('http://localhost:8089');
  });
});

describe('retries while offline', () => {
  it('does never wait more than a minute between tries while the site is unreachable, however long it has been', async () => {
    const { syncWorld } = await import('./syncFixture');
    const world = await syncWorld({ random: () => 0.99 });
    const wp = await world.addEndpoint('الموقع', 'wordpress', { concurrency: 1 });
    wp.server.offline = true;
    const article = await world.approvedArticle({ title: 'بلا شبكة' });
    for (let attempt = 0; attempt < 12; attempt += 1) {
      await world.core.open.outbox.runOnce();
      const row = world.row(article.id, wp.id);
      const wait = Date.parse(row.next_attempt_at!) - world.clock.now.getTime();
      expect(wait).toBeLessThanOrEqual(60_000);
      world.clock.advance(wait);
    }
    expect(world.row(article.id, wp.id).attempts).toBe(12);
  });
});
