import type { Page, TestInfo } from '@playwright/test';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { Role } from '../../shared/domain/user';
import { TEST_PASSWORD } from '../support/tempCore';
import { MidadHarness } from './harness/MidadHarness';
import { expect, test } from './fixtures';
import { seriousViolations } from './checks';

const ADMIN = 'مديرة التحرير';
const SAVED = /محفوظ محليًا|Saved locally/;

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** A harness whose window starts with nobody signed in (setup or the sign-in screen). */
async function startSignedOut(browser: Parameters<typeof MidadHarness.start>[0], testInfo: TestInfo, prepare?: (harness: MidadHarness) => Promise<void>) {
  const harness = await MidadHarness.start(browser, { dataDir: testInfo.outputPath('data'), signIn: false });
  if (prepare) {
    await prepare(harness);
    await harness.reload();
  }
  return harness;
}

/** Creates an account directly in the core, as the admin would (setup first when there is none). */
async function addUser(harness: MidadHarness, name: string, role: Role, password = TEST_PASSWORD): Promise<string> {
  const { accounts } = harness.core.open;
  if (!accounts.hasUsers()) await accounts.setupAdmin(ADMIN, TEST_PASSWORD);
  const admin = accounts.findByName(ADMIN)!;
  const existing = accounts.findByName(name);
  if (existing) return existing.id;
  const user = await accounts.create({ actor: admin.id, user: { id: admin.id, name: admin.name, role: 'admin' } }, name, role, password);
  return user.id;
}

async function signIn(page: Page, name: string, password = TEST_PASSWORD): Promise<void> {
  await expect(page.getByTestId('signin-screen')).toBeVisible();
  await page.getByTestId('signin-users').getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-password').press('Enter');
}

async function expectWorkspace(page: Page, name: string, roleLabel: string): Promise<void> {
  await expect(page.getByTestId('new-article')).toBeVisible();
  await expect(page.getByTestId('account-user')).toContainText(name);
  await expect(page.getByTestId('account-role')).toHaveText(roleLabel);
}

async function newArticleWithText(page: Page, title: string, text: string): Promise<void> {
  await page.getByTestId('new-article').click();
  await page.getByTestId('title-input').fill(title);
  const body = page.getByTestId('editor').locator('.ProseMirror');
  await body.click();
  await expect(body).toBeFocused();
  await page.keyboard.insertText(text);
  await expect(page.getByTestId('status-save')).toHaveText(SAVED, { timeout: 5000 });
}

function storedBody(harness: MidadHarness, title: string): string {
  return harness.storedHtml(title);
}

