import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, MidadError } from '../../../shared/errors';
import type { VerifyProblem, VerifyReport } from '../../../shared/ipc/channels/archive';
import { ARTICLES_ENTRY, MANIFEST_ENTRY } from './exporter';
import { parseRecordLine } from './recordSchema';
import { ARCHIVE_FORMAT_VERSION } from './types';
import { forEachLine, ZipReader } from './zipReader';
import { drained } from './zipWriter';

/** At most this many problems are listed one by one; the rest are counted. */
const MAX_PROBLEMS = 100;
const MEDIA_ENTRY = /^media\/([0-9a-f]{64})$/;
/** Unpacked sizes beyond these are refused before reading (a ZIP bomb fills no disk). */
const MAX_ENTRY_BYTES = 8 * 1024 * 1024 * 1024;
const MAX_MEDIA_BYTES = 256 * 1024 * 1024;

export interface VerifyOptions {
  /** Also copy `articles.jsonl` and the media into this folder while checking (the importer's first pass). */
  extractTo?: string;
  /** Called for each good record, in order (the importer counts and plans on the same pass). */
  onRecord?: (line: number, record: import('./types').ArchiveArticleRecord) => void;
}

function endWrite(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(resolve);
  });
}

function writeChunk(stream: WriteStream, chunk: Buffer): Promise<void> | void {
  if (!stream.write(chunk)) return drained(stream);
}

/**
 * Checks a Midad archive without trusting any of it: a readable ZIP whose entries stay inside
 * the archive, a parseable manifest of a format this Midad knows, every entry's SHA-256
 * against the manifest, no entry the manifest does not list (and none it lists missing),
 * every line of `articles.jsonl` a valid record, and every image a record refers to present.
 * Collects every problem instead of stopping at the first.
 */
