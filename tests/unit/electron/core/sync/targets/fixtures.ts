import { createHash } from 'node:crypto';
import type { PayloadMedia, PublishPayload } from '../../../../../../electron/core/sync/types';

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export function mediaOf(bytes: Buffer, name = 'صورة الغلاف.png', alt = 'صورة'): PayloadMedia {
  return { hash: createHash('sha256').update(bytes).digest('hex'), mime: 'image/png', name, alt, bytes: () => bytes };
}

export function payloadOf(overrides: Partial<PublishPayload> = {}): PublishPayload {
  const image = mediaOf(PNG);
  const base: PublishPayload = {
    articleId: '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
    marker: 'm6f1c2d3e4b5a4c6d',
    title: 'افتتاح معرض الكتاب في الرباط',
    subtitle: 'أكثر من ٧٠٠ ناشر',
    excerpt: 'يفتتح المعرض أبوابه اليوم.',
    slug: 'iftitah-maarid-m6f1c2d3e4b5a4c6d',
    section: 'ثقافة',
    tags: ['كتب', 'الرباط'],
    byline: 'هيئة التحرير',
    html: `<p>افتتح معرض الكتاب (SIEL 2026) أبوابه يوم 5 مايو.</p><figure><img src="/media/${image.hash}" alt="صورة"></figure>`,
    scheduledAt: null,
    featuredMediaHash: image.hash,
    media: [image],
    contentHash: 'c0ffee',
  };
  return { ...base, ...overrides };
}
