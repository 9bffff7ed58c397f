import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { editorBody, newArticle, seriousViolations, storedBodyJson } from './checks';
import { MidadHarness } from './harness/MidadHarness';

/**
 * Writing in Arabic: punctuation and quotes as you type, the automatic direction rule, marks on
 * part of a word, and dates that follow the newsroom locale.
 *
 * `keyboard.type()` sends a character a US layout has (`,` `;` `?` `"`) as a real key press, so
 * it reaches ProseMirror's handleTextInput the way a typed key does; Arabic letters are sent as
 * insertText (no key events), which is how an input method delivers them too.
 */

const SAVED = /محفوظ محليًا|Saved locally/;


async function setSettings(page: Page, change: (dialog: ReturnType<Page['getByTestId']>) => Promise<unknown>): Promise<void> {
  await page.getByTestId('settings-button').click();
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog).toBeVisible();
  await change(dialog);
  await page.getByTestId('settings-save').click();
  await expect(dialog).toBeHidden();
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  return path;
}

test('does type ، ؛ ؟ « » after Arabic letters, give back the typed mark on Ctrl+Z, and stop when switched off', async ({ midad }) => {
  const { page } = midad;
  await newArticle(page, 'علامات الترقيم');
  await page.keyboard.insertText('قال الوزير');
  await page.keyboard.type(',');
  await page.keyboard.insertText(' ثم سكت');
  await page.keyboard.type(';');
  await page.keyboard.insertText(' لماذا');
  await page.keyboard.type('?');
  await page.keyboard.type(' "');
  await page.keyboard.insertText('الخطة جاهزة');
  await page.keyboard.type('"');
  await page.keyboard.insertText(' في 12');
  await page.keyboard.type(',');
  await page.keyboard.insertText('500 درهم Reuters');
  await page.keyboard.type(',');
  const paragraph = editorBody(page).locator('p').first();
  await expect(paragraph).toHaveText('قال الوزير، ثم سكت؛ لماذا؟ «الخطة جاهزة» في 12,500 درهم Reuters,');

  // Ctrl+Z right after a replacement gives back what was typed, and only that.
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('هل انتهى الاجتماع');
  await page.keyboard.type('?');
  const second = editorBody(page).locator('p').nth(1);
  await expect(second).toHaveText('هل انتهى الاجتماع؟');
  await page.keyboard.press('Control+z');
  await expect(second).toHaveText('هل انتهى الاجتماع?');
  await page.keyboard.press('Control+Shift+z');
  await expect(second).toHaveText('هل انتهى الاجتماع؟');
  await expect(page.getByTestId('status-save')).toHaveText(SAVED, { timeout: 5000 });
  expect(await storedBodyJson(midad, 'علامات الترقيم')).toContain('«الخطة جاهزة»');

  // Switched off in Settings: what is typed stays.
  await setSettings(page, async (dialog) => {
    await dialog.getByTestId('settings-arabicPunctuation').uncheck();
    await dialog.getByTestId('settings-arabicQuotes').uncheck();
  });
  expect(midad.core.open.settings.get()).toMatchObject({ arabicPunctuation: false, arabicQuotes: false });
  await editorBody(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('قالت المتحدثة');
  await page.keyboard.type(', "');
  await page.keyboard.insertText('لا تعليق');
  await page.keyboard.type('"?');
  await expect(editorBody(page).locator('p').nth(2)).toHaveText('قالت المتحدثة, "لا تعليق"?');
});

test('does set automatic paragraphs by their dominant script, with explicit directions winning and the document keeping auto', async ({ midad }) => {
  const { page } = midad;
  const title = 'اتجاه الفقرات';
  await newArticle(page, title);
  await page.keyboard.insertText('Breaking: أعلنت وزارة الداخلية مساء اليوم عن تعديل حكومي واسع يشمل ست حقائب');
  await page.getByTestId('dir-auto').click();
  const first = editorBody(page).locator('p').first();
  await expect(first).toHaveAttribute('dir', 'rtl');

  // A new paragraph keeps 'auto'; English text makes it left to right as it is typed.
  await page.keyboard.press('Enter');
  const second = editorBody(page).locator('p').nth(1);
  await expect(second).toHaveAttribute('dir', 'rtl'); // empty: the article's direction
  await page.keyboard.insertText('2026');
  await expect(second).toHaveAttribute('dir', 'rtl'); // digits only: the article's direction
  await page.keyboard.insertText(' — The minister said the reshuffle was planned weeks ago, عاجل');
  await expect(second).toHaveAttribute('dir', 'ltr');

  // Explicit directions win over the rule.
  await page.getByTestId('dir-rtl').click();
  await expect(second).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('dir-auto').click();
  await expect(second).toHaveAttribute('dir', 'ltr');

  await expect(page.getByTestId('status-save')).toHaveText(SAVED, { timeout: 5000 });
  const stored = JSON.parse(await storedBodyJson(midad, title)) as { content: { attrs: { dir: string } }[] };
  expect(stored.content.map((node) => node.attrs.dir)).toEqual(['auto', 'auto']);

  // Switched off: the browser's own dir="auto" (first strong letter) applies again; on: the rule.
  await setSettings(page, (dialog) => dialog.getByTestId('settings-autoDirection').uncheck());
  await expect(first).toHaveAttribute('dir', 'auto');
  await expect(second).toHaveAttribute('dir', 'auto');
  await setSettings(page, (dialog) => dialog.getByTestId('settings-autoDirection').check());
  await expect(first).toHaveAttribute('dir', 'rtl');
});

test('does widen bold on part of an Arabic word to the whole word, or only warn', async ({ midad }) => {
  const { page } = midad;
  await newArticle(page, 'تنسيق جزء من كلمة');
  await page.keyboard.insertText('أعلنت الحكومة خطة جديدة');
  const paragraph = editorBody(page).locator('p').first();

  // A selection set in the page (dragging across part of a joined word is not precise enough),
  // with the editor focused and ProseMirror given its selectionchange before the next key.
  const selectPart = async (part: string) => {
    await editorBody(page).focus();
    await paragraph.evaluate((element, wanted) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`no ${wanted}`);
    }, part);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    await expect(editorBody(page)).toBeFocused();
  };

  await selectPart('لحكو');
  await page.getByTestId('tb-bold').click();
  await expect(paragraph.locator('strong')).toHaveText('الحكومة');
  // One Ctrl+Z removes the bold entirely (the widening is part of the same step).
  await editorBody(page).focus();
  await page.keyboard.press('Control+z');
  await expect(paragraph.locator('strong')).toHaveCount(0);

  await setSettings(page, (dialog) => dialog.getByTestId('settings-partialWordMarks').selectOption('warn'));
  await selectPart('دي');
  await page.keyboard.press('Control+b');
  await expect(paragraph.locator('strong')).toHaveText('دي');
  await expect(page.getByTestId('editor-notice')).toContainText('جزء من كلمة عربية');
});