export async function verifyArchive(file: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const report: VerifyReport = { ok: false, formatVersion: null, appVersion: null, createdAt: null, counts: {}, filesChecked: 0, problems: [] };
  let hidden = 0;
  const problem = (where: string | null, code: string, message: string, messageAr: string) => {
    if (report.problems.length < MAX_PROBLEMS) report.problems.push({ where, code, message, messageAr });
    else hidden += 1;
  };
  let zip: ZipReader;
  try {
    zip = await ZipReader.open(file);
  } catch (error) {
    const coded = error instanceof MidadError ? error : new MidadError(ErrorCode.ARCHIVE_INVALID, String(error), String(error));
    problem(null, coded.code, coded.message, coded.messageAr);
    return report;
  }
  try {
    if (!zip.entries.has(MANIFEST_ENTRY)) {
      problem(
        MANIFEST_ENTRY,
        ErrorCode.ARCHIVE_INVALID,
        'The archive has no manifest.json: it is not a Midad archive, or it was damaged.',
        'لا يحوي الأرشيف الملف manifest.json: ليس أرشيف مداد، أو أنه تالف.',
      );
      return report;
    }
    let manifest: { format?: unknown; formatVersion?: unknown; appVersion?: unknown; createdAt?: unknown; counts?: unknown; files?: unknown };
    try {
      manifest = JSON.parse((await zip.read(MANIFEST_ENTRY, 64 * 1024 * 1024)).toString('utf8')) as typeof manifest;
      if (typeof manifest !== 'object' || manifest === null) throw new Error('not an object');
    } catch (error) {
      const coded = error instanceof MidadError ? error : null;
      problem(
        MANIFEST_ENTRY,
        ErrorCode.ARCHIVE_INVALID,
        coded?.message ?? `manifest.json is not valid JSON (${(error as Error).message}).`,
        coded?.messageAr ?? `الملف manifest.json ليس JSON صالحًا (${(error as Error).message}).`,
      );
      return report;
    }
    const version = typeof manifest.formatVersion === 'number' && Number.isInteger(manifest.formatVersion) ? manifest.formatVersion : null;
    report.formatVersion = version;
    report.appVersion = typeof manifest.appVersion === 'string' ? manifest.appVersion : null;
    report.createdAt = typeof manifest.createdAt === 'string' ? manifest.createdAt : null;
    if (manifest.counts && typeof manifest.counts === 'object') {
      for (const [key, value] of Object.entries(manifest.counts)) if (Number.isInteger(value)) report.counts[key] = value as number;
    }
    if (manifest.format !== 'midad-archive' || version === null) {
      problem(MANIFEST_ENTRY, ErrorCode.ARCHIVE_INVALID, 'manifest.json does not describe a Midad archive (no format or format version).', 'لا يصف manifest.json أرشيف مداد (لا صيغة ولا رقم إصدار لها).');
      return report;
    }
    if (version > ARCHIVE_FORMAT_VERSION) {
      problem(
        MANIFEST_ENTRY,
        ErrorCode.ARCHIVE_TOO_NEW,
        `This archive was made by a newer Midad (archive format ${version}; this Midad reads up to ${ARCHIVE_FORMAT_VERSION}${report.appVersion ? `; made by Midad ${report.appVersion}` : ''}). Update Midad to read it.`,
        `صُنع هذا الأرشيف بإصدار أحدث من مداد (صيغة الأرشيف ${version}، ويقرأ هذا الإصدار حتى ${ARCHIVE_FORMAT_VERSION}). حدّث مداد لقراءته.`,
      );
      return report;
    }
    const files = manifest.files && typeof manifest.files === 'object' ? (manifest.files as Record<string, unknown>) : null;
    if (!files) {
      problem(MANIFEST_ENTRY, ErrorCode.ARCHIVE_INVALID, 'manifest.json lists no checksums.', 'لا يسرد manifest.json أي بصمات.');
      return report;
    }
    for (const name of Object.keys(files)) {
      if (!zip.entries.has(name)) problem(name, ErrorCode.ARCHIVE_INVALID, `${name} is listed in the manifest but missing from the archive.`, `الملف ${name} مذكور في البيان لكنه غائب عن الأرشيف.`);
    }
    if (!zip.entries.has(ARTICLES_ENTRY)) {
      problem(ARTICLES_ENTRY, ErrorCode.ARCHIVE_INVALID, 'The archive has no articles.jsonl.', 'لا يحوي الأرشيف الملف articles.jsonl.');
    }
    if (options.extractTo) mkdirSync(join(options.extractTo, 'media'), { recursive: true });
    const referenced = new Map<string, number>();
    const mediaPresent = new Set<string>();
    // articles.jsonl first: the importer needs its records before anything else.
    const names = [...zip.entries.keys()].filter((name) => name !== MANIFEST_ENTRY).sort((a, b) => (a === ARTICLES_ENTRY ? -1 : b === ARTICLES_ENTRY ? 1 : 0));
    for (const name of names) {
      const expected = files[name];
      if (typeof expected !== 'string') {
        problem(name, ErrorCode.ARCHIVE_INVALID, `${name} is in the archive but not in its manifest (added after the export?).`, `الملف ${name} في الأرشيف لكنه غير مذكور في بيانه (أُضيف بعد التصدير؟).`);
        continue;
      }
      const hash = createHash('sha256');
      const mediaMatch = MEDIA_ENTRY.exec(name);
      const declared = zip.entries.get(name)!.size;
      if (declared > MAX_ENTRY_BYTES || (mediaMatch && declared > MAX_MEDIA_BYTES)) {
        problem(name, ErrorCode.ARCHIVE_INVALID, `${name} would unpack to ${declared} bytes, far more than Midad ever writes; it was not read.`, `الملف ${name} سيتمدد إلى ${declared} بايت، أكثر بكثير مما يكتبه مداد؛ لم يُقرأ.`);
        continue;
      }
      let sink: WriteStream | null = null;
      if (options.extractTo && name === ARTICLES_ENTRY) sink = createWriteStream(join(options.extractTo, ARTICLES_ENTRY));
      if (options.extractTo && mediaMatch) sink = createWriteStream(join(options.extractTo, 'media', mediaMatch[1]!));
      try {
        const stream = await zip.stream(name);
        if (name === ARTICLES_ENTRY) {
          await forEachLine(
            stream,
            (line, number) => {
              if (line.trim() === '') return;
              const parsed = parseRecordLine(line);
              if ('problem' in parsed) {
                problem(`${ARTICLES_ENTRY}:${number}`, ErrorCode.ARCHIVE_INVALID, `Line ${number} of articles.jsonl is not a Midad article: ${parsed.problem}.`, `السطر ${number} من articles.jsonl ليس مقال مداد: ${parsed.problem}.`);
                return;
              }
              for (const media of parsed.record.media) if (!referenced.has(media.hash)) referenced.set(media.hash, number);
              options.onRecord?.(number, parsed.record);
            },
            (chunk) => {
              hash.update(chunk);
              if (sink) return writeChunk(sink, chunk);
            },
          );
        } else {
          for await (const chunk of stream) {
            hash.update(chunk as Buffer);
            if (sink) await writeChunk(sink, chunk as Buffer);
          }
        }
      } catch (error) {
        const coded = error instanceof MidadError ? error : null;
        const text = (error as Error).message;
        problem(name, ErrorCode.ARCHIVE_INVALID, coded?.message ?? `${name} could not be read: ${text}.`, coded?.messageAr ?? `تعذّرت قراءة ${name}: ${text}.`);
        if (sink) sink.destroy();
        continue;
      }
      if (sink) await endWrite(sink);
      report.filesChecked += 1;
      const actual = hash.digest('hex');
      if (actual !== expected) {
        problem(name, ErrorCode.ARCHIVE_INVALID, `${name} does not match its checksum in the manifest: it was changed or damaged.`, `الملف ${name} لا يطابق بصمته في البيان: عُدّل أو تلف.`);
      } else if (mediaMatch) {
        if (actual !== mediaMatch[1]) problem(name, ErrorCode.ARCHIVE_INVALID, `${name} does not hold the image its name promises.`, `الملف ${name} لا يحوي الصورة التي يدل عليها اسمه.`);
        else mediaPresent.add(actual);
      }
    }
    for (const [hash, line] of referenced) {
      if (!mediaPresent.has(hash) && !report.problems.some((seen) => seen.where === `media/${hash}`)) {
        problem(`${ARTICLES_ENTRY}:${line}`, ErrorCode.ARCHIVE_INVALID, `Line ${line} refers to the image media/${hash}, which is not in the archive.`, `يشير السطر ${line} إلى الصورة media/${hash} وهي غير موجودة في الأرشيف.`);
      }
    }
    if (hidden > 0) problem(null, ErrorCode.ARCHIVE_INVALID, `… and ${hidden} more problems.`, `… و${hidden} مشكلة أخرى.`);
    report.ok = report.problems.length === 0;
    return report;
  } finally {
    zip.close();
  }
}

/** The problems of a report as one error (the first few named), for the importer. */
export function reportError(report: VerifyReport, file: string): MidadError {
  const first: VerifyProblem | undefined = report.problems[0];
  const tooNew = report.problems.find((p) => p.code === ErrorCode.ARCHIVE_TOO_NEW);
  if (tooNew) return new MidadError(ErrorCode.ARCHIVE_TOO_NEW, tooNew.message, tooNew.messageAr, { file });
  const more = report.problems.length > 1 ? ` (and ${report.problems.length - 1} more problems; run "midad archive verify" for all)` : '';
  const moreAr = report.problems.length > 1 ? ` (و${report.problems.length - 1} مشكلة أخرى؛ شغّل ‎"midad archive verify"‎ لرؤيتها كلها)` : '';
  return new MidadError(
    ErrorCode.ARCHIVE_INVALID,
    `${first?.where ? `${first.where}: ` : ''}${first?.message ?? 'The archive is not valid.'}${more} Nothing was imported.`,
    `${first?.where ? `${first.where}: ` : ''}${first?.messageAr ?? 'الأرشيف غير صالح.'}${moreAr} لم يُستورد شيء.`,
    { file, problems: report.problems.slice(0, 10) },
  );
}
