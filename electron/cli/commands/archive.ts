import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { MidadError } from '../../../shared/errors';
import type { VerifyReport } from '../../../shared/ipc/channels/archive';
import { checkFileSize } from '../../core/archive/formats';
import { verifyArchive } from '../../core/archive/verify';
import { parseCommand, usageError } from '../cliCore';
import { ExitCode, printProblem, type CliOutput } from '../output';

export function printVerifyReport(output: CliOutput, file: string, report: VerifyReport): void {
  if (report.ok) {
    const articles = report.counts.articles ?? 0;
    output.out(`OK: ${file} is a sound Midad archive (format ${report.formatVersion}, Midad ${report.appVersion ?? '?'}, made ${report.createdAt ?? '?'}): ${articles} articles, ${report.filesChecked} files checked against their checksums.`);
    output.out(`سليم: ${file} أرشيف مداد سليم (الصيغة ${report.formatVersion}): ${articles} مقالًا، وطوبقت بصمات ${report.filesChecked} ملفًا.`);
    return;
  }
  output.out(`PROBLEMS: ${file} failed verification (${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}):`);
  output.out(`مشكلات: لم يجتز ${file} الفحص (${report.problems.length}):`);
  for (const problem of report.problems) {
    output.out(`  ${problem.where ? `${problem.where}: ` : ''}[${problem.code}] ${problem.message}`);
    output.out(`  ${problem.messageAr}`);
  }
}

/** `midad archive verify FILE [--json]`: checks an archive (no data directory needed); exit 1 on any problem. */
export async function runArchive(output: CliOutput, argv: string[]): Promise<ExitCode> {
  const parsed = parseCommand(output, argv, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } });
  if (typeof parsed === 'number') return parsed;
  const [, sub, file, ...extra] = parsed.positionals;
  if (sub !== 'verify' || file === undefined || extra.length > 0) return usageError(output, 'use: midad archive verify FILE [--json]', 'الصيغة: ‎midad archive verify FILE‎');
  const path = resolve(file);
  if (!existsSync(path)) {
    printProblem(output, { code: 'NOT_FOUND', message: `There is no file ${path}.`, messageAr: `لا يوجد ملف ${path}.` });
    return ExitCode.PROBLEM;
  }
  let report: VerifyReport;
  try {
    checkFileSize(path);
    report = await verifyArchive(path);
  } catch (error) {
    if (!(error instanceof MidadError)) throw error;
    report = { ok: false, formatVersion: null, appVersion: null, createdAt: null, counts: {}, filesChecked: 0, problems: [{ where: null, code: error.code, message: error.message, messageAr: error.messageAr }] };
  }
  if (parsed.values.json) output.out(JSON.stringify(report, null, 2));
  else printVerifyReport(output, path, report);
  return report.ok ? ExitCode.OK : ExitCode.PROBLEM;
}
