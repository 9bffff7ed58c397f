import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { Editor } from '@tiptap/core';
import type { DocNode } from '../../shared/editor/docSchema';
import { HOSTILE_PAYLOADS } from '../fixtures/paste/hostile';
import { expect, test } from './fixtures';
import { MidadHarness } from './harness/MidadHarness';

/**
 * Paste cleanup in the built renderer (Chromium, through the harness): real paste events with a
 * DataTransfer, as the clipboard delivers them. The fixtures under tests/fixtures/paste imitate
 * the clipboard HTML of Word, Google Docs, LibreOffice and news pages (cases.json says what each
 * must become); the hostile payloads try to run script.
 */

interface PasteCase {
  file: string;
  source: string;
  headings?: string[];
  headingLevels?: number[];
  paragraphs?: string[];
  bold?: string[];
  notBold?: string[];
  italic?: string[];
  notItalic?: string[];
  links?: { text: string; href: string }[];
  noLinkText?: string[];
  bulletItems?: string[];
  orderedItems?: string[];
  nestedLists?: number;
  quotes?: string[];
  figures?: number;
  ltr?: string[];
  present?: string[];
  absent?: string[];
}

const FIXTURES = join(__dirname, '../fixtures/paste');
const CASES = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as PasteCase[];
const html = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

// ---- reading a pasted document ------------------------------------------------------------

function textOf(node: DocNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(textOf).join('');
}

function walk(node: DocNode, visit: (node: DocNode, ancestors: DocNode[]) => void, ancestors: DocNode[] = []): void {
  visit(node, ancestors);
  for (const child of node.content ?? []) walk(child, visit, [...ancestors, node]);
}

/** Runs of adjacent text nodes that carry a mark (joined), per textblock. */
function markRuns(doc: DocNode, mark: string, sameHref = false): { text: string; href?: string }[] {
  const runs: { text: string; href?: string }[] = [];
  walk(doc, (node) => {
    if (!node.content || node.content.some((child) => child.type !== 'text' && child.type !== 'hardBreak')) return;
    let current: { text: string; href?: string } | null = null;
    for (const child of node.content) {
      const found = child.marks?.find((m) => m.type === mark);
      const href = found?.attrs?.href as string | undefined;
      if (found && current && (!sameHref || current.href === href)) current.text += child.text ?? '';
      else if (found) {
        current = { text: child.text ?? '', ...(sameHref ? { href } : {}) };
        runs.push(current);
      } else current = null;
    }
  });
  return runs.map((run) => ({ ...run, text: squash(run.text) }));
}

function listItems(doc: DocNode, listType: 'bulletList' | 'orderedList'): string[] {
  const items: string[] = [];
  walk(doc, (node, ancestors) => {
    if (node.type !== 'listItem' || ancestors[ancestors.length - 1]?.type !== listType) return;
    const first = node.content?.find((child) => child.type === 'paragraph');
    if (first) items.push(squash(textOf(first)));
  });
  return items;
}

