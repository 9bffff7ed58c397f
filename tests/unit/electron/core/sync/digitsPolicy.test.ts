import { describe, expect, it } from 'vitest';
import type { Article } from '../../../../../shared/domain/article';
import type { DocNode } from '../../../../../shared/editor/docSchema';
import { buildPayload } from '../../../../../electron/core/sync/payload';
import { syncWorld, type SyncWorld } from './syncFixture';

const SECOND = 1000;
const TITLE = 'الحكومة تخصص ٢٫٥ مليار درهم لدعم 1200 قرية';
const EXCERPT = 'البرنامج يمتد حتى ٢٠٣٠ ويشمل 12 جهة.';
/** Typed with both kinds of digits; the link and the inline code keep theirs whatever the policy. */
const BODY: DocNode = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      attrs: { dir: 'rtl' },
      content: [
        { type: 'text', text: 'أعلن الوزير في ١٥ غشت 2026 عن ' },
        { type: 'text', text: 'البلاغ رقم 42', marks: [{ type: 'link', attrs: { href: 'https://news.example/2026/08/15/42' } }] },
        { type: 'text', text: ' والرمز ' },
        { type: 'text', text: 'v2.1', marks: [{ type: 'code' }] },
        { type: 'text', text: '.' },
      ],
    },
  ],
};

async function published(world: SyncWorld) {
  const article = await world.approvedArticle({ title: TITLE, excerpt: EXCERPT, body: BODY });
  return { article, payload: buildPayload(world.core.open.db, world.core.open.media, article.id, null, world.clock.now).payload };
}

describe('digits policy in what is published', () => {
  it('does send Western digits under the default policy, keeping link targets and code as typed', async () => {
    const world = await syncWorld();
    const { article, payload } = await published(world);
    expect(payload.title).toBe('الحكومة تخصص 2.5 مليار درهم لدعم 1200 قرية');
    expect(payload.excerpt).toBe('البرنامج يمتد حتى 2030 ويشمل 12 جهة.');
    expect(payload.html).toBe(
      '<p dir="rtl">أعلن الوزير في 15 غشت 2026 عن <a href="https://news.example/2026/08/15/42" rel="noopener noreferrer nofollow">البلاغ رقم 42</a> والرمز <code>v2.1</code>.</p>',
    );
    // The article itself keeps what the writer typed.
    const stored = await world.call<Article & { body: DocNode }>('articles.get', { id: article.id });
    expect(stored.title).toBe(TITLE);
    expect(stored.body.content![0]!.content![0]!.text).toBe('أعلن الوزير في ١٥ غشت 2026 عن ');
  });

  it('does send Arabic-Indic digits when the newsroom chooses them, to WordPress as to the payload', async () => {
    const world = await syncWorld();
    await world.call('settings.update', { digits: 'arabic-indic' });
    const wp = await world.addEndpoint('الموقع');
    const { payload } = await published(world);
    expect(payload.title).toBe('الحكومة تخصص ٢٫٥ مليار درهم لدعم ١٢٠٠ قرية');
    expect(payload.excerpt).toBe('البرنامج يمتد حتى ٢٠٣٠ ويشمل ١٢ جهة.');
    await world.core.open.outbox.runOnce();
    const post = [...wp.server.posts.values()][0]!;
    expect(post.title).toBe(payload.title);
    expect(post.html).toContain('أعلن الوزير في ١٥ غشت ٢٠٢٦ عن <a href="https://news.example/2026/08/15/42" rel="noopener noreferrer nofollow">البلاغ رقم ٤٢</a>');
    expect(post.html).toContain('<code>v2.1</code>');
  });

  it('does not take a policy change for an edit on the site: the next update goes through, no conflict', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    const { article } = await published(world);
    await world.core.open.outbox.runOnce();
    expect(world.row(article.id, wp.id).state).toBe('published');

    await world.call('settings.update', { digits: 'arabic-indic' });
    world.clock.advance(5 * SECOND);
    await world.call('workflow.act', { id: article.id, action: 'correct' });
    await world.call('workflow.act', { id: article.id, action: 'approve' });
    const summary = await world.core.open.outbox.runOnce();
    expect(summary.conflicts).toBe(0);
    expect(world.row(article.id, wp.id)).toMatchObject({ state: 'published', operation: 'update' });
    expect(wp.server.posts.get('1')!.html).toContain('١٥ غشت ٢٠٢٦');

    // Approving again with nothing changed: the server matches what was sent, nothing to do.
    world.clock.advance(5 * SECOND);
    await world.call('workflow.act', { id: article.id, action: 'correct' });
    await world.call('workflow.act', { id: article.id, action: 'approve' });
    expect((await world.core.open.outbox.runOnce()).conflicts).toBe(0);
    expect(world.row(article.id, wp.id).state).toBe('published');
  });

  it('does still see a real change on the site as a conflict, and its diff shows no digit differences', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    const { article } = await published(world);
    await world.core.open.outbox.runOnce();
    world.clock.advance(5 * SECOND);
    const sent = wp.server.posts.get('1')!.html;
    wp.server.editRemote('1', { html: sent.replace('أعلن الوزير', 'أكد الوزير') });
    await world.call('workflow.act', { id: article.id, action: 'correct' });
    await world.call('workflow.act', { id: article.id, action: 'approve' });
    expect((await world.core.open.outbox.runOnce()).conflicts).toBe(1);
    const view = await world.call<{ body: { kind: string; text: string }[] }>('sync.conflict', { articleId: article.id, endpointId: wp.id });
    const changed = view.body.filter((part) => part.kind !== 'equal').map((part) => part.text);
    expect(changed).toEqual(['أكد', 'أعلن']);
  });
});
