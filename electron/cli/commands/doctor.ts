import type { Database } from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MidadError } from '../../../shared/errors';
import { DATABASE_FILE_NAME } from '../../core/Core';
import { openDatabase } from '../../core/db/open';
import { databaseTooNewError, latestSchemaVersion, schemaVersion } from '../../core/db/migrate';
import { corruptDatabaseError, fromSqliteError } from '../../core/db/sqliteErrors';
import { MediaService } from '../../core/services/MediaService';
import { APP_VERSION } from '../../core/version';
import { ExitCode, printProblem, type CliOutput, type Problem } from '../output';

export interface DoctorReport {
  ok: boolean;
  appVersion: string;
  dataDir: string;
  databaseFile: string;
  databaseBytes: number | null;
  schemaVersion: number | null;
  latestSchemaVersion: number;
  /** `["ok"]` when healthy, else SQLite's messages (first 20); null when the check could not run. */
  integrity: string[] | null;
  foreignKeyViolations: number | null;
  counts: { articles: number; revisions: number; media: number } | null;
  /** Hashes of media rows whose file is absent from `<dataDir>/media`. */
  missingMedia: string[];
  problems: Problem[];
  notes: { message: string; messageAr: string }[];
}

function asProblem(error: unknown, file: string): Problem {
  const coded = error instanceof MidadError ? error : fromSqliteError(error, file);
  if (coded) return { code: coded.code, message: coded.message, messageAr: coded.messageAr };
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected failure while checking ${file}: ${text}`, messageAr: `إخفاق غير متوقع أثناء فحص ${file}: ${text}` };
}

function tableExists(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function countRows(db: Database, table: 'articles' | 'revisions' | 'media'): number {
  if (!tableExists(db, table)) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Runs every check it can, collecting problems instead of stopping at the first. */
export function examine(dataDir: string): DoctorReport {
  const databaseFile = join(dataDir, DATABASE_FILE_NAME);
  const report: DoctorReport = {
    ok: false,
    appVersion: APP_VERSION,
    dataDir,
    databaseFile,
    databaseBytes: null,
    schemaVersion: null,
    latestSchemaVersion: latestSchemaVersion(),
    integrity: null,
    foreignKeyViolations: null,
    counts: null,
    missingMedia: [],
    problems: [],
    notes: [],
  };
  if (!existsSync(databaseFile)) {
    report.problems.push({
      code: 'DB_MISSING',
      message: `There is no Midad database at ${databaseFile}. Check --data-dir or MIDAD_DATA_DIR; Midad creates the database the first time the app opens a data directory.`,
      messageAr: `لا توجد قاعدة بيانات مداد في ${databaseFile}. تحقّق من ‎--data-dir‎ أو ‎MIDAD_DATA_DIR‎؛ ينشئ مداد قاعدة البيانات عند أول فتح لمجلد البيانات.`,
    });
    return report;
  }
  report.databaseBytes = statSync(databaseFile).size;

  let db: Database;
  try {
    // Never migrate here: the doctor looks, it does not change the schema of a file it is diagnosing.
    db = openDatabase({ file: databaseFile, migrate: false });
  } catch (error) {
    report.problems.push(asProblem(error, databaseFile));
    return report;
  }
  try {
    const step = <T>(run: () => T): T | null => {
      try {
        return run();
      } catch (error) {
        const problem = asProblem(error, databaseFile);
        // A damaged file fails every later check the same way; say it once.
        if (!report.problems.some((seen) => seen.code === problem.code && seen.message === problem.message)) report.problems.push(problem);
        return null;
      }
    };
    const version = step(() => schemaVersion(db));
    report.schemaVersion = version;
    const knownSchema = version !== null && version <= report.latestSchemaVersion;
    if (version !== null && version > report.latestSchemaVersion) {
      const error = databaseTooNewError(version, report.latestSchemaVersion);
      report.problems.push({ code: error.code, message: error.message, messageAr: error.messageAr });
    } else if (version !== null && version < report.latestSchemaVersion) {
      report.notes.push({
        message: `Schema ${version} is older than this app's ${report.latestSchemaVersion}; Midad upgrades it the next time it opens this data directory.`,
        messageAr: `المخطط ${version} أقدم من مخطط هذا التطبيق ${report.latestSchemaVersion}؛ يرقّيه مداد عند فتح مجلد البيانات هذا في المرة القادمة.`,
      });
    }

    const integrity = step(() => (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((row) => row.integrity_check));
    report.integrity = integrity;
    if (integrity && !(integrity.length === 1 && integrity[0] === 'ok')) {
      const damaged = corruptDatabaseError(databaseFile, 'integrity_check');
      report.problems.push({
        code: damaged.code,
        message: `${damaged.message} SQLite reports: ${integrity.slice(0, 5).join('; ')}`,
        messageAr: damaged.messageAr,
      });
    }

    const violations = step(() => db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]);
    report.foreignKeyViolations = violations ? violations.length : null;
    if (violations && violations.length > 0) {
      const sample = violations.slice(0, 5).map((row) => `${row.table} row ${row.rowid} → missing ${row.parent}`).join('; ');
      report.problems.push({
        code: 'FOREIGN_KEY',
        message: `${violations.length} row(s) refer to rows that no longer exist (${sample}). Restore a backup or ask for help before editing further.`,
        messageAr: `${violations.length} من الصفوف تشير إلى صفوف لم تعد موجودة. استعد نسخة احتياطية أو اطلب المساعدة قبل مواصلة التحرير.`,
      });
    }

    if (knownSchema) {
      report.counts = step(() => ({ articles: countRows(db, 'articles'), revisions: countRows(db, 'revisions'), media: countRows(db, 'media') }));
      const media = new MediaService(db, dataDir, { clock: () => new Date(), maxImageBytes: () => 0 });
      const hashes = step(() => (tableExists(db, 'media') ? db.prepare<[], { hash: string }>('SELECT hash FROM media ORDER BY hash').all() : []));
      report.missingMedia = (hashes ?? []).map((row) => row.hash).filter((hash) => !existsSync(media.pathOf(hash)));
      if (report.missingMedia.length > 0) {
        report.problems.push({
          code: 'MEDIA_MISSING',
          message: `${report.missingMedia.length} image file(s) are missing from ${join(dataDir, 'media')}; articles using them show a broken image. Restore the media folder from a backup.`,
          messageAr: `${report.missingMedia.length} من ملفات الصور مفقودة من ${join(dataDir, 'media')}؛ تظهر صورًا معطوبة في المقالات التي تستعملها. استعد مجلد الصور من نسخة احتياطية.`,
        });
      }
    }
  } finally {
    db.close();
  }
  report.ok = report.problems.length === 0;
  return report;
}

