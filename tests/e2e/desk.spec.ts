import type { Locator, Page, TestInfo } from '@playwright/test';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { Role } from '../../shared/domain/user';
import { TEST_PASSWORD } from '../support/tempCore';
import { MidadHarness } from './harness/MidadHarness';
import { expect, test } from './fixtures';
import { seriousViolations } from './checks';

const ADMIN = 'مديرة التحرير';
const EDITOR = 'سلمى العلوي';
const REVIEWER = 'كريم الحسيني';
const SAVED = /محفوظ محليًا|Saved locally/;

// The story's article, written for this test in the house news style.
const TITLE = 'المجلس البلدي يقرّ خطة لتوسيع شبكة الحافلات في المدينة';
const TYPO = 'الحافلت';
const FIXED = 'الحافلات';
const PARAGRAPHS = [
  `أقرّ المجلس البلدي مساء الأحد خطة لتوسيع شبكة ${TYPO} العامة، تضيف اثني عشر خطًا جديدًا يربط الأحياء الشرقية بوسط المدينة.`,
  'وقال رئيس المجلس إن الخطة ستُنفَّذ على ثلاث مراحل تبدأ في الربيع المقبل، بكلفة تقدر بأربعين مليون دينار.',
  'ويأمل السكان أن تخفف الخطوط الجديدة من الازدحام الخانق الذي تشهده الطرق الرئيسية في ساعات الذروة.',
];
const COMMENTED = 'بكلفة تقدر بأربعين مليون دينار';
const COMMENT = 'ما مصدر هذا الرقم؟ انسبه إلى وثيقة الموازنة أو إلى متحدث رسمي.';
const NOTE = 'يُرجى نسبة رقم الكلفة إلى مصدر واضح قبل الاعتماد.';
const SOURCE = '، وفق وثيقة الموازنة البلدية';

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Creates an account in the core as the admin would. */
async function addUser(harness: MidadHarness, name: string, role: Role): Promise<string> {
  const { accounts } = harness.core.open;
  const admin = accounts.findByName(ADMIN)!;
  const existing = accounts.findByName(name);
  if (existing) return existing.id;
  const user = await accounts.create({ actor: admin.id, user: { id: admin.id, name: admin.name, role: 'admin' } }, name, role, TEST_PASSWORD);
  return user.id;
}

/** Signs out through the account area and back in as `name` on the sign-in screen. */
async function switchUser(page: Page, name: string): Promise<void> {
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('signin-screen')).toBeVisible();
  await page.getByTestId('signin-users').getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByTestId('signin-password').fill(TEST_PASSWORD);
  await page.getByTestId('signin-password').press('Enter');
  await expect(page.getByTestId('account-user')).toContainText(name);
}

function body(page: Page): Locator {
  return page.getByTestId('editor').locator('.ProseMirror');
}

/** Selects `text` in the body (or puts the caret right after it) through the DOM selection, as a mouse drag would. */
async function selectInBody(page: Page, text: string, caretAfter = false): Promise<void> {
  await page.evaluate(
    ({ text: wanted, caretAfter: collapse }) => {
      const root = document.querySelector<HTMLElement>('[data-testid="editor"] .ProseMirror');
      if (!root) throw new Error('no editor');
      root.focus();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent?.indexOf(wanted) ?? -1;
        if (index < 0) continue;
        const selection = document.getSelection()!;
        if (collapse) selection.collapse(node, index + wanted.length);
        else selection.setBaseAndExtent(node, index, node, index + wanted.length);
        return;
      }
      throw new Error(`"${wanted}" is not in one text node of the body`);
    },
    { text, caretAfter },
  );
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForTimeout(100);
}

async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('status-save')).toHaveText(SAVED, { timeout: 5000 });
}

async function openFromView(page: Page, view: string, title: string): Promise<Locator> {
  await page.getByTestId(`desk-view-${view}`).click();
  const item = page.getByTestId('article-list-item').filter({ hasText: title });
  await expect(item).toHaveCount(1);
  await item.click();
  await expect(page.getByTestId('title-input')).toHaveValue(title);
  return item;
}

function audit(harness: MidadHarness, articleId: string): string[] {
  const rows = harness.core.open.db.prepare('SELECT action FROM audit WHERE article_id = ? ORDER BY id').all(articleId) as { action: string }[];
  return rows.map((row) => row.action);
}

