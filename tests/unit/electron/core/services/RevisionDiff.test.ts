import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../../electron/core/Core';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import { diffWords } from '../../../../../electron/core/text/wordDiff';
import type { Channel, RequestOf, ResponseOf } from '../../../../../shared/ipc/contract';
import type { Result } from '../../../../../shared/errors';
import { docToText } from '../../../../../shared/editor/docToText';
import { countWords } from '../../../../../shared/text/arabic';
import { REPLACEMENT_WORDS, arabicArticleDoc, seededRandom } from '../../../../fixtures/arabicArticle';
import { newsDoc } from '../../../../fixtures/arabicNews';
import { tempCoreSignedIn } from '../../../../support/tempCore';

async function call<C extends Channel>(core: Core, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = (await dispatch(core, channel, request, core.sessionContext(), { validateResponses: true })) as Result<ResponseOf<C>>;
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value;
}

async function callError(core: Core, channel: Channel, request: unknown) {
  const result = await dispatch(core, channel, request, core.sessionContext());
  if (result.ok) throw new Error(`expected ${channel} to fail`);
  return result.error;
}

/** The revision a workflow step writes (submit, approve), as the workflow service records it. */
function recordStep(core: Core, articleId: string, reason: 'submit' | 'approve', at: Date): void {
  const { articles, db } = core.open;
  db.transaction(() => articles.snapshotFor(core.sessionContext(), articles.head(articleId), reason, at.toISOString()))();
}

const oldText = (parts: { kind: string; text: string }[]) => parts.filter((part) => part.kind !== 'insert').map((part) => part.text).join('');
const newText = (parts: { kind: string; text: string }[]) => parts.filter((part) => part.kind !== 'delete').map((part) => part.text).join('');

const SENTENCE = 'قال وزير المالية، صباح الأحد، إن عجز الميزانية تراجع إلى ٣٫٥٪ من الناتج الداخلي الخام؛ فهل يصمد هذا الرقم؟';

