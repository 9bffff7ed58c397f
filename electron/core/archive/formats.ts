import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { ErrorCode, MidadError } from '../../../shared/errors';
import type { ImportFormat } from '../../../shared/ipc/channels/archive';
import { looksLikeArchiveRecord } from './recordSchema';

/** Files above this are refused before anything is read (staging, import, verify). */
export const MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024;

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 * 1024 ? `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function fileTooLarge(name: string, size: number, limit = MAX_ARCHIVE_BYTES): MidadError {
  return new MidadError(
    ErrorCode.FILE_TOO_LARGE,
    `"${name}" is ${formatSize(size)}; Midad imports and checks files up to ${formatSize(limit)}. Split it (export by date range) and try again. Nothing was read.`,
    `حجم «${name}» ${formatSize(size)}، ويستورد مداد ويفحص ملفات حتى ${formatSize(limit)}. قسّمه (صدّر حسب الفترة الزمنية) وأعد المحاولة. لم يُقرأ منه شيء.`,
    { size, limit },
  );
}

/** The first `bytes` of a file (fewer when it is shorter): enough to tell what it is. */
export function readFileHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(bytes);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** Refuses a file above the limit, by its size alone. */
export function checkFileSize(file: string, name = file, limit = MAX_ARCHIVE_BYTES): number {
  const size = statSync(file).size;
  if (size > limit) throw fileTooLarge(name, size, limit);
  return size;
}

/**
 * What a file is, from its first bytes: a ZIP (a Midad archive), XML (WordPress WXR), or JSON
 * Lines — Midad records (`articles.jsonl`, with `bodyHtml` and `version`) or the simple
 * migration format. Null when it is none of these.
 */
export function detectFormat(file: string): ImportFormat | null {
  const bytes = readFileHead(file, 256 * 1024);
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)) return 'midad';
  const text = new StringDecoder('utf8').write(bytes).replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return 'wxr';
  if (text.startsWith('{')) {
    const firstLine = text.split('\n', 1)[0]!;
    try {
      return looksLikeArchiveRecord(JSON.parse(firstLine)) ? 'midad' : 'jsonl';
    } catch {
      // A first line longer than what was read, or broken: decide on the keys it starts with.
      return /"bodyHtml"\s*:/.test(firstLine) && /"version"\s*:/.test(firstLine) ? 'midad' : 'jsonl';
    }
  }
  return null;
}

export function isZip(file: string): boolean {
  const head = readFileHead(file, 4);
  return head[0] === 0x50 && head[1] === 0x4b;
}

/** Reads a file's lines synchronously (inside a transaction), 32 KB at a time. */
export function forEachLineSync(file: string, onLine: (line: string, number: number) => void): void {
  const fd = openSync(file, 'r');
  // Small reads: the decoded text stays a young-generation string, freed at once (1 MB pieces went to
  // the large-object space and piled up until a full collection, inside one long transaction).
  const buffer = Buffer.alloc(32 * 1024);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let number = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      pending += decoder.write(buffer.subarray(0, read));
      let start = 0;
      let newline = pending.indexOf('\n');
      while (newline !== -1) {
        number += 1;
        onLine(pending.slice(start, newline).replace(/\r$/, ''), number);
        start = newline + 1;
        newline = pending.indexOf('\n', start);
      }
      pending = pending.slice(start);
    }
    pending += decoder.end();
    if (pending.length > 0) onLine(pending.replace(/\r$/, ''), number + 1);
  } finally {
    closeSync(fd);
  }
}
