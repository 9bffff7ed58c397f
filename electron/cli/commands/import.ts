import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { MidadError } from '../../../shared/errors';
import { idPolicySchema, importFormatSchema, type ImportReport } from '../../../shared/ipc/channels/archive';
import { cliContext } from '../../core/CallContext';
import { resolveDataDir } from '../../core/dataDir';
import { parseCommand, usageError, withCore } from '../cliCore';
import { ExitCode, printProblem, type CliOutput } from '../output';

const ACTION_WORDS: Record<ImportReport['items'][number]['action'], string> = {
  create: 'create',
  overwrite: 'overwrite',
  skip: 'skip (exists)',
  create_new_id: 'create as new',
};

/**
 * `midad import FILE [--dry-run] [--on-existing skip|overwrite|new] [--format midad|jsonl|wxr]
 * [--json]`: a Midad archive (.zip or articles.jsonl), the simple JSON Lines format or a
 * WordPress export; all or nothing.
 */
export async function runImport(output: CliOutput, argv: string[]): Promise<ExitCode> {
  const parsed = parseCommand(output, argv, {
    'data-dir': { type: 'string' },
    'dry-run': { type: 'boolean' },
    'on-existing': { type: 'string' },
    format: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [, file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) return usageError(output, 'use: midad import FILE [--dry-run] [--on-existing skip|overwrite|new] [--format midad|jsonl|wxr]', 'الصيغة: ‎midad import FILE‎');
  const policyWord = values['on-existing'] ?? 'skip';
  const policy = idPolicySchema.safeParse(policyWord);
  if (!policy.success) return usageError(output, '--on-existing is skip, overwrite or new', '‎--on-existing‎ إما skip أو overwrite أو new');
  let format: 'midad' | 'jsonl' | 'wxr' | undefined;
  if (values.format !== undefined) {
    const checked = importFormatSchema.safeParse(values.format);
    if (!checked.success) return usageError(output, '--format is midad, jsonl or wxr', '‎--format‎ إما midad أو jsonl أو wxr');
    format = checked.data;
  }
  const path = resolve(file);
  if (!existsSync(path)) {
    printProblem(output, { code: 'NOT_FOUND', message: `There is no file ${path}.`, messageAr: `لا يوجد ملف ${path}.` });
    return ExitCode.PROBLEM;
  }
  const dryRun = values['dry-run'] ?? false;
  return withCore(output, resolveDataDir(values['data-dir']), async (core) => {
    let report: ImportReport;
    try {
      report = await core.open.archive.importFile(cliContext(), path, { dryRun, idPolicy: policy.data, format });
    } catch (error) {
      if (!(error instanceof MidadError)) throw error;
      printProblem(output, error);
      return ExitCode.PROBLEM;
    }
    if (values.json) {
      output.out(JSON.stringify(report, null, 2));
      return ExitCode.OK;
    }
    const { counts } = report;
    if (dryRun) {
      for (const item of report.items.slice(0, 200)) output.out(`  ${String(item.position).padStart(5)}  ${ACTION_WORDS[item.action].padEnd(14)} ${item.status.padEnd(17)} ${item.title}`);
      if (report.items.length > 200) output.out(`  … and ${report.items.length - 200} more`);
    }
    const verb = dryRun ? 'Dry run (nothing written): would import' : 'Imported';
    output.out(`${verb} ${counts.created + counts.overwritten} articles from ${path} (${report.format}): ${counts.created} new, ${counts.overwritten} overwritten, ${counts.skipped} skipped${dryRun ? '' : `, ${counts.media} images`}.`);
    output.out(`${dryRun ? 'تجربة (لم يُكتب شيء): سيُستورد' : 'استُورد'} ${counts.created + counts.overwritten} مقالًا: ${counts.created} جديدًا، ${counts.overwritten} مستبدلًا، ${counts.skipped} متروكًا.`);
    for (const warning of report.warnings) {
      output.err(`Warning${warning.position === null ? '' : ` (${warning.position})`}: ${warning.message}`);
      output.err(`  ${warning.messageAr}`);
    }
    return ExitCode.OK;
  });
}