test.describe('copy desk', () => {
  test('does take an article from an editor through review, changes, resubmission and approval, with comments, a diff and the audit trail', async ({ browser }, testInfo) => {
    test.setTimeout(180_000);
    const midad = await MidadHarness.start(browser, { dataDir: testInfo.outputPath('data'), signIn: { name: EDITOR, role: 'editor' } });
    try {
      await addUser(midad, REVIEWER, 'reviewer');
      const { page } = midad;

      // ---- The editor writes, marks it urgent with a deadline, and submits.
      await expect(page.getByTestId('account-user')).toContainText(EDITOR);
      await page.getByTestId('new-article').click();
      await page.getByTestId('title-input').fill(TITLE);
      await body(page).click();
      await expect(body(page)).toBeFocused();
      for (const [index, paragraph] of PARAGRAPHS.entries()) {
        if (index > 0) await page.keyboard.press('Enter');
        await page.keyboard.insertText(paragraph);
      }
      await page.getByTestId('meta-priority').selectOption('urgent');
      await page.getByTestId('meta-deadline').fill('2031-05-04T18:30');
      await waitSaved(page);
      const articleId = (await page.getByTestId('article-list-item').filter({ hasText: TITLE }).getAttribute('data-article-id'))!;
      await expect(page.getByTestId('desk-count-mine')).toHaveAttribute('data-count', '1');
      // An editor's own draft offers submit and spike, nothing of the desk's.
      await expect(page.getByTestId('action-bar').getByRole('button')).toHaveText(['إرسال إلى التدقيق', 'إلغاء المقال']);
      await page.getByTestId('action-submit').click();
      await expect(page.getByTestId('action-bar-status')).toHaveText('مُرسَل للمراجعة');
      await expect(page.getByTestId('readonly-banner')).toHaveAttribute('data-reason', 'submitted');
      await expect(body(page)).toHaveAttribute('contenteditable', 'false');
      await expect(page.getByTestId('desk-count-queue')).toHaveAttribute('data-count', '1');

      // ---- The reviewer finds it in the queue: urgent, with its deadline.
      await switchUser(page, REVIEWER);
      await page.getByTestId('desk-view-queue').click();
      const queued = page.getByTestId('article-list-item').filter({ hasText: TITLE });
      await expect(queued.getByTestId('article-urgent')).toHaveText('عاجل');
      await expect(queued.getByTestId('article-deadline')).toContainText('2031');
      await expect(queued.getByTestId('article-author')).toContainText(EDITOR);
      await shot(page, testInfo, 'desk-queue');
      expect(await seriousViolations(page, 'body')).toEqual([]);

      await queued.click();
      await expect(page.getByTestId('readonly-banner')).toHaveAttribute('data-reason', 'submitted');
      await page.getByTestId('action-claim').click();
      await expect(page.getByTestId('action-bar-status')).toHaveText('قيد المراجعة');
      await expect(page.getByTestId('action-bar-assignee')).toContainText(REVIEWER);
      await expect(page.getByTestId('readonly-banner')).toHaveCount(0);
      await expect(body(page)).toHaveAttribute('contenteditable', 'true');
      await expect(page.getByTestId('desk-count-inReview')).toHaveAttribute('data-count', '1');

      // Corrects a word…
      await selectInBody(page, TYPO);
      await page.keyboard.insertText(FIXED);
      await expect(body(page)).toContainText(`شبكة ${FIXED} العامة`);
      // …comments on a sentence (toolbar button; Ctrl+Alt+M does the same)…
      await selectInBody(page, COMMENTED);
      await page.getByTestId('tb-comment').click();
      await expect(page.getByTestId('comments-panel')).toBeVisible();
      await expect(page.getByTestId('comment-draft')).toContainText(COMMENTED);
      await page.getByTestId('comment-draft-body').fill(COMMENT);
      await page.getByTestId('comment-draft-post').click();
      const thread = page.getByTestId('comment-thread').first();
      await expect(thread).toContainText(COMMENT);
      await expect(thread).toHaveAttribute('data-detached', 'false');
      const commentId = (await thread.getAttribute('data-comment-id'))!;
      await expect(body(page).locator(`[data-comment-id="${commentId}"]`)).toHaveText(COMMENTED);
      await waitSaved(page);

      // …and requests changes: the note is required.
      await page.getByTestId('action-requestChanges').click();
      await page.getByTestId('request-changes-dialog-confirm').click();
      await expect(page.getByTestId('request-changes-dialog-error')).toBeVisible();
      await page.getByTestId('request-changes-note').fill(NOTE);
      await page.getByTestId('request-changes-dialog-confirm').click();
      await expect(page.getByTestId('action-bar-status')).toHaveText('مطلوب تعديلات');
      await expect(page.getByTestId('readonly-banner')).toHaveAttribute('data-reason', 'notOwner');
      await page.getByTestId('side-tab-comments').click();
      await expect(page.getByTestId('comment-thread')).toHaveCount(2);
      await shot(page, testInfo, 'desk-comments');

      // ---- The editor sees the comment, the note and the desk's change.
      await switchUser(page, EDITOR);
      await openFromView(page, 'mine', TITLE);
      await expect(page.getByTestId('action-bar-status')).toHaveText('مطلوب تعديلات');
      await expect(body(page)).toHaveAttribute('contenteditable', 'true');
      await page.getByTestId('side-tab-comments').click();
      const threads = page.getByTestId('comment-thread');
      await expect(threads.filter({ hasText: COMMENT })).toHaveAttribute('data-anchored', 'true');
      await expect(threads.filter({ hasText: NOTE })).toHaveAttribute('data-anchored', 'false');
      await threads.filter({ hasText: COMMENT }).getByTestId('comment-thread-quote').click();
      await expect(threads.filter({ hasText: COMMENT })).toHaveClass(/is-active/);

      await page.getByTestId('side-tab-history').click();
      await expect(page.getByTestId('history-item').filter({ hasText: 'إرسال إلى التدقيق' })).toHaveCount(1);
      await page.getByTestId('history-preset-since').click();
      const diff = page.getByTestId('diff-view');
      await expect(diff).toBeVisible();
      await expect(diff.getByTestId('diff-del')).toContainText([TYPO]);
      await expect(diff.getByTestId('diff-ins')).toContainText([FIXED]);
      await expect(diff.getByTestId('diff-body')).toHaveAttribute('dir', 'rtl');
      await shot(page, testInfo, 'desk-diff');
      expect(await seriousViolations(page, 'body')).toEqual([]);
      await page.getByTestId('history-viewer-close').click();

      // The submitted revision, read-only, as it was sent (with the typo).
      await page.getByTestId('history-item').filter({ hasText: 'إرسال إلى التدقيق' }).getByTestId('history-open').click();
      await expect(page.getByTestId('revision-view')).toBeVisible();
      await expect(page.getByTestId('revision-title')).toHaveText(TITLE);
      const frame = page.frameLocator('[data-testid="revision-frame"]');
      await expect(frame.locator('body')).toContainText(`شبكة ${TYPO} العامة`);
      await expect(frame.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(page.getByTestId('editor-scroll')).toBeHidden();
      // The frame is styled like the editor (the app's stylesheet and its Arabic font).
      await expect(frame.locator('p').first()).toHaveCSS('font-family', /Noto Naskh Arabic/);
      await shot(page, testInfo, 'desk-revision');
      await page.getByTestId('history-viewer-close').click();
      await expect(page.getByTestId('editor-scroll')).toBeVisible();

      // Fixes: adds the source right after the commented words (the anchor does not grow),
      // answers the thread and resolves it, then resubmits.
      await selectInBody(page, 'دينار', true);
      await page.keyboard.insertText(SOURCE);
      await expect(body(page)).toContainText(`${COMMENTED}${SOURCE}.`);
      await expect(body(page).locator(`[data-comment-id="${commentId}"]`)).toHaveText(COMMENTED);
      await page.getByTestId('side-tab-comments').click();
      const commentThread = page.getByTestId('comment-thread').filter({ hasText: COMMENT });
      await commentThread.getByTestId('comment-reply').click();
      await commentThread.getByTestId('comment-reply-body').fill('أضفت المصدر بعد الرقم مباشرة.');
      await commentThread.getByTestId('comment-reply-post').click();
      await expect(commentThread.getByTestId('comment-reply-item')).toContainText('أضفت المصدر');
      await commentThread.getByTestId('comment-resolve').click();
      await expect(commentThread).toHaveAttribute('data-resolved', 'true');
      await waitSaved(page);
      await page.getByTestId('action-submit').click();
      await expect(page.getByTestId('action-bar-status')).toHaveText('مُرسَل للمراجعة');

      // ---- The reviewer claims it again and approves it.
      await switchUser(page, REVIEWER);
      await openFromView(page, 'queue', TITLE);
      await page.getByTestId('action-claim').click();
      await expect(page.getByTestId('action-approve')).toBeVisible();
      await page.getByTestId('action-approve').click();
      await expect(page.getByTestId('approve-dialog')).toBeVisible();
      await page.getByTestId('approve-now').check();
      await page.getByTestId('approve-dialog-confirm').click();
      await expect(page.getByTestId('action-bar-status')).toHaveText('معتمد');
      await expect(page.getByTestId('readonly-banner')).toHaveAttribute('data-reason', 'approved');
      await expect(page.getByTestId('desk-count-approved')).toHaveAttribute('data-count', '1');

      // Approved means read-only: typing does nothing, and the core refuses a save.
      await expect(body(page)).toHaveAttribute('contenteditable', 'false');
      await expect(page.getByTestId('title-input')).toHaveAttribute('readonly', '');
      await body(page).click();
      await page.keyboard.type('نص دخيل');
      await expect(body(page)).not.toContainText('نص دخيل');
      const version = (harness => (harness.core.open.db.prepare('SELECT version FROM articles WHERE id = ?').get(articleId) as { version: number }).version)(midad);
      const refused = await dispatch(midad.core, 'articles.save', { id: articleId, baseVersion: version, patch: { title: 'عنوان مختلف' }, reason: 'manual' }, midad.core.sessionContext());
      expect(refused.ok).toBe(false);
      expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');

      // The desk's changes, as the editor will see them: submission → approval.
      await page.getByTestId('side-tab-history').click();
      await page.getByTestId('history-preset-desk').click();
      await expect(page.getByTestId('diff-view')).toBeVisible();

      // The audit log tells the whole story, in order.
      const actions = audit(midad, articleId);
      const story = [
        'article.create',
        'workflow.submit',
        'workflow.claim',
        'comment.add',
        'workflow.requestChanges',
        'comment.add',
        'comment.resolve',
        'workflow.submit',
        'workflow.claim',
        'workflow.approve',
        'denied',
      ];
      expect(actions.filter((action) => story.includes(action))).toEqual(story);
    } finally {
      await midad.close();
    }
  });

  test('does give the second of two windows saving the same article a conflict banner and keep the first one’s text', async ({ midad }) => {
    const first = midad.page;
    await first.getByTestId('new-article').click();
    await first.getByTestId('title-input').fill('نافذتان على مقال واحد');
    await body(first).click();
    await first.keyboard.insertText('الفقرة الأولى كما كتبتها النافذة الأولى.');
    await waitSaved(first);

    const second = await midad.context.newPage();
    await second.goto(midad.url);
    await second.getByTestId('article-list-item').filter({ hasText: 'نافذتان على مقال واحد' }).click();
    await expect(body(second)).toContainText('الفقرة الأولى');

    // The first window saves again: the second now holds an older version.
    await body(first).click();
    await first.keyboard.press('Control+End');
    await first.keyboard.insertText(' وأضافت جملة ثانية.');
    await waitSaved(first);

    await body(second).click();
    await second.keyboard.press('Control+End');
    await second.keyboard.insertText(' نص من النافذة الثانية.');
    await expect(second.getByTestId('conflict-banner')).toBeVisible({ timeout: 5000 });
    await expect(second.getByTestId('conflict-banner')).toContainText('تغيّر هذا المقال في مكان آخر');

    const stored = midad.storedHtml('نافذتان على مقال واحد');
    expect(stored).toContain('وأضافت جملة ثانية');
    expect(stored).not.toContain('النافذة الثانية');

    // Reloading shows the stored text, and the second window can go on from it.
    await second.getByTestId('conflict-reload').click();
    await expect(body(second)).toContainText('وأضافت جملة ثانية');
    await expect(second.getByTestId('conflict-banner')).toHaveCount(0);
    await second.close();
  });
  test('does let an admin comment with Ctrl+Alt+M, see a deleted anchor detached, restore a revision, spike and restore, reassign and schedule an approval', async ({ midad }, testInfo) => {
    test.setTimeout(120_000);
    const { page } = midad;
    const reviewerId = await addUser(midad, REVIEWER, 'reviewer');
    const title = 'الأرصاد تتوقع أمطارًا غزيرة على الساحل نهاية الأسبوع';
    const doomed = 'وتدعو السلطات الصيادين إلى عدم الإبحار.';
    await page.getByTestId('new-article').click();
    await page.getByTestId('title-input').fill(title);
    await body(page).click();
    await page.keyboard.insertText('تتوقع دائرة الأرصاد الجوية أمطارًا غزيرة على المناطق الساحلية يومي الجمعة والسبت.');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(doomed);
    await page.getByTestId('meta-section').fill('محليات');
    await waitSaved(page);
    // A change saved at once with Ctrl+S: a manual revision (an unchanged text would add none).
    await page.getByTestId('meta-byline').fill('قسم الأخبار المحلية');
    await page.keyboard.press('Control+s');
    await waitSaved(page);

    // Ctrl+Alt+M comments on the selection; deleting the words leaves the thread detached.
    await selectInBody(page, doomed);
    await page.keyboard.press('Control+Alt+m');
    await expect(page.getByTestId('comment-draft')).toContainText('عدم الإبحار');
    await page.getByTestId('comment-draft-body').fill('هل صدر تحذير رسمي بهذا؟');
    await page.getByTestId('comment-draft-post').click();
    const anchored = page.getByTestId('comment-thread').filter({ hasText: 'تحذير رسمي' });
    await expect(anchored).toHaveAttribute('data-detached', 'false');
    await selectInBody(page, doomed);
    await page.keyboard.press('Backspace');
    await expect(body(page)).not.toContainText('عدم الإبحار');
    await waitSaved(page);
    await expect(anchored).toHaveAttribute('data-detached', 'true');
    await expect(anchored.getByTestId('comment-detached')).toBeVisible();

    // A general comment, not tied to any words.
    await page.getByTestId('comment-add-general').click();
    await page.getByTestId('comment-draft-body').fill('العنوان طويل قليلًا؛ هل يمكن اختصاره؟');
    await page.getByTestId('comment-draft-post').click();
    await expect(page.getByTestId('comment-thread').filter({ hasText: 'اختصاره' })).toHaveAttribute('data-anchored', 'false');

    // Restoring the manual save brings the sentence back as a new revision; nothing is removed.
    await page.getByTestId('side-tab-history').click();
    const manual = page.getByTestId('history-item').filter({ hasText: 'حفظ يدوي' });
    await expect(manual).toHaveCount(1);
    const before = await page.getByTestId('history-item').count();
    await manual.getByTestId('history-restore').click();
    await page.getByTestId('restore-dialog-confirm').click();
    await expect(body(page)).toContainText('عدم الإبحار');
    await expect(page.getByTestId('history-item').filter({ hasText: 'استعادة نسخة' })).toHaveCount(1);
    await expect(page.getByTestId('history-item')).toHaveCount(before + 1);

    // Spike asks first; the spiked view counts it; restore brings it back as a draft.
    await page.getByTestId('action-spike').click();
    await expect(page.getByTestId('confirm-dialog')).toContainText('لا يُحذف');
    await page.getByTestId('confirm-dialog-confirm').click();
    await expect(page.getByTestId('action-bar-status')).toHaveText('مُلغى');
    await expect(page.getByTestId('desk-count-spiked')).toHaveAttribute('data-count', '1');
    await page.getByTestId('action-restore').click();
    await expect(page.getByTestId('action-bar-status')).toHaveText('مسودة');

    // Submit, claim, hand the claim to the reviewer, then approve with a publish time.
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-claim').click();
    await page.getByTestId('action-reassign').click();
    await page.getByTestId('reassign-select').selectOption(reviewerId);
    await page.getByTestId('reassign-dialog-confirm').click();
    await expect(page.getByTestId('action-bar-assignee')).toContainText(REVIEWER);
    await expect(page.getByTestId('readonly-banner')).toHaveCount(0); // an admin may still edit
    await page.getByTestId('action-approve').click();
    await page.getByTestId('approve-at').check();
    await page.getByTestId('approve-at-input').fill('2030-01-15T07:30');
    await page.getByTestId('approve-dialog-confirm').click();
    await expect(page.getByTestId('action-bar-status')).toHaveText('معتمد');
    await expect(page.getByTestId('readonly-banner')).toHaveAttribute('data-reason', 'approvedScheduled');
    await page.getByTestId('desk-view-approved').click();
    const approved = page.getByTestId('article-list-item').filter({ hasText: title });
    await expect(approved.getByTestId('article-scheduled')).toContainText('2030');

    // Filters: by author and by section.
    await page.getByTestId('desk-view-all').click();
    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('filter-section').fill('رياضة');
    await expect(page.getByTestId('article-list-item')).toHaveCount(0);
    await page.getByTestId('filter-section').fill('محليات');
    await expect(page.getByTestId('article-list-item')).toHaveCount(1);
    await page.getByTestId('filter-author').selectOption({ label: REVIEWER });
    await expect(page.getByTestId('article-list-item')).toHaveCount(0);
    await page.getByTestId('filter-clear').click();
    await expect(page.getByTestId('article-list-item')).toHaveCount(1);
    await expect(page.getByTestId('filters-toggle')).toHaveText('تصفية');
    await shot(page, testInfo, 'desk-approved-scheduled');
  });
});