describe('word diff', () => {
  it('does show exactly the changed word deleted and inserted when one word of an Arabic sentence changes', () => {
    const diff = diffWords(SENTENCE, SENTENCE.replace('صباح', 'مساء'));
    expect(diff.parts).toEqual([
      { kind: 'equal', text: 'قال وزير المالية، ' },
      { kind: 'delete', text: 'صباح' },
      { kind: 'insert', text: 'مساء' },
      { kind: 'equal', text: ' الأحد، إن عجز الميزانية تراجع إلى ٣٫٥٪ من الناتج الداخلي الخام؛ فهل يصمد هذا الرقم؟' },
    ]);
    expect(diff.stats).toEqual({ inserted: 1, deleted: 1 });
  });

  it('does replace a whole number, not single digits, when a figure is corrected', () => {
    const diff = diffWords(SENTENCE, SENTENCE.replace('٣٫٥', '٣٫٨'));
    expect(diff.parts.filter((part) => part.kind !== 'equal')).toEqual([
      { kind: 'delete', text: '٣٫٥' },
      { kind: 'insert', text: '٣٫٨' },
    ]);
  });

  it('does show only the punctuation mark when a comma becomes a semicolon', () => {
    const diff = diffWords(SENTENCE, SENTENCE.replace('صباح الأحد،', 'صباح الأحد؛'));
    expect(diff.parts.filter((part) => part.kind !== 'equal')).toEqual([
      { kind: 'delete', text: '،' },
      { kind: 'insert', text: '؛' },
    ]);
    expect(diff.stats).toEqual({ inserted: 0, deleted: 0 });
  });

  it('does read as one replacement when several neighbouring words change', () => {
    const diff = diffWords(SENTENCE, SENTENCE.replace('صباح الأحد', 'مساء يوم الاثنين'));
    expect(diff.parts.filter((part) => part.kind !== 'equal')).toEqual([
      { kind: 'delete', text: 'صباح الأحد' },
      { kind: 'insert', text: 'مساء يوم الاثنين' },
    ]);
    expect(diff.stats).toEqual({ inserted: 3, deleted: 2 });
  });

  it('does keep a clitic-bearing word whole when only its prefix changes', () => {
    const before = 'وستُعلن النتائج غدًا.';
    const diff = diffWords(before, 'فستُعلن النتائج غدًا.');
    expect(diff.parts).toEqual([
      { kind: 'delete', text: 'وستُعلن' },
      { kind: 'insert', text: 'فستُعلن' },
      { kind: 'equal', text: ' النتائج غدًا.' },
    ]);
  });

  it('does rebuild both texts exactly and count every replaced word when 2% of a long article changes', () => {
    const before = docToText(arabicArticleDoc({ words: 3000, seed: 5 }));
    const random = seededRandom(11);
    let replaced = 0;
    const after = before.replace(/[\p{L}\p{M}]+/gu, (word) => {
      if (random() >= 0.02 || REPLACEMENT_WORDS.includes(word)) return word;
      replaced += 1;
      return REPLACEMENT_WORDS[replaced % REPLACEMENT_WORDS.length]!;
    });
    const diff = diffWords(before, after);
    expect(oldText(diff.parts)).toBe(before);
    expect(newText(diff.parts)).toBe(after);
    expect(replaced).toBeGreaterThan(30);
    expect(diff.stats.deleted).toBe(replaced);
    expect(diff.stats.inserted).toBe(replaced);
    // Reading order: never two parts of the same kind in a row.
    diff.parts.forEach((part, index) => index > 0 && expect(part.kind === 'equal' && diff.parts[index - 1]!.kind === 'equal').toBe(false));
  });

  it('does fall back to whole paragraphs and still answer quickly when a long article is rewritten', () => {
    const before = docToText(arabicArticleDoc({ words: 20_000, seed: 1 }));
    const after = docToText(arabicArticleDoc({ words: 20_000, seed: 2 }));
    const started = performance.now();
    const diff = diffWords(before, after);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(oldText(diff.parts)).toBe(before);
    expect(newText(diff.parts)).toBe(after);
    expect(diff.stats.deleted).toBeGreaterThan(15_000);
  });

  it('does show a new paragraph and a corrected word in another paragraph, and nothing else', () => {
    const paragraphs = [SENTENCE, 'وأضاف الوزير أن الحكومة ستعرض مشروع القانون على البرلمان الشهر المقبل.', 'وتنتظر النقابات تفاصيل الإصلاح الضريبي.'];
    const inserted = 'وفي السياق ذاته، دعت المعارضة إلى جلسة طارئة.\n';
    const before = paragraphs.join('\n');
    const after = [paragraphs[0], paragraphs[1]!.replace('الشهر', 'الأسبوع'), paragraphs[2]].join('\n').replace('وتنتظر', `${inserted}وتنتظر`);
    const diff = diffWords(before, after);
    expect(diff.parts.filter((part) => part.kind !== 'equal')).toEqual([
      { kind: 'delete', text: 'الشهر' },
      { kind: 'insert', text: 'الأسبوع' },
      { kind: 'insert', text: inserted },
    ]);
    expect(newText(diff.parts)).toBe(after);
  });

  it('does keep the paragraph break outside the changes when the words on both sides of it change', () => {
    const diff = diffWords('ارتفعت الأسعار أمس\nوقال التجار', 'ارتفعت الأسعار اليوم\nوأكد التجار');
    expect(diff.parts).toEqual([
      { kind: 'equal', text: 'ارتفعت الأسعار ' },
      { kind: 'delete', text: 'أمس' },
      { kind: 'insert', text: 'اليوم' },
      { kind: 'equal', text: '\n' },
      { kind: 'delete', text: 'وقال' },
      { kind: 'insert', text: 'وأكد' },
      { kind: 'equal', text: ' التجار' },
    ]);
  });

  it('does return one equal part when nothing changed', () => {
    expect(diffWords(SENTENCE, SENTENCE)).toEqual({ parts: [{ kind: 'equal', text: SENTENCE }], stats: { inserted: 0, deleted: 0 } });
  });
});

const FIRST = 'أعلنت المديرية الجهوية للفلاحة، صباح الاثنين، أن محصول الحبوب هذا الموسم سيتجاوز ٤٫٢ مليون قنطار.';
const SECOND = 'وعزت المديرية هذا التحسن إلى التساقطات المطرية التي عرفتها المنطقة منذ شهر نونبر.';

