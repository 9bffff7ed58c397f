import { usageError } from '../cliCore';
import type { CliOutput, ExitCode } from '../output';

/** `midad export` (argv: everything after the program name; parses its own options). */
export async function runExport(output: CliOutput, argv: string[]): Promise<ExitCode> {
  void argv;
  return usageError(output, '"export" is not available yet', '«export» غير متاح بعد');
}
