import { randomUUID } from 'node:crypto';
import type { Article } from '../../../../../shared/domain/article';
import type { DocNode } from '../../../../../shared/editor/docSchema';
import { cliContext, type CallContext } from '../../../../../electron/core/CallContext';
import type { ExportJob } from '../../../../../shared/ipc/channels/archive';
import { ZipReader } from '../../../../../electron/core/archive/zipReader';
import type { Core } from '../../../../../electron/core/Core';
import { arabicArticleDoc } from '../../../../fixtures/arabicArticle';
import { signInAs, tempCore } from '../../../../support/tempCore';
import { paragraph, syncWorld, type SyncWorld } from '../sync/syncFixture';

/** A small PNG-signed image with distinct bytes (Midad recognises images by their first bytes). */
export function fakePng(seed: number, size = 600): Buffer {
  const bytes = Buffer.alloc(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  for (let index = 8; index < size; index += 1) bytes[index] = (seed * 31 + index * 7) % 251;
  bytes.writeUInt32BE(seed, 8);
  return bytes;
}

/** Written for these tests, in the register of a regional daily. */
export const STORIES = {
  port: {
    title: 'ميناء المدينة يستقبل أول سفينة حاويات بعد توسعة الرصيف الشمالي',
    subtitle: 'الأشغال دامت ثمانية عشر شهرًا وكلّفت ١٫٢ مليار درهم',
    paragraphs: [
      'رست صباح الخميس أول سفينة حاويات في الرصيف الشمالي للميناء بعد انتهاء أشغال التوسعة، في خطوة تقول السلطات المينائية إنها ستضاعف قدرة الاستقبال خلال السنتين المقبلتين.',
      'وقال مدير الميناء في تصريح للصحيفة إن «الرصيف الجديد يسمح باستقبال سفن يصل طولها إلى ثلاثمئة متر»، مشيرًا إلى أن عدد الحاويات المعالجة بلغ ٤١٢ ألف حاوية في السنة الماضية.',
      'في المقابل، طالب مهنيو الصيد التقليدي بتخصيص ممر آمن لقواربهم، بعدما اشتكوا من ضيق المساحة المخصصة لهم منذ انطلاق الأشغال.',
    ],
  },
  school: {
    title: 'مدارس قروية تنتظر الربط بالإنترنت رغم الوعود المتكررة',
    subtitle: 'تحقيق في ثلاث جماعات جبلية',
    paragraphs: [
      'في مدرسة الدوار الأعلى، يتقاسم ستة وثلاثون تلميذًا حاسوبين قديمين لا يتصلان بالشبكة، فيما تنتظر الأسر منذ سنتين تنفيذ اتفاقية الربط التي وقّعها المجلس الجهوي.',
      'وتقول معلمة اللغة العربية إن التلاميذ «يكتشفون العالم من الكتاب المدرسي وحده»، مضيفة أن أقرب مقهى إنترنت يبعد أربعة عشر كيلومترًا.',
      'ولم يردّ المجلس الجهوي على أسئلة الصحيفة حتى ساعة إعداد هذا التحقيق.',
    ],
  },
  market: {
    title: 'تجار السوق المركزي يحتجون على رفع رسوم المحلات',
    subtitle: '',
    paragraphs: ['نظّم عشرات التجار وقفة أمام مقر الجماعة صباح الإثنين احتجاجًا على زيادة الرسوم بنسبة ٢٠٪، مطالبين بفتح حوار قبل تطبيق القرار.'],
  },
};

export interface Newsroom {
  world: SyncWorld;
  core: Core;
  dataDir: string;
  ids: { published: string; commented: string; spiked: string; generated: string[] };
}

function image(hash: string, caption: string): DocNode {
  return { type: 'image', attrs: { hash, alt: caption, caption, dir: 'rtl' } };
}

/**
 * A newsroom with what an archive must carry: a published article synced to a WordPress
 * endpoint, an article with anchored comments, a reply, a resolved thread, revisions and
 * images, a spiked draft, and `generated` long generated articles.
 */
export async function buildNewsroom(options: { generated?: number; words?: number } = {}): Promise<Newsroom> {
  const world = await syncWorld();
  const { core } = world;
  await world.addEndpoint('موقع الجريدة');
  const media = core.open.media;
  const portImage = media.put('ميناء.png', fakePng(1)).hash;
  const schoolImage = media.put('مدرسة.png', fakePng(2)).hash;

  // Published and synced: approved, then sent to the in-memory WordPress.
  const published = await world.approvedArticle({
    title: STORIES.port.title,
    subtitle: STORIES.port.subtitle,
    section: 'اقتصاد',
    tags: ['الميناء', 'النقل البحري'],
    featuredMedia: portImage,
    body: { type: 'doc', content: [...STORIES.port.paragraphs.map(paragraph), image(portImage, 'السفينة الأولى في الرصيف الشمالي')] },
  });
  await core.open.outbox.runOnce();

  // An editor's article with comments and revisions.
  const editor = await signInAs(core, 'سلمى بنعلي', 'editor');
  const commentId = randomUUID();
  const anchored: DocNode = {
    type: 'paragraph',
    attrs: { dir: 'rtl' },
    content: [
      { type: 'text', text: 'في مدرسة الدوار الأعلى، ' },
      { type: 'text', text: 'يتقاسم ستة وثلاثون تلميذًا حاسوبين قديمين', marks: [{ type: 'comment', attrs: { id: commentId } }] },
      { type: 'text', text: ' لا يتصلان بالشبكة.' },
    ],
  };
  const call = <T>(channel: string, payload: unknown) => world.call<T>(channel, payload, editor.ctx);
  const draft = await call<Article>('articles.create', {
    fields: { title: STORIES.school.title, subtitle: STORIES.school.subtitle, section: 'مجتمع', byline: 'سلمى بنعلي', featuredMedia: schoolImage, body: { type: 'doc', content: [paragraph(STORIES.school.paragraphs[0]!)] } },
  });
  const saved = await call<{ version: number }>('articles.save', { id: draft.id, baseVersion: draft.version, reason: 'manual', patch: { body: { type: 'doc', content: STORIES.school.paragraphs.map(paragraph) } } });
  world.clock.advance(60_000);
  await call('articles.save', {
    id: draft.id,
    baseVersion: saved.version,
    reason: 'manual',
    patch: { body: { type: 'doc', content: [anchored, ...STORIES.school.paragraphs.slice(1).map(paragraph), image(schoolImage, 'قسم في مدرسة الدوار الأعلى')] } },
  });
  await call('comments.add', { id: commentId, articleId: draft.id, body: 'هل تأكدنا من العدد مع المدير؟', quote: 'يتقاسم ستة وثلاثون تلميذًا حاسوبين قديمين', anchored: true });
  world.clock.advance(60_000);
  await call('comments.add', { id: randomUUID(), articleId: draft.id, parentId: commentId, body: 'نعم، أكده هاتفيًا صباح اليوم.' });
  const general = randomUUID();
  await call('comments.add', { id: general, articleId: draft.id, body: 'العنوان طويل قليلًا.' });
  await world.call('comments.resolve', { id: general, resolved: true }, editor.ctx);
  await call('workflow.act', { id: draft.id, action: 'submit' });

  // A spiked draft.
  const admin = await signInAs(core, 'مديرة التحرير', 'admin');
  const spiked = await world.call<Article>('articles.create', { fields: { title: STORIES.market.title, body: { type: 'doc', content: STORIES.market.paragraphs.map(paragraph) } } }, admin.ctx);
  await world.call('articles.spike', { id: spiked.id }, admin.ctx);

  const generated: string[] = [];
  for (let index = 0; index < (options.generated ?? 0); index += 1) {
    world.clock.advance(1000);
    const article = await world.call<Article>('articles.create', { fields: { title: `تقرير رقم ${index + 1}: حصيلة الموسم`, section: index % 2 ? 'جهات' : 'اقتصاد', body: arabicArticleDoc({ words: options.words ?? 300, seed: index + 1 }) } }, admin.ctx);
    generated.push(article.id);
  }
  return { world, core, dataDir: world.dataDir, ids: { published: published.id, commented: draft.id, spiked: spiked.id, generated } };
}

/** A fresh, empty data directory (a database with no account at all) and the CLI's context. */
export function emptyCore() {
  const made = tempCore(new Date('2026-12-01T09:00:00Z'));
  return { ...made, ctx: cliContext('test') };
}

/** Exports every article (with revisions by default) and waits for the job; throws unless it finished. */
export async function exportAll(core: Core, ctx: CallContext, destination?: string, includeRevisions = true): Promise<ExportJob> {
  const started = core.open.archive.startExport(ctx, { filters: { dateField: 'created' }, includeRevisions, destination });
  const job = await core.open.archive.waitForExport(started.id);
  if (job.state !== 'done') throw new Error(`export ${job.state}: ${job.error?.message}`);
  return job;
}

export async function readEntry(file: string, name: string): Promise<string> {
  const zip = await ZipReader.open(file);
  try {
    return (await zip.read(name, 1024 * 1024 * 1024)).toString('utf8');
  } finally {
    zip.close();
  }
}
