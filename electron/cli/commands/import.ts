import { usageError } from '../cliCore';
import type { CliOutput, ExitCode } from '../output';

/** `midad import` (argv: everything after the program name; parses its own options). */
export async function runImport(output: CliOutput, argv: string[]): Promise<ExitCode> {
  void argv;
  return usageError(output, '"import" is not available yet', '«import» غير متاح بعد');
}
