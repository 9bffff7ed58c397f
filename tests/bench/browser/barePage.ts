import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DocNode } from '../../../shared/editor/docSchema';
import { BENCH_DIST } from './bundles';

const ORIGIN = 'http://bare.test';

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
