import { usageError } from '../cliCore';
import type { CliOutput, ExitCode } from '../output';

/** `midad archive verify` (argv: everything after the program name; parses its own options). */
export async function runArchive(output: CliOutput, argv: string[]): Promise<ExitCode> {
  void argv;
  return usageError(output, '"archive verify" is not available yet', '«archive verify» غير متاح بعد');
}
