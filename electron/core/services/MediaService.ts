import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, MidadError } from '../../../shared/errors';
import { stripBidiControls } from '../../../shared/text/arabic';

export interface MediaInfo {
  hash: string;
  mime: string;
  size: number;
  name: string;
  createdAt: string;
}

interface MediaRow {
  hash: string;
  mime: string;
  size: number;
  name: string;
  created_at: string;
}

/** Image types Midad stores, recognised by their first bytes (the declared type is not trusted). */
const SIGNATURES: { mime: string; test: (bytes: Uint8Array) => boolean }[] = [
  { mime: 'image/png', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', test: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
  {
    mime: 'image/webp',
    test: (b) => b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50,
  },
];

export function sniffImageMime(bytes: Uint8Array): string | null {
  return SIGNATURES.find((signature) => signature.test(bytes))?.mime ?? null;
}

function formatMegabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/**
 * Images stored once by the SHA-256 of their bytes, as files under `<dataDir>/media/ab/<hash>`
 * (written to a temporary name and renamed, so a crash never leaves half an image), with a row
 * in `media` for the metadata.
 */
export class MediaService {
  private readonly root: string;

  constructor(
    private readonly db: Database,
    dataDir: string,
    private readonly options: { clock: () => Date; maxImageBytes: () => number },
  ) {
    this.root = join(dataDir, 'media');
  }

  pathOf(hash: string): string {
    return join(this.root, hash.slice(0, 2), hash);
  }

  put(name: string, bytes: Uint8Array): MediaInfo {
    const limit = this.options.maxImageBytes();
    if (bytes.byteLength > limit) {
      throw new MidadError(
        ErrorCode.MEDIA_TOO_LARGE,
        `The image "${name}" is ${formatMegabytes(bytes.byteLength)} MB; the limit is ${formatMegabytes(limit)} MB. Resize it and insert it again.`,
        `حجم الصورة «${name}» ${formatMegabytes(bytes.byteLength)} م.ب، والحد الأقصى ${formatMegabytes(limit)} م.ب. صغّرها ثم أدرجها من جديد.`,
        { size: bytes.byteLength, limit },
      );
    }
    const mime = sniffImageMime(bytes);
    if (!mime) {
      throw new MidadError(
        ErrorCode.MEDIA_UNSUPPORTED,
        `"${name}" is not a PNG, JPEG, GIF or WebP image.`,
        `الملف «${name}» ليس صورة PNG أو JPEG أو GIF أو WebP.`,
      );
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    const existing = this.db.prepare<[string], MediaRow>('SELECT * FROM media WHERE hash = ?').get(hash);
    const file = this.pathOf(hash);
    if (!existsSync(file)) {
      mkdirSync(join(this.root, hash.slice(0, 2)), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
    }
    if (existing) return rowToInfo(existing);
    const row: MediaRow = {
      hash,
      mime,
      size: bytes.byteLength,
      name: stripBidiControls(name).slice(0, 500),
      created_at: this.options.clock().toISOString(),
    };
    this.db.prepare('INSERT INTO media (hash, mime, size, name, created_at) VALUES (@hash, @mime, @size, @name, @created_at)').run(row);
    return rowToInfo(row);
  }

  info(hash: string): MediaInfo {
    const row = this.db.prepare<[string], MediaRow>('SELECT * FROM media WHERE hash = ?').get(hash);
    if (!row) throw new MidadError(ErrorCode.NOT_FOUND, `Image ${hash} is not stored.`, `الصورة ${hash} غير محفوظة.`, { hash });
    return rowToInfo(row);
  }

  /** Bytes and type for the media protocol; null when unknown (the protocol answers 404). */
  read(hash: string): { mime: string; bytes: Buffer } | null {
    if (!/^[0-9a-f]{64}$/.test(hash)) return null;
    const row = this.db.prepare<[string], MediaRow>('SELECT * FROM media WHERE hash = ?').get(hash);
    if (!row) return null;
    try {
      return { mime: row.mime, bytes: readFileSync(this.pathOf(hash)) };
    } catch {
      return null;
    }
  }
}

function rowToInfo(row: MediaRow): MediaInfo {
  return { hash: row.hash, mime: row.mime, size: row.size, name: row.name, createdAt: row.created_at };
}
