import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { EndpointSummary } from '../../../shared/ipc/channels/sync';
import { ErrorCode, MidadError } from '../../../shared/errors';
import type { CallContext } from '../CallContext';
import { appendAudit } from '../db/queries/audit';
import { createTarget, NoTargetError, type TargetDependencies, type TargetRegistry } from '../sync/targets/createTarget';
import { TargetError, type ConnectionTest, type EndpointConfig, type EndpointKind, type PublishTarget, type SecretStore } from '../sync/types';

interface EndpointRow {
  id: string;
  kind: EndpointKind;
  name: string;
  url: string;
  username: string | null;
  enabled: number;
  options: string;
  created_at: string;
  updated_at: string;
}

interface EndpointOptions {
  unpublishMode?: 'draft' | 'trash';
  concurrency?: number;
  timeoutMs?: number;
}

export interface EndpointInput {
  id?: string;
  kind: EndpointKind;
  name: string;
  url: string;
  username?: string;
  enabled: boolean;
  unpublishMode?: 'draft' | 'trash';
  concurrency?: number;
  /** Write-only; absent keeps the stored secret. */
  secret?: string;
}

export type EndpointTestResult = ConnectionTest & { error: { code: string; message: string; messageAr: string } | null };

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_TIMEOUT_MS = 30_000;

