import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cliContext } from '../../core/CallContext';
import { resolveDataDir } from '../../core/dataDir';
import { parseCommand, usageError, withCore } from '../cliCore';
import { ExitCode, printProblem, type CliOutput } from '../output';

/**
 * `midad backup [FILE]`: an online copy of the database (safe while the app runs: SQLite's
 * backup API), into the data directory's backups folder by default, else into FILE (never
 * over an existing file). Prints the path of the copy.
 */
export async function runBackup(output: CliOutput, argv: string[]): Promise<ExitCode> {
  const parsed = parseCommand(output, argv, { 'data-dir': { type: 'string' } });
  if (typeof parsed === 'number') return parsed;
  const [, file, ...extra] = parsed.positionals;
  if (extra.length > 0) return usageError(output, 'backup takes at most one FILE', 'يأخذ «backup» ملفًا واحدًا على الأكثر');
  const dataDir = resolveDataDir(parsed.values['data-dir']);
  return withCore(output, dataDir, async (core) => {
    const actor = cliContext().actor;
    if (file !== undefined) {
      const target = resolve(file);
      if (existsSync(target)) {
        printProblem(output, {
          code: 'ALREADY_EXISTS',
          message: `${target} already exists; choose another file name (a backup never overwrites a file).`,
          messageAr: `الملف \u2068${target}\u2069 موجود؛ اختر اسمًا آخر (لا تكتب النسخة الاحتياطية فوق ملف).`,
        });
        return ExitCode.PROBLEM;
      }
      await core.backups.exclusive(() => core.backups.backupTo(target));
      core.open.audit({ actor, action: 'backup.create', detail: { file: target } });
      output.out(target);
      return ExitCode.OK;
    }
    const entry = await core.backups.create('manual');
    core.open.audit({ actor, action: 'backup.create', detail: { name: entry.name, size: entry.size } });
    output.out(join(core.backups.dir, entry.name));
    return ExitCode.OK;
  });
}
