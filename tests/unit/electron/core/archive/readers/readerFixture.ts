import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { MidadError } from '../../../../../../shared/errors';
import type { ForeignReader, ForeignReaderOptions, ImportCandidate } from '../../../../../../electron/core/archive/types';
import { solidPng } from '../../../../../integration/png';

/** Temporary files for one test file, removed after each test. */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'midad-reader-'));
  dirs.push(dir);
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

export const BLUE = solidPng(8, 8, [30, 30, 200]);
export const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What a reader did with media and warnings, with a fake web of images by URL. */
export class ReaderProbe {
  readonly fetched: string[] = [];
  readonly stored: { hash: string; name: string }[] = [];
  readonly warnings: { position: number | null; message: string; messageAr: string }[] = [];

  constructor(
    private readonly web: Record<string, Buffer> = {},
    readonly dryRun = false,
  ) {}

  get options(): ForeignReaderOptions {
    return {
      dryRun: this.dryRun,
      storeMedia: (bytes, name) => {
        if (bytes.subarray(1, 4).toString('latin1') !== 'PNG') return null;
        const hash = sha(bytes);
        this.stored.push({ hash, name });
        return hash;
      },
      fetchMedia: async (url) => {
        this.fetched.push(url);
        const bytes = this.web[url];
        return bytes ? { bytes, name: url.split('/').pop()! } : null;
      },
      warn: (position, message, messageAr) => this.warnings.push({ position, message, messageAr }),
    };
  }
}

export async function readAll(reader: ForeignReader, file: string, probe = new ReaderProbe()): Promise<ImportCandidate[]> {
  const out: ImportCandidate[] = [];
  for await (const candidate of reader(file, probe.options)) out.push(candidate);
  return out;
}

/** The MidadError a reader throws (after yielding what came before it). */
export async function readError(reader: ForeignReader, file: string, probe = new ReaderProbe()): Promise<MidadError> {
  try {
    await readAll(reader, file, probe);
  } catch (error) {
    if (error instanceof MidadError) return error;
    throw error;
  }
  throw new Error('expected the reader to refuse the file');
}
