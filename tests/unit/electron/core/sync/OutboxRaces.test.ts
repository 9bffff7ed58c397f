import { describe, expect, it } from 'vitest';
import type { Article } from '../../../../../shared/domain/article';
import type { MemoryOperation, MemoryServer } from '../../../../../electron/core/sync/targets/MemoryTarget';
import { syncWorld, type SyncWorld } from './syncFixture';

/** An article that arrives approved without the desk's workflow (what an importer does). */
async function importedApproved(world: SyncWorld, title: string): Promise<Article> {
  const created = await world.call<Article>('articles.create', { fields: { title } });
  world.core.open.db.prepare(`UPDATE articles SET status = 'approved' WHERE id = ?`).run(created.id);
  return created;
}

/** Holds the server's next `operation` call until `release()`: the request stays in flight meanwhile. */
function gate(server: MemoryServer, operation: MemoryOperation): { entered: Promise<void>; release(): void } {
  let release!: () => void;
  let entered!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (entered = resolve));
  const serve = server.serve.bind(server);
  let used = false;
  server.serve = async <T>(op: MemoryOperation, work: () => T): Promise<T> => {
    if (op === operation && !used) {
      used = true;
      entered();
      await opened;
    }
    return serve(op, work);
  };
  return { entered: reached, release };
}

describe('OutboxService.queueImported', () => {
  it('does send an imported approved article on the next run', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    const article = await importedApproved(world, 'مقال مستورد');
    world.core.open.outbox.queueImported(article.id, { publishedElsewhere: false });
    expect(world.row(article.id, wp.id)).toMatchObject({ operation: 'publish', state: 'queued' });

    const summary = await world.core.open.outbox.runOnce();
    expect(summary.published).toBe(1);
    expect(wp.server.posts.size).toBe(1);
    expect(world.row(article.id, wp.id).state).toBe('published');
  });

  it('does never send an imported article that was already published elsewhere', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    const article = await importedApproved(world, 'منشور في مكان آخر');
    world.core.open.outbox.queueImported(article.id, { publishedElsewhere: true });
    expect(world.row(article.id, wp.id)).toBeUndefined();

    expect((await world.core.open.outbox.runOnce()).processed).toBe(0);
    world.clock.advance(24 * 60 * 60_000);
    expect((await world.core.open.outbox.runOnce()).processed).toBe(0);
    expect(wp.server.calls.create).toBe(0);
    expect(wp.server.posts.size).toBe(0);
  });
});

describe('SyncEngine: a kill while a create is in flight', () => {
  it('does keep the row queued as an unpublish when the create then fails permanently', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    const held = gate(wp.server, 'create');
    wp.server.failNext('create', { kind: 'permanent', code: 'WP_REST_CANNOT_PUBLISH' });
    const article = await world.approvedArticle();

    const run = world.core.open.outbox.runOnce();
    await held.entered;
    expect(world.row(article.id, wp.id)).toMatchObject({ operation: 'publish', state: 'sending' });
    // Marked published by hand (an admin may), then killed: the kill meets the create in flight.
    await world.call('workflow.act', { id: article.id, action: 'publish' });
    await world.call('workflow.act', { id: article.id, action: 'kill' });
    expect(world.row(article.id, wp.id)).toMatchObject({ operation: 'unpublish', state: 'queued' });
    held.release();
    await run;

    // The create's failure is not recorded over the unpublish.
    expect(world.row(article.id, wp.id)).toMatchObject({ operation: 'unpublish', state: 'queued', last_error_code: null });
    expect(wp.server.posts.size).toBe(0);

    await world.core.open.outbox.runOnce();
    expect(world.row(article.id, wp.id)).toMatchObject({ operation: 'unpublish', state: 'unpublished', last_error_code: null });
    expect(wp.server.calls.create).toBe(1);
  });
});
