import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Article } from '../../../../../shared/domain/article';
import type { DocNode } from '../../../../../shared/editor/docSchema';
import type { CallContext } from '../../../../../electron/core/CallContext';
import { Core, DATABASE_FILE_NAME } from '../../../../../electron/core/Core';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import { MemorySecretStore } from '../../../../../electron/core/secrets/FileSecretStore';
import type { EngineTimers } from '../../../../../electron/core/sync/SyncEngine';
import type { SyncItemRow } from '../../../../../electron/core/sync/outboxRows';
import { MemoryServer, MemoryTarget } from '../../../../../electron/core/sync/targets/MemoryTarget';
import type { EndpointKind } from '../../../../../electron/core/sync/types';
import { signInAs, tempDir } from '../../../../support/tempCore';

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export const ARABIC = 'قال وزير الاقتصاد إن نسبة النمو بلغت ٣٫٥٪ في 2026، مقابل 2.1% (وفق Reuters) — «رقم قياسي».';

export function paragraph(text: string): DocNode {
  return { type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text }] };
}

export interface SyncWorld {
  core: Core;
  dataDir: string;
  clock: { now: Date; advance(ms: number): void };
  ctx: CallContext;
  servers: Map<string, MemoryServer>;
  secrets: MemorySecretStore;
  timers: RecordingTimers;
  /** Calls a channel as the signed-in admin; throws on an error answer. */
  call<T = unknown>(channel: string, payload: unknown, ctx?: CallContext): Promise<T>;
  addEndpoint(name: string, kind?: EndpointKind, extra?: Record<string, unknown>): Promise<{ id: string; server: MemoryServer }>;
  approvedArticle(fields?: Record<string, unknown>, scheduledAt?: string): Promise<Article>;
  row(articleId: string, endpointId: string): SyncItemRow;
  reopen(): SyncWorld;
}

/** Timers that record what the engine schedules, and run only when the test says so (or at once, if `auto`). */
export class RecordingTimers implements EngineTimers {
  readonly scheduled: { ms: number; callback: () => void; cleared: boolean }[] = [];
  auto = false;
  setTimeout(callback: () => void, ms: number): unknown {
    const entry = { ms, callback, cleared: false };
    this.scheduled.push(entry);
    if (this.auto) setTimeout(() => !entry.cleared && callback(), 0);
    return entry;
  }
  clearTimeout(handle: unknown): void {
    (handle as { cleared: boolean }).cleared = true;
  }
  pending() {
    return this.scheduled.filter((entry) => !entry.cleared);
  }
}

/**
 * A real core (real SQLite in a temporary directory) whose WordPress and webhook endpoints are
 * in-memory servers, one per endpoint name, with a settable clock, fixed jitter and recorded timers.
 */
export async function syncWorld(options: { random?: () => number; dataDir?: string; servers?: Map<string, MemoryServer>; secrets?: MemorySecretStore; clock?: SyncWorld['clock'] } = {}): Promise<SyncWorld> {
  const dataDir = options.dataDir ?? tempDir();
  const clock =
    options.clock ??
    {
      now: new Date('2026-11-30T10:00:00Z'),
      advance(ms: number) {
        clock.now = new Date(clock.now.getTime() + ms);
      },
    };
  const servers = options.servers ?? new Map<string, MemoryServer>();
  const secrets = options.secrets ?? new MemorySecretStore();
  const timers = new RecordingTimers();
  const serverFor = (name: string) => {
    let server = servers.get(name);
    if (!server) {
      server = new MemoryServer(() => clock.now);
      servers.set(name, server);
    }
    return server;
  };
  const factory = (config: { name: string }) => new MemoryTarget(serverFor(config.name));
  const core = new Core({
    dataDir,
    clock: () => clock.now,
    secretStore: secrets,
    targets: { wordpress: factory, webhook: factory },
    random: options.random ?? (() => 0.5),
    timers,
  });
  const { ctx } = await signInAs(core, 'مديرة التحرير', 'admin');
  const call = async <T>(channel: string, payload: unknown, as: CallContext = ctx): Promise<T> => {
    const result = await dispatch(core, channel, payload, as, { validateResponses: true });
    if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.code} ${result.error.message}`), { payload: result.error });
    return result.value as T;
  };
  const world: SyncWorld = {
    core,
    dataDir,
    clock,
    ctx,
    servers,
    secrets,
    timers,
    call,
    async addEndpoint(name, kind = 'wordpress', extra = {}) {
      const summary = await call<{ id: string }>('endpoints.save', {
        kind,
        name,
        url: `https://${kind}.example/${encodeURIComponent(name)}`,
        ...(kind === 'wordpress' ? { username: 'midad' } : {}),
        enabled: true,
        secret: 'app-pass word 1234',
        ...extra,
      });
      return { id: summary.id, server: serverFor(name) };
    },
    async approvedArticle(fields = {}, scheduledAt) {
      const created = await call<Article>('articles.create', { fields: { title: 'ارتفاع أسعار القمح في الأسواق المحلية', body: { type: 'doc', content: [paragraph(ARABIC)] }, ...fields } });
      await call('workflow.act', { id: created.id, action: 'submit' });
      await call('workflow.act', { id: created.id, action: 'claim' });
      return call<Article>('workflow.act', { id: created.id, action: 'approve', ...(scheduledAt ? { scheduledAt } : {}) });
    },
    row(articleId, endpointId) {
      return core.open.db.prepare('SELECT * FROM sync_items WHERE article_id = ? AND endpoint_id = ?').get(articleId, endpointId) as SyncItemRow;
    },
    reopen() {
      throw new Error('use reopenWorld');
    },
  };
  return world;
}

/** The same data directory, servers and secrets, in a fresh core (an app restart). */
export async function reopenWorld(world: SyncWorld): Promise<SyncWorld> {
  await world.core.stopSync();
  world.core.close();
  return syncWorld({ dataDir: world.dataDir, servers: world.servers, secrets: world.secrets, clock: world.clock });
}

export function readDb<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
