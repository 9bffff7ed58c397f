import { createWriteStream } from 'node:fs';
import { ZipFile } from 'yazl';
import { ZipReader } from '../../../../../electron/core/archive/zipReader';

/** Every entry of an archive, read whole (test archives are small). */
export async function zipEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await ZipReader.open(file);
  try {
    const entries = new Map<string, Buffer>();
    for (const name of zip.entries.keys()) entries.set(name, await zip.read(name, 512 * 1024 * 1024));
    return entries;
  } finally {
    zip.close();
  }
}

/** Writes entries (in order) as a ZIP; `mode` sets an entry's Unix mode (a symlink: 0o120777). */
export function writeZip(file: string, entries: [string, Buffer | string][], modes: Record<string, number> = {}): Promise<void> {
  const zip = new ZipFile();
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.outputStream.pipe(out);
  });
  for (const [name, data] of entries) {
    zip.addBuffer(typeof data === 'string' ? Buffer.from(data) : data, name, modes[name] ? { mode: modes[name] } : {});
  }
  zip.end();
  return done;
}

/** A copy of an archive with entries changed (return null to drop one) and others added. */
export async function rewriteZip(source: string, target: string, change: (name: string, data: Buffer) => Buffer | string | null, add: [string, Buffer | string][] = []): Promise<void> {
  const entries: [string, Buffer | string][] = [];
  for (const [name, data] of await zipEntries(source)) {
    const next = change(name, data);
    if (next !== null) entries.push([name, next]);
  }
  await writeZip(target, [...entries, ...add]);
}
