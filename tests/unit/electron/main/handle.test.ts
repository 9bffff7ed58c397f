import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../../../electron/core/Core';
import { registerIpcHandlers, type FrameIdentity, type IpcMainLike } from '../../../../electron/main/ipc/handle';
import { channels } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/errors';
import { signInAs } from '../../../support/tempCore';

type Listener = (event: { senderFrame: FrameIdentity | null }, ...args: unknown[]) => Promise<Result<unknown>>;

/** Records `ipcMain.handle` registrations the way Electron does (a second one for a channel throws). */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const registrations: string[] = [];
  const ipcMain = {
    handle(channel: string, listener: Listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      registrations.push(channel);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  };
  return { ipcMain: ipcMain as unknown as IpcMainLike, handlers, registrations };
}

const appFrame: FrameIdentity = { url: 'midad://app/index.html', processId: 4, frameToken: 'main-frame-token' };
const cores: { core: Core; dataDir: string }[] = [];

async function setUp(options: Parameters<typeof registerIpcHandlers>[3] = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'midad-ipc-'));
  const core = new Core({ dataDir });
  await signInAs(core, 'مديرة التحرير', 'admin');
  cores.push({ core, dataDir });
  const fake = fakeIpcMain();
  const remove = registerIpcHandlers(fake.ipcMain, core, () => appFrame, options);
  const call = (channel: string, payload: unknown, senderFrame: FrameIdentity | null = appFrame) => {
    const listener = fake.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame }, payload);
  };
  return { core, fake, call, remove };
}

afterEach(() => {
  for (const { core, dataDir } of cores.splice(0)) {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Payloads no channel accepts: wrong types, arrays, unknown keys, absurd values. */
const MALFORMED: unknown[] = [
  null,
  undefined,
  42,
  'articles',
  [],
  [{}],
  { unexpected: true },
  { id: '../../etc/passwd', articleId: 7, hash: 'not-a-hash', fields: 'x', patch: null, baseVersion: -1, reason: 'because', unexpected: 1 },
  { __proto__: { polluted: true }, constructor: 'x' },
];

describe('registerIpcHandlers', () => {
  it('does register exactly one handler per contract channel', async () => {
    const { fake } = await setUp();
    expect([...fake.registrations].sort()).toEqual([...channels].sort());
    expect(new Set(fake.registrations).size).toBe(fake.registrations.length);
  });

  it('does answer a call from the app window with the core result', async () => {
    const { call } = await setUp();
    const created = await call('articles.create', { fields: { title: 'عنوان الخبر' } });
    expect(created.ok).toBe(true);
    const listed = await call('articles.list', {});
    expect(listed).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('does refuse with BAD_SENDER a call from a foreign frame and leave the core untouched', async () => {
    const { call, core } = await setUp();
    const foreign: (FrameIdentity | null)[] = [
      null,
      { ...appFrame, frameToken: 'an-iframe-token' },
      { ...appFrame, processId: 99 },
      { ...appFrame, url: 'https://example.com/index.html' },
      { ...appFrame, url: 'midad://elsewhere/index.html' },
      { ...appFrame, url: 'file:///tmp/index.html' },
      { ...appFrame, url: 'not a url' },
    ];
    for (const frame of foreign) {
      const result = await call('articles.create', { fields: { title: 'مزوّر' } }, frame);
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_SENDER' } });
    }
    expect(await call('articles.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
    // Every refused call is in the audit log, with the frame it came from.
    const denied = core.open.db.prepare("SELECT actor FROM audit WHERE action = 'denied'").pluck().all() as string[];
    expect(denied).toHaveLength(foreign.length);
    expect(denied).toContain('frame:https://example.com/index.html');
  });

  it('does refuse with BAD_SENDER when the sender frame was disposed mid-call', async () => {
    const { call } = await setUp();
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      processId: appFrame.processId,
      frameToken: appFrame.frameToken,
    };
    expect(await call('settings.get', {}, disposed)).toMatchObject({ ok: false, error: { code: 'BAD_SENDER' } });
  });

  it('does return a typed VALIDATION error, never a throw, for a malformed payload to every channel', async () => {
    const { call } = await setUp();
    for (const channel of channels) {
      for (const payload of MALFORMED) {
        // Channels whose request is an empty object accept `{}`-like input only; all of MALFORMED is refused.
        const result = await call(channel, payload);
        expect(result.ok, `${channel} accepted ${JSON.stringify(payload)}`).toBe(false);
        if (result.ok) continue;
        expect(['VALIDATION', 'UNKNOWN_CHANNEL'], `${channel} → ${result.error.code}`).toContain(result.error.code);
        expect(typeof result.error.message).toBe('string');
        expect(typeof result.error.messageAr).toBe('string');
      }
    }
  });

  it('does turn an unexpected error inside the core into INTERNAL without its text or stack', async () => {
    const logged: unknown[] = [];
    const { core, call } = await setUp({ logError: (_channel, error) => logged.push(error) });
    (core.handlers as unknown as Record<string, () => never>)['settings.get'] = () => {
      throw new Error('boom at /home/editor/secret/path');
    };
    const result = await call('settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(JSON.stringify(result)).not.toContain('boom');
    expect(logged).toHaveLength(1);
  });

  it('does tell afterCall about a settings change so the menu can follow the language', async () => {
    const seen: string[] = [];
    const { call } = await setUp({ afterCall: (channel, result) => seen.push(`${channel}:${result.ok}`) });
    await call('settings.update', { language: 'en' });
    expect(seen).toEqual(['settings.update:true']);
    expect(await call('settings.get', {})).toMatchObject({ ok: true, value: { language: 'en' } });
  });

  it('does remove every handler when the returned function is called', async () => {
    const { fake, remove } = await setUp();
    remove();
    expect(fake.handlers.size).toBe(0);
  });
});
