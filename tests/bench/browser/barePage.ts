import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DocNode } from '../../../shared/editor/docSchema';
import { BENCH_DIST, ROOT } from './bundles';

const ORIGIN = 'http://bare.test';
/** Midad's own @font-face rules: the baseline draws with the same faces and the same files. */
const FONTS_CSS = join(ROOT, 'renderer/styles/fonts.css');
const FONT_PACKAGE = '@fontsource/noto-naskh-arabic/files/';

/** fonts.css with its package URLs (resolved by Vite in Midad) pointing at /fonts/ on this origin. */
function bareFontsCss(): string {
  return readFileSync(FONTS_CSS, 'utf8').replaceAll(`url('${FONT_PACKAGE}`, "url('/fonts/");
}

/** The bare StarterKit page (dist/bench), same viewport as the Midad harness. */
export class BarePage {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, probeSource: string): Promise<BarePage> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ar' });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
      if (url.pathname === '/fonts.css') return route.fulfill({ status: 200, headers: { 'content-type': 'text/css; charset=utf-8' }, body: bareFontsCss() });
      const font = /^\/fonts\/([\w-]+\.woff2)$/.exec(url.pathname);
      if (font) return route.fulfill({ status: 200, headers: { 'content-type': 'font/woff2' }, body: readFileSync(join(ROOT, 'node_modules', FONT_PACKAGE, font[1]!)) });
      const file = join(BENCH_DIST, url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
      const type = extname(file) === '.html' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
      try {
        return await route.fulfill({ status: 200, headers: { 'content-type': type }, body: readFileSync(file) });
      } catch {
        return route.fulfill({ status: 404, body: 'not found' });
      }
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/index.html`);
    await page.evaluate(probeSource);
    await page.evaluate('document.fonts.ready');
    await assertMidadFonts(page);
    return new BarePage(context, page);
  }

  /** A fresh bare editor holding `doc`. */
  async load(doc: DocNode): Promise<void> {
    await this.page.evaluate(`window.__bareBench.create(${JSON.stringify(doc)})`);
  }

  /** setContent of `doc` into the bare editor, timed in the page (ms). */
  async timeSetContent(doc: DocNode): Promise<number> {
    await this.page.evaluate(`window.__benchDoc = ${JSON.stringify(doc)}`);
    return (await this.page.evaluate('window.__benchProbe.timeSetContent(window.__bareBench.editor, window.__benchDoc)')) as number;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** Fails the run if the baseline would fall back to another font (a missing file, a renamed rule). */
async function assertMidadFonts(page: Page): Promise<void> {
  const loaded = (await page.evaluate(`(async () => {
    const sample = 'نص عربي ١٢ text 12.';
    for (const weight of [400, 600, 700]) await document.fonts.load(weight + ' 20px "Noto Naskh Arabic"', sample);
    return [...document.fonts].filter((face) => face.status === 'loaded').length;
  })()`)) as number;
  if (loaded < 6) throw new Error(`the bare page loaded ${loaded} of Midad's Arabic and latin font faces (expected 6): check renderer/styles/fonts.css`);
}