function rowToConfig(row: EndpointRow): EndpointConfig {
  const options = JSON.parse(row.options) as EndpointOptions;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    url: row.url,
    username: row.username,
    enabled: row.enabled === 1,
    unpublishMode: options.unpublishMode ?? 'draft',
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

function invalid(message: string, messageAr: string, detail?: Record<string, unknown>): MidadError {
  return new MidadError(ErrorCode.VALIDATION, message, messageAr, detail);
}

/** An http(s) URL without credentials in it (those go to the secret store). */
export function checkEndpointUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid(`"${value}" is not a URL.`, `«${value}» ليس عنوانًا صالحًا.`, { field: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid('The endpoint URL must start with https:// (or http://).', 'يجب أن يبدأ عنوان الوجهة بـ ‎https://‎ (أو ‎http://‎).', { field: 'url' });
  }
  // An application password travels in every request: only over TLS, except on this machine.
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.hostname.startsWith('127.');
  if (url.protocol === 'http:' && !loopback) {
    throw invalid(
      'Use https:// for this endpoint: its password or secret would cross the network unencrypted over http.',
      'استعمل ‎https://‎ لهذه الوجهة: عبر ‎http‎ تمرّ كلمة المرور أو السر في الشبكة دون تشفير.',
      { field: 'url' },
    );
  }
  if (url.username || url.password) {
    throw invalid('Put no user name or password in the URL: they are asked for separately and kept in the secret store.', 'لا تضع اسم مستخدم أو كلمة مرور في العنوان: يُطلبان على حدة ويُحفظان في مخزن الأسرار.', { field: 'url' });
  }
  return url.toString().replace(/\/$/, '');
}

export function endpointNotFound(id: string): MidadError {
  return new MidadError(ErrorCode.NOT_FOUND, `Endpoint ${id} does not exist.`, `الوجهة ${id} غير موجودة.`, { id });
}

/**
 * Publishing endpoints (admin): their settings in SQLite, their secrets only in the secret
 * store. Every change is audited, never with the secret.
 */
export class EndpointService {
  constructor(
    private readonly db: Database,
    private readonly secrets: SecretStore,
    private readonly registry: TargetRegistry,
    private readonly dependencies: TargetDependencies,
    private readonly clock: () => Date,
  ) {}

  private row(id: string): EndpointRow {
    const row = this.db.prepare<[string], EndpointRow>('SELECT * FROM endpoints WHERE id = ?').get(id);
    if (!row) throw endpointNotFound(id);
    return row;
  }

  config(id: string): EndpointConfig {
    return rowToConfig(this.row(id));
  }

  configs(): EndpointConfig[] {
    return this.db.prepare<[], EndpointRow>('SELECT * FROM endpoints ORDER BY name').all().map(rowToConfig);
  }

  enabledConfigs(): EndpointConfig[] {
    return this.configs().filter((config) => config.enabled);
  }

  findByName(name: string): EndpointConfig | null {
    const row = this.db.prepare<[string], EndpointRow>('SELECT * FROM endpoints WHERE name = ?').get(name.trim());
    return row ? rowToConfig(row) : null;
  }

  summary(config: EndpointConfig): EndpointSummary {
    return {
      id: config.id,
      kind: config.kind,
      name: config.name,
      url: config.url,
      username: config.username,
      enabled: config.enabled,
      unpublishMode: config.unpublishMode,
      concurrency: config.concurrency,
      hasSecret: this.secrets.get(config.id) !== null,
    };
  }

  list(): EndpointSummary[] {
    return this.configs().map((config) => this.summary(config));
  }

  save(ctx: CallContext, input: EndpointInput): EndpointSummary {
    const name = input.name.trim();
    if (!name) throw invalid('Give the endpoint a name.', 'أعطِ الوجهة اسمًا.', { field: 'name' });
    const url = checkEndpointUrl(input.url);
    const username = input.username?.trim() || null;
    if (input.kind === 'wordpress' && !username) {
      throw invalid('A WordPress endpoint needs the WordPress user name.', 'تحتاج وجهة ووردبريس إلى اسم مستخدم ووردبريس.', { field: 'username' });
    }
    const now = this.clock().toISOString();
    const clash = this.db.prepare<[string], { id: string }>('SELECT id FROM endpoints WHERE name = ?').get(name);
    if (clash && clash.id !== input.id) {
      throw new MidadError(ErrorCode.VALIDATION, `An endpoint named "${name}" already exists.`, `توجد وجهة باسم «${name}» مسبقًا.`, { field: 'name' });
    }
    if (!input.id && input.secret === undefined) throw invalid('A new endpoint needs its password or shared secret.', 'تحتاج الوجهة الجديدة إلى كلمة المرور أو السر المشترك.', { field: 'secret' });
    if (input.id) {
      this.updateRow(ctx, input.id, input, { name, url, username, now });
      if (input.secret !== undefined) this.storeSecret(input.id, input.secret);
      return this.summary(this.config(input.id));
    }
    // A new endpoint's secret is stored first: no endpoint is saved whose secret could not be kept.
    const id = randomUUID();
    this.storeSecret(id, input.secret!);
    try {
      const options: EndpointOptions = { unpublishMode: input.unpublishMode ?? 'draft', concurrency: input.concurrency ?? DEFAULT_CONCURRENCY };
      this.db.transaction(() => {
        this.db
          .prepare('INSERT INTO endpoints (id, kind, name, url, username, enabled, options, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(id, input.kind, name, url, username, input.enabled ? 1 : 0, JSON.stringify(options), now, now);
        appendAudit(this.db, now, { actor: ctx.actor, action: 'endpoint.add', detail: { id, name, kind: input.kind, url, enabled: input.enabled } });
      })();
    } catch (error) {
      this.secrets.delete(id);
      throw error;
    }
    return this.summary(this.config(id));
  }

  private updateRow(ctx: CallContext, id: string, input: EndpointInput, fields: { name: string; url: string; username: string | null; now: string }): void {
    this.db.transaction(() => {
      const existing = this.row(id);
      if (existing.kind !== input.kind) throw invalid('An endpoint keeps its kind; add a new one instead.', 'لا يتغيّر نوع الوجهة؛ أضف وجهة جديدة بدلًا من ذلك.', { field: 'kind' });
      const options: EndpointOptions = { ...(JSON.parse(existing.options) as EndpointOptions) };
      if (input.unpublishMode) options.unpublishMode = input.unpublishMode;
      if (input.concurrency) options.concurrency = input.concurrency;
      this.db
        .prepare('UPDATE endpoints SET name = ?, url = ?, username = ?, enabled = ?, options = ?, updated_at = ? WHERE id = ?')
        .run(fields.name, fields.url, fields.username, input.enabled ? 1 : 0, JSON.stringify(options), fields.now, id);
      appendAudit(this.db, fields.now, {
        actor: ctx.actor,
        action: 'endpoint.update',
        detail: { id, name: fields.name, kind: input.kind, url: fields.url, enabled: input.enabled, secretChanged: input.secret !== undefined },
      });
    })();
  }

  /** Keeps a secret; a store that cannot (no OS keychain) answers with a readable refusal. */
  private storeSecret(id: string, secret: string): void {
    try {
      this.secrets.set(id, secret);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new MidadError(
        ErrorCode.VALIDATION,
        `The secret could not be stored safely: ${reason}`,
        'تعذّر حفظ السر بأمان (سلسلة مفاتيح النظام غير متاحة)؛ أضف هذه الوجهة عبر سطر الأوامر ‎"midad endpoints add"‎.',
        { field: 'secret' },
      );
    }
  }

  remove(ctx: CallContext, id: string): void {
    const row = this.row(id);
    const now = this.clock().toISOString();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM endpoints WHERE id = ?').run(id);
      appendAudit(this.db, now, { actor: ctx.actor, action: 'endpoint.remove', detail: { id, name: row.name, kind: row.kind } });
    })();
    this.secrets.delete(id);
  }

  /** The target that talks to this endpoint. */
  target(config: EndpointConfig): PublishTarget {
    return createTarget(this.registry, config, this.secrets.get(config.id), this.dependencies);
  }

  /** Tries the connection and the account; failures come back as a readable error, not a throw. */
  async test(ctx: CallContext, id: string): Promise<EndpointTestResult> {
    const config = this.config(id);
    const failed = (code: string, message: string, messageAr: string): EndpointTestResult => ({
      ok: false,
      user: null,
      role: null,
      canPublish: false,
      warning: null,
      error: { code, message, messageAr },
    });
    let result: EndpointTestResult;
    if (this.secrets.get(id) === null) {
      result = failed(
        'NO_SECRET',
        'No password or secret is stored for this endpoint here. Endpoints added in the app keep it in the system keychain, which the CLI cannot read: add the endpoint with the CLI for headless use, or enter the secret again.',
        'لا توجد كلمة مرور أو سر محفوظ لهذه الوجهة هنا. تحفظ الوجهات المضافة في التطبيق سرّها في سلسلة مفاتيح النظام التي لا يقرؤها سطر الأوامر: أضف الوجهة عبر سطر الأوامر للمزامنة دون واجهة، أو أدخل السر من جديد.',
      );
    } else {
      try {
        result = { ...(await this.target(config).test()), error: null };
      } catch (error) {
        if (error instanceof TargetError) result = failed(error.code, error.message, error.messageAr);
        else if (error instanceof NoTargetError) result = failed('NO_TARGET', error.message, `لا يتوفر في هذا الإصدار ناشر لوجهات ${config.kind}.`);
        else result = failed('UNEXPECTED', error instanceof Error ? error.message : String(error), 'حدث خطأ غير متوقع أثناء اختبار الاتصال.');
      }
    }
    appendAudit(this.db, this.clock().toISOString(), {
      actor: ctx.actor,
      action: 'endpoint.test',
      detail: { id, name: config.name, ok: result.ok, code: result.error?.code ?? null },
    });
    return result;
  }
}
