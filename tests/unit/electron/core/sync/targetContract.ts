import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { articleMarker, publishSlug } from '../../../../../electron/core/sync/slug';
import type { PayloadMedia, PublishPayload, PublishTarget, RemoteRef } from '../../../../../electron/core/sync/types';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Mixed-direction Arabic with digits of both kinds, punctuation, quotes and an ampersand. */
export const CONTRACT_ARABIC = '<p dir="rtl">قال الوزير إن النمو بلغ ٣٫٥٪ في 2026 مقابل 2.1% (وفق Reuters &amp; AFP) — «رقم قياسي».</p><h2 dir="rtl">التفاصيل</h2><ul dir="rtl"><li dir="rtl"><p dir="rtl">أولًا: <strong>الصادرات</strong></p></li></ul>';

export interface ContractSubject {
  target: PublishTarget;
  /** Called after each test's posts are made, to remove them from a real server (optional). */
  cleanup?: (refs: RemoteRef[]) => Promise<void>;
}

export interface ContractOptions {
  /** Whether fetch returns the post's HTML (a webhook receiver may not keep posts). */
  readsBack?: boolean;
  /** Whether findExisting can find a post made earlier (webhooks: the receiver's idempotency). */
  findsExisting?: boolean;
}

export function contractMedia(): PayloadMedia {
  return { hash: createHash('sha256').update(PNG).digest('hex'), mime: 'image/png', name: 'غلاف.png', alt: 'صورة الغلاف', bytes: () => PNG };
}

/** A payload for a fresh article, as the engine builds it. */
export function contractPayload(overrides: Partial<PublishPayload> = {}): PublishPayload {
  const articleId = randomUUID();
  const media = contractMedia();
  const title = 'افتتاح معرض الكتاب الدولي في الرباط بمشاركة ٧٠٠ ناشر';
  const html = `${CONTRACT_ARABIC}<figure><img src="/media/${media.hash}" alt="صورة الغلاف"></figure>`;
  return {
    articleId,
    marker: articleMarker(articleId),
    title,
    subtitle: 'دورة ثلاثون',
    excerpt: 'يفتتح المعرض أبوابه اليوم.',
    slug: publishSlug(articleId, '', title),
    section: 'ثقافة',
    tags: ['كتب', 'الرباط'],
    byline: 'هيئة التحرير',
    html,
    scheduledAt: null,
    featuredMediaHash: media.hash,
    media: [media],
    contentHash: createHash('sha256').update(html).digest('hex'),
    ...overrides,
  };
}

/**
 * What every publishing target must do, whatever the server behind it: the engine relies on
 * exactly this. Run it with a factory for a fresh target (and server) per test:
 *
 *   runTargetContract('WordPressTarget', async () => ({ target: new WordPressTarget(...) }));
 */
export function runTargetContract(name: string, makeTarget: () => Promise<ContractSubject> | ContractSubject, options: ContractOptions = {}): void {
  const readsBack = options.readsBack ?? true;
  const findsExisting = options.findsExisting ?? true;

  describe(`${name} (publish target contract)`, () => {
    it('does create a post, with its media uploaded first, and fetch it back with the Arabic byte-exact', async () => {
      const { target, cleanup } = await makeTarget();
      const payload = contractPayload();
      const uploaded = await target.uploadMedia(payload.media[0]!);
      expect(uploaded.remoteId).toBeTruthy();
      expect(uploaded.url).toMatch(/^https?:\/\//);
      const ref = await target.create(payload, new Map([[payload.media[0]!.hash, uploaded]]));
      try {
        expect(ref.remoteId).toBeTruthy();
        if (readsBack) {
          const remote = await target.fetch(ref);
          expect(remote).not.toBeNull();
          expect(remote!.title).toBe(payload.title);
          expect(Buffer.from(remote!.html, 'utf8').subarray(0, Buffer.byteLength(CONTRACT_ARABIC)).equals(Buffer.from(CONTRACT_ARABIC, 'utf8'))).toBe(true);
          expect(remote!.html).toContain(uploaded.url);
          expect(remote!.html).not.toContain('/media/');
          expect(remote!.modifiedGmt).toBeTruthy();
          expect(remote!.status).toBe('publish');
        }
      } finally {
        await cleanup?.([ref]);
      }
    });

    it('does update the same post and report a new reference', async () => {
      const { target, cleanup } = await makeTarget();
      const payload = contractPayload({ media: [], featuredMediaHash: null, html: CONTRACT_ARABIC });
      const ref = await target.create(payload, new Map());
      try {
        const corrected = { ...payload, html: '<p dir="rtl">تصحيح: بلغ النمو ٣٫٤٪.</p>', contentHash: 'corrected' };
        const updated = await target.update(ref, corrected, new Map());
        expect(updated.remoteId).toBe(ref.remoteId);
        if (readsBack) {
          const remote = await target.fetch(updated);
          expect(remote!.html).toBe(corrected.html);
          expect(remote!.modifiedGmt).toBe(updated.modifiedGmt);
        }
      } finally {
        await cleanup?.([ref]);
      }
    });

    it('does find the post an earlier create of the same article made, and nothing for an article never sent', async () => {
      const { target, cleanup } = await makeTarget();
      const payload = contractPayload({ media: [], featuredMediaHash: null, html: CONTRACT_ARABIC });
      const ref = await target.create(payload, new Map());
      try {
        if (findsExisting) {
          const found = await target.findExisting(payload);
          expect(found?.remoteId).toBe(ref.remoteId);
        }
        expect(await target.findExisting(contractPayload())).toBeNull();
      } finally {
        await cleanup?.([ref]);
      }
    });

    it('does unpublish a post so that it is no longer public, and fetch answers null for a post that does not exist', async () => {
      const { target, cleanup } = await makeTarget();
      const payload = contractPayload({ media: [], featuredMediaHash: null, html: CONTRACT_ARABIC });
      const ref = await target.create(payload, new Map());
      try {
        await target.unpublish(ref, 'draft');
        if (readsBack) {
          const remote = await target.fetch(ref);
          expect(remote?.status).not.toBe('publish');
          expect(await target.fetch({ remoteId: '987654321', url: null, modifiedGmt: null })).toBeNull();
        }
      } finally {
        await cleanup?.([ref]);
      }
    });

    it('does send a scheduled article as a future post', async () => {
      const { target, cleanup } = await makeTarget();
      const scheduledAt = new Date(Date.now() + 48 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');
      const payload = contractPayload({ media: [], featuredMediaHash: null, html: CONTRACT_ARABIC, scheduledAt });
      const ref = await target.create(payload, new Map());
      try {
        if (readsBack) expect((await target.fetch(ref))!.status).toBe('future');
      } finally {
        await cleanup?.([ref]);
      }
    });
  });
}
