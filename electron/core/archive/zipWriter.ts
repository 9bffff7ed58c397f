import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { ZipFile } from 'yazl';
import { ErrorCode, MidadError } from '../../../shared/errors';
import type { ArchiveSink, ArchiveTextStream } from './types';

/** Bytes of small entries handed to yazl but not yet compressed; above this the writer waits. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;
/** Fixed entry time: the archive's bytes do not depend on when an entry was added. */
const ENTRY_TIME = new Date('2000-01-01T00:00:00Z');

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
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

/**
 * Gathers the archive's many small pieces (headers, descriptors, small entries) into writes of
 * about 1 MB: one file-system call per megabyte instead of several per entry.
 */
class Coalesce extends Transform {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly target = 1024 * 1024) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size >= this.target) this.flushChunks();
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.flushChunks();
    callback();
  }

  private flushChunks(): void {
    if (this.size === 0) return;
    this.push(this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size));
    this.chunks = [];
    this.size = 0;
  }
}

/** The parts of a yazl entry that outlive its data (yazl keeps every entry for the central directory). */
interface YazlEntryInternals {
  doFileDataPump?: unknown;
  utf8FileName?: unknown;
}

/**
 * A written entry needs only its central-directory fields until the archive ends. yazl still
 * holds the callback that produced its data (and what that closed over) and its file name as a
 * slice of Node's shared 8 KB buffer pool, which pins the whole slab: across tens of thousands
 * of entries that is most of what grows with the article count. Drop the one and copy the
 * other out of the pool. Guarded: if yazl's internals change, this does nothing.
 */
function slimWrittenEntry(entry: YazlEntryInternals): void {
  if (typeof entry.doFileDataPump === 'function') entry.doFileDataPump = null;
  const name = entry.utf8FileName;
  if (Buffer.isBuffer(name) && name.buffer.byteLength !== name.length) {
    const own = Buffer.allocUnsafeSlow(name.length);
    name.copy(own);
    entry.utf8FileName = own;
  }
}

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

/**
 * A ZIP archive written as a stream to a temporary file beside the destination and renamed
 * into place only by the caller after `finish`. Small entries go to yazl at once (the writer
 * waits while more than a few MB are queued, so memory stays bounded); large entries are
 * spooled to temporary files while the articles stream and appended at the end. The SHA-256
 * of every entry is computed on the way in, for the manifest.
 */
export class ZipWriter implements ArchiveSink {
  private readonly zip = new ZipFile();
  private readonly out: WriteStream;
  private readonly spoolDir: string;
  private readonly spools: Spool[] = [];
  private readonly names = new Set<string>();
  readonly checksums = new Map<string, string>();
  /** Bytes of the archive written to disk so far. */
  bytesWritten = 0;
  private queued: number[] = [];
  private releasedUpTo = 0;
  private queuedBytes = 0;
  private waiters: (() => void)[] = [];
  private failure: Error | null = null;
  private readonly finished: Promise<void>;

  constructor(readonly temporaryFile: string) {
    this.spoolDir = `${temporaryFile}.spool`;
    mkdirSync(this.spoolDir, { recursive: true });
    this.out = createWriteStream(temporaryFile, { flags: 'wx' });
    this.finished = new Promise<void>((resolve, reject) => {
      this.out.on('close', () => (this.failure ? reject(this.failure) : resolve()));
      this.out.on('error', (error) => this.fail(error));
      this.zip.outputStream.on('error', (error: Error) => this.fail(error));
    });
    this.finished.catch(() => undefined);
    this.zip.outputStream.on('data', (chunk: Buffer) => {
      this.bytesWritten += chunk.length;
    });
    const coalesce = new Coalesce();
    coalesce.on('error', (error: Error) => this.fail(error));
    this.zip.outputStream.pipe(coalesce).pipe(this.out);
  }

