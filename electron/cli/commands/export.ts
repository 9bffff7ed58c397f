import { resolve } from 'node:path';
import { articleStatusSchema, type ArticleStatus } from '../../../shared/domain/article';
import type { ExportFilters, ExportJob } from '../../../shared/ipc/channels/archive';
import { cliContext } from '../../core/CallContext';
import { resolveDataDir } from '../../core/dataDir';
import { parseCommand, parseDateOption, usageError, withCore } from '../cliCore';
import { ExitCode, printProblem, type CliOutput } from '../output';


function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** Progress on one rewritten stderr line, only on a terminal: scripts and pipes get none. */
function progressLine(job: ExportJob): void {
  if (!process.stderr.isTTY) return;
  const eta = job.etaSeconds === null ? '' : `, ~${job.etaSeconds}s left`;
  process.stderr.write(`\rExporting ${job.done}/${job.total} articles, ${megabytes(job.bytesWritten)} MB${eta}   `);
}

/**
 * `midad export --out FILE [--from DATE] [--to DATE] [--date-field created|published]
 * [--status S]... [--section S] [--author NAME] [--revisions]`: one ZIP archive, written to a
 * temporary file and renamed at the end; Ctrl+C leaves no partial archive.
 */
export async function runExport(output: CliOutput, argv: string[]): Promise<ExitCode> {
  const parsed = parseCommand(output, argv, {
    'data-dir': { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'date-field': { type: 'string' },
    status: { type: 'string', multiple: true },
    section: { type: 'string' },
    author: { type: 'string' },
    revisions: { type: 'boolean' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1) return usageError(output, 'export takes no arguments besides its options (the file goes after --out)', 'لا يأخذ «export» معاملات غير الخيارات (الملف بعد ‎--out‎)');
  const filters: ExportFilters = { dateField: 'created' };
  if (values['date-field'] !== undefined) {
    if (values['date-field'] !== 'created' && values['date-field'] !== 'published') return usageError(output, '--date-field is created or published', '‎--date-field‎ إما created أو published');
    filters.dateField = values['date-field'];
  }
  for (const [option, end] of [['from', false], ['to', true]] as const) {
    const value = values[option];
    if (value === undefined) continue;
    const iso = parseDateOption(value, end);
    if (!iso) return usageError(output, `--${option} "${value}" is not a date (use 2026-11-30 or an ISO 8601 time)`, `‎--${option}‎ «${value}» ليس تاريخًا (استعمل 2026-11-30)`);
    filters[option] = iso;
  }
  if (values.status) {
    const statuses: ArticleStatus[] = [];
    for (const status of values.status.flatMap((value) => value.split(','))) {
      const checked = articleStatusSchema.safeParse(status.trim());
      if (!checked.success) return usageError(output, `unknown status "${status}" (${articleStatusSchema.options.join(', ')})`, `حالة غير معروفة «${status}»`);
      statuses.push(checked.data);
    }
    filters.status = statuses;
  }
  if (values.section !== undefined) filters.section = values.section;
  if (values.author !== undefined) filters.author = values.author;
  const dataDir = resolveDataDir(values['data-dir']);
  return withCore(output, dataDir, async (core) => {
    const archive = core.open.archive;
    let job: ExportJob;
    try {
      job = archive.startExport(cliContext(), { filters, includeRevisions: values.revisions ?? false, destination: values.out ? resolve(values.out) : undefined });
    } catch (error) {
      if (error instanceof Error && 'messageAr' in error) {
        printProblem(output, error as Error & { code: string; messageAr: string });
        return ExitCode.PROBLEM;
      }
      throw error;
    }
    const interrupt = () => archive.cancelExport(job.id);
    process.once('SIGINT', interrupt);
    const timer = setInterval(() => progressLine(archive.progress(job.id)), 250);
    try {
      job = await archive.waitForExport(job.id);
    } finally {
      clearInterval(timer);
      process.off('SIGINT', interrupt);
      if (process.stderr.isTTY) process.stderr.write('\n');
    }
    if (job.state !== 'done' || !job.file) {
      printProblem(output, job.error ?? { code: 'INTERNAL', message: 'The export did not finish.', messageAr: 'لم يكتمل التصدير.' });
      return ExitCode.PROBLEM;
    }
    output.out(job.file);
    output.err(`Exported ${job.done} articles to ${job.file} (${megabytes(job.bytesWritten)} MB).`);
    output.err(`صُدّر ${job.done} مقالًا إلى ${job.file} (${megabytes(job.bytesWritten)} م.ب).`);
    return ExitCode.OK;
  });
}
