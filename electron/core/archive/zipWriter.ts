import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { ErrorCode, MidadError } from '../../../shared/errors';
import type { ArchiveSink, ArchiveTextStream } from './types';

/** Fixed entry time (2000-01-01 00:00, MS-DOS format): the archive's bytes do not depend on when an entry was added. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
/** Archive bytes gathered before one write to disk: one file-system call per megabyte, not several per entry. */
const WRITE_CHUNK = 1024 * 1024;
/** Central-directory records gathered before one write to their spool file. */
const DIRECTORY_CHUNK = 256 * 1024;
/** Made by Unix, ZIP 4.5 (ZIP64); a regular file, rw-r--r--. */
const VERSION_MADE_BY = (3 << 8) | 45;
const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;
const FLAG_UTF8 = 0x0800;
const FLAG_DESCRIPTOR = 0x0008;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

/** Entry names we write are ours, but renderings pass theirs: keep them relative, forward-slashed and inside the archive. */
export function checkEntryName(path: string): void {
  const bad =
    path.length === 0 ||
    path.length > 400 ||
    path.includes('\\') ||
    path.startsWith('/') ||
    /^[a-zA-Z]:/.test(path) ||
    path.split('/').some((part) => part === '..' || part === '.' || part === '') ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f]/.test(path);
  if (bad) throw new MidadError(ErrorCode.INTERNAL, `Refusing to write the archive entry "${path}".`, `رُفض كتابة المدخل «${path}» في الأرشيف.`);
}

/** Resolves when a stream that refused a write can take more (its error listener removed either way). */
export function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if ((stream as { destroyed?: boolean }).destroyed) {
      reject(new MidadError(ErrorCode.CANCELLED, 'The stream was closed before it could take more.', 'أُغلق المجرى قبل أن يتسع للمزيد.'));
      return;
    }
    const settle = () => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    const onDrain = () => {
      settle();
      resolve();
    };
    // Destroyed without an error (a cancel): no drain will ever come.
    const onClose = () => {
      settle();
      reject(new MidadError(ErrorCode.CANCELLED, 'The stream was closed before it could take more.', 'أُغلق المجرى قبل أن يتسع للمزيد.'));
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
    stream.once('close', onClose);
  });
}

/** When ZIP64 records are written: more entries, or a size or offset at least this large. Lowered only by tests. */
export interface Zip64Limits {
  entries: number;
  bytes: number;
}

const ZIP64_LIMITS: Zip64Limits = { entries: MAX16, bytes: MAX32 };

/** Incompressible content (images) is stored, not deflated. */
function compressible(path: string): boolean {
  return !path.startsWith('media/') && !/\.(png|jpe?g|gif|webp|woff2?|zip)$/i.test(path);
}

interface Spool {
  path: string;
  file: string;
  stream: WriteStream;
  hash: ReturnType<typeof createHash>;
  size: number;
  closed: boolean;
}

/** What the central directory needs of an entry written. */
interface Written {
  name: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** SHA-256 digests per block of `Digests` (4,096 × 32 bytes = 128 KB). */
const DIGESTS_PER_BLOCK = 4096;

/**
 * The archive's entry names (claimed when an entry is asked for, so none is written twice)
 * and their SHA-256 digests for the manifest: 32 bytes each in shared 128 KB blocks, the map
 * holding only a small integer per name (a hex string per entry would be ~80 bytes of heap).
 */
class Digests {
  /** Name → slot of its digest, -1 while it is not known yet. */
  private readonly slots = new Map<string, number>();
  private readonly blocks: Buffer[] = [];
  private count = 0;

  has(name: string): boolean {
    return this.slots.has(name);
  }

  claim(name: string): void {
    this.slots.set(name, -1);
  }

  set(name: string, digest: Buffer): void {
    const slot = this.count;
    this.count += 1;
    const block = Math.floor(slot / DIGESTS_PER_BLOCK);
    this.blocks[block] ??= Buffer.alloc(DIGESTS_PER_BLOCK * 32);
    digest.copy(this.blocks[block], (slot % DIGESTS_PER_BLOCK) * 32);
    this.slots.set(name, slot);
  }

  /** Every name with a known digest, sorted, with its SHA-256 in hex. */
  sorted(): Record<string, string> {
    const sorted: Record<string, string> = {};
    for (const name of [...this.slots.keys()].sort()) {
      const slot = this.slots.get(name)!;
      if (slot < 0) continue;
      const start = (slot % DIGESTS_PER_BLOCK) * 32;
      sorted[name] = this.blocks[Math.floor(slot / DIGESTS_PER_BLOCK)]!.toString('hex', start, start + 32);
    }
    return sorted;
  }
}

function u64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(BigInt(value));
  return bytes;
}

