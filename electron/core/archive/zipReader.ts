import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ErrorCode, MidadError } from '../../../shared/errors';

export function archiveInvalid(message: string, messageAr: string, detail?: Record<string, unknown>): MidadError {
  return new MidadError(ErrorCode.ARCHIVE_INVALID, message, messageAr, detail);
}

/** yauzl's messages in words an admin can act on. */
export function explainZipError(error: unknown, file: string): MidadError {
  if (error instanceof MidadError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (/invalid relative path|absolute path|invalid characters in fileName/i.test(text)) {
    const name = text.replace(/^.*?:\s*/, '');
    return archiveInvalid(
      `The archive has an entry that tries to escape its folder ("${name}"); it was refused and nothing was read from it.`,
      `في الأرشيف مدخل يحاول الخروج من مجلده («${name}»)؛ رُفض الأرشيف ولم يُقرأ منه شيء.`,
      { entry: name },
    );
  }
  if (/end of central directory|central directory|unexpected EOF|not enough bytes|invalid (local|central)|signature|truncated|too small|extends beyond/i.test(text)) {
    return archiveInvalid(
      `${file} is not a complete ZIP archive: it is damaged or truncated (${text}).`,
      `الملف ${file} ليس أرشيف ZIP كاملًا: إنه تالف أو مبتور (${text}).`,
    );
  }
  return archiveInvalid(`${file} could not be read as a ZIP archive: ${text}.`, `تعذّرت قراءة ${file} كأرشيف ZIP: ${text}.`);
}

export interface ZipEntryInfo {
  name: string;
  size: number;
  entry: Entry;
}

/** True for entries whose Unix mode says symbolic link. */
function isSymlink(entry: Entry): boolean {
  return ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}

/**
 * An opened ZIP archive: every entry listed up front from the central directory (names
 * checked by yauzl: no `..`, no absolute paths, no backslashes; symbolic links refused here),
 * then entries read one at a time as streams (sizes checked against the directory).
 */
export class ZipReader {
  private constructor(
    private readonly zip: ZipFile,
    readonly entries: Map<string, ZipEntryInfo>,
  ) {}

  static async open(file: string): Promise<ZipReader> {
    let zip: ZipFile;
    try {
      zip = await yauzl.openPromise(file, { decodeStrings: true, validateEntrySizes: true, strictFileNames: false, autoClose: false });
    } catch (error) {
      throw explainZipError(error, file);
    }
    const entries = new Map<string, ZipEntryInfo>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: Entry) => {
          const name = entry.fileName;
          if (isSymlink(entry)) {
            reject(
              archiveInvalid(
                `The archive entry "${name}" is a symbolic link; archives with links are refused.`,
                `المدخل «${name}» في الأرشيف رابط رمزي؛ تُرفض الأرشيفات التي تحوي روابط.`,
                { entry: name },
              ),
            );
            return;
          }
          if (entries.has(name)) {
            reject(archiveInvalid(`The archive has the entry "${name}" twice.`, `يحوي الأرشيف المدخل «${name}» مرتين.`, { entry: name }));
            return;
          }
          if (!name.endsWith('/')) entries.set(name, { name, size: entry.uncompressedSize, entry });
          zip.readEntry();
        });
        zip.on('end', () => resolve());
        zip.on('error', reject);
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw explainZipError(error, file);
    }
    return new ZipReader(zip, entries);
  }

  async stream(name: string): Promise<Readable> {
    const info = this.entries.get(name);
    if (!info) throw archiveInvalid(`The archive has no entry "${name}".`, `لا يحوي الأرشيف المدخل «${name}».`, { entry: name });
    try {
      return await this.zip.openReadStreamPromise(info.entry);
    } catch (error) {
      throw explainZipError(error, name);
    }
  }

  /** A small entry read whole (the manifest); refused above `limit` bytes. */
  async read(name: string, limit: number): Promise<Buffer> {
    const info = this.entries.get(name);
    if (info && info.size > limit) {
      throw archiveInvalid(`The archive entry "${name}" is too large (${info.size} bytes).`, `المدخل «${name}» في الأرشيف أكبر من اللازم (${info.size} بايت).`);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(name)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  close(): void {
    this.zip.close();
  }
}

/** No article line comes near this; a longer one is a damaged or hostile file (memory stays bounded). */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

/**
 * Reads a byte stream as UTF-8 lines (the last line may lack its newline), calling `onLine`
 * with the 1-based line number; `onChunk` sees the raw bytes (for a checksum).
 */
export async function forEachLine(
  stream: AsyncIterable<Buffer | string>,
  onLine: (line: string, number: number) => void | Promise<void>,
  onChunk?: (chunk: Buffer) => void | Promise<void>,
  maxLineChars = MAX_LINE_CHARS,
): Promise<number> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let number = 0;
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    await onChunk?.(chunk);
    pending += decoder.write(chunk);
    let start = 0;
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      number += 1;
      await onLine(pending.slice(start, newline).replace(/\r$/, ''), number);
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
    if (pending.length > maxLineChars) {
      throw archiveInvalid(
        `Line ${number + 1} is longer than ${Math.round(maxLineChars / (1024 * 1024))} million characters: this is not an article (a damaged or hostile file).`,
        `السطر ${number + 1} أطول من ${Math.round(maxLineChars / (1024 * 1024))} مليون حرف: ليس مقالًا (ملف تالف أو مريب).`,
        { line: number + 1 },
      );
    }
  }
  pending += decoder.end();
  if (pending.length > 0) {
    number += 1;
    await onLine(pending.replace(/\r$/, ''), number);
  }
  return number;
}
