import type { Browser, BrowserContext, Page, Route } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { Core } from '../../../electron/core/Core';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import type { Role } from '../../../shared/domain/user';
import { signInAs } from '../../support/tempCore';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { MEDIA_PATH_PREFIX, mediaPath } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/errors';
import type { DocNode } from '../../../shared/editor/docSchema';
import { docToHtml } from '../../../shared/editor/docToHtml';

const ROOT = resolve(__dirname, '../../..');
// MIDAD_DIST: the build to test (default dist/; parallel work on one checkout uses separate folders).
const DIST = process.env.MIDAD_DIST ? resolve(process.env.MIDAD_DIST) : join(ROOT, 'dist');
const RENDERER_DIR = join(DIST, 'renderer');
const PAGE_BRIDGE = join(DIST, 'harness/pageBridge.js');
export const HARNESS_ORIGIN = 'http://midad.test';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface HarnessOptions {
  dataDir: string;
  /**
   * The account the window starts signed in as (created on first use; the first one through
   * first-run setup). `false` starts at whatever the app shows: setup or the sign-in screen.
   */
  signIn?: { name: string; role: Role } | false;
  /** Extra query string for the page (e.g. `bench=1`). */
  query?: string;
}

/**
 * Midad in Debian's Chromium: the built renderer served at http://midad.test/ with
 * `window.midad` wired through a Playwright binding to a real core on a real SQLite file.
 * The same contract, the same bridge builder and the same `dispatch` as the Electron main.
 */
export class MidadHarness {
  core: Core;
  context!: BrowserContext;
  page!: Page;
  readonly calls: { channel: string; ok: boolean; code?: string }[] = [];

  private constructor(
    private readonly browser: Browser,
    readonly options: HarnessOptions,
  ) {
    this.core = new Core({ dataDir: options.dataDir });
  }

  /**
   * What the page's `window.midad` reaches: one call, JSON text in and out, through the same
   * `dispatch` as the Electron main, as the signed-in user of the core's session.
   */
  static async invoke(core: Core, channel: unknown, payloadJson: unknown): Promise<string> {
    let payload: unknown;
    try {
      payload = typeof payloadJson === 'string' ? JSON.parse(payloadJson) : undefined;
    } catch {
      payload = undefined;
    }
    const result = await dispatch(core, channel, payload, core.sessionContext(), {
      validateResponses: true,
      logError: (name, error) => console.error(`[harness] ${name} failed:`, error),
    });
    return JSON.stringify(result);
  }

  static async start(browser: Browser, options: HarnessOptions): Promise<MidadHarness> {
    if (!existsSync(join(RENDERER_DIR, 'index.html')) || !existsSync(PAGE_BRIDGE)) {
      throw new Error('The renderer or the page bridge is not built: run "npm run build" first.');
    }
    const harness = new MidadHarness(browser, options);
    await harness.signInDefault();
    await harness.openPage();
    return harness;
  }

  get url(): string {
    return `${HARNESS_ORIGIN}/index.html${this.options.query ? `?${this.options.query}` : ''}`;
  }

  /** Signs the core in before the page loads, as a user who set Midad up earlier would be. */
  private async signInDefault(): Promise<void> {
    const account = this.options.signIn ?? { name: 'مديرة التحرير', role: 'admin' as const };
    if (account && !this.core.databaseError) await signInAs(this.core, account.name, account.role);
  }

  private async openPage(): Promise<void> {
    this.context = await this.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ar' });
    await this.context.exposeBinding('__midadInvoke', async (_source, channel: unknown, payloadJson: unknown) => {
      const answer = await MidadHarness.invoke(this.core, channel, payloadJson);
      const result = JSON.parse(answer) as Result<unknown>;
      this.calls.push({ channel: String(channel), ok: result.ok, ...(result.ok ? {} : { code: result.error.code }) });
      return answer;
    });
    await this.context.addInitScript({ path: PAGE_BRIDGE });
    await this.context.route('**/*', (route) => this.serve(route));
    this.page = await this.context.newPage();
    await this.page.goto(this.url);
  }

  private async serve(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    if (url.origin !== HARNESS_ORIGIN) {
      // Nothing outside the app may load: the CSP should already stop it; this proves it.
      await route.abort('blockedbyclient');
      return;
    }
    const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' };
    if (url.pathname.startsWith(MEDIA_PATH_PREFIX)) {
      const media = this.core.readMedia(url.pathname.slice(MEDIA_PATH_PREFIX.length));
      if (!media) return route.fulfill({ status: 404, headers, body: 'not found' });
      return route.fulfill({ status: 200, headers: { ...headers, 'content-type': media.mime }, body: media.bytes });
    }
    const relative = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    const file = join(RENDERER_DIR, relative);
    if (!file.startsWith(RENDERER_DIR + '/') || !existsSync(file)) {
      return route.fulfill({ status: 404, headers, body: 'not found' });
    }
    const body = await readFile(file);
    return route.fulfill({ status: 200, headers: { ...headers, 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }, body });
  }

  /**
   * The HTML of an article as stored in the SQLite file (the body JSON read straight from the
   * database, then derived as the core does), the first one or the one with this title.
   */
  storedHtml(title?: string): string {
    const db = this.core.open.db;
    const row = (title === undefined
      ? db.prepare('SELECT body_json FROM articles ORDER BY created_at LIMIT 1').get()
      : db.prepare('SELECT body_json FROM articles WHERE title = ?').get(title)) as { body_json: string } | undefined;
    return row ? docToHtml(JSON.parse(row.body_json) as DocNode, { mediaUrl: mediaPath }) : '';
  }

  /** Flushes pending saves the way the Electron main does on quit. */
  async flush(): Promise<void> {
    await this.page.evaluate(async () => {
      const flush = (window as unknown as { __midadFlush?: () => Promise<void> }).__midadFlush;
      if (flush) await flush();
    });
  }

  /** Reloads the page on the same core and database. */
  async reload(): Promise<void> {
    await this.page.reload();
  }

  /**
   * Closes the window and the core without flushing (like a user closing the app right
   * after typing, once the autosave had its second), then reopens both on the same data dir.
   */
  async restart(options: { flush?: boolean } = {}): Promise<void> {
    if (options.flush) await this.flush();
    await this.context.close();
    this.core.close();
    this.core = new Core({ dataDir: this.options.dataDir });
    await this.signInDefault();
    await this.openPage();
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    this.core.close();
  }
}