describe('revisions.diff', () => {
  async function submittedArticle() {
    const made = await tempCoreSignedIn();
    const article = await call(made.core, 'articles.create', {
      fields: { title: 'محصول قياسي من الحبوب في السهول الشمالية', tags: ['فلاحة', 'اقتصاد'], body: newsDoc([FIRST, SECOND]) },
    });
    made.clock.advance(60_000);
    recordStep(made.core, article.id, 'submit', made.clock.now);
    return { ...made, article };
  }

  it('does show the changes since submission word by word, with the title change listed', async () => {
    const { core, article, clock } = await submittedArticle();
    clock.advance(60_000);
    await call(core, 'articles.save', {
      id: article.id,
      baseVersion: article.version,
      patch: { title: 'محصول قياسي من الحبوب في سهول الشمال', body: newsDoc([FIRST.replace('صباح', 'مساء'), SECOND]) },
      reason: 'autosave',
    });
    const diff = await call(core, 'revisions.diff', { articleId: article.id, from: 'lastSubmit', to: 'current' });
    expect(diff.from?.reason).toBe('submit');
    expect(diff.to).toBeNull();
    expect(diff.body.filter((part) => part.kind !== 'equal')).toEqual([
      { kind: 'delete', text: 'صباح' },
      { kind: 'insert', text: 'مساء' },
    ]);
    expect(newText(diff.body)).toBe(`${FIRST.replace('صباح', 'مساء')}\n${SECOND}`);
    // The slug was made from the title and follows it until publication (docs/slugs.md).
    expect(diff.fields).toEqual([
      { field: 'title', from: 'محصول قياسي من الحبوب في السهول الشمالية', to: 'محصول قياسي من الحبوب في سهول الشمال' },
      { field: 'slug', from: 'محصول-قياسي-من-الحبوب-في-السهول', to: 'محصول-قياسي-من-الحبوب-في-سهول' },
    ]);
    expect(diff.stats).toEqual({ inserted: 1, deleted: 1 });
    core.close();
  });

  it('does show the changes the desk made between submission and approval', async () => {
    const { core, article, clock } = await submittedArticle();
    clock.advance(60_000);
    const saved = await call(core, 'articles.save', {
      id: article.id,
      baseVersion: article.version,
      patch: { tags: ['فلاحة', 'اقتصاد', 'أمطار'], body: newsDoc([FIRST.replace('٤٫٢', '٤٫٦'), SECOND]) },
      reason: 'manual',
    });
    clock.advance(60_000);
    recordStep(core, article.id, 'approve', clock.now);
    // Work after the approval is not part of what the desk approved.
    await call(core, 'articles.save', { id: article.id, baseVersion: saved.version, patch: { subtitle: 'تحديث لاحق' }, reason: 'manual' });
    const diff = await call(core, 'revisions.diff', { articleId: article.id, from: 'lastSubmit', to: 'lastApprove' });
    expect(diff.to?.reason).toBe('approve');
    expect(diff.body.filter((part) => part.kind !== 'equal')).toEqual([
      { kind: 'delete', text: '٤٫٢' },
      { kind: 'insert', text: '٤٫٦' },
    ]);
    expect(diff.fields).toEqual([{ field: 'tags', from: 'فلاحة، اقتصاد', to: 'فلاحة، اقتصاد، أمطار' }]);
    core.close();
  });

  it('does compare two revisions picked by id, in either order', async () => {
    const { core, article, clock } = await submittedArticle();
    clock.advance(60_000);
    await call(core, 'articles.save', { id: article.id, baseVersion: article.version, patch: { body: newsDoc([FIRST]) }, reason: 'manual' });
    const [newer, older] = await call(core, 'revisions.list', { articleId: article.id });
    const forward = await call(core, 'revisions.diff', { articleId: article.id, from: older!.id, to: newer!.id });
    expect(forward.body.at(-1)).toEqual({ kind: 'delete', text: `\n${SECOND}` });
    expect(forward.stats.deleted).toBe(countWords(SECOND));
    const backward = await call(core, 'revisions.diff', { articleId: article.id, from: newer!.id, to: older!.id });
    expect(backward.body.at(-1)).toEqual({ kind: 'insert', text: `\n${SECOND}` });
    core.close();
  });

  it('does refuse with a clear message in both languages when the article was never submitted', async () => {
    const { core } = await tempCoreSignedIn();
    const article = await call(core, 'articles.create', { fields: { title: 'مسودة لم تُرسل', body: newsDoc([FIRST]) } });
    const error = await callError(core, 'revisions.diff', { articleId: article.id, from: 'lastSubmit', to: 'current' });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/has not been submitted yet/);
    expect(error.messageAr).toMatch(/لم يُرسَل هذا المقال إلى التدقيق بعد/);
    core.close();
  });

  it('does refuse the desk view when the article is not approved yet, or not since its last submission', async () => {
    const { core, article, clock } = await submittedArticle();
    const notYet = await callError(core, 'revisions.diff', { articleId: article.id, from: 'lastSubmit', to: 'lastApprove' });
    expect(notYet.code).toBe('NOT_FOUND');
    expect(notYet.messageAr).toMatch(/لم يُعتمَد هذا المقال بعد/);
    clock.advance(60_000);
    recordStep(core, article.id, 'approve', clock.now);
    clock.advance(60_000);
    recordStep(core, article.id, 'submit', clock.now);
    const stale = await callError(core, 'revisions.diff', { articleId: article.id, from: 'lastSubmit', to: 'lastApprove' });
    expect(stale.code).toBe('NOT_FOUND');
    expect(stale.message).toMatch(/not been approved since it was last submitted/);
    core.close();
  });

  it('does refuse a revision id that belongs to another article', async () => {
    const { core, article } = await submittedArticle();
    const other = await call(core, 'articles.create', { fields: { title: 'مقال آخر' } });
    const [revision] = await call(core, 'revisions.list', { articleId: article.id });
    const error = await callError(core, 'revisions.diff', { articleId: other.id, from: revision!.id, to: 'current' });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.messageAr).toMatch(/غير موجودة/);
    core.close();
  });
});