/**
 * A ZIP archive written as a stream to a temporary file beside the destination and renamed
 * into place only by the caller after `finish`. Memory does not grow with the number of
 * entries: each entry is written through at once (small ones deflated in one call, files and
 * spools streamed), and its central-directory record goes to a spool file that is copied to
 * the end of the archive by `finish` — nothing per entry is kept but its name (duplicates
 * are refused) and its SHA-256 (for the manifest). Large entries (`open`) are spooled to
 * temporary files while the articles stream and appended at the end. ZIP64 records are
 * written when an archive has 65,535 entries or more, or a size or offset reaches 4 GiB.
 */
export class ZipWriter implements ArchiveSink {
  private readonly out: WriteStream;
  private readonly spoolDir: string;
  private readonly spools: Spool[] = [];
  private readonly digests = new Digests();
  /** Bytes of the archive produced so far (its size, once finished). */
  bytesWritten = 0;
  private pending: Buffer[] = [];
  private pendingSize = 0;
  private readonly directory: WriteStream;
  private readonly directoryFile: string;
  private directoryPending: Buffer[] = [];
  private directoryPendingSize = 0;
  private directorySize = 0;
  private entryCount = 0;
  /** Archive operations run one after another, in the order they were asked for. */
  private tail: Promise<unknown> = Promise.resolve();
  private failure: Error | null = null;
  private readonly finished: Promise<void>;
  private readonly limits: Zip64Limits;

  constructor(
    readonly temporaryFile: string,
    options: { zip64Limits?: Zip64Limits } = {},
  ) {
    this.limits = options.zip64Limits ?? ZIP64_LIMITS;
    this.spoolDir = `${temporaryFile}.spool`;
    mkdirSync(this.spoolDir, { recursive: true });
    this.directoryFile = join(this.spoolDir, 'central-directory');
    this.directory = createWriteStream(this.directoryFile, { flags: 'wx' });
    this.directory.on('error', (error) => this.fail(error));
    this.out = createWriteStream(temporaryFile, { flags: 'wx' });
    this.finished = new Promise<void>((resolve, reject) => {
      this.out.on('close', () => (this.failure ? reject(this.failure) : resolve()));
      this.out.on('error', (error) => this.fail(error));
    });
    this.finished.catch(() => undefined);
  }

  private fail(error: Error): void {
    if (!this.failure) this.failure = error;
    this.out.destroy();
    this.directory.destroy();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** Runs `operation` after every operation asked for before it. */
  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.tail.then(() => {
      this.throwIfFailed();
      return operation();
    });
    this.tail = run.catch(() => undefined);
    return run.catch((error: unknown) => {
      const failure = error instanceof Error ? error : new Error(String(error));
      if (!this.failure) this.fail(failure);
      throw this.failure ?? failure;
    });
  }

  private claim(path: string): void {
    checkEntryName(path);
    if (this.digests.has(path) || path === 'manifest.json') {
      throw new MidadError(ErrorCode.INTERNAL, `The archive entry "${path}" was written twice.`, `كُتب المدخل «${path}» في الأرشيف مرتين.`);
    }
    this.digests.claim(path);
  }

  has(path: string): boolean {
    return this.digests.has(path);
  }

  /** Archive bytes: gathered, then written about a megabyte at a time (waiting while the disk catches up). */
  private async emit(bytes: Buffer): Promise<void> {
    this.pending.push(bytes);
    this.pendingSize += bytes.length;
    this.bytesWritten += bytes.length;
    if (this.pendingSize >= WRITE_CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingSize === 0) return;
    const chunks = this.pending;
    this.pending = [];
    this.pendingSize = 0;
    this.throwIfFailed();
    // One writev for the lot, without copying them into one buffer first.
    let room = true;
    this.out.cork();
    for (const chunk of chunks) room = this.out.write(chunk);
    this.out.uncork();
    if (!room) await drained(this.out);
  }

  private big(value: number): boolean {
    return value >= this.limits.bytes;
  }

