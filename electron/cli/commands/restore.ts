import { usageError } from '../cliCore';
import type { CliOutput, ExitCode } from '../output';

/** `midad restore` (argv: everything after the program name; parses its own options). */
export async function runRestore(output: CliOutput, argv: string[]): Promise<ExitCode> {
  void argv;
  return usageError(output, '"restore" is not available yet', '«restore» غير متاح بعد');
}