function check(doc: DocNode, htmlOut: string, expected: PasteCase): void {
  const label = expected.file;
  const all: DocNode[] = [];
  walk(doc, (node) => all.push(node));
  const fullText = squash(all.filter((node) => node.type === 'paragraph' || node.type === 'heading').map(textOf).join(' '));
  const headings = all.filter((node) => node.type === 'heading');
  const paragraphs = all.filter((node) => node.type === 'paragraph');

  // Only what a Midad article holds, and no empty paragraph left behind.
  for (const node of all) expect(['doc', 'paragraph', 'text', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'hardBreak', 'image', 'horizontalRule'], `${label}: node ${node.type}`).toContain(node.type);
  for (const node of all) for (const mark of node.marks ?? []) expect(['bold', 'italic', 'link'], `${label}: mark ${mark.type}`).toContain(mark.type);
  // ProseMirror leaves the caret's empty paragraph after a pasted list; any other empty one is a leftover.
  const caret = doc.content?.[doc.content.length - 1];
  for (const paragraph of paragraphs) if (paragraph !== caret) expect(squash(textOf(paragraph)).length, `${label}: empty paragraph`).toBeGreaterThan(0);
  expect(htmlOut, `${label}: styles or classes survived`).not.toMatch(/\s(?:style|class|id|lang|face)=/);

  if (expected.headings) expect(headings.map((node) => squash(textOf(node))), `${label}: headings`).toEqual(expected.headings);
  if (expected.headingLevels) expect(headings.map((node) => node.attrs?.level), `${label}: heading levels`).toEqual(expected.headingLevels);
  const paragraphTexts = paragraphs.map((node) => squash(textOf(node)));
  for (const text of expected.paragraphs ?? []) expect(paragraphTexts, `${label}: paragraph`).toContain(squash(text));
  const bold = markRuns(doc, 'bold').map((run) => run.text);
  const italic = markRuns(doc, 'italic').map((run) => run.text);
  for (const text of expected.bold ?? []) expect(bold.some((run) => run.includes(squash(text))), `${label}: bold «${text}» in ${JSON.stringify(bold)}`).toBe(true);
  for (const text of expected.notBold ?? []) expect(bold.some((run) => run.includes(squash(text))), `${label}: not bold «${text}»`).toBe(false);
  for (const text of expected.italic ?? []) expect(italic.some((run) => run.includes(squash(text))), `${label}: italic «${text}» in ${JSON.stringify(italic)}`).toBe(true);
  for (const text of expected.notItalic ?? []) expect(italic.some((run) => run.includes(squash(text))), `${label}: not italic «${text}»`).toBe(false);
  const links = markRuns(doc, 'link', true);
  for (const link of expected.links ?? []) expect(links, `${label}: link`).toContainEqual({ text: link.text, href: link.href });
  for (const text of expected.noLinkText ?? []) expect(links.some((link) => link.text.includes(text)), `${label}: «${text}» must not stay a link`).toBe(false);
  if (expected.bulletItems) expect(listItems(doc, 'bulletList'), `${label}: bullet items`).toEqual(expected.bulletItems.map(squash));
  if (expected.orderedItems) expect(listItems(doc, 'orderedList'), `${label}: numbered items`).toEqual(expected.orderedItems.map(squash));
  if (expected.nestedLists !== undefined) {
    let nested = 0;
    walk(doc, (node, ancestors) => {
      if ((node.type === 'bulletList' || node.type === 'orderedList') && ancestors.some((a) => a.type === 'listItem')) nested += 1;
    });
    expect(nested, `${label}: nested lists`).toBe(expected.nestedLists);
  }
  const quotes = all.filter((node) => node.type === 'blockquote').map((node) => squash(textOf(node)));
  for (const text of expected.quotes ?? []) expect(quotes.some((quote) => quote.includes(squash(text))), `${label}: quote`).toBe(true);
  if (expected.figures !== undefined) expect(all.filter((node) => node.type === 'image').length, `${label}: images`).toBe(expected.figures);
  for (const text of expected.ltr ?? []) {
    const paragraph = paragraphs.find((node) => squash(textOf(node)) === squash(text));
    expect(paragraph?.attrs?.dir, `${label}: direction of «${text}»`).toBe('ltr');
  }
  for (const text of expected.present ?? []) expect(fullText, `${label}: present`).toContain(squash(text));
  for (const text of expected.absent ?? []) {
    expect(fullText, `${label}: absent from the text`).not.toContain(text);
    expect(htmlOut, `${label}: absent from the HTML`).not.toContain(text);
  }
}

// ---- pasting ------------------------------------------------------------------------------

/** `?bench=1` exposes the body editor (renderer/features/article/ArticleScreen.tsx). */
interface BenchWindow {
  __midadBench: { editor: Editor };
}

interface Pasted {
  json: DocNode;
  html: string;
}

