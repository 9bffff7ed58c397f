import type { Page, TestInfo } from '@playwright/test';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { MidadHarness } from './harness/MidadHarness';
import { expect, test } from './fixtures';
import { seriousViolations } from './checks';

const SECRET = 'سر-مشترك-للاختبار-7f3a9c';
const ENDPOINT = 'مستقبل الأخبار';
const SAVED = /محفوظ محليًا|Saved locally/;

// ---------- a local webhook receiver (node:http on loopback, in the test process) ----------

type Mode = 'ok' | 'fail' | 'reject' | 'conflict' | 'slow';

interface Receiver {
  url: string;
  mode: Mode;
  readonly requests: { headers: IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  let next = 1;
  const requests: Receiver['requests'] = [];
  const state = { mode: 'ok' as Mode };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (state.mode === 'fail') {
        response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"down for maintenance"}');
        return;
      }
      if (state.mode === 'reject') {
        response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad request"}');
        return;
      }
      if (state.mode === 'conflict') {
        response.writeHead(409, { 'content-type': 'application/json' }).end('{"error":"edited on the site"}');
        return;
      }
      const id = String(next++);
      const { port } = server.address() as AddressInfo;
      const answer = () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, url: `http://127.0.0.1:${port}/posts/${id}` }));
      if (state.mode === 'slow') setTimeout(answer, 1500);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/midad`,
    get mode() {
      return state.mode;
    },
    set mode(value: Mode) {
      state.mode = value;
    },
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---------- core helpers ----------

async function core<C extends Channel>(midad: MidadHarness, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await dispatch(midad.core, channel, request, midad.core.sessionContext());
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

/** Runs one pass of the outbox engine now (the test holds the pace, not the engine's timer). */
async function runEngine(midad: MidadHarness): Promise<void> {
  await midad.core.open.outbox.runOnce();
}

/** A new article approved through the core's workflow (self-approval allowed for the admin). */
async function approvedArticle(midad: MidadHarness, title: string, text: string): Promise<string> {
  await core(midad, 'settings.update', { allowSelfApproval: true });
  const article = await core(midad, 'articles.create', { fields: { title } });
  await core(midad, 'articles.save', {
    id: article.id,
    baseVersion: article.version,
    patch: { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
    reason: 'manual',
  });
  for (const action of ['submit', 'claim', 'approve'] as const) await core(midad, 'workflow.act', { id: article.id, action });
  return article.id;
}

// ---------- page helpers ----------

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function openEndpoints(page: Page): Promise<void> {
  await page.getByTestId('admin-menu').click();
  await page.getByTestId('open-endpoints').click();
  await expect(page.getByTestId('endpoints-dialog')).toBeVisible();
}

async function addWebhook(page: Page, url: string): Promise<void> {
  await openEndpoints(page);
  await page.getByTestId('endpoint-add-webhook').click();
  const form = page.getByTestId('endpoint-form');
  await expect(form).toHaveAttribute('data-kind', 'webhook');
  await expect(page.getByTestId('endpoint-name')).toBeFocused();
  // Nothing is sent while a field is missing.
  await page.getByTestId('endpoint-save').click();
  await expect(page.getByTestId('endpoint-problem')).toHaveText('اكتب اسمًا للوجهة.');
  await page.getByTestId('endpoint-name').fill(ENDPOINT);
  await page.getByTestId('endpoint-url').fill(url);
  await page.getByTestId('endpoint-save').click();
  await expect(page.getByTestId('endpoint-problem')).toHaveText('اكتب كلمة مرور التطبيق أو السر المشترك.');
  await page.getByTestId('endpoint-secret').fill(SECRET);
  await page.getByTestId('endpoint-save').click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('endpoints-notice')).toContainText(ENDPOINT);
  await expect(page.getByTestId('endpoint-row').filter({ hasText: ENDPOINT })).toHaveAttribute('data-enabled', 'true');
}

async function openArticle(page: Page, title: string): Promise<void> {
  await page.getByTestId('desk-view-all').click();
  await page.getByTestId('article-list-item').filter({ hasText: title }).click();
  await expect(page.getByTestId('title-input')).toHaveValue(title);
}

// ---------- renderer wiring (needs nothing from the sync core) ----------

test.describe('publishing: where it lives', () => {
  test('does offer Endpoints in the admin menu and the Outbox in the header, and show the core’s answer in Arabic', async ({ midad }, testInfo) => {
    const { page } = midad;
    await expect(page.getByTestId('new-article')).toBeVisible();
    await expect(page.getByTestId('open-outbox')).toHaveText('صندوق الإرسال');
    await page.getByTestId('admin-menu').click();
    await expect(page.getByTestId('open-endpoints')).toHaveText('وجهات النشر');
    await page.getByTestId('open-endpoints').click();
    const dialog = page.getByTestId('endpoints-dialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('endpoint-add-wordpress')).toBeFocused();
    // The list (possibly empty): never a blank dialog.
    await expect(dialog.getByTestId('endpoints-empty').or(dialog.getByTestId('endpoint-row').first())).toBeVisible();

    // The WordPress form asks for the user name and an application password (write-only).
    await page.getByTestId('endpoint-add-wordpress').click();
    await expect(page.getByTestId('endpoint-form')).toHaveAttribute('data-kind', 'wordpress');
    await expect(page.getByTestId('endpoint-secret')).toHaveAttribute('type', 'password');
    await page.getByTestId('endpoint-name').fill('الموقع الرئيسي');
    await page.getByTestId('endpoint-url').fill('https://example.com');
    await page.getByTestId('endpoint-secret').fill('abcd efgh ijkl mnop');
    await page.getByTestId('endpoint-save').click();
    await expect(page.getByTestId('endpoint-problem')).toHaveText('اكتب اسم المستخدم في ووردبريس.');
    await expect(page.getByTestId('endpoint-username')).toBeFocused();
    await shot(page, testInfo, 'publishing-endpoint-form-ar');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('endpoint-form')).toHaveCount(0);
    await expect(dialog).toBeVisible();
    await page.getByTestId('endpoints-dialog-close').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('admin-menu')).toBeFocused();

    // The article's side panel has a Publishing tab.
    await page.getByTestId('new-article').click();
    await page.getByTestId('side-tab-publishing').click();
    await expect(page.getByTestId('side-tab-publishing')).toHaveText('النشر');
    await expect(page.getByTestId('publishing-panel')).toBeVisible();
    await expect(page.getByTestId('publishing-empty')).toBeVisible();
  });
});

// ---------- the whole story against a local webhook receiver ----------

test.describe('publishing: a webhook endpoint end to end', () => {
  let receiver: Receiver;
  test.beforeEach(async () => {
    receiver = await startReceiver();
  });
  test.afterEach(async () => {
    await receiver.close();
  });

  test('does add a webhook (secret never shown back), test it, publish an approved article, retry after a 500, count in the status bar and cancel from the outbox', async ({ midad }, testInfo) => {
    test.setTimeout(120_000);
    const { page } = midad;
    await expect(page.getByTestId('new-article')).toBeVisible();

    // ---- The admin adds the receiver as a webhook endpoint; the secret never comes back.
    await addWebhook(page, receiver.url);
    expect(await page.content()).not.toContain(SECRET);
    const row = page.getByTestId('endpoint-row').filter({ hasText: ENDPOINT });
    await row.getByTestId('endpoint-edit').click();
    await expect(page.getByTestId('endpoint-secret')).toHaveValue('');
    await expect(page.getByTestId('endpoint-secret-help')).toHaveAttribute('data-stored', 'true');
    await expect(page.getByTestId('endpoint-secret-help')).toContainText('اتركه فارغًا للإبقاء عليه');
    await page.getByTestId('endpoint-cancel').click();
    expect(JSON.stringify(await core(midad, 'endpoints.list', {}))).not.toContain(SECRET);

    // ---- Test connection.
    await row.getByTestId('endpoint-test').click();
    const result = row.getByTestId('endpoint-test-result');
    await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(result).toContainText('نجح الاتصال');
    expect(await seriousViolations(page, '[data-testid="endpoints-dialog"]')).toEqual([]);
    await shot(page, testInfo, 'publishing-endpoints-dialog-ar');
    await page.getByTestId('endpoints-dialog-close').click();

    // ---- An article approved through the action bar is queued, then published.
    const title = 'افتتاح مكتبة عامة جديدة في حي الزيتون';
    await core(midad, 'settings.update', { allowSelfApproval: true });
    await page.getByTestId('new-article').click();
    await page.getByTestId('title-input').fill(title);
    await page.getByTestId('editor').locator('.ProseMirror').click();
    await page.keyboard.insertText('افتتحت البلدية صباح اليوم مكتبة عامة تضم أكثر من عشرين ألف كتاب بالعربية والإنجليزية (English).');
    await expect(page.getByTestId('status-save')).toHaveText(SAVED, { timeout: 5000 });
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-claim').click();
    await page.getByTestId('action-approve').click();
    await page.getByTestId('approve-now').check();
    await page.getByTestId('approve-dialog-confirm').click();
    await expect(page.getByTestId('action-bar-status')).toHaveText('معتمد');
    await page.getByTestId('side-tab-publishing').click();
    const item = page.getByTestId('publishing-item').filter({ hasText: ENDPOINT });
    await expect(item).toBeVisible();
    // Queued (or already on its way, if the engine was quicker than the first poll).
    await expect(item).toHaveAttribute('data-state', /queued|sending|published/);
    await runEngine(midad);
    await expect(item).toHaveAttribute('data-state', 'published', { timeout: 20_000 });
    await expect(item.getByTestId('sync-state')).toHaveText('منشور');
    const link = item.getByTestId('sync-remote-link');
    await expect(link).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/posts\/\d+$/);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
    await expect(item.getByTestId('publishing-last-attempt')).toContainText('آخر محاولة');
    expect(receiver.requests.some((request) => request.body.includes(title))).toBe(true);

    // ---- The receiver answers 500: retry at… with the reason in Arabic; retry now works.
    receiver.mode = 'fail';
    const failingTitle = 'انقطاع الكهرباء عن أحياء الشمال ثلاث ساعات';
    const failingId = await approvedArticle(midad, failingTitle, 'انقطعت الكهرباء عن أحياء الشمال مساء أمس بسبب عطل في محطة التحويل.');
    await runEngine(midad);
    await expect.poll(async () => (await core(midad, 'sync.article', { articleId: failingId }))[0]?.state, { timeout: 20_000 }).toBe('retry');
    await page.reload();
    await openArticle(page, failingTitle);
    await page.getByTestId('side-tab-publishing').click();
    const failing = page.getByTestId('publishing-item').filter({ hasText: ENDPOINT });
    await expect(failing).toHaveAttribute('data-state', 'retry');
    await expect(failing.getByTestId('sync-state')).toContainText('إعادة المحاولة');
    const reason = failing.getByTestId('publishing-item-error');
    await expect(reason).toBeVisible();
    await expect(reason).toContainText(/[\u0600-\u06FF]/);
    await expect(reason).toContainText('السبب');
    // The status bar counts what waits (polled every 10 s).
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', /true|false/, { timeout: 12_000 });
    await expect.poll(async () => Number(await page.getByTestId('sync-status').getAttribute('data-queued')), { timeout: 12_000 }).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('sync-queued')).toContainText('في الانتظار');
    await shot(page, testInfo, 'publishing-tab-retry-ar');

    receiver.mode = 'ok';
    await failing.getByTestId('sync-retry').click();
    await runEngine(midad);
    await expect(failing).toHaveAttribute('data-state', 'published', { timeout: 20_000 });
    await expect(failing.getByTestId('sync-remote-link')).toBeVisible();

    // ---- A permanent refusal (400) fails; the status bar counts it.
    receiver.mode = 'reject';
    const rejectedTitle = 'نتائج مسابقة القراءة الوطنية';
    const rejectedId = await approvedArticle(midad, rejectedTitle, 'أعلنت وزارة الثقافة أسماء الفائزين في مسابقة القراءة الوطنية.');
    await runEngine(midad);
    await expect.poll(async () => (await core(midad, 'sync.article', { articleId: rejectedId }))[0]?.state, { timeout: 20_000 }).toBe('failed');
    await expect(page.getByTestId('sync-failed')).toContainText('فشل', { timeout: 12_000 });

    // ---- A queued article in the outbox: cancel it (after a confirmation).
    receiver.mode = 'fail';
    const cancelTitle = 'تأجيل مهرجان الربيع إلى الشهر المقبل';
    const cancelId = await approvedArticle(midad, cancelTitle, 'قررت اللجنة المنظمة تأجيل مهرجان الربيع بسبب الأحوال الجوية.');
    await runEngine(midad);
    await page.getByTestId('open-outbox').click();
    const outbox = page.getByTestId('outbox-dialog');
    await expect(outbox).toBeVisible();
    const rows = outbox.getByTestId('outbox-row');
    await expect(rows.filter({ hasText: title })).toHaveAttribute('data-state', 'published');
    await expect(rows.filter({ hasText: rejectedTitle })).toHaveAttribute('data-state', 'failed');
    const toCancel = rows.filter({ hasText: cancelTitle });
    await expect(toCancel).toHaveAttribute('data-state', /queued|retry/);
    expect(await seriousViolations(page, '[data-testid="outbox-dialog"]')).toEqual([]);
    await shot(page, testInfo, 'publishing-outbox-ar');
    await toCancel.getByTestId('sync-cancel').click();
    await expect(page.getByTestId('sync-cancel-dialog')).toContainText(cancelTitle);
    await page.getByTestId('sync-cancel-dialog-confirm').click();
    await expect(toCancel).toHaveAttribute('data-state', 'cancelled');
    expect((await core(midad, 'sync.article', { articleId: cancelId }))[0]?.state).toBe('cancelled');

    // The state filter narrows the list.
    await page.getByTestId('outbox-state').selectOption('failed');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(rejectedTitle);
    await page.getByTestId('outbox-state').selectOption('conflict');
    await expect(page.getByTestId('outbox-empty')).toHaveText('لا عناصر بهذه الحالة.');
    await page.getByTestId('outbox-dialog-close').click();
    await expect(outbox).toHaveCount(0);

    // ---- The Publishing tab of the published article, for the record.
    await openArticle(page, title);
    await page.getByTestId('side-tab-publishing').click();
    await expect(page.getByTestId('publishing-item').first()).toHaveAttribute('data-state', 'published');
    await shot(page, testInfo, 'publishing-tab-published-ar');
    expect(await seriousViolations(page, '[data-testid="publishing-panel"]')).toEqual([]);
  });
});

test.describe('publishing: batches and conflicts', () => {
  let receiver: Receiver;
  test.beforeEach(async () => {
    receiver = await startReceiver();
  });
  test.afterEach(async () => {
    await receiver.close();
  });

  test('does show a progress bar in the outbox while a batch is being sent', async ({ midad }, testInfo) => {
    test.setTimeout(120_000);
    const { page } = midad;
    await core(midad, 'endpoints.save', { kind: 'webhook', name: ENDPOINT, url: receiver.url, enabled: true, secret: SECRET });
    receiver.mode = 'slow';
    const titles = Array.from({ length: 8 }, (_, index) => `نشرة الطقس المسائية رقم ${index + 1}`);
    for (const title of titles) await approvedArticle(midad, title, `${title}: سماء صافية ورياح خفيفة.`);
    await page.getByTestId('open-outbox').click();
    const progress = page.getByTestId('outbox-progress');
    await expect(progress).toBeVisible();
    await expect(progress).toContainText('أُرسل 0 من 8');
    const pass = runEngine(midad);
    await expect(page.getByTestId('outbox-row').filter({ has: page.locator('[data-state="sending"]') }).first()).toBeVisible({ timeout: 10_000 });
    await shot(page, testInfo, 'publishing-outbox-progress-ar');
    await pass;
    await expect(page.getByTestId('outbox-row').and(page.locator('[data-state="published"]'))).toHaveCount(8, { timeout: 20_000 });
    await expect(progress).toHaveCount(0);
  });

  test('does show a conflict as remote against local and overwrite the remote only after a confirmation', async ({ midad }, testInfo) => {
    test.setTimeout(120_000);
    const { page } = midad;
    await core(midad, 'endpoints.save', { kind: 'webhook', name: ENDPOINT, url: receiver.url, enabled: true, secret: SECRET });
    const title = 'وزارة الصحة تطلق حملة تطعيم في المدارس';
    const id = await approvedArticle(midad, title, 'أطلقت وزارة الصحة حملة تطعيم في المدارس الابتدائية تستمر أسبوعين.');
    await runEngine(midad);
    await expect.poll(async () => (await core(midad, 'sync.article', { articleId: id }))[0]?.state, { timeout: 20_000 }).toBe('published');

    // A correction queues an update; the receiver says the post changed there (409).
    await core(midad, 'workflow.act', { id, action: 'correct' });
    const head = await core(midad, 'articles.get', { id });
    await core(midad, 'articles.save', {
      id,
      baseVersion: head.version,
      patch: { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'أطلقت وزارة الصحة حملة تطعيم واسعة في المدارس الابتدائية والإعدادية تستمر ثلاثة أسابيع.' }] }] } },
      reason: 'manual',
    });
    await core(midad, 'workflow.act', { id, action: 'approve' });
    receiver.mode = 'conflict';
    await runEngine(midad);
    await expect.poll(async () => (await core(midad, 'sync.article', { articleId: id }))[0]?.state, { timeout: 20_000 }).toBe('conflict');

    await page.reload();
    await openArticle(page, title);
    await page.getByTestId('side-tab-publishing').click();
    const item = page.getByTestId('publishing-item').filter({ hasText: ENDPOINT });
    await expect(item).toHaveAttribute('data-state', 'conflict');
    await expect(item.getByTestId('sync-state')).toHaveText('تعارض');
    await expect(page.getByTestId('sync-conflicts')).toContainText('تعارض', { timeout: 12_000 });
    await item.getByTestId('sync-conflict-open').click();
    const dialog = page.getByTestId('conflict-dialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('conflict-local-title')).toHaveText(title);
    const diff = page.getByTestId('conflict-diff');
    await expect(diff).toHaveAttribute('dir', 'rtl');
    await expect(diff.getByTestId('diff-ins').first()).toBeVisible();
    expect(await seriousViolations(page, '[data-testid="conflict-dialog"]')).toEqual([]);
    await shot(page, testInfo, 'publishing-conflict-ar');

    // Each way out asks first; backing out changes nothing.
    await page.getByTestId('conflict-overwrite').click();
    await expect(page.getByTestId('conflict-confirm')).toContainText('تضيع تعديلات الموقع');
    await page.getByTestId('conflict-confirm').getByRole('button', { name: 'إلغاء' }).click();
    await expect(page.getByTestId('conflict-confirm')).toHaveCount(0);
    expect((await core(midad, 'sync.article', { articleId: id }))[0]?.state).toBe('conflict');

    receiver.mode = 'ok';
    await page.getByTestId('conflict-overwrite').click();
    await page.getByTestId('conflict-confirm-confirm').click();
    await expect(dialog).toHaveCount(0);
    await expect(item).toHaveAttribute('data-state', /queued|sending|published/);
    await runEngine(midad);
    await expect(item).toHaveAttribute('data-state', 'published', { timeout: 20_000 });

    // Another correction meets another server edit: "edit and resend" sends the article back to
    // the desk, and the open article shows it at once; the item waits for the next approval.
    await core(midad, 'workflow.act', { id, action: 'correct' });
    const again = await core(midad, 'articles.get', { id });
    await core(midad, 'articles.save', {
      id,
      baseVersion: again.version,
      patch: { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'أطلقت وزارة الصحة حملة تطعيم واسعة في المدارس تستمر شهرًا كاملًا.' }] }] } },
      reason: 'manual',
    });
    await core(midad, 'workflow.act', { id, action: 'approve' });
    receiver.mode = 'conflict';
    await runEngine(midad);
    await page.getByTestId('publishing-refresh').click();
    await expect(item).toHaveAttribute('data-state', 'conflict', { timeout: 20_000 });
    await item.getByTestId('sync-conflict-open').click();
    await page.getByTestId('conflict-editAndResend').click();
    await expect(page.getByTestId('conflict-confirm')).toContainText('يعود المقال إلى المكتب');
    await page.getByTestId('conflict-confirm-confirm').click();
    await expect(page.getByTestId('conflict-dialog')).toHaveCount(0);
    await expect(page.getByTestId('action-bar-status')).toHaveText('قيد المراجعة');
    await page.getByTestId('side-tab-publishing').click();
    await expect(item).toHaveAttribute('data-state', 'held');
    await expect(item.getByTestId('sync-state')).toHaveText('ينتظر التعديل وإعادة الاعتماد');
    await expect(item.getByTestId('sync-retry')).toHaveCount(0);
  });
});

test.describe('publishing: roles and language', () => {
  test('does keep the outbox and the item actions from an editor, who still sees where the article went', async ({ browser }, testInfo) => {
    const midad = await MidadHarness.start(browser, { dataDir: testInfo.outputPath('data'), signIn: { name: 'سلمى العلوي', role: 'editor' } });
    try {
      const { page } = midad;
      await expect(page.getByTestId('new-article')).toBeVisible();
      await expect(page.getByTestId('open-outbox')).toHaveCount(0);
      await expect(page.getByTestId('admin-menu')).toHaveCount(0);
      await page.getByTestId('new-article').click();
      await page.getByTestId('side-tab-publishing').click();
      const panel = page.getByTestId('publishing-panel');
      await expect(panel).toBeVisible();
      await expect(page.getByTestId('publishing-empty')).toBeVisible();
      await expect(panel.getByTestId('sync-retry')).toHaveCount(0);
      await expect(panel.getByTestId('sync-cancel')).toHaveCount(0);
    } finally {
      await midad.close();
    }
  });

  test('does lay the endpoints dialog and the outbox out left to right in English', async ({ midad }, testInfo) => {
    const receiver = await startReceiver();
    try {
      await core(midad, 'settings.update', { language: 'en' });
      await core(midad, 'endpoints.save', { kind: 'webhook', name: 'Wire desk', url: receiver.url, enabled: true, secret: SECRET });
      await core(midad, 'endpoints.save', { kind: 'wordpress', name: 'الموقع الرئيسي', url: 'http://127.0.0.1:9/', username: 'desk', enabled: false, unpublishMode: 'trash', secret: 'abcd efgh ijkl mnop' });
      await approvedArticle(midad, 'Council approves the bus network plan', 'The council approved the plan on Sunday.');
      await runEngine(midad);
      const { page } = midad;
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
      await page.getByTestId('admin-menu').click();
      await page.getByTestId('open-endpoints').click();
      await expect(page.getByTestId('endpoint-row')).toHaveCount(2);
      await page.getByTestId('endpoint-row').filter({ hasText: 'الموقع الرئيسي' }).getByTestId('endpoint-edit').click();
      await expect(page.getByTestId('endpoint-form')).toHaveAttribute('data-kind', 'wordpress');
      await expect(page.getByTestId('endpoint-username')).toHaveValue('desk');
      await expect(page.getByTestId('endpoint-secret')).toHaveValue('');
      await expect(page.getByTestId('endpoint-unpublish-trash')).toBeChecked();
      expect(await seriousViolations(page, '[data-testid="endpoints-dialog"]')).toEqual([]);
      await shot(page, testInfo, 'publishing-endpoints-dialog-en');
      // Saving with the secret left empty keeps the stored one.
      await page.getByTestId('endpoint-concurrency').fill('0');
      await page.getByTestId('endpoint-save').click();
      await expect(page.getByTestId('endpoint-problem')).toHaveText('Enter a whole number from 1 to 16 for requests at once.');
      await page.getByTestId('endpoint-concurrency').fill('2');
      await page.getByTestId('endpoint-save').click();
      await expect(page.getByTestId('endpoint-form')).toHaveCount(0);
      const stored = (await core(midad, 'endpoints.list', {})).find((endpoint) => endpoint.kind === 'wordpress');
      expect(stored).toMatchObject({ concurrency: 2, hasSecret: true, unpublishMode: 'trash', username: 'desk', enabled: false });
      await page.getByTestId('endpoints-dialog-close').click();
      await page.getByTestId('open-outbox').click();
      await expect(page.getByTestId('outbox-row').first()).toHaveAttribute('data-state', 'published');
      await shot(page, testInfo, 'publishing-outbox-en');
    } finally {
      await receiver.close();
    }
  });
});
