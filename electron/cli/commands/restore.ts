import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MidadError } from '../../../shared/errors';
import { cliContext } from '../../core/CallContext';
import { Core, DATABASE_FILE_NAME } from '../../core/Core';
import { backupsDir, parseBackupName } from '../../core/backup/backupFiles';
import { prepareRestoreCopy, swapInDatabase } from '../../core/backup/BackupService';
import { resolveDataDir } from '../../core/dataDir';
import { FileSecretStore } from '../../core/secrets/FileSecretStore';
import { parseCommand, usageError } from '../cliCore';
import { ExitCode, printProblem, type CliOutput } from '../output';

/**
 * `midad restore FILE`: FILE is a path, or the name of a backup in the data directory's
 * backups folder. The file is checked first (integrity, a Midad schema this version knows);
 * the current database is kept as a `pre-restore` backup (a damaged one as its plain file),
 * then replaced. Close the app first: a running Midad keeps writing to the database it opened.
 */
export async function runRestore(output: CliOutput, argv: string[]): Promise<ExitCode> {
  const parsed = parseCommand(output, argv, { 'data-dir': { type: 'string' } });
  if (typeof parsed === 'number') return parsed;
  const [, given, ...extra] = parsed.positionals;
  if (given === undefined || extra.length > 0) return usageError(output, 'restore takes one FILE', 'يأخذ «restore» ملفًا واحدًا');
  const dataDir = resolveDataDir(parsed.values['data-dir']);
  const inFolder = join(backupsDir(dataDir), given);
  const file = !existsSync(given) && parseBackupName(given) && existsSync(inFolder) ? inFolder : resolve(given);
  const databaseFile = join(dataDir, DATABASE_FILE_NAME);
  try {
    if (!existsSync(databaseFile)) {
      // A new machine: nothing to keep, the checked copy becomes the database.
      mkdirSync(dataDir, { recursive: true });
      const { copy } = prepareRestoreCopy(file, databaseFile);
      swapInDatabase(copy, databaseFile);
      output.out(`Restored ${file} into ${databaseFile}.`);
      output.out(`استُعيدت النسخة إلى ${databaseFile}.`);
      return ExitCode.OK;
    }
    const core = new Core({ dataDir, secretStore: new FileSecretStore(dataDir) });
    try {
      const { safetyBackup } = await core.restoreBackup(file, cliContext().actor);
      const kept = join(core.backups.dir, safetyBackup.name);
      output.out(`Restored ${file}. The previous database is kept as ${kept}.`);
      output.out(`استُعيدت النسخة. حُفظت قاعدة البيانات السابقة في ${kept}.`);
      if (core.databaseError) printProblem(output, core.databaseError);
      return core.databaseError ? ExitCode.PROBLEM : ExitCode.OK;
    } finally {
      await core.stopSync();
      core.close();
    }
  } catch (error) {
    if (!(error instanceof MidadError)) throw error;
    printProblem(output, error);
    return ExitCode.PROBLEM;
  }
}