/** Pastes each payload into an emptied body, through a real paste event; returns what the editor holds. */
async function pasteEach(page: Page, payloads: { html: string; text?: string }[]): Promise<Pasted[]> {
  return page.evaluate((list) => {
    const editor = (window as unknown as BenchWindow).__midadBench.editor;
    return list.map((payload) => {
      editor.commands.clearContent(true);
      editor.commands.focus();
      const transfer = new DataTransfer();
      transfer.setData('text/html', payload.html);
      transfer.setData('text/plain', payload.text ?? '');
      editor.view.dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      return { json: editor.getJSON() as never, html: editor.getHTML() };
    });
  }, payloads);
}

async function openBenchHarness(browser: Browser, dataDir: string): Promise<MidadHarness> {
  const harness = await MidadHarness.start(browser, { dataDir, query: 'bench=1' });
  await harness.page.getByTestId('new-article').click();
  await expect(harness.page.getByTestId('editor').locator('.ProseMirror')).toBeVisible();
  await harness.page.waitForFunction(() => Boolean((window as unknown as Partial<BenchWindow>).__midadBench?.editor));
  return harness;
}

test('paste fixtures: Word, Google Docs, LibreOffice and news pages keep their structure and lose the rest', async ({ browser }, testInfo) => {
  expect(CASES.length).toBeGreaterThanOrEqual(30);
  const harness = await openBenchHarness(browser, testInfo.outputPath('data'));
  try {
    const page = harness.page;
    const synchronous = CASES.filter((entry) => !entry.figures);
    const results = await pasteEach(page, synchronous.map((entry) => ({ html: html(entry.file) })));
    synchronous.forEach((entry, index) => check(results[index]!.json, results[index]!.html, entry));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();

    // A data: image inside the HTML is stored like a pasted file (asynchronously) and shown as a figure.
    for (const entry of CASES.filter((candidate) => candidate.figures)) {
      await pasteEach(page, [{ html: html(entry.file) }]);
      await expect(page.getByTestId('figure')).toHaveCount(entry.figures!);
      const [json, htmlOut] = await page.evaluate(() => {
        const editor = (window as unknown as BenchWindow).__midadBench.editor;
        return [editor.getJSON(), editor.getHTML()] as const;
      });
      check(json as DocNode, htmlOut, entry);
    }

    // The last paste is saved: the core (which validates every body) accepted the cleaned document.
    await expect(page.getByTestId('status-save')).toHaveText(/محفوظ محليًا/, { timeout: 5000 });
    await page.screenshot({ path: testInfo.outputPath('pasted.png') });
  } finally {
    await harness.close();
  }
});