  private fail(error: Error): void {
    if (!this.failure) this.failure = error;
    for (const wake of this.waiters.splice(0)) wake();
    this.out.destroy();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  private claim(path: string): void {
    checkEntryName(path);
    if (this.names.has(path) || path === 'manifest.json') {
      throw new MidadError(ErrorCode.INTERNAL, `The archive entry "${path}" was written twice.`, `كُتب المدخل «${path}» في الأرشيف مرتين.`);
    }
    this.names.add(path);
  }

  has(path: string): boolean {
    return this.names.has(path);
  }

  /** A small entry: hashed now, compressed by yazl when its turn comes. */
  async add(path: string, data: Buffer | string): Promise<void> {
    this.throwIfFailed();
    this.claim(path);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.checksums.set(path, createHash('sha256').update(bytes).digest('hex'));
    await this.enqueue(path, bytes);
  }

  private async enqueue(path: string, bytes: Buffer): Promise<void> {
    await this.room();
    let held: Buffer | null = bytes;
    this.lazy(path, bytes.length, () => {
      const stream = Readable.from([held!]);
      held = null;
      return stream;
    });
  }

  /** Waits while too many bytes are queued in yazl. */
  private async room(): Promise<void> {
    while (this.queuedBytes > MAX_QUEUED_BYTES && !this.failure) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    this.throwIfFailed();
  }

  /** Hands yazl an entry whose stream is made when its turn comes; entries before it are then fully written. */
  private lazy(path: string, size: number | undefined, makeStream: () => NodeJS.ReadableStream | Promise<NodeJS.ReadableStream>): void {
    const index = this.queued.length;
    this.queued.push(size ?? 0);
    this.queuedBytes += size ?? 0;
    const options = { mtime: ENTRY_TIME, compress: compressible(path), ...(size === undefined ? {} : { size }) };
    // yazl keeps every entry's callback until the archive ends: hold the maker in a variable
    // dropped after use, so what it closes over (data, hashes) is freed once written.
    let make: typeof makeStream | null = makeStream;
    this.zip.addReadStreamLazy(path, options, (callback) => {
      this.release(index);
      const current = make!;
      make = null;
      Promise.resolve()
        .then(current)
        .then(
          (stream) => callback(null, stream),
          (error: unknown) => {
            this.fail(error instanceof Error ? error : new Error(String(error)));
            callback(error, Readable.from([]));
          },
        );
    });
  }

  /** Entries before `upTo` are written: their bytes no longer count as queued (a cursor, so each is visited once). */
  private release(upTo: number): void {
    const entries = (this.zip as unknown as { entries?: YazlEntryInternals[] }).entries;
    for (; this.releasedUpTo < upTo; this.releasedUpTo += 1) {
      this.queuedBytes -= this.queued[this.releasedUpTo]!;
      this.queued[this.releasedUpTo] = 0;
      const entry = entries?.[this.releasedUpTo];
      if (entry) slimWrittenEntry(entry);
    }
    if (this.queuedBytes <= MAX_QUEUED_BYTES) for (const wake of this.waiters.splice(0)) wake();
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
    await new Promise<void>((resolve, reject) => {
      spool.stream.once('error', reject);
      spool.stream.end(resolve);
    });
    this.checksums.set(spool.path, spool.hash.digest('hex'));
  }

  /** A file copied into the archive as it is (media): streamed and hashed on the way. */
  async addFile(path: string, source: string): Promise<void> {
    this.throwIfFailed();
    this.claim(path);
    const size = statSync(source).size;
    await this.room();
    this.filesPending += 1;
    this.lazy(path, size, () => {
      const hash = createHash('sha256');
      const stream = createReadStream(source);
      stream.on('data', (chunk) => hash.update(chunk));
      stream.on('end', () => {
        this.checksums.set(path, hash.digest('hex'));
        this.fileDone();
      });
      stream.on('error', (error) => this.fail(error));
      return stream;
    });
  }

  /** Media files whose checksum is not known yet (yazl has not streamed them). */
  private filesPending = 0;
  private filesSettled: (() => void) | null = null;

  private fileDone(): void {
    this.filesPending -= 1;
    if (this.filesPending === 0) this.filesSettled?.();
  }

  private allFilesHashed(): Promise<void> {
    if (this.filesPending === 0) return Promise.resolve();
    return new Promise<void>((resolve) => (this.filesSettled = resolve));
  }

  /** Appends the spooled entries, then `manifest.json` built from every checksum, and closes the archive. */
  async finish(manifest: (checksums: Record<string, string>) => Buffer | string): Promise<void> {
    this.throwIfFailed();
    for (const spool of this.spools) {
      await this.closeSpool(spool);
      this.lazy(spool.path, undefined, () => createReadStream(spool.file));
    }
    // The manifest needs the checksums of media files, known once yazl has streamed them.
    const manifestReady = this.allFilesHashed().then(() => {
      const sorted: Record<string, string> = {};
      for (const name of [...this.checksums.keys()].sort()) sorted[name] = this.checksums.get(name)!;
      const data = manifest(sorted);
      return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    });
    manifestReady.catch(() => undefined);
    this.lazy('manifest.json', undefined, async () => Readable.from([await manifestReady]));
    this.zip.end();
    await this.finished;
    rmSync(this.spoolDir, { recursive: true, force: true });
  }

  /** Stops writing and removes the temporary archive and spool files. */
  async abort(): Promise<void> {
    this.fail(new MidadError(ErrorCode.CANCELLED, 'The export was cancelled.', 'أُلغي التصدير.'));
    for (const spool of this.spools) spool.stream.destroy();
    await this.finished.catch(() => undefined);
    rmSync(this.temporaryFile, { force: true });
    rmSync(this.spoolDir, { recursive: true, force: true });
  }
}