test.describe('accounts', () => {
  test('does create the admin on first run, explain the password rules and land in the workspace', async ({ browser }, testInfo) => {
    const midad = await startSignedOut(browser, testInfo);
    try {
      const { page } = midad;
      await expect(page.getByTestId('setup-screen')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(page.getByTestId('setup-screen')).toContainText('10 أحرف على الأقل');
      await expect(page.getByTestId('setup-name')).toBeFocused();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, testInfo, 'setup-ar');

      await page.getByTestId('setup-name').fill('سلمى العلوي');
      await page.getByTestId('setup-password').fill('قصيرة');
      await page.getByTestId('setup-confirm').fill('قصيرة');
      await page.getByTestId('setup-submit').click();
      await expect(page.getByTestId('auth-error')).toContainText('كلمة المرور قصيرة');
      await page.getByTestId('setup-password').fill(TEST_PASSWORD);
      await page.getByTestId('setup-confirm').fill(`${TEST_PASSWORD}x`);
      await page.getByTestId('setup-confirm').press('Enter');
      await expect(page.getByTestId('auth-error')).toHaveText('كلمتا المرور غير متطابقتين.');
      expect(midad.core.open.accounts.hasUsers()).toBe(false);

      await page.getByTestId('setup-confirm').fill(TEST_PASSWORD);
      await page.getByTestId('setup-confirm').press('Enter');
      await expectWorkspace(page, 'سلمى العلوي', 'مدير');
      const admin = midad.core.open.accounts.findByName('سلمى العلوي');
      expect(admin?.role).toBe('admin');
      await expect(page.getByTestId('admin-menu')).toBeVisible();
    } finally {
      await midad.close();
    }
  });

  test('does sign out after saving, sign in again and say clearly when the password is wrong', async ({ midad }, testInfo) => {
    const { page } = midad;
    await expectWorkspace(page, ADMIN, 'مدير');
    await newArticleWithText(page, 'مقال قبل الخروج', 'كتبتُ هذه الجملة قبل تسجيل الخروج');
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('signin-screen')).toBeVisible();
    expect(storedBody(midad, 'مقال قبل الخروج')).toContain('كتبتُ هذه الجملة قبل تسجيل الخروج');
    expect(midad.core.open.session.current()).toBeNull();

    // The account signed out last is picked already; the password field has the focus.
    await expect(page.getByTestId('signin-users').getByRole('radio', { name: new RegExp(ADMIN) })).toBeChecked();
    await expect(page.getByTestId('signin-password')).toBeFocused();
    await expect(page.getByTestId('signin-user')).toContainText([/مدير/]);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, testInfo, 'signin-ar');

    await page.getByTestId('signin-password').fill('كلمة خاطئة تمامًا');
    await page.getByTestId('signin-submit').click();
    await expect(page.getByTestId('auth-error')).toHaveText('اسم المستخدم أو كلمة المرور غير صحيحة.');
    await expect(page.getByTestId('signin-password')).toHaveValue('');
    await expect(page.getByTestId('signin-password')).toBeFocused();

    await page.getByTestId('signin-password').fill(TEST_PASSWORD);
    await page.getByTestId('signin-password').press('Enter');
    await expectWorkspace(page, ADMIN, 'مدير');
    // Back where the admin left off.
    await expect(page.getByTestId('title-input')).toHaveValue('مقال قبل الخروج');
  });

  test('does make the person wait after five wrong passwords, counting down, with the button disabled', async ({ browser }, testInfo) => {
    const midad = await startSignedOut(browser, testInfo, async (harness) => {
      await addUser(harness, 'كريم المدقق', 'reviewer');
    });
    try {
      const { page } = midad;
      await expect(page.getByTestId('signin-screen')).toBeVisible();
      await page.getByTestId('signin-users').getByRole('radio', { name: /كريم المدقق/ }).check();
      const signIns = () => midad.calls.filter((call) => call.channel === 'auth.signIn').length;
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        await page.getByTestId('signin-password').fill(`خطأ رقم ${attempt}`);
        await page.getByTestId('signin-submit').click();
        await expect.poll(signIns).toBe(attempt);
        await expect(page.getByTestId('auth-error')).toHaveAttribute('data-error-code', 'INVALID_CREDENTIALS');
      }
      // The core now wants a growing pause (2 s, 4 s…) before each attempt; one made at once is
      // refused unread. On a slow machine the pause may pass before the click: try again, at most
      // a few times, until an attempt lands inside it.
      const wait = page.getByTestId('auth-wait');
      for (let attempt = 6; attempt <= 9 && !(await wait.isVisible()); attempt += 1) {
        await page.getByTestId('signin-password').fill(`محاولة رقم ${attempt}`);
        await page.getByTestId('signin-submit').click();
        await expect.poll(signIns).toBe(attempt);
        await expect(page.getByTestId('signin-submit')).not.toHaveText('جارٍ التحقق…');
      }
      await expect(wait).toBeVisible();
      await expect(wait).toContainText('محاولات خاطئة كثيرة.');
      await expect(wait).toContainText(/أعد المحاولة بعد (ثانية واحدة|ثانيتين|[0-9]+ ثوانٍ)/);
      await expect(page.getByTestId('signin-submit')).toBeDisabled();
      expect(midad.calls.at(-1)).toMatchObject({ channel: 'auth.signIn', ok: false, code: 'TOO_MANY_ATTEMPTS' });
      // The countdown ends and the button comes back.
      await expect(wait).toBeHidden({ timeout: 20_000 });
      await expect(page.getByTestId('signin-submit')).toBeEnabled();
      await page.getByTestId('signin-password').fill(TEST_PASSWORD);
      await page.getByTestId('signin-submit').click();
      await expectWorkspace(page, 'كريم المدقق', 'مدقق');
    } finally {
      await midad.close();
    }
  });

  test('does refuse a disabled account, and leave it off the sign-in list', async ({ browser }, testInfo) => {
    let reviewerId = '';
    const midad = await startSignedOut(browser, testInfo, async (harness) => {
      reviewerId = await addUser(harness, 'ليلى الموقوفة', 'reviewer');
    });
    try {
      const { page } = midad;
      await page.getByTestId('signin-users').getByRole('radio', { name: /ليلى الموقوفة/ }).check();
      // Disabled by the admin (through the CLI) while the sign-in screen was open.
      midad.core.open.accounts.update({ actor: 'cli:test', user: { id: null, name: 'test', role: 'admin' } }, reviewerId, { disabled: true });
      await page.getByTestId('signin-password').fill(TEST_PASSWORD);
      await page.getByTestId('signin-submit').click();
      await expect(page.getByTestId('auth-error')).toHaveText('هذا الحساب معطّل. راجع المدير.');
      await expect(page.getByTestId('signin-screen')).toBeVisible();
      expect(midad.core.open.session.current()).toBeNull();
      await midad.reload();
      await expect(page.getByTestId('signin-user')).toHaveCount(1);
      await expect(page.getByTestId('signin-users')).not.toContainText('ليلى الموقوفة');
      // The sign-in screen in English, for a newsroom that works in it.
      await page.getByTestId('auth-language').click();
      await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
      await expect(page.getByTestId('signin-user')).toContainText('Admin');
      await page.getByTestId('signin-password').fill('wrong password');
      await page.getByTestId('signin-password').press('Enter');
      await expect(page.getByTestId('auth-error')).toHaveText('Wrong user or password.');
      await shot(page, testInfo, 'signin-en');
    } finally {
      await midad.close();
    }
  });

  test('does let the admin add a reviewer and an editor, refuse clashes and the last admin, and hide the admin screens from the editor', async ({ midad }, testInfo) => {
    const { page } = midad;
    await expectWorkspace(page, ADMIN, 'مدير');
    await page.getByTestId('admin-menu').click();
    await expect(page.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('open-audit')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('users-dialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('users-new')).toBeFocused();

    const create = async (name: string, role: Role, confirm = TEST_PASSWORD) => {
      await page.getByTestId('users-new').click();
      await expect(page.getByTestId('new-user-name')).toBeFocused();
      await page.getByTestId('new-user-name').fill(name);
      await page.getByTestId('new-user-role').selectOption(role);
      await page.getByTestId('new-user-password').fill(TEST_PASSWORD);
      await page.getByTestId('new-user-confirm').fill(confirm);
      await page.getByTestId('new-user-confirm').press('Enter');
    };
    await create('كريم المدقق', 'reviewer');
    await expect(page.getByTestId('users-notice')).toHaveText('أُضيف كريم المدقق (مدقق).');
    await create('نادية المحررة', 'editor', 'لا تطابق كلمة المرور');
    await expect(page.getByTestId('user-create-error')).toHaveText('كلمتا المرور غير متطابقتين.');
    await page.getByTestId('new-user-confirm').fill(TEST_PASSWORD);
    await page.getByTestId('new-user-confirm').press('Enter');
    await expect(page.getByTestId('users-notice')).toHaveText('أُضيف نادية المحررة (محرر).');
    await expect(page.getByTestId('user-row')).toHaveCount(3);
    await expect(page.getByTestId('users-count')).toHaveText('3 مستخدمين');

    // The same name again (whatever the spacing) is refused with the core's message.
    await create('  كريم   المدقق ', 'editor');
    await expect(page.getByTestId('user-create-error')).toHaveAttribute('data-error-code', 'ALREADY_EXISTS');
    await expect(page.getByTestId('user-create-error')).toContainText('يوجد مستخدم باسم «كريم المدقق» مسبقًا');
    // Escape closes the form, not the screen.
    await page.getByTestId('new-user-name').press('Escape');
    await expect(page.getByTestId('user-create-form')).toBeHidden();
    await expect(dialog).toBeVisible();

    // The only admin cannot stop being one.
    const adminRow = page.locator('[data-testid="user-row"]', { hasText: ADMIN });
    await adminRow.getByTestId('user-role').selectOption('editor');
    await expect(page.getByTestId('users-error')).toHaveAttribute('data-error-code', 'LAST_ADMIN');
    await expect(page.getByTestId('users-error')).toHaveText('هذا آخر مدير: عيّن مديرًا آخر أولًا.');
    await expect(adminRow.getByTestId('user-role')).toHaveValue('admin');
    await adminRow.getByTestId('user-toggle').click();
    await expect(page.getByTestId('users-error')).toHaveAttribute('data-error-code', 'LAST_ADMIN');
    await expect(adminRow.getByTestId('user-state')).toHaveText('مفعّل');

    // Role change, disable and enable, new password for the reviewer.
    const reviewerRow = page.locator('[data-testid="user-row"]', { hasText: 'كريم المدقق' });
    await reviewerRow.getByTestId('user-role').selectOption('admin');
    await expect(page.getByTestId('users-notice')).toHaveText('حُفظ التغيير على كريم المدقق.');
    await reviewerRow.getByTestId('user-role').selectOption('reviewer');
    await expect(reviewerRow.getByTestId('user-role')).toHaveValue('reviewer');
    await reviewerRow.getByTestId('user-toggle').click();
    await expect(reviewerRow.getByTestId('user-state')).toHaveText('معطّل');
    expect(midad.core.open.accounts.findByName('كريم المدقق')?.disabled).toBe(true);
    await reviewerRow.getByTestId('user-toggle').click();
    await expect(reviewerRow.getByTestId('user-state')).toHaveText('مفعّل');
    await reviewerRow.getByTestId('user-reset').click();
    await expect(page.getByTestId('reset-password')).toBeFocused();
    await page.getByTestId('reset-password').fill('كلمة-مرور-جديدة-للمدقق');
    await page.getByTestId('reset-confirm').fill('كلمة-مرور-جديدة-للمدقق');
    await page.getByTestId('reset-confirm').press('Enter');
    await expect(page.getByTestId('users-notice')).toContainText('تغيّرت كلمة مرور كريم المدقق');
    await page.getByTestId('users-new').click();
    await page.getByTestId('new-user-name').fill('مستخدم للعرض');
    await page.getByTestId('new-user-name').blur();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, testInfo, 'users-ar');
    await page.getByTestId('new-user-name').press('Escape');

    // Escape closes the screen and gives the focus back to the admin menu.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('admin-menu')).toBeFocused();

    // The editor signs in: no admin menu, no one-person-desk switch.
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('signin-user')).toHaveCount(3);
    await shot(page, testInfo, 'signin-list-ar');
    await signIn(page, 'نادية المحررة');
    await expectWorkspace(page, 'نادية المحررة', 'محرر');
    await expect(page.getByTestId('admin-menu')).toHaveCount(0);
    await expect(page.getByTestId('open-users')).toHaveCount(0);
    await page.getByTestId('settings-button').click();
    await expect(page.getByTestId('settings-idle-lock')).toBeVisible();
    await expect(page.getByTestId('settings-self-approval')).toHaveCount(0);
    // And the core refuses the admin's calls to her anyway.
    const refused = await page.evaluate(async () => JSON.stringify(await (window as unknown as { midad: { users: { list: (r: object) => Promise<unknown> } } }).midad.users.list({})));
    expect(JSON.parse(refused)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The reviewer's new password works.
    await page.keyboard.press('Escape');
    await page.getByTestId('sign-out').click();
    await signIn(page, 'كريم المدقق', 'كلمة-مرور-جديدة-للمدقق');
    await expectWorkspace(page, 'كريم المدقق', 'مدقق');
  });

  test('does lock from the header over the open article and unlock with the same password, keeping the text', async ({ midad }, testInfo) => {
    const { page } = midad;
    await newArticleWithText(page, 'مقال يُقفل', 'نص مكتوب قبل القفل');
    await page.getByTestId('lock-now').click();
    const lock = page.getByTestId('lock-screen');
    await expect(lock).toBeVisible();
    expect(midad.core.open.session.isLocked()).toBe(true);
    await expect(page.getByTestId('lock-user')).toContainText(ADMIN);
    await expect(page.getByTestId('lock-password')).toBeFocused();
    // The article is still mounted underneath (hidden by the screen, not closed).
    await expect(page.getByTestId('title-input')).toHaveValue('مقال يُقفل');
    await expect(page.getByTestId('editor')).toContainText('نص مكتوب قبل القفل');
    // Escape does not get past it.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(lock).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, testInfo, 'lock-ar');

    await page.getByTestId('lock-password').fill('ليست كلمة المرور');
    await page.getByTestId('lock-password').press('Enter');
    await expect(page.getByTestId('auth-error')).toHaveText('اسم المستخدم أو كلمة المرور غير صحيحة.');
    await page.getByTestId('lock-password').fill(TEST_PASSWORD);
    await page.getByTestId('lock-password').press('Enter');
    await expect(lock).toBeHidden();
    expect(midad.core.open.session.isLocked()).toBe(false);
    await expect(page.getByTestId('editor')).toContainText('نص مكتوب قبل القفل');
    const audit = midad.core.open.auditLog.list({ action: 'auth' }).items.map((entry) => entry.action);
    expect(audit.slice(0, 3)).toEqual(['auth.unlock', 'auth.unlock.failed', 'auth.lock']);
  });

  test('does ask for the password on a page of its own when the window reloads while locked, then reopen the article', async ({ midad }) => {
    const { page } = midad;
    await newArticleWithText(page, 'مقال قبل إعادة التحميل', 'نص محفوظ.');
    await page.getByTestId('lock-now').click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await midad.reload();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await expect(page.getByTestId('new-article')).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('lock-password').fill(TEST_PASSWORD);
    await page.getByTestId('lock-password').press('Enter');
    await expect(page.getByTestId('title-input')).toHaveValue('مقال قبل إعادة التحميل');
  });

  test('does show the lock screen when a save meets a locked session, and store the typed text after the unlock', async ({ midad }) => {
    const { page } = midad;
    await newArticleWithText(page, 'مقال الخمول', 'الفقرة الأولى.');
    // The core locks on its own (the idle time passed) while the article is open.
    midad.core.open.session.lock();
    const body = page.getByTestId('editor').locator('.ProseMirror');
    await page.keyboard.insertText(' وهذه جملة كُتبت بعد القفل.');
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    // Whichever call met the lock first showed the screen; the save goes out within a second and waits.
    await expect.poll(() => midad.calls.some((call) => call.channel === 'articles.save' && call.code === 'SESSION_LOCKED')).toBe(true);
    expect(storedBody(midad, 'مقال الخمول')).not.toContain('بعد القفل');
    await expect(body).toContainText('وهذه جملة كُتبت بعد القفل.');

    await page.getByTestId('lock-password').fill(TEST_PASSWORD);
    await page.getByTestId('lock-submit').click();
    await expect(page.getByTestId('lock-screen')).toBeHidden();
    await expect(page.getByTestId('status-save')).toHaveText(SAVED, { timeout: 5000 });
    await expect.poll(() => storedBody(midad, 'مقال الخمول')).toContain('وهذه جملة كُتبت بعد القفل.');
    // Typing goes on normally.
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(' ثم جملة أخيرة.');
    await expect.poll(() => storedBody(midad, 'مقال الخمول'), { timeout: 5000 }).toContain('ثم جملة أخيرة.');
  });

  test('does notice an idle lock from the status poll, and keep the idle time set in settings', async ({ midad }) => {
    const { page } = midad;
    await page.getByTestId('settings-button').click();
    await page.getByTestId('settings-idle-lock').fill('1');
    await page.getByTestId('settings-self-approval').check();
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-dialog')).toBeHidden();
    expect(midad.core.open.settings.get()).toMatchObject({ idleLockMinutes: 1, allowSelfApproval: true });

    // The page's clock is ours from here; the core's is real: lock it as its idle check would.
    await page.clock.install();
    await midad.reload();
    await expect(page.getByTestId('new-article')).toBeVisible();
    midad.core.open.session.lock();
    await page.clock.fastForward(31_000);
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    expect(midad.calls.filter((call) => call.channel === 'auth.status').length).toBeGreaterThanOrEqual(2);

    // Signing out from the lock screen goes back to the sign-in list.
    await page.getByTestId('lock-sign-out').click();
    await expect(page.getByTestId('signin-screen')).toBeVisible();
    expect(midad.core.open.session.current()).toBeNull();
  });

  test('does show the audit log newest first in Arabic, filter it and page through it', async ({ midad }, testInfo) => {
    const { page } = midad;
    await newArticleWithText(page, 'مقال للسجل', 'نص قصير.');
    await page.getByTestId('lock-now').click();
    await page.getByTestId('lock-password').fill('خطأ مقصود هنا');
    await page.getByTestId('lock-password').press('Enter');
    await expect(page.getByTestId('auth-error')).toBeVisible();
    await page.getByTestId('lock-password').fill(TEST_PASSWORD);
    await page.getByTestId('lock-password').press('Enter');
    await expect(page.getByTestId('lock-screen')).toBeHidden();
    // Enough real entries for a second page: settings changes through the same dispatch as the window.
    for (let index = 0; index < 55; index += 1) {
      const result = await dispatch(midad.core, 'settings.update', { wordsPerMinute: 150 + index }, midad.core.sessionContext());
      expect(result.ok).toBe(true);
    }
    await page.getByTestId('admin-menu').click();
    await page.getByTestId('open-audit').click();
    const dialog = page.getByTestId('audit-dialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('audit-actor')).toBeFocused();
    const rows = page.getByTestId('audit-row');
    await expect(rows).toHaveCount(50);
    await expect(rows.first()).toHaveAttribute('data-action', 'settings.update');
    await expect(rows.first().getByTestId('audit-actor-cell')).toHaveText(ADMIN);
    await expect(rows.first().getByTestId('audit-action-cell')).toHaveText('تعديل الإعدادات');
    await expect(rows.first()).toContainText(/[0-9]/);
    await expect(page.getByTestId('audit-range')).toContainText('1–50 من');

    await page.getByTestId('audit-older').click();
    await expect(page.getByTestId('audit-range')).toContainText('51–');
    await expect(page.getByTestId('audit-newer')).toBeEnabled();

    // Family filter: sign-in and sessions, newest first.
    await page.getByTestId('audit-action').selectOption('auth');
    await expect(page.getByTestId('audit-range')).toContainText('1–');
    const actions = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-action')));
    expect(actions.slice(0, 3)).toEqual(['auth.unlock', 'auth.unlock.failed', 'auth.lock']);
    await expect(rows.nth(1).getByTestId('audit-action-cell')).toHaveText('محاولة فتح قفل فاشلة');
    await expect(rows.nth(2)).toContainText('يدوي');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, testInfo, 'audit-ar');

    // One action; then an article; then a date range with nothing in it.
    await page.getByTestId('audit-action').selectOption('article.create');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('إنشاء مقال');
    await rows.first().getByTestId('audit-article').click();
    await expect(page.getByTestId('audit-article-filter')).toContainText('مقال للسجل');
    await page.getByTestId('audit-action').selectOption('');
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allTextContents()) expect(text).toContain('مقال للسجل');
    await page.getByTestId('audit-reset').click();
    await expect(page.getByTestId('audit-article-filter')).toHaveCount(0);
    await page.getByTestId('audit-from').fill('2001-01-01');
    await page.getByTestId('audit-to').fill('2001-12-31');
    await expect(page.getByTestId('audit-empty')).toBeVisible();
    await page.getByTestId('audit-reset').click();
    await expect(rows).toHaveCount(50);
    // By actor: the admin's own entries only.
    const adminId = midad.core.open.accounts.findByName(ADMIN)!.id;
    await page.getByTestId('audit-actor').selectOption(adminId);
    await expect(rows.first().getByTestId('audit-actor-cell')).toHaveText(ADMIN);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});