test('hostile paste: no payload runs, the sanitizer (not only the CSP) stops it, and the text survives', async ({ browser }, testInfo) => {
  expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  const harness = await openBenchHarness(browser, testInfo.outputPath('data'));
  try {
    const page = harness.page;
    const startUrl = page.url();
    await page.evaluate(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const results = await pasteEach(page, HOSTILE_PAYLOADS.map((payload) => ({ html: payload.html })));
    // What the cleanup hands to ProseMirror's parser, run through the editor's transformPastedHTML
    // props exactly as ProseMirror does: clean on its own, whatever the schema would drop later.
    const sanitized = await page.evaluate((list) => {
      const view = (window as unknown as BenchWindow).__midadBench.editor.view;
      return list.map((input) => {
        let out = input;
        view.someProp('transformPastedHTML', (transform) => {
          out = transform(out, view);
        });
        return out;
      });
    }, HOSTILE_PAYLOADS.map((payload) => payload.html));
    // Give timers, image errors, animations and refreshes their chance to fire.
    await page.waitForTimeout(700);
    const state = await page.evaluate(() => {
      const w = window as unknown as { __pwned?: unknown; __cspViolations: string[] };
      const body = document.querySelector('.ProseMirror')!;
      return {
        pwned: w.__pwned ?? null,
        topPwned: (window.top as unknown as { __pwned?: unknown }).__pwned ?? null,
        violations: w.__cspViolations,
        dangerous: Array.from(document.querySelectorAll('script:not([src]), iframe, object, embed, frame, form, input, svg, math, style:not([data-vite-dev-id]), meta[http-equiv], base')).filter((element) => body.contains(element)).length,
      };
    });
    expect(state.pwned, 'a payload set window.__pwned').toBeNull();
    expect(state.topPwned).toBeNull();
    expect(state.dangerous).toBe(0);
    // Chromium reports script-src-attr for every inline handler any parser meets (DOMParser and
    // the sanitizer's own parse included) without running it; anything else would be a load or a run.
    expect(state.violations.filter((violation) => !violation.startsWith('script-src-attr')), 'the CSP had to block a load or a script').toEqual([]);
    expect(page.url()).toBe(startUrl);

    HOSTILE_PAYLOADS.forEach((payload, index) => {
      const { json, html: htmlOut } = results[index]!;
      const label = `payload ${index + 1} (${payload.name})`;
      expect(squash(textOf(json)), `${label}: text kept`).toContain(payload.text);
      expect(htmlOut, `${label}: event handler`).not.toMatch(/\son[a-z]+\s*=/i);
      expect(htmlOut, `${label}: script URL`).not.toMatch(/(?:javascript|vbscript|data):/i);
      expect(htmlOut, `${label}: element`).not.toMatch(/<(?:script|iframe|object|embed|svg|math|form|input|style|meta|base|link|template|noscript)\b/i);
      const clean = sanitized[index]!;
      expect(clean, `${label}: sanitizer output has a handler`).not.toMatch(/\son[a-z]+\s*=/i);
      expect(clean, `${label}: sanitizer output has a script URL`).not.toMatch(/(?:javascript|vbscript|data):/i);
      expect(clean, `${label}: sanitizer output has an element`).not.toMatch(/<(?:script|iframe|frame|object|embed|svg|math|form|input|button|select|textarea|style|meta|base|link|template|noscript|xmp|plaintext|title|details|marquee|video|audio)\b/i);
      expect(clean, `${label}: sanitizer output has an attribute`).not.toMatch(/\s(?:style|id|name|class|srcdoc|formaction|xlink:href)=/i);
      expect(squash(clean.replace(/<[^>]+>/g, '')), `${label}: sanitizer kept the text`).toContain(payload.text);
      for (const gone of payload.gone ?? []) expect(squash(textOf(json)), `${label}: «${gone}» must not be text`).not.toContain(gone);
    });
    // The last payload's body is the one stored: the core accepts it.
    await expect(page.getByTestId('status-save')).toHaveText(/محفوظ محليًا/, { timeout: 5000 });
  } finally {
    await harness.close();
  }
});

/** Pastes through the real body element, the way a user's Ctrl+V arrives. */
async function pasteInto(page: Page, data: { html?: string; text?: string; png?: boolean }): Promise<void> {
  await page.getByTestId('editor').locator('.ProseMirror').evaluate((element, payload) => {
    const transfer = new DataTransfer();
    if (payload.html) transfer.setData('text/html', payload.html);
    if (payload.text) transfer.setData('text/plain', payload.text);
    if (payload.png) {
      const bytes = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR42mNk+M9QzwAEjDAGNzYAAB2fAv+J2hB6AAAAAElFTkSuQmCC'), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    }
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

async function openNewArticle(page: Page): Promise<void> {
  await page.getByTestId('new-article').click();
  const body = page.getByTestId('editor').locator('.ProseMirror');
  await body.click();
  await expect(body).toBeFocused();
}

test('a copy from Word that also carries a picture of the selection pastes the text, not the picture', async ({ midad }) => {
  const { page } = midad;
  await openNewArticle(page);
  await pasteInto(page, { html: html('word-01-basic.html'), text: 'نص', png: true });
  await expect(page.getByTestId('editor').locator('.ProseMirror h2')).toHaveText('انطلاق أشغال توسيع الطريق الساحلي');
  await page.waitForTimeout(300);
  await expect(page.getByTestId('figure')).toHaveCount(0);
  // A picture alone (copied from a browser: remote <img> in the HTML plus the file) is still an image.
  await pasteInto(page, { html: '<meta charset="utf-8"><img src="https://news.example.ma/photo.jpg">', png: true });
  await expect(page.getByTestId('figure')).toHaveCount(1);
});

test('the boilerplate list comes from Settings, and cleanup can be switched off', async ({ midad }) => {
  const { page } = midad;
  await midad.core.open.settings.update({ pasteBoilerplate: ['خاص بموقعنا'] });
  await midad.reload();
  await openNewArticle(page);
  const body = page.getByTestId('editor').locator('.ProseMirror');
  await pasteInto(page, { html: '<p>فقرة الخبر الأولى</p><p>خاص بموقعنا: لا يجوز النقل</p><p>شارك المقال</p>' });
  await expect(body).toContainText('فقرة الخبر الأولى');
  await expect(body).not.toContainText('لا يجوز النقل');
  // Only the newsroom's list applies: the default entries were replaced.
  await expect(body).toContainText('شارك المقال');
  // Plain text (no HTML on the clipboard) loses its boilerplate lines too.
  await pasteInto(page, { text: 'سطر من نص عادي\nخاص بموقعنا\nسطر أخير' });
  await expect(body).toContainText('سطر أخير');
  await expect(body).toContainText('سطر من نص عادي');
  await expect(body).not.toContainText('خاص بموقعنا');

  await midad.core.open.settings.update({ pasteCleanup: false });
  await midad.reload();
  await openNewArticle(page);
  await pasteInto(page, { html: '<p>فقرة ثانية</p><p>خاص بموقعنا: لا يجوز النقل</p>' });
  await expect(page.getByTestId('editor').locator('.ProseMirror')).toContainText('لا يجوز النقل');
});

test('a copy inside Midad pastes back unchanged: structure, marks, links, direction and the stored image', async ({ browser }, testInfo) => {
  const harness = await openBenchHarness(browser, testInfo.outputPath('data'));
  try {
    const page = harness.page;
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR42mNk+M9QzwAEjDAGNzYAAB2fAv+J2hB6AAAAAElFTkSuQmCC', 'base64');
    await page.getByTestId('editor').locator('.ProseMirror').click();
    await page.getByTestId('image-input').setInputFiles({ name: 'صورة.png', mimeType: 'image/png', buffer: png });
    await expect(page.getByTestId('figure')).toHaveCount(1);
    const result = await page.evaluate(() => {
      const editor = (window as unknown as BenchWindow).__midadBench.editor;
      editor.commands.insertContentAt(0, '<h2>عنوان القسم</h2><p>فقرة فيها <strong>كلمة عريضة</strong> و<em>أخرى مائلة</em> و<a href="https://news.example.ma/x">رابط</a>.</p><p dir="ltr">An English line.</p><ul><li><p>بند أول</p></li><li><p>بند ثان</p></li></ul><blockquote><p>قول مقتبس</p></blockquote>');
      const before = editor.getJSON();
      const view = editor.view;
      const { dom } = view.serializeForClipboard(view.state.doc.slice(0, view.state.doc.content.size));
      const html = dom.innerHTML;
      editor.commands.clearContent(true);
      editor.commands.focus();
      const transfer = new DataTransfer();
      transfer.setData('text/html', html);
      view.dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      return { before, after: editor.getJSON(), html };
    });
    expect(result.html).toContain('data-pm-slice');
    const strip = (doc: unknown) => JSON.parse(JSON.stringify(doc).replace(/,?"dir":"rtl"/g, '').replace(/\{,/g, '{')) as DocNode;
    const blocks = (doc: DocNode) => (doc.content ?? []).filter((node) => !(node.type === 'paragraph' && !node.content));
    expect(blocks(strip(result.after))).toEqual(blocks(strip(result.before)));
    await expect(page.getByTestId('figure')).toHaveCount(1);
  } finally {
    await harness.close();
  }
});
