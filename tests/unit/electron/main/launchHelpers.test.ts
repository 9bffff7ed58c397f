import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../../../electron/main/args';
import { externalUrl } from '../../../../electron/main/externalLinks';
import { flushRenderer, type FlushTarget } from '../../../../electron/main/flush';
import { chooseNativeBinding, electronNativeBindingPath } from '../../../../electron/main/nativeBinding';
import { addonAbis, electronNativePaths } from '../../../../scripts/electron-native.mjs';

describe('parseLaunchArgs', () => {
  const cwd = '/home/editor';
  it('does take --data-dir DIR and --data-dir=DIR, relative to the working directory', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', '.', '--data-dir', '/srv/midad'], {}, cwd)).toEqual({ dataDir: '/srv/midad' });
    expect(parseLaunchArgs(['midad', '--data-dir=copy'], {}, cwd)).toEqual({ dataDir: '/home/editor/copy' });
  });
  it('does prefer the command line over MIDAD_DATA_DIR and fall back to it', () => {
    expect(parseLaunchArgs(['midad', '--data-dir', '/a'], { MIDAD_DATA_DIR: '/b' }, cwd)).toEqual({ dataDir: '/a' });
    expect(parseLaunchArgs(['midad'], { MIDAD_DATA_DIR: '/b' }, cwd)).toEqual({ dataDir: '/b' });
  });
  it('does return null (the default directory) when nothing usable is given', () => {
    expect(parseLaunchArgs(['midad', '--no-sandbox'], {}, cwd)).toEqual({ dataDir: null });
    expect(parseLaunchArgs(['midad', '--data-dir'], { MIDAD_DATA_DIR: '' }, cwd)).toEqual({ dataDir: null });
    expect(parseLaunchArgs(['midad', '--data-dir', '--inspect'], {}, cwd)).toEqual({ dataDir: null });
  });
});

describe('externalUrl', () => {
  it('does let http, https and mailto links out and nothing else', () => {
    expect(externalUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(externalUrl('http://example.com')).toBe('http://example.com/');
    expect(externalUrl('mailto:desk@example.com')).toBe('mailto:desk@example.com');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'midad://app/index.html', 'smb://host/share', 'ms-settings:', 'data:text/html,x', 'http://', 'nonsense']) {
      expect(externalUrl(url), url).toBeNull();
    }
  });
});

describe('flushRenderer', () => {
  const target = (run: () => Promise<unknown>, destroyed = false): FlushTarget => ({ isDestroyed: () => destroyed, executeJavaScript: run });
  it('does wait for the renderer flush to finish', async () => {
    let done = false;
    const outcome = await flushRenderer(target(() => new Promise((resolve) => setTimeout(() => { done = true; resolve(true); }, 20))), 1000);
    expect(outcome).toBe('flushed');
    expect(done).toBe(true);
  });
  it('does give up after the timeout when the renderer hangs', async () => {
    const started = Date.now();
    expect(await flushRenderer(target(() => new Promise(() => {})), 50)).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1000);
  });
  it('does not reject when the renderer is gone or its script fails', async () => {
    expect(await flushRenderer(target(() => Promise.reject(new Error('gone'))), 50)).toBe('failed');
    expect(await flushRenderer(target(() => Promise.resolve(true), true), 50)).toBe('no-renderer');
    expect(await flushRenderer(null, 50)).toBe('no-renderer');
    expect(await flushRenderer(target(() => Promise.resolve(false)), 50)).toBe('no-renderer');
  });
});

describe('native binding for Electron', () => {
  it('does look where scripts/electron-native.mjs builds it', () => {
    const root = resolve('/work/app');
    expect(electronNativeBindingPath(root, '45.5.0', 'linux', 'x64')).toBe(electronNativePaths(root, '45.5.0', 'linux', 'x64').binding);
  });
  it('does use the cached build in development, report it missing, and need none when packaged', () => {
    const root = mkdtempSync(join(tmpdir(), 'midad-native-'));
    expect(chooseNativeBinding(true, root, '45.5.0')).toEqual({ kind: 'packaged' });
    const missing = chooseNativeBinding(false, root, '45.5.0', 'linux', 'x64');
    expect(missing.kind).toBe('missing');
    const path = electronNativeBindingPath(root, '45.5.0', 'linux', 'x64');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
    expect(existsSync(path)).toBe(true);
    expect(chooseNativeBinding(false, root, '45.5.0', 'linux', 'x64')).toEqual({ kind: 'found', path });
  });
  it('does read the ABI a better-sqlite3 binary was built for, so a Node build is never taken for an Electron one', () => {
    const nodeBuild = resolve(__dirname, '../../../../node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(addonAbis(nodeBuild)).toEqual([Number(process.versions.modules)]);
  });
});