test('does format dates and numbers in the newsroom locale: Moroccan months and Western digits by default, then ar-EG and Hijri', async ({ midad }) => {
  const { page } = midad;
  await newArticle(page, 'تاريخ التحديث');
  await page.keyboard.insertText('ثلاث كلمات هنا');
  await expect(page.getByTestId('status-save')).toHaveText(SAVED, { timeout: 5000 });
  const item = page.getByTestId('article-list-item').filter({ hasText: 'تاريخ التحديث' });
  const time = item.locator('time');
  const monthsMA = /يناير|فبراير|مارس|أبريل|ماي|يونيو|يوليوز|غشت|شتنبر|أكتوبر|نونبر|دجنبر/;
  await expect(time).toHaveAttribute('title', monthsMA);
  await expect(time).toHaveAttribute('title', /20\d\d/);
  await expect(item.getByTestId('article-words')).toContainText('3');

  await setSettings(page, (dialog) => dialog.getByTestId('settings-locale').selectOption('ar-EG'));
  expect(midad.core.open.settings.get().locale).toBe('ar-EG');
  await expect(time).toHaveAttribute('title', /٢٠[٠-٩][٠-٩]/);
  await expect(time).toHaveAttribute('title', /يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر/);
  await expect(item.getByTestId('article-words')).toContainText('٣');
  await expect(page.getByTestId('status-save')).toHaveText(/[٠-٩]{2}:[٠-٩]{2}/);

  await setSettings(page, (dialog) => dialog.getByTestId('settings-showHijri').check());
  await expect(time).toHaveAttribute('title', /\(.*١٤[٠-٩][٠-٩] هـ\)/);
});

test('does show newsroom settings to an editor disabled, with the reason, and still save the writing aids', async ({ browser }, testInfo) => {
  const editor = await MidadHarness.start(browser, { dataDir: testInfo.outputPath('data-editor'), signIn: { name: 'نادية المحررة', role: 'editor' } });
  try {
    const { page } = editor;
    await page.getByTestId('settings-button').click();
    const dialog = page.getByTestId('settings-dialog');
    await expect(dialog).toBeVisible();
    for (const id of ['settings-locale', 'settings-digits', 'settings-slugStyle', 'settings-pasteBoilerplate', 'settings-autoBackup']) {
      await expect(dialog.getByTestId(id)).toBeDisabled();
    }
    await expect(dialog.getByTestId('settings-newsroom-note')).toHaveText('لا يغيّر إعدادات غرفة الأخبار إلا المدير.');
    await expect(dialog.getByTestId('settings-pasteBoilerplate')).toHaveValue(/إرسال تعليق\nأحدث أقدم/);
    await dialog.getByTestId('settings-arabicQuotes').uncheck();
    await dialog.getByTestId('settings-partialWordMarks').selectOption('off');
    expect(await seriousViolations(page, '[data-testid="settings-dialog"]')).toEqual([]);
    await shot(page, testInfo, 'settings-editor');
    await dialog.getByTestId('settings-newsroom').scrollIntoViewIfNeeded();
    await shot(page, testInfo, 'settings-editor-newsroom');
    await page.getByTestId('settings-save').click();
    await expect(dialog).toBeHidden();
    expect(editor.core.open.settings.get()).toMatchObject({ arabicQuotes: false, partialWordMarks: 'off', locale: 'ar-MA' });
    expect(editor.calls.filter((call) => call.channel === 'settings.update')).toEqual([{ channel: 'settings.update', ok: true }]);
  } finally {
    await editor.close();
  }
});

