import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../sync/types';

export const SECRET_KEY_ENV = 'MIDAD_SECRET_KEY';
export const SECRETS_FILE = 'secrets.json';
export const SECRETS_KEY_FILE = 'secrets.key';

interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

/**
 * Endpoint secrets for the CLI and tests: AES-256-GCM, each secret sealed with its own IV and
 * bound to its endpoint id (additional data), in `<dataDir>/secrets.json`. The key comes from
 * MIDAD_SECRET_KEY (base64, 32 bytes) or a 0600 key file created on first use. Never SQLite,
 * never a log line. The app uses the OS keychain instead (electron/main/secretStore.ts).
 */
export class FileSecretStore implements SecretStore {
  private readonly file: string;
  private readonly keyFile: string;
  private cachedKey: Buffer | null = null;

  constructor(
    dataDir: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.file = join(dataDir, SECRETS_FILE);
    this.keyFile = join(dataDir, SECRETS_KEY_FILE);
  }

  private key(create: boolean): Buffer | null {
    if (this.cachedKey) return this.cachedKey;
    const fromEnv = this.env[SECRET_KEY_ENV];
    if (fromEnv) {
      const key = Buffer.from(fromEnv, 'base64');
      if (key.length !== 32) throw new Error(`${SECRET_KEY_ENV} must be 32 bytes in base64.`);
      this.cachedKey = key;
    } else if (existsSync(this.keyFile)) {
      this.cachedKey = Buffer.from(readFileSync(this.keyFile, 'utf8').trim(), 'base64');
    } else if (create) {
      const key = randomBytes(32);
      writeFileSync(this.keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(this.keyFile, 0o600);
      this.cachedKey = key;
    }
    return this.cachedKey;
  }

  private readAll(): Record<string, Sealed> {
    if (!existsSync(this.file)) return {};
    return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, Sealed>;
  }

  private writeAll(all: Record<string, Sealed>): void {
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.file);
  }

  get(endpointId: string): string | null {
    const sealed = this.readAll()[endpointId];
    if (!sealed) return null;
    const key = this.key(false);
    if (!key) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(endpointId, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      // Another key (or a tampered file): as if no secret were stored; the endpoint test says so.
      return null;
    }
  }

  set(endpointId: string, secret: string): void {
    const key = this.key(true)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(endpointId, 'utf8'));
    const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    const all = this.readAll();
    all[endpointId] = { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    this.writeAll(all);
  }

  delete(endpointId: string): void {
    const all = this.readAll();
    if (!(endpointId in all)) return;
    delete all[endpointId];
    this.writeAll(all);
  }
}

/** Keeps secrets in memory only (tests, and a core opened without a store). */
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();
  get(endpointId: string): string | null {
    return this.secrets.get(endpointId) ?? null;
  }
  set(endpointId: string, secret: string): void {
    this.secrets.set(endpointId, secret);
  }
  delete(endpointId: string): void {
    this.secrets.delete(endpointId);
  }
}