function formatBytes(bytes: number | null): string {
  if (bytes === null) return '-';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function printDoctorReport(output: CliOutput, report: DoctorReport): void {
  const lines: [string, string][] = [
    ['Midad', report.appVersion],
    ['Data directory', report.dataDir],
    ['Database file', `${report.databaseFile} (${formatBytes(report.databaseBytes)})`],
    ['Schema version', `${report.schemaVersion ?? '-'} (this app: ${report.latestSchemaVersion})`],
    ['Integrity', report.integrity ? report.integrity.slice(0, 5).join('; ') : 'not checked'],
    ['Foreign keys', report.foreignKeyViolations === null ? 'not checked' : report.foreignKeyViolations === 0 ? 'ok' : `${report.foreignKeyViolations} violation(s)`],
    ['Articles', String(report.counts?.articles ?? '-')],
    ['Revisions', String(report.counts?.revisions ?? '-')],
    ['Media', String(report.counts?.media ?? '-')],
    ['Missing media files', report.counts ? (report.missingMedia.length === 0 ? 'none' : report.missingMedia.join(', ')) : '-'],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  for (const [label, value] of lines) output.out(`${label.padEnd(width)}  ${value}`);
  for (const note of report.notes) {
    output.out(`Note: ${note.message}`);
    output.out(`ملاحظة: ${note.messageAr}`);
  }
  if (report.ok) {
    output.out('All checks passed.');
    output.out('اجتازت قاعدة البيانات كل الفحوص.');
  }
  for (const problem of report.problems) printProblem(output, problem);
}

export function runDoctor(output: CliOutput, dataDir: string, options: { json: boolean }): ExitCode {
  const report = examine(dataDir);
  if (options.json) {
    output.out(JSON.stringify(report, null, 2));
    for (const problem of report.problems) printProblem(output, problem);
  } else {
    printDoctorReport(output, report);
  }
  return report.ok ? ExitCode.OK : ExitCode.PROBLEM;
}
