import { usageError } from '../cliCore';
import type { CliOutput, ExitCode } from '../output';

/** `midad backup` (argv: everything after the program name; parses its own options). */
export async function runBackup(output: CliOutput, argv: string[]): Promise<ExitCode> {
  void argv;
  return usageError(output, '"backup" is not available yet', '«backup» غير متاح بعد');
}
