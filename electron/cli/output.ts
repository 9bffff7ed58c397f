/** Where a command writes; the entry passes the process streams, so commands stay testable. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes: 0 all well, 1 the data has a problem, 2 the command line was wrong. */
export const ExitCode = { OK: 0, PROBLEM: 1, USAGE: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure a person can act on, in English then Arabic (the CLI prints both, one per line). */
export interface Problem {
  code: string;
  message: string;
  messageAr: string;
}

export function printProblem(output: CliOutput, problem: Problem): void {
  output.err(`Error (${problem.code}): ${problem.message}`);
  output.err(`خطأ: ${problem.messageAr}`);
}