  /** The local header; `zip64` when the entry's sizes may not fit 32 bits (then they are in the ZIP64 extra field). */
  private localHeader(name: Buffer, flags: number, method: number, crc: number, compressedSize: number, size: number, zip64: boolean): Buffer {
    const extra = zip64 ? Buffer.concat([Buffer.from([0x01, 0x00, 16, 0]), u64(size), u64(compressedSize)]) : Buffer.alloc(0);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(zip64 ? MAX32 : compressedSize, 18);
    header.writeUInt32LE(zip64 ? MAX32 : size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(extra.length, 28);
    return Buffer.concat([header, name, extra]);
  }

  /** Records a written entry's central-directory record in the directory's spool file. */
  private async record(entry: Written): Promise<void> {
    const large = [this.big(entry.size), this.big(entry.compressedSize), this.big(entry.offset)];
    const fields = [entry.size, entry.compressedSize, entry.offset].filter((_, index) => large[index]);
    const extra = fields.length > 0 ? Buffer.concat([Buffer.from([0x01, 0x00, fields.length * 8, 0]), ...fields.map(u64)]) : Buffer.alloc(0);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(VERSION_MADE_BY, 4);
    header.writeUInt16LE(fields.length > 0 ? 45 : 20, 6);
    header.writeUInt16LE(entry.flags, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(large[1] ? MAX32 : entry.compressedSize, 20);
    header.writeUInt32LE(large[0] ? MAX32 : entry.size, 24);
    header.writeUInt16LE(entry.name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    // comment length, disk number, internal attributes: 0
    header.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
    header.writeUInt32LE(large[2] ? MAX32 : entry.offset, 42);
    const bytes = Buffer.concat([header, entry.name, extra]);
    this.entryCount += 1;
    this.directorySize += bytes.length;
    this.directoryPending.push(bytes);
    this.directoryPendingSize += bytes.length;
    if (this.directoryPendingSize >= DIRECTORY_CHUNK) await this.flushDirectory();
  }

  private async flushDirectory(): Promise<void> {
    if (this.directoryPendingSize === 0) return;
    const chunk = Buffer.concat(this.directoryPending, this.directoryPendingSize);
    this.directoryPending = [];
    this.directoryPendingSize = 0;
    this.throwIfFailed();
    if (!this.directory.write(chunk)) await drained(this.directory);
  }

  /** An entry whose bytes are all in hand: checksummed, deflated in one call, written with its sizes in the header. */
  private async writeWhole(path: string, bytes: Buffer): Promise<void> {
    const name = Buffer.from(path, 'utf8');
    const method = compressible(path) ? 8 : 0;
    const data = method === 8 ? deflateRawSync(bytes) : bytes;
    const crc = crc32(bytes);
    const offset = this.bytesWritten;
    const zip64 = this.big(bytes.length) || this.big(data.length);
    await this.emit(this.localHeader(name, FLAG_UTF8, method, crc, data.length, bytes.length, zip64));
    await this.emit(data);
    await this.record({ name, flags: FLAG_UTF8, method, crc, compressedSize: data.length, size: bytes.length, offset });
  }

  /**
   * An entry streamed from `source` (a file or a spool) of `expectedSize` bytes: the header
   * carries no sizes, a data descriptor after the data does. Returns the SHA-256 of the bytes read.
   */
  private async writeStreamed(path: string, source: Readable, expectedSize: number): Promise<Buffer> {
    const name = Buffer.from(path, 'utf8');
    const method = compressible(path) ? 8 : 0;
    const flags = FLAG_UTF8 | FLAG_DESCRIPTOR;
    const offset = this.bytesWritten;
    // Deflate can outgrow its input by a little (about 5 bytes per 16 KB block): leave room.
    const zip64 = this.big(expectedSize + Math.ceil(expectedSize / 1000) + 1024);
    await this.emit(this.localHeader(name, flags, method, 0, 0, 0, zip64));
    const hash = createHash('sha256');
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    const emit = async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        compressedSize += chunk.length;
        await this.emit(chunk);
      }
    };
    const tap = async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        crc = crc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    };
    if (method === 8) await pipeline(source, tap, createDeflateRaw(), emit);
    else await pipeline(source, tap, emit);
    const wide = zip64 || this.big(size) || this.big(compressedSize);
    const descriptor = Buffer.alloc(wide ? 24 : 16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    if (wide) {
      descriptor.writeBigUInt64LE(BigInt(compressedSize), 8);
      descriptor.writeBigUInt64LE(BigInt(size), 16);
    } else {
      descriptor.writeUInt32LE(compressedSize, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    await this.emit(descriptor);
    await this.record({ name, flags, method, crc, compressedSize, size, offset });
    return hash.digest();
  }

  /** A small entry: checksummed, compressed and written now. */
  async add(path: string, data: Buffer | string): Promise<void> {
    this.throwIfFailed();
    this.claim(path);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.digests.set(path, createHash('sha256').update(bytes).digest());
    await this.serial(() => this.writeWhole(path, bytes));
  }

  /** A large entry written piece by piece to a spool file (hashed as it goes), appended to the archive at `finish`. */
  async open(path: string): Promise<ArchiveTextStream> {
    this.throwIfFailed();
    this.claim(path);
    const file = join(this.spoolDir, randomUUID());
    const spool: Spool = { path, file, stream: createWriteStream(file, { flags: 'wx' }), hash: createHash('sha256'), size: 0, closed: false };
    spool.stream.on('error', (error) => this.fail(error));
    this.spools.push(spool);
    return {
      write: (text: string) => this.writeSpool(spool, Buffer.from(text, 'utf8')),
      close: () => this.closeSpool(spool),
    };
  }

  private async writeSpool(spool: Spool, bytes: Buffer): Promise<void> {
    this.throwIfFailed();
    if (spool.closed) throw new MidadError(ErrorCode.INTERNAL, `The archive entry "${spool.path}" is already closed.`, `المدخل «${spool.path}» مغلق.`);
    spool.hash.update(bytes);
    spool.size += bytes.length;
    if (!spool.stream.write(bytes)) await drained(spool.stream);
  }

  private async closeSpool(spool: Spool): Promise<void> {
    if (spool.closed) return;
    spool.closed = true;
    spool.stream.end();
    await finished(spool.stream);
    this.digests.set(spool.path, spool.hash.digest());
  }

  /** A file copied into the archive as it is (media): streamed and hashed on the way. */
  async addFile(path: string, source: string): Promise<void> {
    this.throwIfFailed();
    this.claim(path);
    await this.serial(async () => {
      const size = statSync(source).size;
      this.digests.set(path, await this.writeStreamed(path, createReadStream(source), size));
    });
  }

  /** Appends the spooled entries, then `manifest.json` built from every checksum, the central directory, and closes the archive. */
  async finish(manifest: (checksums: Record<string, string>) => Buffer | string): Promise<void> {
    this.throwIfFailed();
    for (const spool of this.spools) await this.closeSpool(spool);
    await this.serial(async () => {
      for (const spool of this.spools) {
        await this.writeStreamed(spool.path, createReadStream(spool.file), spool.size);
        rmSync(spool.file, { force: true });
      }
      const data = manifest(this.digests.sorted());
      await this.writeWhole('manifest.json', typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      await this.flushDirectory();
      this.directory.end();
      await finished(this.directory);
      const directoryOffset = this.bytesWritten;
      await pipeline(createReadStream(this.directoryFile), async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) await this.emit(chunk);
      });
      await this.emit(this.end(directoryOffset));
      await this.flush();
      this.out.end();
    });
    await this.finished;
    rmSync(this.spoolDir, { recursive: true, force: true });
  }

  /** The end records: ZIP64 end of central directory and its locator when needed, then the classic end record. */
  private end(directoryOffset: number): Buffer {
    const zip64 = this.entryCount >= this.limits.entries || this.big(this.directorySize) || this.big(directoryOffset);
    const parts: Buffer[] = [];
    if (zip64) {
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(VERSION_MADE_BY, 12);
      record.writeUInt16LE(45, 14);
      // this disk, the directory's disk: 0
      record.writeBigUInt64LE(BigInt(this.entryCount), 24);
      record.writeBigUInt64LE(BigInt(this.entryCount), 32);
      record.writeBigUInt64LE(BigInt(this.directorySize), 40);
      record.writeBigUInt64LE(BigInt(directoryOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(directoryOffset + this.directorySize), 8);
      locator.writeUInt32LE(1, 16);
      parts.push(record, locator);
    }
    const record = Buffer.alloc(22);
    record.writeUInt32LE(0x06054b50, 0);
    record.writeUInt16LE(zip64 ? MAX16 : this.entryCount, 8);
    record.writeUInt16LE(zip64 ? MAX16 : this.entryCount, 10);
    record.writeUInt32LE(zip64 ? MAX32 : this.directorySize, 12);
    record.writeUInt32LE(zip64 ? MAX32 : directoryOffset, 16);
    parts.push(record);
    return Buffer.concat(parts);
  }

  /** Stops writing and removes the temporary archive and spool files. */
  async abort(): Promise<void> {
    this.fail(new MidadError(ErrorCode.CANCELLED, 'The export was cancelled.', 'أُلغي التصدير.'));
    for (const spool of this.spools) spool.stream.destroy();
    await this.tail;
    await this.finished.catch(() => undefined);
    rmSync(this.temporaryFile, { force: true });
    rmSync(this.spoolDir, { recursive: true, force: true });
  }
}