test('does show a mixed-direction article correctly (screenshot)', async ({ midad }, testInfo) => {
  const { page } = midad;
  const title = 'عاجل: الحكومة تعلن تعديلًا وزاريًا — Breaking';
  await newArticle(page, title);
  await page.keyboard.insertText('Breaking: أعلنت الحكومة مساء اليوم عن تعديل وزاري يشمل ست حقائب');
  await page.getByTestId('dir-auto').click();
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('وقال المتحدث باسم الحكومة');
  await page.keyboard.type(' "');
  await page.keyboard.insertText('التعديل كان مقررًا منذ أسابيع');
  await page.keyboard.type('"');
  await page.keyboard.insertText(' مضيفًا أن الميزانية بلغت 12.5 مليار درهم في 2026 تقريبًا');
  await page.keyboard.type(',');
  await page.keyboard.insertText(' وفق وكالة Reuters للأنباء');
  await page.keyboard.type(';');
  await page.keyboard.insertText(' فهل تكفي');
  await page.keyboard.type('?');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('The spokesman added that the new ministers would be sworn in on Monday, according to مصادر رسمية.');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('١٥ / 08 / 2026');
  const paragraphs = editorBody(page).locator('p');
  await expect(paragraphs.nth(0)).toHaveAttribute('dir', 'rtl');
  await expect(paragraphs.nth(2)).toHaveAttribute('dir', 'ltr');
  await expect(paragraphs.nth(3)).toHaveAttribute('dir', 'rtl');
  await expect(paragraphs.nth(1)).toContainText('«التعديل كان مقررًا منذ أسابيع»');
  await expect(paragraphs.nth(1)).toContainText('تقريبًا، وفق وكالة Reuters للأنباء؛ فهل تكفي؟');
  await expect(page.getByTestId('status-save')).toHaveText(SAVED, { timeout: 5000 });
  await expect(page.getByTestId('article-list-item').filter({ hasText: 'Breaking' })).toBeVisible();
  // Right-to-left paragraphs start at the right edge, the English one at the left.
  const box = await editorBody(page).boundingBox();
  const rangeRect = (index: number) =>
    paragraphs.nth(index).evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const rects = [...range.getClientRects()];
      return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
    });
  const rtl = await rangeRect(0);
  const ltr = await rangeRect(2);
  expect(box).not.toBeNull();
  expect(box!.x + box!.width - rtl.right).toBeLessThan(60);
  expect(ltr.left - box!.x).toBeLessThan(60);
  // Nothing clipped: the editor's content fits its width.
  const overflow = await editorBody(page).evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await shot(page, testInfo, 'mixed-direction-article');
});

test('does lay the settings out left to right in English for an admin, every newsroom setting enabled', async ({ midad }, testInfo) => {
  const { page } = midad;
  await setSettings(page, (dialog) => dialog.getByTestId('language-select').selectOption('en'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByTestId('settings-button').click();
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog.getByTestId('settings-newsroom-note')).toHaveCount(0);
  for (const id of ['settings-locale', 'settings-digits', 'settings-slugStyle', 'settings-pasteBoilerplate', 'settings-autoBackup']) {
    await expect(dialog.getByTestId(id)).toBeEnabled();
  }
  await expect(dialog.getByText(/^Arabic punctuation while typing/)).toBeVisible();
  expect(await seriousViolations(page, '[data-testid="settings-dialog"]')).toEqual([]);
  await dialog.getByTestId('settings-digits').selectOption('arabic-indic');
  await dialog.getByTestId('settings-pasteBoilerplate').fill('إرسال تعليق\n\n  اقرأ أيضا  \nإرسال تعليق');
  await dialog.getByTestId('settings-dates').scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'settings-admin-en');
  await page.getByTestId('settings-save').click();
  await expect(dialog).toBeHidden();
  expect(midad.core.open.settings.get()).toMatchObject({ digits: 'arabic-indic', pasteBoilerplate: ['إرسال تعليق', 'اقرأ أيضا'] });
});
