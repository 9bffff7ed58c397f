import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { join } from 'node:path';
import { cliContext } from '../core/CallContext';
import { Core, DATABASE_FILE_NAME } from '../core/Core';
import { dispatch } from '../core/ipc/dispatch';
import { FileSecretStore } from '../core/secrets/FileSecretStore';
import { ExitCode, printProblem, type CliOutput } from './output';

/** A wrong command line: said in English and Arabic, exit 2. */
export function usageError(output: CliOutput, message: string, messageAr: string): ExitCode {
  output.err(`midad: ${message}`);
  output.err(`midad: ${messageAr}`);
  output.err('Run "midad --help" for usage.');
  return ExitCode.USAGE;
}

/** True (after saying so) when the data directory has no database: the CLI never creates one in a mistyped folder. */
export function databaseMissing(output: CliOutput, dataDir: string): boolean {
  const file = join(dataDir, DATABASE_FILE_NAME);
  if (existsSync(file)) return false;
  printProblem(output, {
    code: 'DB_MISSING',
    message: `There is no Midad database at ${file}. Check --data-dir or MIDAD_DATA_DIR.`,
    messageAr: `لا توجد قاعدة بيانات مداد في ${file}. تحقّق من ‎--data-dir‎ أو ‎MIDAD_DATA_DIR‎.`,
  });
  return true;
}

/**
 * Runs `work` with the core of an existing data directory and the CLI's secret store (an
 * encrypted file in the data directory: the CLI cannot read the app's OS keychain), then stops
 * the outbox if the work started it and closes the database.
 */
export async function withCore(output: CliOutput, dataDir: string, work: (core: Core) => Promise<ExitCode>): Promise<ExitCode> {
  if (databaseMissing(output, dataDir)) return ExitCode.PROBLEM;
  const core = new Core({ dataDir, secretStore: new FileSecretStore(dataDir) });
  try {
    if (core.databaseError) {
      printProblem(output, core.databaseError);
      return ExitCode.PROBLEM;
    }
    return await work(core);
  } finally {
    await core.stopSync();
    core.close();
  }
}

/** One call through the same dispatch as the app, as the CLI's admin; a refusal is printed and gives null. */
export async function cliCall<T>(core: Core, output: CliOutput, channel: string, payload: unknown): Promise<T | null> {
  const result = await dispatch(core, channel, payload, cliContext());
  if (!result.ok) {
    printProblem(output, result.error);
    return null;
  }
  return result.value as T;
}

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends OptionSpecs> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/**
 * The arguments of a command that parses its own options (`midad export`, `import`, `search` …):
 * strict, positionals allowed (the command word is the first). A wrong option is printed as a
 * usage error and its exit code returned instead.
 */
export function parseCommand<const O extends OptionSpecs>(output: CliOutput, argv: string[], options: O): Parsed<O> | ExitCode {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(output, (error as Error).message, 'خيار غير معروف أو ناقص');
  }
}

/** A date option: YYYY-MM-DD (the whole day in UTC, `end` picks its last millisecond) or a full ISO 8601 time; null when it is neither. */
export function parseDateOption(value: string, end: boolean): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(day.getTime())) return null;
    return end ? new Date(day.getTime() + 24 * 60 * 60 * 1000 - 1).toISOString() : day.toISOString();
  }
  const time = Date.parse(value);
  return /\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(time) ? new Date(time).toISOString() : null;
}
