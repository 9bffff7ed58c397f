import { _electron, type ElectronApplication, type Page } from 'playwright';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronBinaryProblem } from './electronBinary';

// The real app: Electron main + preload + the built renderer + the core on a SQLite file in a
// temporary data directory. Everything else is tested in Chromium through the harness; this is
// the one test that proves the shell itself (protocol, CSP, preload bridge, IPC, clean quit).
const ROOT = resolve(__dirname, '..', '..');
const TITLE = 'مجلس المدينة يقرّ خطة لتوسعة شبكة الحافلات';
const FIRST = 'أقرّ المجلس البلدي مساء أمس خطة تضيف أربعة خطوط جديدة للحافلات تربط الأحياء الشرقية بوسط المدينة.';
const LAST = 'وقال رئيس المجلس إن التنفيذ يبدأ مطلع الربيع المقبل.';

const problem = electronBinaryProblem(ROOT);
if (problem) console.log(`[electron launch test] SKIPPED: ${problem}`);

interface ArticleRow {
  title: string;
  body_text: string;
}

function storedArticles(dataDir: string): ArticleRow[] {
  const db = new Database(join(dataDir, 'midad.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], ArticleRow>('SELECT title, body_text FROM articles ORDER BY created_at').all();
  } finally {
    db.close();
  }
}

test.describe('Electron shell', () => {
  test.skip(problem !== null, problem ?? '');

  let app: ElectronApplication | undefined;
  let dataDir: string;

  test.beforeAll(() => {
    for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` before the Electron test.`);
    }
    // better-sqlite3 built for Electron's ABI, beside node_modules (needs network the first time).
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'electron-native.mjs')], { cwd: ROOT, stdio: 'inherit' });
  });

  test.afterEach(async () => {
    if (app) await app.close().catch(() => undefined);
    app = undefined;
  });

  async function launch(): Promise<{ app: ElectronApplication; window: Page }> {
    dataDir = mkdtempSync(join(tmpdir(), 'midad-electron-'));
    // Chromium refuses to run as root with its sandbox on (CI containers); our renderer sandbox stays on.
    const rootFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const launched = await _electron.launch({ args: [...rootFlags, ROOT, '--data-dir', dataDir], cwd: ROOT, timeout: 60_000 });
    app = launched;
    const window = await launched.firstWindow();
    // A fresh data directory starts at first-run setup: create the admin, as a newsroom would.
    await expect(window.getByTestId('setup-screen')).toBeVisible();
    await window.getByTestId('setup-name').fill('مديرة التحرير');
    await window.getByTestId('setup-password').fill('كلمة-سر-طويلة-للتجربة');
    await window.getByTestId('setup-confirm').fill('كلمة-سر-طويلة-للتجربة');
    await window.getByTestId('setup-submit').click();
    await expect(window.getByTestId('new-article')).toBeVisible();
    return { app: launched, window };
  }

  test('does open a sandboxed window on the app origin with the strict CSP', async () => {
    const { app: electronApp, window } = await launch();
    expect(window.url()).toMatch(/^midad:\/\/app\//);
    const windows = await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    expect(windows).toBe(1);
    const page = await window.evaluate(async () => {
      const response = await fetch('/index.html');
      const media = await fetch(`/media/${'a'.repeat(64)}`);
      return {
        hasRequire: typeof (globalThis as { require?: unknown }).require,
        hasProcess: typeof (globalThis as { process?: unknown }).process,
        bridge: typeof (globalThis as { midad?: { articles?: { create?: unknown } } }).midad?.articles?.create,
        csp: response.headers.get('content-security-policy'),
        mediaStatus: media.status,
      };
    });
    expect(page).toMatchObject({ hasRequire: 'undefined', hasProcess: 'undefined', bridge: 'function', mediaStatus: 404 });
    expect(page.csp).toContain("script-src 'self'");
    expect(page.csp).toContain("object-src 'none'");
  });

  test('does save typed Arabic text to the SQLite file and flush the rest on quit', async () => {
    const { app: electronApp, window } = await launch();
    await window.getByTestId('new-article').click();
    await window.getByTestId('title-input').fill(TITLE);
    const body = window.getByTestId('editor').locator('.ProseMirror');
    await body.click();
    await expect(body).toBeFocused();
    await window.keyboard.insertText(FIRST);
    await expect(window.getByTestId('status-save')).toHaveAttribute('data-state', 'saved');

    const saved = storedArticles(dataDir);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.title).toBe(TITLE);
    expect(saved[0]!.body_text).toContain(FIRST);

    // Quit in the middle of a sentence: before-quit asks the renderer to flush its pending save.
    await window.keyboard.press('Enter');
    await window.keyboard.insertText(LAST);
    await electronApp.close();
    app = undefined;
    const afterQuit = storedArticles(dataDir);
    expect(afterQuit[0]!.body_text).toContain(LAST);
    // The core closed cleanly: the WAL was checkpointed into the database file.
    expect(existsSync(join(dataDir, 'midad.sqlite-wal')) ? readFileSync(join(dataDir, 'midad.sqlite-wal')).length : 0).toBe(0);
  });
});
