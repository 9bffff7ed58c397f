import { safeStorage } from 'electron';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../core/sync/types';

/** Where the app keeps endpoint secrets, each sealed by the OS keychain (safeStorage). */
export const KEYCHAIN_SECRETS_FILE = 'secrets.keychain.json';

/**
 * Endpoint secrets in the app: encrypted with Electron's safeStorage (the OS keychain: Keychain
 * on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and kept as base64 blobs in the data
 * directory — never in SQLite, never in plain text. The CLI cannot decrypt these (it has its own
 * store): endpoints meant for headless sync are added through the CLI.
 */
export class SafeStorageSecretStore implements SecretStore {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, KEYCHAIN_SECRETS_FILE);
  }

  private readAll(): Record<string, string> {
    return existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>) : {};
  }

  private writeAll(all: Record<string, string>): void {
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(all, null, 2), { mode: 0o600 });
    renameSync(temporary, this.file);
  }

  get(endpointId: string): string | null {
    const sealed = this.readAll()[endpointId];
    if (!sealed || !safeStorage.isEncryptionAvailable()) return null;
    try {
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      return null;
    }
  }

  set(endpointId: string, secret: string): void {
    // On Linux without a keyring Electron falls back to 'basic_text', a hard-coded key: that is
    // not safe storage, so refuse it like no storage at all.
    const basicText = process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text';
    if (!safeStorage.isEncryptionAvailable() || basicText) {
      throw new Error('The system keychain is not available, so the secret cannot be stored safely; add this endpoint with "midad endpoints add" instead.');
    }
    const all = this.readAll();
    all[endpointId] = safeStorage.encryptString(secret).toString('base64');
    this.writeAll(all);
  }

  delete(endpointId: string): void {
    const all = this.readAll();
    if (!(endpointId in all)) return;
    delete all[endpointId];
    this.writeAll(all);
  }
}
