import { usageError } from '../cliCore';
import type { CliOutput, ExitCode } from '../output';

/** `midad search` (argv: everything after the program name; parses its own options). */
export async function runSearch(output: CliOutput, argv: string[]): Promise<ExitCode> {
  void argv;
  return usageError(output, '"search" is not available yet', '«search» غير متاح بعد');
}
